using Syscope.Events;

namespace Syscope.Tracing;

/// <summary>
/// A way of watching processes' system calls (ptrace today).  What to watch is the
/// <see cref="TraceTarget"/> it was made for: a command to launch or processes to attach to.
/// Everything it sees, attaching, calls, signals, exits, detaching, a launch that failed and
/// warnings, reaches the consumer as <see cref="TraceEvent"/>s; nothing else leaves a backend.
/// </summary>
internal interface ITraceBackend
{
    /// <summary>What decoders and outputs may ask of the traced system besides tracee memory
    /// (descriptor targets, interface names, pid_max, the wall clock); valid before Run.</summary>
    TraceFacts Facts { get; }

    /// <summary>Launches or attaches, reports every event to consumer (on the backend's own
    /// thread, with the tracee's memory readable during the call), and returns how the run ended,
    /// once no tracee is left or all were let go.  Throws <see cref="UserError"/> when tracing
    /// cannot start.  consumer.Complete() is called at the end, also after a failure.</summary>
    TraceOutcome Run(ITraceConsumer consumer);

    /// <summary>Lets every tracee go (Ctrl-C, a --watch window's end).  Safe from any thread, at
    /// any time, even before Run.  A positive signal is then passed on to a launched command, as
    /// strace does; -1 just lets go.</summary>
    void RequestDetach(int signal);
}

/// <summary>--backend: ptrace (stops the tracee at each call), ebpf (never stops it), or auto
/// (eBPF where this machine and the options allow it, else ptrace).</summary>
internal enum BackendKind { Ptrace, Ebpf, Auto }

/// <summary>Picks the backend for a target.</summary>
internal static class TraceBackends
{
    public static ITraceBackend Create(TraceTarget target) => new Ptrace.PtraceBackend(target);

    /// <summary>The backend asked for.  Ebpf throws <see cref="UserError"/> naming what is missing
    /// or what it cannot do; Auto then falls back to ptrace and tells why through notice.</summary>
    public static ITraceBackend Create(TraceTarget target, BackendKind kind, Ebpf.EbpfSettings settings, Action<string> notice)
    {
        if (target.Scope != null && kind != BackendKind.Ebpf) throw new UserError("--system-wide, --cgroup and --comm need the eBPF backend");
        if (kind == BackendKind.Ptrace) return Create(target);
        string? why = Ebpf.EbpfBackend.Unsupported(target) ?? Ebpf.EbpfSupport.Missing;
        if (why == null) return new Ebpf.EbpfBackend(target, settings);
        if (kind == BackendKind.Ebpf) throw new UserError(why);
        notice($"eBPF unavailable ({why}); tracing with ptrace");
        return Create(target);
    }
}
