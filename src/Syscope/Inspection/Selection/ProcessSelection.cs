namespace Syscope.Inspection.Selection;

/// <summary>
/// Which processes pgrep, pkill and ps select, as a plain value: every criterion given must hold
/// (lists inside one criterion are alternatives), then Inverse negates, then Newest/Oldest keep
/// one.  Names (users, groups) are resolved to numbers by whoever builds it.
/// </summary>
internal sealed record ProcessSelection
{
    /// <summary>A POSIX extended regular expression, or null for none.</summary>
    public string? Pattern { get; init; }
    /// <summary>Match the pattern against the command line instead of the process name (-f).</summary>
    public bool Full { get; init; }
    public bool Exact { get; init; }
    public bool IgnoreCase { get; init; }
    public bool Inverse { get; init; }
    public bool Newest { get; init; }
    public bool Oldest { get; init; }
    /// <summary>Each thread is a candidate of its own, selected by its own name and state (-w).</summary>
    public bool Threads { get; init; }
    /// <summary>Leave out every ancestor of the selecting process (-A).</summary>
    public bool IgnoreAncestors { get; init; }
    public int? OlderSeconds { get; init; }
    public IReadOnlyList<long>? Pids { get; init; }
    public IReadOnlyList<long>? ParentPids { get; init; }
    public IReadOnlyList<long>? ProcessGroups { get; init; }
    public IReadOnlyList<long>? Sessions { get; init; }
    public IReadOnlyList<long>? EffectiveUids { get; init; }
    public IReadOnlyList<long>? RealUids { get; init; }
    public IReadOnlyList<long>? RealGids { get; init; }
    /// <summary>Terminal names without /dev/ (pts/3, tty1).</summary>
    public IReadOnlyList<string>? Terminals { get; init; }
    /// <summary>State letters (R, S, D, Z...), any of which matches.</summary>
    public string? RunStates { get; init; }
    /// <summary>cgroup v2 paths as /proc/PID/cgroup's "0::" line has them.</summary>
    public IReadOnlyList<string>? Cgroups { get; init; }
    /// <summary>Only processes in the same namespaces as this PID (--ns), of the kinds in NamespaceKinds.</summary>
    public int? NamespacePid { get; init; }
    public IReadOnlyList<string> NamespaceKinds { get; init; } = AllNamespaceKinds;

    public static readonly IReadOnlyList<string> AllNamespaceKinds = ["ipc", "mnt", "net", "pid", "user", "uts"];
}

/// <summary>One selected process (or thread, with -w): its ID, name and command line as read,
/// every byte kept (shown through UntrustedText.Escape).</summary>
internal sealed record SelectedProcess(int Pid, string Name, string CommandLine);
