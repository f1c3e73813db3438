using System.Diagnostics;
using Syscope.Tracing.Ebpf;

namespace Syscope.Bench;

/// <summary>
/// `Syscope.Bench ebpf-capture MODE CMD...`: runs CMD under syscope's BPF programs and reads the
/// ring without decoding, to measure what the kernel side and the reader cost (bench/ebpf-overhead.sh).
/// MODE: none (tracepoints and filters, no record), count (-c counters only), batch (records,
/// read/write buffers captured as a decoder needs them, drained in batches), wakeup (the same
/// with a wake-up whenever the reader has caught up).  Prints the tracee's wall time from the
/// moment it is let go to its end, and the records read, lost and attempted.
/// </summary>
public static class EbpfCapture
{
    private struct Counter : IRecordSink
    {
        public long Records;
        public void OnRecord(BpfRecord record) => Records++;
    }

    public static int Run(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("usage: ebpf-capture none|count|batch|wakeup CMD [ARGS]"); return 2; }
        string mode = args[0];
        var options = mode switch
        {
            "none" => new ProbeOptions { Emit = false },
            "count" => new ProbeOptions { Emit = false, Count = true },
            "batch" => new ProbeOptions(),
            "wakeup" => new ProbeOptions { WakeBytes = 0 },
            _ => throw new ArgumentException($"unknown mode {mode}"),
        };
        using var probe = BpfProbe.Load(options);
        var plan = new CapturePlanEntry();
        // read(2) and write(2) as their decoders need them: up to -s 32 bytes of the buffer.
        plan.Rules[0] = new CaptureRule { Arg = 1, Kind = CaptureKind.Bytes, SizeFrom = SizeSource.FromArg, SizeArg = 2, Cap = 32 };
        probe.SetPlan(1, plan);
        plan.Rules[0] = new CaptureRule { Arg = 1, Kind = CaptureKind.Bytes, Phase = CapturePhase.Exit, SizeFrom = SizeSource.FromReturn, Cap = 32 };
        probe.SetPlan(0, plan);
        string path = args[1].Contains('/') ? args[1] : Syscope.Tracing.CommandResolver.Resolve(args[1]);
        var sink = new Counter();
        long started;
        using (var launch = PausedLaunch.Start(path, args[1..]))
        {
            probe.Trace(launch.Pid);
            started = Stopwatch.GetTimestamp();
            launch.Resume();
            while (launch.TryReap() == null)
            {
                probe.Ring.Wait(10);
                probe.Ring.Drain(ref sink);
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        probe.Ring.Drain(ref sink);
        var stats = probe.ReadRingStats();
        Console.WriteLine($"tracee_ms {elapsed.TotalMilliseconds:F0} records {sink.Records} lost {stats.Lost} attempts {stats.Attempts}");
        return 0;
    }
}
