using Syscope.Syscalls;

namespace Syscope.Decoding;

/// <summary>
/// Where decoders meet the syscall rows: one decoder per syscall number.  Each family file
/// (FileDecoders, ProcessDecoders...) lists its decoders by number in its Register method
/// (<c>d[Sys.openat] = ...</c>); a number no family registers is printed by GenericDecoder from
/// its row.  To add a decoder: write it in its family's file and add one line to that file's Register.
/// </summary>
internal static class DecoderRegistry
{
    private static readonly Action<DecoderTable>[] s_families =
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
        Families.PrctlDecoders.Register,
        Families.SeccompDecoders.Register,
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
        Families.PerfDecoders.Register,
        Families.AdminDecoders.Register,
        Families.QuotaDecoders.Register,
        Families.PtraceDecoders.Register,
    ];

    private static readonly SyscallDecoder[] s_byNumber = Build();

    /// <summary>The decoder of a call: an array index, no lookup by name.</summary>
    public static SyscallDecoder For(SyscallInfo call) =>
        (uint)call.Number < (uint)s_byNumber.Length ? s_byNumber[call.Number] : GenericDecoder.Instance;

    private static SyscallDecoder[] Build()
    {
        var table = new DecoderTable();
        foreach (var register in s_families) register(table);
        return table.Decoders;
    }
}

/// <summary>The table the families' Register methods fill: a decoder per syscall number, each
/// number at most once.</summary>
internal sealed class DecoderTable
{
    internal readonly SyscallDecoder[] Decoders = Enumerable.Repeat<SyscallDecoder>(GenericDecoder.Instance, SyscallTable.MaxNumber + 1).ToArray();

    public SyscallDecoder this[int number]
    {
        get => Decoders[number];
        set
        {
            if (Decoders[number] != GenericDecoder.Instance)
                throw new InvalidOperationException($"two decoders for {SyscallTable.ByNumber(number)?.Name ?? number.ToString()}");
            Decoders[number] = value;
        }
    }
}
