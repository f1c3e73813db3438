using System.Globalization;
using Syscope.Interop;
using Syscope.Kernel;

namespace Syscope.Tracing.Ebpf;

/// <summary>Whether this machine can run syscope's BPF programs, checked once: each failure is one
/// line naming what is missing, for `--ebpf` to print and `--backend=auto` to fall back on.</summary>
internal static class EbpfSupport
{
    public const string BtfPath = "/sys/kernel/btf/vmlinux";
    private const int CAP_SYS_ADMIN = 21, CAP_PERFMON = 38, CAP_BPF = 39;

    private static readonly Lazy<string?> s_missing = new(Check);

    /// <summary>What stops the eBPF backend here, or null when nothing does.</summary>
    public static string? Missing => s_missing.Value;

    private static string? Check()
    {
        if (!Libbpf.IsAvailable) return "libbpf.so.1 not found: apt-get install libbpf1";
        ulong caps = EffectiveCapabilities();
        bool privileged = Has(caps, CAP_SYS_ADMIN) || (Has(caps, CAP_BPF) && Has(caps, CAP_PERFMON));
        if (!privileged) return "eBPF needs root (CAP_BPF and CAP_PERFMON)";
        if (!File.Exists(BtfPath)) return $"no BTF at {BtfPath} (the kernel must be built with CONFIG_DEBUG_INFO_BTF)";
        // BTF tracepoints (5.5) come before the ring buffer; libbpf cannot probe them without a target.
        if (Libbpf.SupportsMapType(Libbpf.BPF_MAP_TYPE_RINGBUF) <= 0) return $"ring buffer requires Linux 5.8 (this is {KernelRelease()})";
        if (Libbpf.SupportsMapType(Libbpf.BPF_MAP_TYPE_TASK_STORAGE) <= 0) return $"task storage requires Linux 5.11 (this is {KernelRelease()})";
        // bpf_loop cannot be probed for tracing programs without a target: the release tells.
        if (KernelVersion() is { } v && v < new Version(5, 17)) return $"bpf_loop requires Linux 5.17 (this is {KernelRelease()})";
        return null;
    }

    /// <summary>One line for a failure to load or attach the programs.</summary>
    public static string Explain(BpfLoadException e) => e.Errno switch
    {
        Errno.EPERM => "eBPF needs root (CAP_BPF and CAP_PERFMON)",
        _ => $"syscope's BPF programs could not be loaded: {e.Message}" + LastVerifierLine(e.Log),
    };

    private static string LastVerifierLine(string log)
    {
        // The verifier's reason is the last line before its statistics ("processed N insns").
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int stats = Array.FindLastIndex(lines, l => l.StartsWith("processed ", StringComparison.Ordinal));
        return stats > 0 ? $" ({lines[stats - 1]})" : "";
    }

    private static bool Has(ulong caps, int cap) => (caps >> cap & 1) != 0;

    private static ulong EffectiveCapabilities()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("CapEff:", StringComparison.Ordinal))
                return ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return 0;
    }

    private static Version? KernelVersion()
    {
        var parts = KernelRelease().Replace("Linux ", "").Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], out int major) && int.TryParse(parts[1], out int minor) ? new Version(major, minor) : null;
    }

    private static string KernelRelease()
    {
        try { return "Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim(); }
        catch (IOException) { return "an older kernel"; }
    }
}
