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

    private static void Instruction(ArgWriter w, in SockFilter f, bool seccomp)
    {
        int cls = f.Code & 7;
        bool jump = cls == ClassJmp && (f.Code & 0xf0) != JumpAlways;
        w.Raw(jump ? "BPF_JUMP("u8 : "BPF_STMT("u8);
        Code(w, f.Code);
        w.Raw(", "u8);
        if (seccomp && cls == ClassRet) SeccompReturn(w, f.K); else w.Hex(f.K);
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

    /// <summary>What a seccomp filter returns: the action by name, then its data in hex.</summary>
    public static void SeccompReturn(ArgWriter w, uint value)
    {
        Actions.Print(w, value & ActionMask);
        if ((value & ~ActionMask) != 0) w.Raw((byte)'|').Hex(value & ~ActionMask);
    }
}
