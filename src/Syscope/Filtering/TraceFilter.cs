namespace Syscope.Filtering;

[Flags]
internal enum StatusSet { None = 0, Successful = 1, Failed = 2, Unfinished = 4, Unavailable = 8, Detached = 16, All = 31 }

[Flags]
internal enum QuietSet { None = 0, Attach = 1, Exit = 2, PathResolution = 4, Personality = 8, ThreadExecve = 16, Superseded = 32 }

internal enum SummaryMode { None, Only, WithTrace }

public enum SummarySort { Time, Calls, Errors, Name, Nothing, MinTime, MaxTime, AvgTime }

/// <summary>
/// What strace's -e, -c, -P, -z and related options select: which calls and signals to show,
/// which results, what to inject.  Built by the command line, consumed by the backend (which
/// calls stop at all) and the formatters (which lines print).
/// </summary>
internal sealed class TraceFilter
{
    public SyscallSet Trace { get; init; } = SyscallSet.All;
    /// <summary>-e signal=SET: index by signal number (1..64).</summary>
    public bool[] Signals { get; init; } = Enumerable.Repeat(true, 65).ToArray();
    public StatusSet Status { get; init; } = StatusSet.All;
    public QuietSet Quiet { get; init; } = QuietSet.None;
    /// <summary>-e trace-fds=SET; null means every fd.</summary>
    public IReadOnlySet<int>? TraceFds { get; init; }
    /// <summary>-P PATH (repeatable): only calls that touch these paths.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
    /// <summary>--syscall-limit=N: detach after N traced calls; -1 for no limit.</summary>
    public long SyscallLimit { get; init; } = -1;
    public IReadOnlyList<InjectionRule> Injections { get; init; } = [];
    public SummaryMode Summary { get; init; }
    public SummarySort SummarySort { get; init; } = SummarySort.Time;
    /// <summary>-U: column names in order; empty for strace's default set.</summary>
    public IReadOnlyList<string> SummaryColumns { get; init; } = [];
    /// <summary>-w: wall-clock latency instead of system time.</summary>
    public bool SummaryWallClock { get; init; }
    /// <summary>-O: what tracing is taken to add to each call, subtracted from its time (never below 0).</summary>
    public long SummaryOverheadNs { get; init; }
    /// <summary>--seccomp-bpf: true forces it, null means "wherever the filter allows" (the default).</summary>
    public bool? SeccompBpf { get; init; }
    /// <summary>--summary=failures: the failed calls grouped, after the trace.</summary>
    public bool FailureDigest { get; init; }
    /// <summary>The summaries need every call as it happens (latency percentiles, the failure
    /// digest), not totals a backend may count itself.</summary>
    public bool SummaryNeedsEachCall { get; init; }
    /// <summary>--min-duration: only calls that took at least this long are shown (as perf trace's
    /// --duration); -c still counts every call.  0 shows all.</summary>
    public long MinDurationNs { get; init; }

    public bool StopsEveryCall => Trace.IsAll && Paths.Count == 0 && TraceFds == null;
}

/// <summary>One -e inject= (or -e fault=) rule.  Exactly one of Error/Retval may be set; Signal and
/// the delays combine with either or stand alone.</summary>
internal sealed class InjectionRule
{
    public required SyscallSet Syscalls { get; init; }
    /// <summary>errno to fail with (error=ENOSPC); 0 for none.</summary>
    public int Error { get; init; }
    public long? Retval { get; init; }
    /// <summary>Signal to deliver when the call returns; 0 for none.</summary>
    public int Signal { get; init; }
    public long DelayEnterMicros { get; init; }
    public long DelayExitMicros { get; init; }
    /// <summary>when=FIRST..LAST+STEP, counted per process from 1; Last = long.MaxValue when open.</summary>
    public long First { get; init; } = 1;
    public long Last { get; init; } = long.MaxValue;
    public long Step { get; init; } = 1;
    /// <summary>syscall=NAME: a side-effect-free (%pure) call run in place of the original; null
    /// for strace's default of an invalid number (-1).</summary>
    public int? SubstituteSyscall { get; init; }
    /// <summary>poke_enter=@argN=HEX: bytes written at entry where argument N (1-based) points.</summary>
    public IReadOnlyList<(int Arg, byte[] Data)> PokeEnter { get; init; } = [];
    /// <summary>poke_exit=@argN=HEX: the same, at the call's return (before it is printed).</summary>
    public IReadOnlyList<(int Arg, byte[] Data)> PokeExit { get; init; } = [];

    public bool AppliesTo(long invocation) =>
        invocation >= First && invocation <= Last && (invocation - First) % Step == 0;

    public bool ChangesResult => Error != 0 || Retval.HasValue;
}
