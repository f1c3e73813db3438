using Syscope.Decoding;

namespace Syscope.Output;

internal enum TimestampStyle : byte { None, Seconds, Microseconds, Epoch }

/// <summary>Everything that shapes strace-format output (and nothing about what is traced).</summary>
internal sealed record StraceOptions
{
    public DecodeOptions Decode { get; init; } = new();
    /// <summary>-o FILE; null for stderr.</summary>
    public string? OutputPath { get; init; }
    /// <summary>-ff with -o: one file per process, NAME.PID.</summary>
    public bool PerProcessFiles { get; init; }
    public bool FollowForks { get; init; }
    /// <summary>More than one -p process: pid prefixes from the start.</summary>
    public bool ManyProcesses { get; init; }
    /// <summary>--system-wide, --cgroup, --comm: every line starts "[pid N comm] " (stderr and -o alike).</summary>
    public bool ProcessNames { get; init; }
    public TimestampStyle Timestamps { get; init; }
    /// <summary>-r: time since the previous line.</summary>
    public bool RelativeTimestamps { get; init; }
    /// <summary>-T: time spent in each call.</summary>
    public bool SyscallTimes { get; init; }
    /// <summary>-n: syscall numbers before names.</summary>
    public bool SyscallNumbers { get; init; }
    /// <summary>--color resolved: ANSI colours in the text (decided by the command, which knows the output).</summary>
    public bool Color { get; init; }
    /// <summary>--slow=DURATION: calls that took this long are highlighted in colour (default 10 ms).</summary>
    public long SlowNs { get; init; } = 10_000_000;
    /// <summary>What to trace and show (-e, -c, -P, -z, -q...); the backend and the call assembler apply it.</summary>
    public Filtering.TraceFilter Filter { get; init; } = new();
}
