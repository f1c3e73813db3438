using Syscope.Decoding;

namespace Syscope.Output;

public enum TimestampStyle : byte { None, Seconds, Microseconds, Epoch }

/// <summary>Everything that shapes strace-format output (and nothing about what is traced).</summary>
public sealed class StraceOptions
{
    public DecodeOptions Decode { get; init; } = new();
    /// <summary>-o FILE; null for stderr.</summary>
    public string? OutputPath { get; init; }
    /// <summary>-ff with -o: one file per process, NAME.PID.</summary>
    public bool PerProcessFiles { get; init; }
    public bool FollowForks { get; init; }
    /// <summary>More than one -p process: pid prefixes from the start.</summary>
    public bool ManyProcesses { get; init; }
    public TimestampStyle Timestamps { get; init; }
    /// <summary>-r: time since the previous line.</summary>
    public bool RelativeTimestamps { get; init; }
    /// <summary>-T: time spent in each call.</summary>
    public bool SyscallTimes { get; init; }
    /// <summary>-q: no attach/detach messages.</summary>
    public bool Quiet { get; init; }
    /// <summary>-n: syscall numbers before names.</summary>
    public bool SyscallNumbers { get; init; }
    public Filtering.TraceFilter Filter { get; init; } = new();
}
