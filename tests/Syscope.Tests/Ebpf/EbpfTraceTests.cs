using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Syscope.Tests.Tracing;

namespace Syscope.Tests.Ebpf;

/// <summary>`syscope trace --ebpf`, as a user runs it: no ptrace, teardown whatever ends syscope,
/// losses reported, and the options it refuses.</summary>
[Collection(EbpfCollection.Name)]
public class EbpfTraceTests
{
    [NeedsFact("ebpf", "strace")]
    public void TheTraceeIsNeverPtracedAndStraceCanAttachMeanwhile()
    {
        string ours = CPrograms.TempFile("ebpf-ours"), theirs = CPrograms.TempFile("ebpf-strace");
        // The tracee reports its own TracerPid, then sleeps while strace attaches to it.
        using var syscope = SyscopeCli.Start("trace", "--ebpf", "-o", ours, "sh", "-c", "grep TracerPid /proc/self/status; exec sleep 1");
        int sleeper = 0;
        AttachTests.WaitUntil(() => (sleeper = ChildrenOf(syscope.Id).FirstOrDefault(p => Comm(p) == "sleep")) != 0);
        Assert.Equal("0", ErrorTests.TracerPid(sleeper));
        var strace = Runner.Run("strace", ["-o", theirs, "-p", sleeper.ToString()]);
        Assert.True(syscope.WaitForExit(10_000));
        Assert.Equal(0, strace.ExitCode);
        Assert.Equal("TracerPid:\t0\n", syscope.StandardOutput.ReadToEnd());
        Assert.Equal("+++ exited with 0 +++", File.ReadAllLines(theirs)[^1]);
        var lines = File.ReadAllLines(ours);
        Assert.Contains(lines, l => l.StartsWith("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}"));
        Assert.Equal("+++ exited with 0 +++", lines[^1]);
    }

    [NeedsFact("ebpf")]
    public void ExitStatusAndLinesOfALaunchedCommand()
    {
        var r = SyscopeCli.Run("trace", "--ebpf", "-e", "trace=exit_group,getppid", "sh", "-c", "exit 7");
        Assert.Equal(7, r.ExitCode);
        Assert.Equal(["exit_group(7)                           = ?", "+++ exited with 7 +++"], r.StderrLines.Where(l => !l.StartsWith("getppid")).ToArray());
    }

    [NeedsFact("ebpf", "bpftool")]
    public void NoProgramLinkOrMapRemainsAfterANormalExitCtrlCOrKill9()
    {
        foreach (int signal in new[] { 0, 2, 9 })
        {
            // Without -o, so that SIGINT ends the trace (strace's -I2) instead of being ignored.
            using var syscope = SyscopeCli.Start("trace", "--ebpf", "-e", "trace=none", "sleep", signal == 0 ? "3" : "30");
            int sleeper = 0;
            AttachTests.WaitUntil(() => (sleeper = ChildrenOf(syscope.Id).FirstOrDefault(p => Comm(p) == "sleep")) != 0);
            // Seven links: the five sched and signal programs, and those on renames and on tasks freed
            // (for names); execve's two per-syscall links go once the command has started (trace=none
            // does not show execve).
            HashSet<string> owned = [];
            AttachTests.WaitUntil(() => (owned = BpfObjects.OwnedBy(syscope.Id)).Count(o => o.StartsWith("link ")) == 7);
            Assert.Equal(owned, BpfObjects.StillLoaded(owned));
            if (signal != 0) Assert.Equal(0, AttachTests.Kill(syscope.Id, signal));
            Assert.True(syscope.WaitForExit(10_000), $"syscope did not end (signal {signal})");
            if (signal != 0) AttachTests.Kill(sleeper, 9);
            BpfObjects.AssertAllGone(owned);
        }
    }

    /// <summary>50 threads and 100 children under -f: the calls strace -f -c counts, both from the
    /// trace's lines and from the kernel's counters (-c), and an exit line for each.</summary>
    [NeedsFact("ebpf", "gcc", "strace")]
    public void FiftyThreadsAndAHundredChildrenCountedAsStraceCountsThem()
    {
        string prog = CPrograms.Path("swarm"), outFile = CPrograms.TempFile("ebpf-swarm");
        Assert.Equal(0, SyscopeCli.Run("trace", "--ebpf", "-f", "-o", outFile, prog).ExitCode);
        var lines = FollowTests.CountBySyscall(File.ReadAllLines(outFile));
        Assert.Equal(0, SyscopeCli.Run("trace", "--ebpf", "-f", "-c", "-o", outFile + ".ours", prog).ExitCode);
        var counted = FollowTests.ParseSummary(File.ReadAllLines(outFile + ".ours"));
        Assert.Equal(0, Runner.Run("strace", ["-f", "-c", "-o", outFile + ".c", prog]).ExitCode);
        var theirs = FollowTests.ParseSummary(File.ReadAllLines(outFile + ".c"));
        foreach (var name in new[] { "sched_yield", "getuid", "clone", "clone3", "wait4", "execve", "munmap", "mprotect", "rt_sigprocmask" })
        {
            Assert.True(theirs.GetValueOrDefault(name) == lines.GetValueOrDefault(name), $"{name}: strace {theirs.GetValueOrDefault(name)}, lines {lines.GetValueOrDefault(name)}");
            Assert.True(theirs.GetValueOrDefault(name) == counted.GetValueOrDefault(name), $"{name}: strace {theirs.GetValueOrDefault(name)}, -c {counted.GetValueOrDefault(name)}");
        }
        Assert.Equal(100, lines["sched_yield"]);
        Assert.Equal(300, lines["getuid"]);
        Assert.Equal(151, File.ReadAllLines(outFile).Count(l => Regex.IsMatch(l, @"^\d+ +\+\+\+ exited with 0 \+\+\+$")));
    }

    /// <summary>-p: the running process's calls from the attach on, and Ctrl-C lets it go, untouched.
    /// The ticker lives 6 s (40 ticks), so that it is still running when syscope has started and
    /// attached even on a loaded machine (its start has taken 2 s there).</summary>
    [NeedsFact("ebpf", "gcc")]
    public void AttachesToARunningProcessAndLetsItGo()
    {
        using var ticker = Runner.Start(CPrograms.Path("ticker"), ["40"]);
        Assert.Equal("tick 0", ticker.StandardOutput.ReadLine());
        using var syscope = SyscopeCli.Start("trace", "--ebpf", "-e", "trace=write", "-p", ticker.Id.ToString());
        Assert.Equal($"syscope: Process {ticker.Id} attached", syscope.StandardError.ReadLine());
        Assert.Matches(@"^write\(1, (""tick [1-9]\\n"", 7\) += 7|""tick [1-3]\d\\n"", 8\) += 8)$", syscope.StandardError.ReadLine());
        Assert.Equal("0", ErrorTests.TracerPid(ticker.Id));
        Assert.Equal(0, AttachTests.Kill(syscope.Id, 2));
        Assert.True(syscope.WaitForExit(10_000), "syscope did not end after SIGINT");
        // Said into an open line, if the ticker was in a call, which then ends " <detached ...>" as in strace.
        Assert.Matches($@"syscope: Process {ticker.Id} detached(\n <detached \.\.\.>)?$", syscope.StandardError.ReadToEnd().TrimEnd());
        Assert.True(ticker.WaitForExit(15_000));
        Assert.Equal(0, ticker.ExitCode);
        Assert.EndsWith("tick 39", ticker.StandardOutput.ReadToEnd().TrimEnd());
    }

    /// <summary>-c alone counts in the kernel: the same calls and errors as strace -c.</summary>
    [NeedsFact("ebpf", "strace")]
    public void SummaryCountedInTheKernelHasStracesCallsAndErrors()
    {
        string[] dd = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=5000", "status=none"];
        string ours = CPrograms.TempFile("ebpf-c"), theirs = CPrograms.TempFile("strace-c");
        Assert.Equal(0, SyscopeCli.Run(["trace", "--ebpf", "-c", "-o", ours, .. dd]).ExitCode);
        Assert.Equal(0, Runner.Run("strace", ["-c", "-o", theirs, .. dd]).ExitCode);
        // Columns: % time, seconds, usecs/call, calls, [errors], syscall; times differ, counts must not.
        static List<string> Counts(string file) => File.ReadAllLines(file)
            .Where(l => l.Length > 0 && char.IsDigit(l.TrimStart()[0]))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => $"{f[^1]} {f[3]}{(f.Length == 6 ? " " + f[4] : "")}")
            .Order().ToList();
        var expected = Counts(theirs);
        Assert.Contains("read 5003", expected);
        Assert.Equal(expected, Counts(ours));
    }

    /// <summary>-c (counted in the kernel) and -C (counted from each call): the time column is each
    /// call's system time, as the ptrace backend prints it (the CPU time the thread ran in the call,
    /// which a sleep hardly uses), and with -w its wall-clock latency.</summary>
    [NeedsTheory("ebpf", "python3")]
    [InlineData("-c")]
    [InlineData("-C")]
    public void SummaryTimeIsSystemTimeAndUnderWTheLatency(string summary)
    {
        string table = CPrograms.TempFile("ebpf-system-time");
        string[] sleeper = ["python3", "-c", "import time\nfor i in range(5): time.sleep(0.04)"];
        double Seconds(params string[] options)
        {
            Assert.Equal(0, SyscopeCli.Run(["trace", "--ebpf", summary, .. options, "-o", table, .. sleeper]).ExitCode);
            var row = File.ReadAllLines(table).Select(l => Regex.Match(l, @"^ *[\d.]+ +([\d.]+) +\d+ +5 +clock_nanosleep$")).Single(m => m.Success);
            return double.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        Assert.InRange(Seconds(), 0.000001, 0.02);
        Assert.InRange(Seconds("-w"), 0.2, 10);
    }

    /// <summary>-U with percentiles needs every call, so the kernel does not count them: the
    /// percentiles match the exact ones of the same run's --json durations, and under -w the time
    /// columns are each call's latency, so the longest is the longest duration.</summary>
    [NeedsFact("ebpf", "python3")]
    public void PercentilesMatchTheJsonDurationsAndTheWallClockColumnsAreLatencies()
    {
        var (rows, durations) = Output.PercentileTests.PercentilesMatchJsonDurations(["--ebpf", "-w"]);
        foreach (var row in rows)
        {
            var us = durations[row.GetProperty("syscall").GetString()!];
            Assert.Equal(us[^1], row.GetProperty("max_seconds").GetDouble() * 1e6, tolerance: 1.0);
            Assert.Equal(us.Sum(), row.GetProperty("seconds").GetDouble() * 1e6, tolerance: us.Count);
        }
    }

    /// <summary>`-c -w -U name,calls,errors,p50,p99,max-time`: the columns asked for, the calls and
    /// errors strace -c counts, and p50 ≤ p99 ≤ longest on every row (the percentiles are of the
    /// latency, which -w makes the time columns too).</summary>
    [NeedsFact("ebpf", "strace")]
    public void PercentileColumnsBesideStracesCountsAndConsistent()
    {
        string[] dd = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=5000", "status=none"];
        string ours = CPrograms.TempFile("ebpf-p"), theirs = CPrograms.TempFile("strace-p");
        try
        {
            Assert.Equal(0, SyscopeCli.Run(["trace", "--ebpf", "-c", "-w", "-U", "name,calls,errors,p50,p99,max-time", "-o", ours, .. dd]).ExitCode);
            Assert.Equal(0, Runner.Run("strace", ["-c", "-U", "name,calls,errors", "-o", theirs, .. dd]).ExitCode);
            var table = File.ReadAllLines(ours);
            Assert.Equal("syscall              calls    errors       p50       p99  longest", table[0]);
            static string[] Fields(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Rows: name, calls, [errors], p50, p99, longest.
            var rows = table.Skip(2).Where(l => !l.StartsWith("---")).Select(Fields).ToList();
            Assert.Equal(File.ReadAllLines(theirs).Skip(2).Where(l => !l.StartsWith("---")).Select(l => string.Join(' ', Fields(l))).Order(),
                rows.Select(f => string.Join(' ', f[..^3])).Order());
            Assert.Contains(rows, f => f[0] == "read" && f[1] == "5003");
            foreach (var f in rows)
            {
                double p50 = double.Parse(f[^3], CultureInfo.InvariantCulture), p99 = double.Parse(f[^2], CultureInfo.InvariantCulture), longest = double.Parse(f[^1], CultureInfo.InvariantCulture);
                Assert.True(p50 <= p99 && p99 <= longest * (1 + Syscope.Output.LatencyHistogram.RelativePrecision) + 1e-6, string.Join(' ', f));
            }
            Assert.True(double.Parse(rows.Single(f => f[0] == "total")[^1], CultureInfo.InvariantCulture) > 0);
        }
        finally { File.Delete(ours); File.Delete(theirs); }
    }

    /// <summary>The system times the kernel measured are recorded: replay prints the table (and the
    /// failure digest) as the live eBPF trace printed it.</summary>
    [NeedsFact("ebpf")]
    public void PercentilesAndTheFailureDigestReplayAsTheyShowedLive() => Output.PercentileTests.ReplayAsLive(["--ebpf"]);

    [NeedsFact("ebpf")]
    public void FailureDigestGroupsFailedCallsBySyscallErrnoAndPath() => Output.PercentileTests.FailureDigestGroups(["--ebpf"]);

    private const string LostNotice = @"^syscope: (\d+) events lost \(ring buffer full; --buffer-size=4K\)$";

    /// <summary>A one-page ring flooded with getppid calls: the losses are said in the trace file
    /// between the lines where they happened, summed under the -C table, and the command's exit
    /// line and status are its own even when its end record was among the lost.</summary>
    [NeedsFact("ebpf", "gcc")]
    public void LostEventsAreSaidInTheTraceAndUnderTheSummary()
    {
        string trace = CPrograms.TempFile("ebpf-lost");
        var r = SyscopeCli.Run("trace", "--ebpf", "--buffer-size=4K", "-C", "-e", "trace=getppid", "-o", trace, CPrograms.Path("ringflood"), "200000");
        Assert.Equal(3, r.ExitCode);
        Assert.Empty(r.StderrLines);
        var lines = File.ReadAllLines(trace);
        int exit = Array.IndexOf(lines, "+++ exited with 3 +++");
        Assert.True(exit > 0, "no exit line");
        var inTrace = lines[..exit].Select(l => Regex.Match(l, LostNotice)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(inTrace);
        // Every other line of the trace is a whole getppid line.
        Assert.All(lines[..exit].Where(l => !Regex.IsMatch(l, LostNotice)), l => Assert.Matches(@"^getppid\(\) += \d+$", l));
        var footer = Regex.Match(lines[^1], LostNotice);
        Assert.True(footer.Success, lines[^1]);
        Assert.Equal(inTrace.Sum(), long.Parse(footer.Groups[1].Value));
        Assert.Matches(@"^100\.00 .* total$", lines[^2]);
    }

    /// <summary>--json: each loss is a record of its own among the calls, and the summary's
    /// object carries the total.</summary>
    [NeedsFact("ebpf", "gcc")]
    public void LostEventsAreRecordsInJson()
    {
        string prog = CPrograms.Path("ringflood");
        var r = SyscopeCli.Run("trace", "--ebpf", "--buffer-size=4K", "--json", "-e", "trace=getppid", prog, "200000");
        Assert.Equal(3, r.ExitCode);
        var objects = r.StderrLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var lost = objects.Where(o => o.GetProperty("type").GetString() == "lost").ToList();
        Assert.NotEmpty(lost);
        Assert.All(lost, o => Assert.Equal(4096, o.GetProperty("buffer_size").GetInt32()));
        Assert.All(lost, o => Assert.True(o.GetProperty("events").GetInt64() > 0));
        Assert.Equal(["exited"], objects.Select(o => o.GetProperty("type").GetString()).Except(["syscall", "lost"]));
        var summary = SyscopeCli.Run("trace", "--ebpf", "--buffer-size=4K", "-C", "--json", "-e", "trace=getppid", prog, "200000");
        Assert.Equal(3, summary.ExitCode);
        var last = System.Text.Json.JsonDocument.Parse(summary.StderrLines[^1]).RootElement;
        Assert.Equal("summary", last.GetProperty("type").GetString());
        long inline = summary.StderrLines[..^1].Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(o => o.GetProperty("type").GetString() == "lost").Sum(o => o.GetProperty("events").GetInt64());
        Assert.True(inline > 0);
        Assert.Equal(inline, last.GetProperty("lost").GetProperty("events").GetInt64());
    }

    /// <summary>-c alone counts in the kernel: the -e trace= set only, even though execve is counted
    /// there for the launch.</summary>
    [NeedsFact("ebpf", "gcc")]
    public void SummaryCountedInTheKernelShowsOnlyTheTraceSet()
    {
        var r = SyscopeCli.Run("trace", "--ebpf", "-c", "-e", "trace=getppid", CPrograms.Path("ringflood"), "1000");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(["getppid 1000", "total 1000"], r.StderrLines.Where(l => char.IsDigit(l.TrimStart()[0]))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(f => $"{f[^1]} {f[3]}").ToArray());
    }

    [NeedsTheory("root")]
    [InlineData("-e", "inject=openat:error=ENOENT")]
    [InlineData("-e", "fault=openat")]
    [InlineData("-u", "root")]
    [InlineData("--seccomp-bpf", "-f")]
    public void OptionsThatNeedStoppingTheTraceeAreRefused(string option, string value)
    {
        var r = SyscopeCli.Run("trace", "--ebpf", option, value, "true");
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.StderrLines);
        Assert.Matches("^syscope: --ebpf ", r.StderrLines[0]);
    }

    private static IEnumerable<int> ChildrenOf(int pid)
    {
        var list = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                foreach (var c in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    list.Add(int.Parse(c));
        }
        catch (IOException) { }
        return list;
    }

    private static string Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return ""; }
    }
}
