using System.Globalization;
using Syscope.Tracing;
using Syscope.Tracing.Ebpf;

namespace Syscope.Cli.Commands;

/// <summary>Which backend traces: --ebpf, --backend=ptrace|ebpf|auto, --buffer-size.</summary>
internal sealed partial class TraceArguments
{
    /// <summary>--backend (--ebpf is --backend=ebpf).</summary>
    public BackendKind Backend = BackendKind.Ptrace;
    /// <summary>--buffer-size: the eBPF ring buffer's size in bytes.</summary>
    public long BufferSize = ProbeOptions.DefaultRingBytes;

    /// <summary>A backend long option; false when name is none of them.</summary>
    private bool BackendOption(string name, string value, bool hasValue)
    {
        switch (name)
        {
            case "ebpf" when !hasValue:
                Backend = BackendKind.Ebpf;
                return true;
            case "backend" when hasValue:
                Backend = value switch
                {
                    "ptrace" => BackendKind.Ptrace,
                    "ebpf" => BackendKind.Ebpf,
                    "auto" => BackendKind.Auto,
                    _ => throw new UsageError($"invalid --backend value '{value}' (ptrace, ebpf or auto)"),
                };
                return true;
            case "buffer-size" when hasValue:
                BufferSize = ParseSize(value);
                return true;
            default:
                return false;
        }
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
