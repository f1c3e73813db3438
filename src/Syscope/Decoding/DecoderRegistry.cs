using Syscope.Syscalls;

namespace Syscope.Decoding;

/// <summary>
/// Where decoders meet the table.  Each syscall family file (FileDecoders, ProcessDecoders...)
/// lists its decoders by syscall name in a Register method; Attach runs them all once.
/// To add a decoder: write it in its family's file and add one line to that file's Register.
/// </summary>
public static class DecoderRegistry
{
    private static readonly Action<Dictionary<string, SyscallDecoder>>[] s_families =
    [
        Families.DescDecoders.Register,
        Families.FileDecoders.Register,
        Families.MemoryDecoders.Register,
        Families.MempolicyDecoders.Register,
        Families.IpcDecoders.Register,
        Families.AioDecoders.Register,
        Families.MqueueDecoders.Register,
        Families.KeyctlDecoders.Register,
        Families.SandboxDecoders.Register,
        Families.IoprioDecoders.Register,
        Families.ProcessDecoders.Register,
        Families.SignalDecoders.Register,
        Families.ClockDecoders.Register,
        Families.NetworkDecoders.Register,
        Families.PollDecoders.Register,
        Families.ResourceDecoders.Register,
        Families.SchedDecoders.Register,
        Families.CapabilityDecoders.Register,
        Families.SyncDecoders.Register,
        Families.MountDecoders.Register,
        Families.IoUringDecoders.Register,
        Families.BpfDecoders.Register,
        Families.AdminDecoders.Register,
        Families.PtraceDecoders.Register,
    ];

    internal static void Attach(SyscallInfo?[] table)
    {
        var map = new Dictionary<string, SyscallDecoder>(StringComparer.Ordinal);
        foreach (var register in s_families) register(map);
        foreach (var row in table)
        {
            if (row == null) continue;
            if (map.TryGetValue(row.Name, out var d)) row.Decoder = d;
        }
    }
}
