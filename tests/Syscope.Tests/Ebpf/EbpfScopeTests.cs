using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Syscope.Tests.Tracing;

namespace Syscope.Tests.Ebpf;

/// <summary>--system-wide, --cgroup and --comm: processes picked in the kernel, not by pid, each
/// line prefixed "[pid N NAME] ".  Programs/ringflood.c makes as many getppid calls as it is told and
/// exits with 3, so its lines are known exactly even among the machine's other processes.</summary>
[Collection(EbpfCollection.Name)]
public class EbpfScopeTests
{
    /// <summary>The getppid lines of the trace, as (pid, name).</summary>
    private static List<(int Pid, string Name)> GetppidLines(IEnumerable<string> lines) => lines
        .Select(l => Regex.Match(l, @"^\[pid +(\d+) ([^\]]*)\] getppid\(\) += \d+$")).Where(m => m.Success)
        .Select(m => (int.Parse(m.Groups[1].Value), m.Groups[2].Value)).ToList();

    /// <summary>Started with no command, it traces until Ctrl-C: a program started after it began
    /// shows, with its name, syscope's own calls never do, and Ctrl-C leaves no program, link or map
    /// of its behind.</summary>
    [NeedsFact("ebpf", "gcc", "bpftool")]
    public void SystemWideSeesAProcessStartedAfterTracingBegan()
    {
        string prog = CPrograms.Path("ringflood"), trace = CPrograms.TempFile("ebpf-system-wide");
        using var syscope = SyscopeCli.Start("trace", "--system-wide", "-e", "trace=getppid", "-e", "signal=none", "-o", trace);
        // Tracing has begun once its programs are attached: the seven on processes, renames, tasks
        // freed and signals, and a pair on getppid's and execve's own tracepoints (where tracefs shows
        // them; else one on sys_enter and one on sys_exit).
        int links = Directory.Exists("/sys/kernel/tracing/events/syscalls") ? 11 : 9;
        AttachTests.WaitUntil(() => BpfObjects.OwnedBy(syscope.Id).Count(o => o.StartsWith("link ")) == links);
        using var marker = Runner.Start(prog, ["6"]);
        int pid = marker.Id;
        Assert.Equal(3, marker.AssertExits(10_000));
        // Its records are in the ring by now; letting go drains the ring before syscope ends.
        var owned = BpfObjects.OwnedBy(syscope.Id);
        Assert.Equal(0, AttachTests.Kill(syscope.Id, 2));
        Assert.True(syscope.WaitForExit(10_000), "syscope did not end after SIGINT");
        BpfObjects.AssertAllGone(owned);
        var lines = File.ReadAllLines(trace);
        Assert.Equal(Enumerable.Repeat((pid, "ringflood"), 6), GetppidLines(lines).Where(l => l.Pid == pid));
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, $@"^\[pid +{syscope.Id} "));
        Assert.All(lines, l => Assert.Matches(@"^\[pid +\d+ [^\]]*\] ", l));
    }

    /// <summary>Only processes in the cgroup or below it: a process moved into a child of the
    /// cgroup shows, the same program outside does not, and the command's status is syscope's.</summary>
    [NeedsFact("ebpf", "gcc", "cgroup2")]
    public void CgroupSeesOnlyThatCgroupsProcesses()
    {
        string prog = CPrograms.Path("ringflood");
        string cgroup = Path.Combine(Machine.Cgroup2Root!, "syscope-test-" + Guid.NewGuid().ToString("N")[..8]);
        string child = Path.Combine(cgroup, "child");
        Directory.CreateDirectory(child);
        try
        {
            // The inner shell moves itself into the child cgroup, then becomes ringflood 7; the outer
            // shell's own ringflood 5 stays where syscope's command started.
            string script = $"sh -c 'echo $$ > {child}/cgroup.procs && exec {prog} 7'; {prog} 5";
            var r = SyscopeCli.Run("trace", "--cgroup", cgroup, "-e", "trace=getppid", "-e", "signal=none", "sh", "-c", script);
            Assert.Equal(3, r.ExitCode);
            var calls = GetppidLines(r.StderrLines);
            Assert.Equal(7, calls.Count);
            Assert.Single(calls.Distinct());
            Assert.Equal("ringflood", calls[0].Name);
            Assert.Matches($@"^\[pid +{calls[0].Pid} ringflood\] \+\+\+ exited with 3 \+\+\+$", r.StderrLines[^1]);
        }
        finally
        {
            // Empty once their processes ended (a cgroup with no process can be removed).
            AttachTests.WaitUntil(() => { try { Directory.Delete(child); Directory.Delete(cgroup); return true; } catch (IOException) { return false; } });
        }
    }

    /// <summary>Only processes of that name: ringflood's calls show, the same program under another
    /// name and the shell that starts both do not.</summary>
    [NeedsFact("ebpf", "gcc")]
    public void CommSelectsProcessesByName()
    {
        string prog = CPrograms.Path("ringflood"), renamed = CPrograms.TempFile("flood");
        File.Copy(prog, renamed);
        File.SetUnixFileMode(renamed, File.GetUnixFileMode(prog));
        var r = SyscopeCli.Run("trace", "--comm", "ringflood", "-e", "trace=getppid,exit_group", "-e", "signal=none", "sh", "-c", $"{renamed} 3; {prog} 4; {renamed} 2");
        Assert.Equal(3, r.ExitCode);
        var calls = GetppidLines(r.StderrLines);
        Assert.Equal(4, calls.Count);
        Assert.Single(calls.Distinct());
        Assert.Equal("ringflood", calls[0].Name);
        Assert.Equal(6, r.StderrLines.Length);   // 4 getppid, exit_group, the exit line
        // --json names each object's process.
        var json = SyscopeCli.Run("trace", "--comm", "ringflood", "-e", "trace=getppid", "--json", "sh", "-c", $"{prog} 2");
        Assert.Equal(3, json.ExitCode);
        var objects = json.StderrLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["syscall", "syscall", "exited"], objects.Select(o => o.GetProperty("type").GetString()));
        Assert.All(objects, o => Assert.Equal("ringflood", o.GetProperty("comm").GetString()));
    }

    /// <summary>A launched command is named as itself from its execve on (not by the launcher's memfd,
    /// whose exec and stop are syscope's doing and never show), and a process renamed by prctl shows
    /// its new name from the next line on, as the kernel told it then.</summary>
    [NeedsFact("ebpf", "gcc")]
    public void ScopedLinesNameTheLaunchedCommandAndFollowRenames()
    {
        string trace = CPrograms.TempFile("ebpf-names");
        try
        {
            string prog = CPrograms.Path("pidnames");
            var r = SyscopeCli.Run("trace", "--system-wide", "-e", "trace=execve,prctl,getppid,exit_group", "-e", "signal=none", "-o", trace, prog, "rename");
            Assert.Equal(0, r.ExitCode);
            var lines = File.ReadAllLines(trace);
            var execs = lines.Where(l => l.Contains($"execve(\"{prog}\"")).ToList();
            Assert.True(execs.Count == 1, string.Join("\n", lines.Where(l => l.Contains("pidnames") || l.Contains("renamed"))));
            var exec = execs[0];
            string pid = Regex.Match(exec, @"^\[pid +(\d+) ").Groups[1].Value;
            var own = lines.Where(l => Regex.IsMatch(l, $@"^\[pid +{pid} ")).Select(l => Regex.Replace(l, @"^\[pid +\d+ ", "[pid ")).ToList();
            Assert.Equal([$"[pid pidnames] execve(\"{prog}\", [\"{prog}\", \"rename\"], 0xADDR /* N vars */) = 0", "[pid pidnames] exit_group(0) = ?", "[pid pidnames] +++ exited with 0 +++"],
                own.Select(l => Regex.Replace(Regex.Replace(l, @"0x[0-9a-f]+ /\* \d+ vars", "0xADDR /* N vars"), " {2,}", " ")));
            // The child is the one whose parent is the command (other processes rename themselves too).
            var child = lines.Single(l => Regex.IsMatch(l, $@"\] getppid\(\) += {pid}$"));
            string childPid = Regex.Match(child, @"^\[pid +(\d+) ").Groups[1].Value;
            Assert.Equal(["[pid pidnames] prctl(PR_SET_NAME, \"renamed\") = 0", $"[pid renamed] getppid() = {pid}", "[pid renamed] exit_group(0) = ?", "[pid renamed] +++ exited with 0 +++"],
                lines.Where(l => Regex.IsMatch(l, $@"^\[pid +{childPid} ")).Select(l => Regex.Replace(Regex.Replace(l, @"^\[pid +\d+ ", "[pid "), " {2,}", " ")));
        }
        finally { File.Delete(trace); }
    }

    [NeedsTheory("ebpf")]
    [InlineData("--comm=a-name-of-16-bytes", "syscope: --comm: process names are at most 15 bytes (the kernel keeps no more): 'a-name-of-16-bytes'")]
    [InlineData("--cgroup=/proc", "syscope: --cgroup '/proc': not a cgroup v2 directory (such as /sys/fs/cgroup/system.slice/NAME.service)")]
    [InlineData("--cgroup=/nonexistent", "syscope: --cgroup '/nonexistent': No such file or directory")]
    public void BadScopesAreSaidInOneLine(string option, string message)
    {
        var r = SyscopeCli.Run("trace", option, "true");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal([message], r.StderrLines);
    }

    [Fact]
    public void ScopesRefusePidsAndPtrace()
    {
        var r = SyscopeCli.Run("trace", "--system-wide", "-p", "1");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("syscope trace: --system-wide, --cgroup and --comm pick the processes themselves: they cannot be combined with -p", r.StderrLines[0]);
        r = SyscopeCli.Run("trace", "--comm", "x", "--backend=ptrace", "true");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("syscope trace: --system-wide, --cgroup and --comm trace with eBPF", r.StderrLines[0]);
    }

}
