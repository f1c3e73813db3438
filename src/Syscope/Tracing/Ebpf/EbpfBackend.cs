using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;

namespace Syscope.Tracing.Ebpf;

/// <summary>How the eBPF backend runs: --buffer-size, how much of each argument's memory to copy
/// (-s, -e read=/write=), and how often the reader looks at the ring when nothing woke it.</summary>
internal sealed record EbpfSettings(long RingBytes = ProbeOptions.DefaultRingBytes, int StringLimit = 32, bool WholeBuffers = false,
    bool FdPaths = false, int PollMs = 20, bool KvmExits = false);

/// <summary>
/// The eBPF tracing backend: syscope's BPF programs see every call of the traced processes in the
/// kernel and copy its arguments' memory as the capture plans say; this class launches or attaches
/// (with no ptrace: the tracee is never stopped), reads the ring in batches and turns its records
/// into <see cref="TraceEvent"/>s, the captured bytes serving as the tracee's memory.  It runs on the
/// caller's thread, polling the ring with a short timeout, so a detach request from a signal
/// handler takes effect within one poll.
/// </summary>
internal sealed partial class EbpfBackend : ITraceBackend
{
    private readonly TraceTarget _target;
    private readonly EbpfSettings _settings;
    private volatile int _detachSignal;

    public EbpfBackend(TraceTarget target, EbpfSettings? settings = null)
    {
        if (Unsupported(target) is { } why) throw new UserError(why);
        _target = target;
        _settings = settings ?? new EbpfSettings();
        _names = new CapturedNames(LiveHostFacts.Instance);
        Facts = new TraceFacts(_fds, _names);
    }

    /// <summary>What a target asks that the eBPF backend cannot do (it never stops the tracee), in one
    /// line; null when it can trace it.</summary>
    public static string? Unsupported(TraceTarget target)
    {
        var f = target.Filter;
        if (f.Injections.Count > 0) return "--ebpf cannot inject= or fault=: that needs stopping the tracee (use ptrace: --backend=ptrace)";
        if (target.StackTraces != null) return "--ebpf cannot unwind stacks (-k): that needs stopping the tracee (use ptrace: --backend=ptrace)";
        if (target.RunAs != null) return "--ebpf cannot run the command as another user (-u): use --backend=ptrace";
        if (f.SeccompBpf == true) return "--ebpf filters in the kernel already: --seccomp-bpf is for the ptrace backend";
        if (target.DetachOnExecve) return "--ebpf never attaches, so it cannot let go at execve (-b execve): use --backend=ptrace";
        return null;
    }

    private readonly CapturedFdPaths _fds = new();
    private readonly CapturedNames _names;

    /// <summary>Descriptors as the kernel saw them at each call (-y); host facts looked up live.</summary>
    public TraceFacts Facts { get; }

    public void RequestDetach(int signal) => _detachSignal = signal;

    /// <summary>-c alone, where every call of the trace set counts (no -P or trace-fds, which pick
    /// calls by their descriptors): the kernel counts them and no call is reported one by one,
    /// which is what makes a summary of a busy process nearly free.  The time column is each call's
    /// system time (the CPU time it ran in the kernel), or with -w its wall-clock latency.</summary>
    public static bool CountsInKernel(Filtering.TraceFilter f) =>
        f.Summary == Filtering.SummaryMode.Only && f.Paths.Count == 0 && f.TraceFds == null && !f.SummaryNeedsEachCall;

    public TraceOutcome Run(ITraceConsumer consumer)
    {
        BpfProbe? probe = null;
        try
        {
            bool counts = CountsInKernel(_target.Filter);
            var scope = _target.Scope;
            // execve always makes records: its result says whether a launched command started,
            // even when -e trace= leaves it out (the session does not show it then).
            var kernelSet = new Filtering.SyscallSet(_target.Filter.Trace.Members.Append(Execve), _target.Filter.Trace.Contains(BpfLimits.MaxSyscalls));
            var options = new ProbeOptions
            {
                // A scope takes in every matching process, children included, without following.
                Scope = scope != null ? ProbeScope.All : ProbeScope.Pids,
                Follow = _target.FollowForks && scope == null,
                PerThread = !_target.FollowForks,
                RingBytes = _settings.RingBytes,
                Emit = !counts,
                Count = counts,
                CgroupId = scope?.CgroupId ?? 0,
                CgroupLevel = scope?.CgroupLevel ?? 0,
                Comm = scope?.Comm,
                // Lines are written after the fact: names as they were then (prefixes, -Y).
                Names = true,
                TraceSet = kernelSet,
                CountWallClock = _target.Filter.SummaryWallClock,
                KvmExits = _settings.KvmExits,
            };
            probe = BpfProbe.Load(options);
            _names.Ended = probe;
            var limits = new CapturePlans.Limits(_settings.StringLimit, _settings.WholeBuffers, _settings.FdPaths);
            foreach (var row in Syscalls.SyscallTable.All)
                if (row.Number < BpfLimits.MaxSyscalls && kernelSet.Contains(row.Number))
                    probe.SetPlan(row.Number, CapturePlans.For(row, limits));
            var session = new Session(this, probe, consumer, counts);
            return session.Run();
        }
        finally
        {
            // The trace is complete before the programs are taken off: letting go of tracepoints
            // waits for the kernel's grace periods, which the output need not wait for.
            try { consumer.Complete(); }
            finally
            {
                _names.Ended = null;
                probe?.Dispose();
            }
        }
    }
}
