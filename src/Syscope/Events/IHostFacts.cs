namespace Syscope.Events;

/// <summary>
/// What decoding and output ask of the traced system besides its memory and descriptors: network
/// interface names and how monotonic event times map to the wall clock.  The ptrace
/// backend answers live; a recorded trace answers with what was true when it was recorded, so
/// it decodes later exactly as it did live.
/// </summary>
internal interface IHostFacts
{
    /// <summary>if_indextoname: writes the interface's name into destination (at least 16 bytes);
    /// its length, or 0 when no interface has that index.</summary>
    int InterfaceName(uint index, Span<byte> destination);

    /// <summary>Wall-clock time for -t, -tt, -ttt and JSON times.</summary>
    WallClockAnchor WallClock { get; }

    /// <summary>The name (comm) of the process thread tid belongs to, as the backend saw it, for the
    /// line prefixes of a trace of many processes; empty when unknown.  Raw bytes: escape them.</summary>
    ReadOnlySpan<byte> ProcessName(int tid) => default;

    /// <summary>The thread's name (comm) for outputs that always name it (--json, exports): what the
    /// backend knows, else, live, /proc/TID/comm now; in a replay, the name last recorded.  Empty when
    /// unknown.  Raw bytes, valid until the next call.</summary>
    ReadOnlySpan<byte> Comm(int tid) => ProcessName(tid);

    /// <summary>-Y: what /proc/PID/comm says now (PID in syscope's pid namespace), without its
    /// newline, written into destination (at least 16 bytes); 0 when no such process is left.
    /// Raw bytes: escape them.</summary>
    int CurrentComm(int pid, Span<byte> destination) => 0;

    /// <summary>-Y: the name process pid took at its last exec, as the backend read it while the
    /// process was stopped there, written into destination; 0 when the backend did not note it.
    /// Lines are written after the fact: a program that ends right after its exec, with no line of
    /// its own in between, is gone from /proc by the time its "+++ exited" line is written.</summary>
    int ExecComm(int pid, Span<byte> destination) => 0;

    /// <summary>-Y and --decode-pids=pidns: an id the thread tid saw in its own pid namespace (a pid,
    /// a process group or a session, by kind) as syscope's namespace numbers it; 0 when no process
    /// has it there.  In syscope's own namespace that is the id itself.</summary>
    int PidInOurNamespace(int tid, int id, PidKind kind) => id;
}

/// <summary>Which of a process's ids a number is: /proc/PID/status lists each per pid namespace
/// (NSpid, NSpgid, NSsid).  strace names the process only for a thread or process id.</summary>
internal enum PidKind : byte { Process, Group, Session }

/// <summary>One reading of the monotonic and the wall clock at the same moment (and the local
/// time zone's offset then): every event time maps to wall time through it, with no clock call per
/// line.</summary>
internal readonly record struct WallClockAnchor(long MonotonicNs, long UnixNs, long LocalOffsetNs)
{
    private const long DayNanos = 86_400_000_000_000L;

    /// <summary>Microseconds since the Unix epoch at monotonic time ns.</summary>
    public long UnixMicros(long ns) => UnixNanos(ns) / 1000;

    /// <summary>Nanoseconds since the Unix epoch at monotonic time ns.</summary>
    public long UnixNanos(long ns) => UnixNs + (ns - MonotonicNs);

    /// <summary>Microseconds since local midnight at monotonic time ns.</summary>
    public long LocalMicrosOfDay(long ns) => LocalNanosOfDay(ns) / 1000;

    /// <summary>Nanoseconds since local midnight at monotonic time ns.</summary>
    public long LocalNanosOfDay(long ns)
    {
        long local = UnixNanos(ns) + LocalOffsetNs;
        return ((local % DayNanos) + DayNanos) % DayNanos;
    }
}

/// <summary>Everything a backend's world answers for decoders and outputs besides tracee memory.</summary>
internal sealed record TraceFacts(IFdPaths Fds, IHostFacts Host);
