namespace Syscope.Tracing;

/// <summary>What to trace: a command to launch, or processes to attach to (never both).</summary>
internal sealed class TraceTarget
{
    /// <summary>The resolved executable and the argv the user typed (argv[0] as given).</summary>
    public string? ExecutablePath { get; init; }
    public IReadOnlyList<string> Argv { get; init; } = [];
    public IReadOnlyList<int> AttachPids { get; init; } = [];
    /// <summary>-f: follow fork, vfork and clone.</summary>
    public bool FollowForks { get; init; }
    /// <summary>Which calls to report and what to inject (-e, -P...).</summary>
    public Filtering.TraceFilter Filter { get; init; } = new();
    /// <summary>-u USER: the identity the launched command runs with; null keeps syscope's.</summary>
    public Ptrace.RunAs? RunAs { get; init; }
    /// <summary>--kill-on-exit: every tracee dies when syscope does (PTRACE_O_EXITKILL) and is never
    /// detached.  Always so for a launched command under the seccomp program.</summary>
    public bool KillOnExit { get; init; }
    /// <summary>--system-wide, --cgroup, --comm: processes picked in the kernel (eBPF); a command, if
    /// any, only says how long to trace (and is traced if it is in the scope).</summary>
    public TraceScope? Scope { get; init; }
    /// <summary>-k: each call's user-space stack, unwound where strace unwinds it; null when off.</summary>
    public StackTraceSettings? StackTraces { get; init; }
    /// <summary>Charge each call its system CPU time (what -c without -w shows) even without -c: a
    /// recording keeps it for a later `replay -c`.</summary>
    public bool ChargeSystemTime { get; init; }
    /// <summary>-b execve: a tracee is let go as it calls execve (the command's own first one aside).</summary>
    public bool DetachOnExecve { get; init; }

    /// <summary>-D: the pid of syscope's own first process, which stays the caller's child and
    /// becomes the launcher once this (detached) tracer has seized it; Ready tells it so.  0: the
    /// launcher is started as a child of the tracer.</summary>
    public int DaemonParent { get; init; }
    public Action? DaemonReady { get; init; }

    /// <summary>Called once the command has been started (with its own copies of the standard
    /// descriptors), on the tracing thread; the command line lets go of its stdin and stdout here.</summary>
    public Action? Launched { get; init; }

    public bool Launches => ExecutablePath != null;
}

/// <summary>-k's settings: Demangle is false under --no-demangle; SourceLines under -kk.</summary>
/// <param name="Debug">-d: where the unwinder says which module files it reads.</param>
internal sealed record StackTraceSettings(bool Demangle, bool SourceLines = false, Action<string>? Debug = null);

/// <summary>How a traced run ended, for the exit status of syscope itself.</summary>
internal readonly record struct TraceOutcome(int ExitCode, int KilledBySignal, bool CoreDumped, int DetachedBySignal);
