using System.Text.RegularExpressions;
using Syscope.Filtering;
using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Filtering;

/// <summary>
/// The trace classes against strace 6.1 itself: what strace prints under -e trace=%CLASS must be
/// exactly the calls of our class that the same program makes.
/// </summary>
public class SyscallClassesTests
{
    public static TheoryData<string> Classes => new(SyscallClasses.Names);

    /// <summary>Left out of everysyscall.c (its SKIPPED list): they block, fork or end the process.</summary>
    private static readonly int[] s_skipped = [15, 23, 31, 34, 56, 57, 58, 60, 66, 68, 70, 71, 153, 163, 170, 171, 231, 246, 270, 271, 313, 317, 320];

    [NeedsTheory("gcc", "strace")]
    [MemberData(nameof(Classes))]
    public void Every_syscall_is_classified_as_strace_classifies_it(string cls)
    {
        string prog = CPrograms.Path("everysyscall", "-O1", "-static", "-nostdlib");
        var shown = StraceNames($"trace=%{cls}", "-e", "signal=none", "-e", "inject=all:error=ENOSYS:when=1", prog);
        // Everything the loop makes, and the exit_group that ends the program.
        var made = SyscallTable.All.Where(r => r.Number is <= 334 or >= 424 && !s_skipped.Contains(r.Number))
            .Select(r => r.Name).Append("exit_group");
        Assert.Equal(shown.Order(), made.Where(SyscallClasses.Get(cls)!.Contains).Order());
    }

    public static TheoryData<string, string> Workloads()
    {
        var data = new TheoryData<string, string>();
        string[] commands =
        [
            "ls /",
            "cat /etc/passwd",
            "ls / | wc -l; sleep 0 & wait; kill -0 $$",
            "python3 -c \"import socket,os,signal,time; a,b=socket.socketpair(); a.send(b'x'); b.recv(1); s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(); c=socket.create_connection(s.getsockname()); d,_=s.accept(); os.stat('/'); os.lstat('/'); os.statvfs('/'); time.time(); signal.signal(signal.SIGUSR1, lambda *x: 0); os.kill(os.getpid(), signal.SIGUSR1)\"",
        ];
        foreach (string cls in SyscallClasses.Names) foreach (string c in commands) data.Add(cls, c);
        return data;
    }

    [NeedsTheory("strace", "python3")]
    [MemberData(nameof(Workloads))]
    public void Real_workloads_show_the_same_calls_as_strace(string cls, string command)
    {
        var everything = s_unfiltered.GetOrAdd(command, c => new Lazy<HashSet<string>>(() => StraceNames("trace=all", "sh", "-c", c))).Value;
        var shown = StraceNames($"trace=%{cls}", "sh", "-c", command);
        var expected = everything.Where(SyscallClasses.Get(cls)!.Contains).ToHashSet();
        Assert.Equal(shown.Order(), expected.Order());
    }

    /// <summary>One unfiltered run per workload, shared by every class's comparison.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<HashSet<string>>> s_unfiltered = new();

    /// <summary>The names of the calls strace prints (with -f, to a file) for one run.</summary>
    private static HashSet<string> StraceNames(string traceExpr, params string[] command)
    {
        string output = CPrograms.TempFile("classes");
        var r = Runner.Run("strace", ["-f", "-qq", "-o", output, "-e", traceExpr, .. command]);
        var names = new HashSet<string>();
        foreach (string line in File.ReadAllLines(output))
        {
            var m = Regex.Match(line, @"^\d+\s+([a-z_0-9]+)\(");
            if (m.Success) names.Add(m.Groups[1].Value);
        }
        File.Delete(output);
        return names;
    }
}
