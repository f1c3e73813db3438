using System.Globalization;
using Syscope.Tracing;
using Syscope.Tracing.Ebpf;

namespace Syscope.Cli.Commands;

/// <summary>Which backend traces: --ebpf, --backend=ptrace|ebpf|auto, --buffer-size; and the scopes
/// only it can trace: --system-wide, --cgroup PATH, --comm NAME.</summary>
internal sealed partial class TraceArguments
{
    /// <summary>--backend (--ebpf is --backend=ebpf).</summary>
    public BackendKind Backend = BackendKind.Ptrace;
    private bool _backendGiven;
    /// <summary>--system-wide; --cgroup PATH and --comm NAME narrow it.</summary>
    public bool SystemWide;
    public string? CgroupPath;
    public string? CommName;

    /// <summary>Processes are picked by the kernel, not by pid: every one that matches shows.</summary>
    public bool Scoped => SystemWide || CgroupPath != null || CommName != null;
    /// <summary>--buffer-size: the eBPF ring buffer's size in bytes.</summary>
    public long BufferSize = ProbeOptions.DefaultRingBytes;

    public static readonly Text.WordTable<BackendKind> BackendWords = new(("ptrace", BackendKind.Ptrace), ("ebpf", BackendKind.Ebpf), ("auto", BackendKind.Auto));

    /// <summary>A backend long option; false when name is none of them.</summary>
    private bool BackendOption(string name, string value, bool hasValue)
    {
        switch (name)
        {
            case "ebpf" when !hasValue:
                Backend = BackendKind.Ebpf;
                _backendGiven = true;
                return true;
            case "system-wide" when !hasValue:
                SystemWide = true;
                return true;
            case "cgroup" when hasValue:
                CgroupPath = value;
                return true;
            case "comm" when hasValue:
                CommName = value;
                return true;
            case "backend" when hasValue:
                _backendGiven = true;
                Backend = BackendWords.Find(value) ?? throw new UsageError($"invalid --backend value '{value}' (ptrace, ebpf or auto)");
                return true;
            case "buffer-size" when hasValue:
                BufferSize = ParseSize(value);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The scope the options ask for (null: processes by pid or the command); a scope
    /// traces with eBPF, which alone can pick processes in the kernel.</summary>
    public TraceScope? ToScope()
    {
        if (!Scoped) return null;
        if (_backendGiven && Backend != BackendKind.Ebpf)
            throw new UsageError("--system-wide, --cgroup and --comm trace with eBPF: they cannot be combined with --backend=" + (Backend == BackendKind.Ptrace ? "ptrace" : "auto"));
        if (Pids.Count > 0) throw new UsageError("--system-wide, --cgroup and --comm pick the processes themselves: they cannot be combined with -p");
        var scope = new TraceScope { CgroupPath = CgroupPath, Comm = CommName == null ? null : TraceScope.CommOf(CommName) };
        if (CgroupPath == null) return scope;
        var (id, level) = TraceScope.CgroupOf(CgroupPath);
        return scope with { CgroupId = id, CgroupLevel = level };
    }

    /// <summary>A byte count with an optional K, M or G (powers of 1024): --buffer-size=64M.</summary>
    private static long ParseSize(string value)
    {
        long unit = value.Length == 0 ? 1 : char.ToUpperInvariant(value[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1 };
        string digits = unit == 1 ? value : value[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0 || n > ProbeOptions.MaxRingBytes / unit)
            throw new UsageError($"invalid --buffer-size value '{value}' (bytes, with K, M or G; at most 1G)");
        return n * unit;
    }
}
