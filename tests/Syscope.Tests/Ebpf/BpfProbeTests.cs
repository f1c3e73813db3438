using System.Text;
using Syscope.Filtering;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing.Ebpf;

namespace Syscope.Tests.Ebpf;

/// <summary>One at a time: each loads syscope's BPF programs, and the teardown test counts them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public static class EbpfCollection
{
    public const string Name = "ebpf";
}

/// <summary>The kernel side and its reader, in process: syscope's BPF programs traced over real
/// programs (Programs/ebpfcalls.c makes known calls), records read from the ring.</summary>
[Collection(EbpfCollection.Name)]
public class BpfProbeTests
{
    private const int Read = 0, Write = 1, GetPid = 39, GetPpid = 110, Execve = 59, ExitGroup = 231, OpenAt = 257;

    /// <summary>Records copied out of the ring (tests only; the real reader copies nothing).</summary>
    private sealed class Collector : IRecordSink
    {
        public readonly List<byte[]> Records = [];
        public void OnRecord(BpfRecord record) => Records.Add(record.Bytes.ToArray());
    }

    /// <summary>Runs argv under the probe until it ends; the records, in ring order.</summary>
    private static List<byte[]> Run(BpfProbe probe, params string[] argv)
    {
        var sink = new Collector();
        using (var launch = PausedLaunch.Start(argv[0], argv))
        {
            probe.Trace(launch.Pid);
            launch.Resume();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (launch.TryReap() == null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the traced program did not end");
                probe.Ring.Wait(10);
                probe.Ring.Drain(ref sink);
            }
        }
        probe.Ring.Drain(ref sink);
        return sink.Records;
    }

    private static CapturePlanEntry Plan(params CaptureRule[] rules)
    {
        var plan = new CapturePlanEntry();
        for (int i = 0; i < rules.Length; i++) plan.Rules[i] = rules[i];
        return plan;
    }

    private static void SetPlans(BpfProbe probe)
    {
        probe.SetPlan(Execve, Plan(
            new CaptureRule { Arg = 0, Kind = CaptureKind.String, Cap = 4096 },
            new CaptureRule { Arg = 1, Kind = CaptureKind.StringArray, ElemSize = 64, Cap = 256 }));
        probe.SetPlan(OpenAt, Plan(new CaptureRule { Arg = 1, Kind = CaptureKind.String, Cap = 4096 }));
        probe.SetPlan(Write, Plan(new CaptureRule { Arg = 1, Kind = CaptureKind.Bytes, SizeFrom = SizeSource.FromArg, SizeArg = 2, Cap = 32 }));
        probe.SetPlan(Read, Plan(new CaptureRule { Arg = 1, Kind = CaptureKind.Bytes, Phase = CapturePhase.Exit, SizeFrom = SizeSource.FromReturn, Cap = 32 }));
    }

    /// <summary>How many arguments each call of Programs/ebpfcalls.c has (syscall() passes six,
    /// the rest are whatever its registers held).</summary>
    private static readonly Dictionary<int, int> ArgCounts = new() { [Read] = 3, [Write] = 3, [GetPid] = 0, [ExitGroup] = 1, [OpenAt] = 3 };

    /// <summary>One line per record with what a decoder would use: the call, its arguments (small
    /// integers in decimal, others, the tracee's addresses, as ADDR) and return, each capture as its argument, flags and
    /// text (or byte count, when it is not text).</summary>
    private static string Text(byte[] bytes)
    {
        var r = new BpfRecord(bytes);
        var sb = new StringBuilder();
        switch (r.Kind)
        {
            case RecordKind.SyscallEntry:
                var e = r.As<EntryRecord>();
                sb.Append($"enter {e.H.Nr}");
                for (int i = 0; i < ArgCounts.GetValueOrDefault(e.H.Nr); i++)
                    sb.Append((int)e.Args[i] is > -4096 and < 0x10000 ? $" {(int)e.Args[i]}" : " ADDR");
                break;
            case RecordKind.SyscallExit:
                var x = r.As<ExitRecord>();
                sb.Append($"exit {x.H.Nr} = {x.Ret}{(x.H.Flags != 0 ? " " + x.H.Flags : "")}");
                break;
            case RecordKind.TaskExit:
                var t = r.As<TaskExitRecord>();
                sb.Append($"task exit {t.H.Flags} in {t.H.Nr} status {t.ExitCode:x}");
                break;
            case RecordKind.Signal:
                var g = r.As<SignalRecord>();
                sb.Append($"signal {g.H.Nr} {g.H.Flags}");
                break;
            default:
                sb.Append(r.Kind);
                break;
        }
        var captures = r.Captures;
        while (captures.MoveNext())
        {
            var c = captures.Current;
            var data = captures.CurrentBytes;
            bool text = data.Length > 0 && data.IndexOfAnyExceptInRange((byte)' ', (byte)'~') is var i && (i < 0 || (i == data.Length - 1 && data[i] == 0));
            sb.Append(text ? $" [{c.Arg} {c.Flags} \"{Encoding.ASCII.GetString(data).Replace("\0", "\\0")}\"]" : $" [{c.Arg} {c.Flags} {data.Length} bytes]");
        }
        return sb.ToString();
    }

    [NeedsFact("ebpf")]
    public void KnownCallsYieldExactlyTheirRecords()
    {
        using var probe = BpfProbe.Load(new ProbeOptions());
        SetPlans(probe);
        string exe = CPrograms.Path("ebpfcalls", "-O1", "-static");
        var records = Run(probe, exe);
        var lines = records.Select(Text).ToList();

        // The SIGCONT that lets the launcher go (ignored: it only continues it), then its execve,
        // the first call traced, with its path and argv captured.
        Assert.Equal("signal 18 Ignored", lines[0]);
        lines.RemoveAt(0);
        records.RemoveAt(0);
        Assert.Equal($"enter {Execve} [0 CompleteString \"{exe}\\0\"] [1 None 16 bytes] [1 CompleteString \"{exe}\\0\"]", lines[0]);
        int marker = lines.IndexOf($"enter {GetPid}");
        uint pid = new BpfRecord(records[marker]).Header.Tgid;
        Assert.Equal(
        [
            $"enter {GetPid}",
            $"exit {GetPid} = {pid}",
            $"enter {OpenAt} -100 ADDR 0 [1 CompleteString \"/nonexistent/syscope-ebpf\\0\"]",
            $"exit {OpenAt} = -2",
            $"enter {Write} 4 ADDR 11 [1 None \"hello, ebpf\"]",
            $"exit {Write} = 11",
            $"enter {Read} 3 ADDR 16",
            $"exit {Read} = 11 [1 None \"hello, ebpf\"]",
            $"enter {ExitGroup} 3",
            "task exit InSyscall, GroupDead in 231 status 300",
        ], lines.Skip(marker).ToList());
    }

    /// <summary>A set of up to four calls is seen by programs on those calls' own tracepoints (where
    /// tracefs shows them); a larger one (here with calls the program never makes) by the raw
    /// tracepoints every call passes: the same records.</summary>
    [NeedsTheory("ebpf")]
    [InlineData(new[] { OpenAt, Write }, true)]
    [InlineData(new[] { OpenAt, Write, 40, 41, 42 }, false)]
    public void TheTraceSetKeepsOtherCallsOutOfTheRing(int[] set, bool perSyscall)
    {
        using var probe = BpfProbe.Load(new ProbeOptions { TraceSet = new SyscallSet(set) });
        Assert.Equal(perSyscall && Directory.Exists("/sys/kernel/tracing/events/syscalls"), probe.PerSyscallPrograms);
        var records = Run(probe, CPrograms.Path("ebpfcalls", "-O1", "-static")).Select(Text).ToList();
        records.RemoveAll(r => r.StartsWith($"enter {GetPid}") || r.StartsWith($"exit {GetPid}"));
        Assert.Equal(
            ["signal 18", "Exec", $"enter {OpenAt}", $"exit {OpenAt}", $"enter {Write}", $"exit {Write}", "task exit GroupDead in 0 status 300"],
            records.Select(l => l.StartsWith("task") ? l : string.Join(' ', l.Split(' ').Take(2))).ToList());
    }

    [NeedsFact("ebpf")]
    public void FollowAddsChildrenInTheKernel()
    {
        using var probe = BpfProbe.Load(new ProbeOptions { Follow = true, TraceSet = new SyscallSet([GetPid, ExitGroup]) });
        var records = Run(probe, CPrograms.Path("ebpfcalls", "-O1", "-static"), "fork");
        Assert.Equal("signal 18 Ignored", Text(records[0]));   // the launcher's SIGCONT
        records.RemoveAt(0);
        var parent = new BpfRecord(records[0]).Header.Tgid;
        var fork = records.Where(b => new BpfRecord(b).Kind == RecordKind.Fork).Select(b => new BpfRecord(b).As<ForkRecord>()).Single();
        Assert.Equal(parent, fork.H.Tgid);
        Assert.Equal(fork.ChildTid, fork.ChildTgid);
        string Who(byte[] b) => new BpfRecord(b).Header.Tgid == parent ? "parent" : new BpfRecord(b).Header.Tgid == fork.ChildTgid ? "child" : "other";
        var lines = records.Where(b => new BpfRecord(b).Kind != RecordKind.Fork).Select(b => $"{Who(b)} {Text(b)}").ToList();
        Assert.Equal(
        [
            "parent Exec",
            $"child enter {GetPid}", $"child exit {GetPid} = {fork.ChildTgid}", $"child enter {ExitGroup} 4",
            "child task exit InSyscall, GroupDead in 231 status 400",
            "parent signal 17 Ignored",
            $"parent enter {GetPid}", $"parent exit {GetPid} = {parent}", $"parent enter {ExitGroup} 3",
            "parent task exit InSyscall, GroupDead in 231 status 300",
        ], lines);
        Assert.False(probe.IsTraced((int)parent));
        Assert.False(probe.IsTraced((int)fork.ChildTgid));
    }

    [NeedsFact("ebpf")]
    public void CountersCountInTheKernelWithoutRecords()
    {
        using var probe = BpfProbe.Load(new ProbeOptions { Emit = false, Count = true });
        var records = Run(probe, CPrograms.Path("ebpfcalls", "-O1", "-static"));
        // No call is reported, but execve (its result says whether the command started) and what
        // happens to processes.
        Assert.Equal(["signal 18 Ignored", $"enter {Execve}", "Exec", $"exit {Execve} = 0", "task exit InSyscall, GroupDead in 231 status 300"],
            records.Select(Text).Select(l => l.StartsWith("enter") ? l.Split(' ')[0] + " " + l.Split(' ')[1] : l).ToList());
        var getpid = probe.ReadCounter(GetPid);
        var openat = probe.ReadCounter(OpenAt);
        Assert.Equal((1UL, 0UL), (getpid.Calls, getpid.Errors));
        Assert.Equal((1UL, 1UL), (openat.Calls, openat.Errors));
        Assert.Equal(1UL, probe.ReadCounter(Write).Calls);
        ulong histogram = 0;
        for (int b = 0; b < BpfLimits.LatencyBuckets; b++) histogram += openat.LatencyLog2[b];
        Assert.Equal(1UL, histogram);
        Assert.True(openat.TotalNs > 0 && openat.MaxNs == openat.TotalNs);
        Assert.Equal(0UL, probe.ReadCounter(ExitGroup).Calls);   // it never returns
    }

    [NeedsFact("ebpf")]
    public void DeliveredAndLostAddUpToTheKernelsAttempts()
    {
        using var probe = BpfProbe.Load(new ProbeOptions { RingBytes = 4096 });
        var sink = new Collector();
        using (var launch = PausedLaunch.Start("/bin/dd", ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000", "status=none"]))
        {
            probe.Trace(launch.Pid);
            launch.Resume();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (launch.TryReap() == null)
            {
                Assert.True(DateTime.UtcNow < deadline, "dd did not end");
                Thread.Sleep(5);
                probe.Ring.Drain(ref sink);
            }
        }
        probe.Ring.Drain(ref sink);
        var stats = probe.ReadRingStats();
        Assert.True(stats.Lost > 0, "a one-page ring should overflow");
        Assert.True(sink.Records.Count > 0);
        Assert.Equal(stats.Attempts, (ulong)sink.Records.Count + stats.Lost);
        Assert.True(stats.Attempts >= 80_000, $"{stats.Attempts} attempts for 40,000 calls");
        // An exit whose entry was lost says so.
        Assert.Contains(sink.Records, b => new BpfRecord(b).Kind == RecordKind.SyscallExit && new BpfRecord(b).Header.Flags.HasFlag(RecordFlags.EntryLost));
    }

    /// <summary>A one-page ring flooded with getppid calls: every record is either delivered or
    /// counted lost, against a count kept apart from the ring's own bookkeeping: the -c counter of
    /// the calls (two records each), which must itself equal what the program made.</summary>
    [NeedsFact("ebpf", "gcc")]
    public void DeliveredAndLostRecordsAddUpToTheKernelsCountOfTheCalls()
    {
        const int Calls = 200_000;
        using var probe = BpfProbe.Load(new ProbeOptions { RingBytes = 4096, Count = true, TraceSet = new SyscallSet([GetPpid]) });
        var records = Run(probe, CPrograms.Path("ringflood", "-O1", "-static"), Calls.ToString());
        var stats = probe.ReadRingStats();
        ulong counted = probe.ReadCounter(GetPpid).Calls;
        Assert.Equal((ulong)Calls, counted);
        Assert.True(stats.Lost > 0, "a one-page ring should overflow");
        int delivered = records.Count(b => new BpfRecord(b).Header.Nr == GetPpid && new BpfRecord(b).Kind is RecordKind.SyscallEntry or RecordKind.SyscallExit);
        Assert.True(delivered > 0);
        // Besides the calls: the launcher's SIGCONT, the exec and the end of the process.
        int others = records.Count - delivered;
        Assert.True(others <= 3, $"{others} records that are not getppid's");
        Assert.Equal(2 * counted + 3, (ulong)records.Count + stats.Lost);
        Assert.Equal(stats.Attempts, (ulong)records.Count + stats.Lost);
    }

    [NeedsFact("ebpf", "bpftool")]
    public void DisposingRemovesEveryProgramLinkAndMap()
    {
        var before = BpfObjects.OwnedBy(Environment.ProcessId);
        var probe = BpfProbe.Load(new ProbeOptions());
        var loaded = BpfObjects.OwnedBy(Environment.ProcessId).Except(before).ToHashSet();
        Assert.Equal(7, loaded.Count(o => o.StartsWith("link ")));
        Assert.True(loaded.Count(o => o.StartsWith("map ")) >= 7, string.Join(", ", loaded));
        Assert.Equal(loaded, BpfObjects.StillLoaded(loaded));
        probe.Dispose();
        BpfObjects.AssertAllGone(loaded);
    }
}
