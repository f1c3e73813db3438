using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>-f and -ff: threads and children, prefixes, per-process files, counts against strace.</summary>
public class FollowTests
{
    [NeedsFact("gcc", "strace")]
    public void Fifty_threads_and_a_hundred_children_counted_as_strace_counts_them()
    {
        string prog = CPrograms.Path("swarm"), outFile = CPrograms.TempFile("swarm");
        var r = SyscopeCli.Run("trace", "-f", "-o", outFile, prog);
        Assert.Equal(0, r.ExitCode);
        var ours = CountBySyscall(File.ReadAllLines(outFile));

        var strace = Runner.Run("strace", ["-f", "-c", "-o", outFile + ".c", prog]);
        Assert.Equal(0, strace.ExitCode);
        var theirs = ParseSummary(File.ReadAllLines(outFile + ".c"));
        foreach (var name in new[] { "sched_yield", "getuid", "clone", "clone3", "wait4", "execve", "munmap", "mprotect", "rt_sigprocmask" })
            Assert.True(theirs.GetValueOrDefault(name) == ours.GetValueOrDefault(name), $"{name}: strace {theirs.GetValueOrDefault(name)}, syscope {ours.GetValueOrDefault(name)}");
        Assert.Equal(100, ours["sched_yield"]);
        Assert.Equal(300, ours["getuid"]);
        var text = File.ReadAllLines(outFile);
        Assert.Equal(151, text.Count(l => Regex.IsMatch(l, @"^\d+ +\+\+\+ exited with 0 \+\+\+$")));
        // -o FILE PROG implies -q, as in strace: no "Process N attached" among the program's stderr.
        Assert.DoesNotContain(r.StderrLines, l => l.Contains("attached"));
    }

    [NeedsFact("gcc")]
    public void Ff_writes_one_file_per_process_without_prefixes()
    {
        string prefix = CPrograms.TempFile("ff");
        var r = SyscopeCli.Run("trace", "-ff", "-o", prefix, CPrograms.Path("signals"));
        Assert.Equal(0, r.ExitCode);
        var files = Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + ".*");
        Assert.Equal(2, files.Length);
        var parent = files.Select(File.ReadAllLines).Single(l => l[0].StartsWith("execve("));
        var child = files.Select(File.ReadAllLines).Single(l => !l[0].StartsWith("execve("));
        Assert.Equal("+++ exited with 0 +++", parent[^1]);
        Assert.Equal("exit_group(7)                           = ?", child[^2]);
        Assert.Equal("+++ exited with 7 +++", child[^1]);
        Assert.DoesNotContain(parent.Concat(child), l => Regex.IsMatch(l, @"^(\d+ |\[pid)"));
    }

    [NeedsFact("gcc")]
    public void Interleaved_calls_show_unfinished_and_resumed_with_pid_prefixes()
    {
        var r = SyscopeCli.Run("trace", "-f", CPrograms.Path("signals"));
        Assert.Equal(0, r.ExitCode);
        var lines = r.StderrLines;
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\[pid +\d+\] "));
        int unfinished = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^(\[pid +\d+\] )?wait4\(\d+,.* <unfinished \.\.\.>$"));
        Assert.True(unfinished >= 0, "parent's wait4 should be cut by the child's lines");
        Assert.Contains(lines.Skip(unfinished), l => Regex.IsMatch(l, @"^(\[pid +\d+\] )?<\.\.\. wait4 resumed>.*\) += \d+$"));
        Assert.DoesNotContain(lines.TakeWhile(l => !l.Contains("clone")), l => l.StartsWith("[pid"));
    }

    /// <summary>strace prints poll's timeout before "&lt;unfinished ...&gt;", not after the resume.</summary>
    [NeedsFact("gcc", "strace")]
    public void A_poll_cut_by_another_thread_shows_its_timeout_at_entry_as_strace()
    {
        string prog = CPrograms.Path("pollwait");
        string[] expected =
        [
            "[pid T] poll([{fd=3, events=POLLIN}], 1, 300 <unfinished ...>",
            "[pid P] getpid() = P",
            "[pid T] <... poll resumed>) = 0 (Timeout)",
            "[pid T] +++ exited with 0 +++",
            "+++ exited with 0 +++",
        ];
        var ours = SyscopeCli.Run("trace", "-f", "-q", "-e", "trace=poll,getpid", prog, "thread");
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(expected, MaskPids(ours.StderrLines));
        var theirs = Runner.Run("strace", ["-f", "-q", "-e", "trace=poll,getpid", prog, "thread"]);
        Assert.Equal(expected, MaskPids(theirs.StderrLines));
    }

    /// <summary>The thread's pid as T and the process's as P, wherever they show.</summary>
    private static string[] MaskPids(string[] lines)
    {
        string? process = lines.Select(l => Regex.Match(l, @"^\[pid +(\d+)\] getpid\(\) += (\d+)$")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        return lines.Select(l =>
        {
            l = Regex.Replace(l, @"^\[pid +", "[pid ");
            l = process == null ? l : Regex.Replace(l, $@"\b{process}\b", "P");
            // The padding before " = " depends on the pids' widths.
            return Regex.Replace(Regex.Replace(l, @"^\[pid +\d+\]", "[pid T]"), " +(= )", " $1");
        }).ToArray();
    }

    /// <summary>Counts calls as strace -c does: at their return, so exit and exit_group never count.</summary>
    internal static Dictionary<string, int> CountBySyscall(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            var m = Regex.Match(line, @"^(?:\d+ +)?(?:<\.\.\. \w+ resumed>|(\w+)\()");
            if (m.Success && m.Groups[1].Success) counts[m.Groups[1].Value] = counts.GetValueOrDefault(m.Groups[1].Value) + 1;
        }
        return counts;
    }

    internal static Dictionary<string, int> ParseSummary(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 5 && double.TryParse(f[0], out _) && int.TryParse(f[3], out int calls) && f[^1] != "total")
                counts[f[^1]] = calls;
        }
        return counts;
    }
}
