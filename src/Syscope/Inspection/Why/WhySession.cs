using Syscope.Inspection.Files;
using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Why;

/// <summary>What one `why` run reads at most once and shares between the processes it looks at:
/// name tables, socket tables per network namespace, who holds each pipe and socket, /proc/locks.</summary>
internal sealed class WhySession
{
    /// <summary>Numeric names read the `files` rows; the sentences then name hosts and ports.</summary>
    public EndpointNames NumericNames { get; } = EndpointNames.FromSystem(numericHosts: true, numericPorts: true);
    public EndpointNames Names { get; } = EndpointNames.FromSystem();
    public Func<int, SocketTables> Tables { get; } = OpenFileReader.TablesPerNamespace();

    private EndpointIndex? _index;
    public EndpointIndex Index => _index ??= EndpointIndex.Scan();

    private List<FileLock>? _locks;
    public List<FileLock> Locks => _locks ??= ProcText.TryRead("/proc/locks") is { } text ? FileLock.Parse(text) : [];

    /// <summary>The process's command as the sentences show it (escaped), or its PID alone once it is gone.</summary>
    public static string CommandOf(int pid)
    {
        string? comm = EndpointIndex.Comm(pid);
        return comm == null ? "a process that has exited" : Text.UntrustedText.Escape(comm);
    }
}
