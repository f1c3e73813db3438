using Syscope.Decoding;

namespace Syscope.Output;

/// <summary>-t/--timestamps=format: the clock time of day, or seconds since the epoch (-ttt).</summary>
internal enum TimestampStyle : byte { None, Time, Unix }

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
    /// <summary>--timestamps=precision: digits after the second (0, 3, 6 or 9).</summary>
    public int TimestampDigits { get; init; }
    /// <summary>-r: time since the previous line.</summary>
    public bool RelativeTimestamps { get; init; }
    /// <summary>--relative-timestamps=precision: digits after the second.</summary>
    public int RelativeDigits { get; init; } = 6;
    /// <summary>-T: time spent in each call.</summary>
    public bool SyscallTimes { get; init; }
    /// <summary>--syscall-times=precision: digits after the second.</summary>
    public int SyscallTimeDigits { get; init; } = 6;
    /// <summary>-n: syscall numbers before names.</summary>
    public bool SyscallNumbers { get; init; }
    /// <summary>--color resolved: ANSI colours in the text (decided by the command, which knows the output).</summary>
    public bool Color { get; init; }
    /// <summary>--slow=DURATION: calls that took this long are highlighted in colour (default 10 ms).</summary>
    public long SlowNs { get; init; } = 10_000_000;
    /// <summary>-i: the instruction pointer before each line.</summary>
    public bool InstructionPointer { get; init; }
    /// <summary>-a: the column of " = " (strace counts from 1: the space before '=' ends column N-1).</summary>
    public int Column { get; init; } = 40;
    /// <summary>What to trace and show (-e, -c, -P, -z, -q...); the backend and the call assembler apply it.</summary>
    public Filtering.TraceFilter Filter { get; init; } = new();
}
