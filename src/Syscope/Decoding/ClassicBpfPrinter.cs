using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using static Syscope.Decoding.Constants.SeccompConstants;

namespace Syscope.Decoding;

/// <summary>Classic BPF programs (struct sock_fprog) as strace prints them: "{len=N, filter=ADDR}",
/// the instructions spelled out only with -v, each as the macro that builds it,
/// "BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4)" or "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3c, 0, 0x1)"; a
/// seccomp filter's return values name their action ("SECCOMP_RET_ERRNO|0x10").</summary>
internal static class ClassicBpfPrinter
{
    public static void Program(ref DecodeContext c, ulong addr, bool seccomp)
    {
        if (!Printers.TryRead(ref c, addr, out SockFprog prog)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("len"u8).UInt(prog.Length).Field("filter"u8);
        if (!c.Unabbreviated) c.Out.Ptr(prog.Filter);
        else if (seccomp) Printers.Array(ref c, prog.Filter, prog.Length, static (ref DecodeContext c, in SockFilter f) => Instruction(c.Out, f, true), max: MaxInstructions);
        else Printers.Array(ref c, prog.Filter, prog.Length, static (ref DecodeContext c, in SockFilter f) => Instruction(c.Out, f, false), max: MaxInstructions);
        c.Out.EndStruct();
    }

    /// <summary>A socket's filter read back (getsockopt SO_GET_FILTER): count instructions,
    /// spelled out only with -v, as a program's are.</summary>
    public static void Instructions(ref DecodeContext c, ulong addr, uint count)
    {
        if (!c.Unabbreviated) c.Out.Ptr(addr);
        else Printers.Array(ref c, addr, count, static (ref DecodeContext c, in SockFilter f) => Instruction(c.Out, f, false), max: MaxInstructions);
    }

    private static void Instruction(ArgWriter w, in SockFilter f, bool seccomp)
    {
        int cls = f.Code & 7;
        bool jump = cls == ClassJmp && (f.Code & 0xf0) != JumpAlways;
        w.Raw(jump ? "BPF_JUMP("u8 : "BPF_STMT("u8);
        Code(w, f.Code);
        w.Raw(", "u8);
        if (seccomp && cls == ClassRet) SeccompReturn(w, f.K);
        else if (!seccomp && cls == ClassLd && (f.Code & 0xe0) == ModeAbs) PacketOffset(w, f.K);
        else w.Hex(f.K);
        if (jump) w.Raw(", "u8).Hex(f.JumpTrue).Raw(", "u8).Hex(f.JumpFalse);
        w.Raw((byte)')');
    }

    /// <summary>An instruction's code: its class, then the parts that class has, each named.</summary>
    private static void Code(ArgWriter w, int code)
    {
        int cls = code & 7, rest = code & ~7;
        Classes.Print(w, (ulong)cls);
        switch (cls)
        {
            case ClassLd or ClassLdx:
                w.Raw((byte)'|');
                BpfConstants.InsnSizes.Print(w, (ulong)(code & 0x18));
                w.Raw((byte)'|');
                Modes.Print(w, (ulong)(code & 0xe0));
                return;
            case ClassAlu or ClassJmp:
                w.Raw((byte)'|');
                BpfConstants.InsnSources.Print(w, (ulong)(code & 0x08));
                w.Raw((byte)'|');
                (cls == ClassJmp ? JmpOps : AluOps).Print(w, (ulong)(code & 0xf0));
                return;
            case ClassRet:
                w.Raw((byte)'|');
                ReturnValues.Print(w, (ulong)(code & 0x18));
                rest &= ~0x18;
                break;
            case ClassMisc:
                w.Raw((byte)'|');
                MiscOps.Print(w, (ulong)(code & 0xf8));
                rest &= ~0xf8;
                break;
        }
        if (rest != 0) w.Raw((byte)'|').Hex((ulong)rest).Raw(" /* BPF_??? */"u8);
    }

    private const int ModeAbs = 0x20;
    private const uint LinkLayer = 0xffe00000, Network = 0xfff00000, Ancillary = 0xfffff000;

    /// <summary>A socket filter's absolute load: past SKF_LL_OFF, SKF_NET_OFF or SKF_AD_OFF it
    /// reads a header or ancillary data, written as that base plus the rest ("SKF_NET_OFF+8",
    /// "SKF_AD_OFF+SKF_AD_PROTOCOL").</summary>
    private static void PacketOffset(ArgWriter w, uint k)
    {
        uint bas = k >= Ancillary ? Ancillary : k >= Network ? Network : k >= LinkLayer ? LinkLayer : 0;
        if (bas == 0) { w.Hex(k); return; }
        BpfConstants.SocketFilterBases.Print(w, bas);
        w.Raw((byte)'+');
        if (bas == Ancillary) BpfConstants.SocketFilterAncillary.Print(w, k - bas); else w.UInt(k - bas);
    }

    /// <summary>What a seccomp filter returns: the action by name, then its data in hex.</summary>
    public static void SeccompReturn(ArgWriter w, uint value)
    {
        Actions.Print(w, value & ActionMask);
        if ((value & ~ActionMask) != 0) w.Raw((byte)'|').Hex(value & ~ActionMask);
    }
}
