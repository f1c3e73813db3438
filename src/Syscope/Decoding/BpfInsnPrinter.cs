using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding;

/// <summary>struct bpf_insn arrays, which strace spells out only with -v:
/// {code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}.</summary>
internal static class BpfInsnPrinter
{
    private const int InsnSize = 8;

    public static void Print(ref DecodeContext c, ulong addr, uint count)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!c.Unabbreviated) { c.Out.Hex(addr); return; }
        Span<byte> insn = stackalloc byte[InsnSize];
        if (count > 0 && c.Memory.Read(addr, insn) < InsnSize) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginArray();
        for (uint i = 0; i < count; i++)
        {
            ulong at = addr + i * InsnSize;
            if (i > 0 && c.Memory.Read(at, insn) < InsnSize) { w.Elided().Raw("... /* "u8).Hex(at).Raw(" */"u8); break; }
            w.Element();
            One(w, insn);
        }
        w.EndArray();
    }

    /// <summary>One instruction, for --json a structure whose code is one set of flags (class,
    /// then size and mode or source and operation) with the whole byte as its number.</summary>
    private static void One(ArgWriter w, ReadOnlySpan<byte> insn)
    {
        int code = insn[0], cls = code & 7;
        w.BeginStruct().Field("code"u8);
        var mark = w.BeginFlagsOf();
        BpfConstants.InsnClasses.Print(w, (ulong)cls);
        switch (cls)
        {
            case 0 or 1 or 2 or 3:
                w.Raw((byte)'|');
                BpfConstants.InsnSizes.Print(w, (ulong)(code & 0x18));
                w.Raw((byte)'|');
                BpfConstants.InsnModes.Print(w, (ulong)(code & 0xe0));
                break;
            case 4 or 5 or 7:
                w.Raw((byte)'|');
                BpfConstants.InsnSources.Print(w, (ulong)(code & 0x08));
                w.Raw((byte)'|');
                (cls == 5 ? BpfConstants.JmpOps : BpfConstants.AluOps).Print(w, (ulong)(code & 0xf0));
                break;
            default:
                if ((code & ~7) != 0)
                {
                    w.Raw((byte)'|');
                    int at = w.Length;
                    w.Hex((ulong)(code & ~7));
                    w.NameWritten(at);
                    w.Raw(" /* BPF_??? */"u8);
                }
                break;
        }
        w.EndFlagsOf(mark, (ulong)code);
        w.Field("dst_reg"u8);
        BpfConstants.Registers.Print(w, (ulong)(insn[1] & 0xf));
        w.Field("src_reg"u8);
        BpfConstants.Registers.Print(w, (ulong)(insn[1] >> 4));
        w.Field("off"u8).Int(BinaryPrimitives.ReadInt16LittleEndian(insn[2..]))
            .Field("imm"u8).Hex(BinaryPrimitives.ReadUInt32LittleEndian(insn[4..])).EndStruct();
    }
}
