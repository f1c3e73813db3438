using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>ptrace(2): each request prints only the arguments it uses, and what the kernel
/// wrote for it (a peeked word, registers, siginfo, an event message) at exit, as strace does.</summary>
internal static class PtraceDecoders
{
    private const ulong TRACEME = 0, PEEKTEXT = 1, PEEKDATA = 2, PEEKUSER = 3, POKETEXT = 4, POKEDATA = 5, POKEUSER = 6,
        CONT = 7, KILL = 8, SINGLESTEP = 9, GETREGS = 12, SETREGS = 13, ATTACH = 16, DETACH = 17, SYSCALL = 24,
        SYSEMU = 31, SYSEMU_SINGLESTEP = 32, SINGLEBLOCK = 33, SETOPTIONS = 0x4200, GETEVENTMSG = 0x4201,
        GETSIGINFO = 0x4202, SETSIGINFO = 0x4203, GETREGSET = 0x4204, SETREGSET = 0x4205, SEIZE = 0x4206,
        INTERRUPT = 0x4207, LISTEN = 0x4208, GET_SYSCALL_INFO = 0x420e;
    private const ulong NT_PRSTATUS = 1;

    public static void Register(DecoderTable d) =>
        d[Sys.ptrace] = new FuncDecoder(Entry, Exit, exitArgs: false);

    private static void Entry(ref DecodeContext c)
    {
        ulong request = c.Arg(0);
        c.Out.Sep();
        AdminConstants.PtraceRequests.Print(c.Out, request);
        if (request == TRACEME) return;
        Args.Pid(ref c, 1);
        switch (request)
        {
            case ATTACH or KILL or INTERRUPT or LISTEN: return;
            case PEEKTEXT or PEEKDATA or PEEKUSER:
                c.Out.Sep();
                Address(ref c, request);
                c.Out.SepAhead();
                return;
            case POKETEXT or POKEDATA or POKEUSER:
                c.Out.Sep();
                Address(ref c, request);
                Args.Ptr(ref c, 3);
                return;
            case CONT or SINGLESTEP or DETACH or SYSCALL or SYSEMU or SYSEMU_SINGLESTEP or SINGLEBLOCK:
                Args.Ptr(ref c, 2);
                c.Out.Sep();
                SignalPrinters.Signal(c.Out, (int)c.Arg(3));
                return;
            case SETOPTIONS or SEIZE:
                Args.Ptr(ref c, 2);
                Args.Flags(ref c, 3, AdminConstants.PtraceOptions);
                return;
            case GETEVENTMSG or GETSIGINFO:
                Args.Ptr(ref c, 2);
                c.Out.SepAhead();
                return;
            case SETSIGINFO:
                Args.Ptr(ref c, 2);
                c.Out.Sep();
                Siginfo(ref c, c.Arg(3));
                return;
            case GETREGS:
                c.Out.SepAhead();
                return;
            case SETREGS:
                c.Out.Sep();
                Regs(ref c, c.Arg(3));
                return;
            case GETREGSET or SETREGSET:
                c.Out.Sep();
                AdminConstants.RegsetTypes.Print(c.Out, c.Arg(2));
                if (request == GETREGSET) { c.Out.SepAhead(); return; }
                c.Out.Sep();
                Regset(ref c, registers: true);
                return;
            case GET_SYSCALL_INFO:
                Args.ULong(ref c, 2);
                c.Out.SepAhead();
                return;
            default:
                if (AdminConstants.PtraceRequests.TryName(request, out _)) { Args.Ptr(ref c, 2); Args.Ptr(ref c, 3); }
                else { Args.Hex(ref c, 2); Args.Hex(ref c, 3); }
                return;
        }
    }

    private static void Exit(ref DecodeContext c)
    {
        ulong request = c.Arg(0);
        switch (request)
        {
            case PEEKTEXT or PEEKDATA or PEEKUSER or GETEVENTMSG:
                c.Out.Sep();
                if (c.Failed || !Printers.TryRead(ref c, c.Arg(3), out ulong word)) { c.Out.Ptr(c.Arg(3)); return; }
                c.Out.BeginArray().Element();
                if (request == GETEVENTMSG) c.Out.UInt(word); else c.Out.Hex(word);
                c.Out.EndArray();
                return;
            case GETSIGINFO:
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(c.Arg(3)); else Siginfo(ref c, c.Arg(3));
                return;
            case GETREGS:
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(c.Arg(3)); else Regs(ref c, c.Arg(3));
                return;
            case GETREGSET:
                c.Out.Sep();
                Regset(ref c, registers: !c.Failed);
                return;
            case GET_SYSCALL_INFO:
                Args.Ptr(ref c, 3);   // struct ptrace_syscall_info is not decoded yet
                return;
        }
    }

    /// <summary>PTRACE_PEEKUSER/POKEUSER offsets into struct user: a register as 8*NAME, another
    /// field as offsetof(struct user, NAME), either with "+N" for an offset inside it.</summary>
    private static void Address(ref DecodeContext c, ulong request)
    {
        ulong addr = c.Arg(2);
        if (request is not (PEEKUSER or POKEUSER) || addr > AdminConstants.SizeofUser) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        var mark = w.BeginConst();
        ulong rest;
        if (addr == AdminConstants.SizeofUser) { w.Raw("sizeof(struct user)"u8); rest = 0; }
        else if (addr < AdminConstants.UserFields[0].Offset)
        {
            w.Raw("8*"u8);
            foreach (char ch in AdminConstants.UserRegs[addr / 8]) w.Raw((byte)char.ToUpperInvariant(ch));
            rest = addr % 8;
        }
        else
        {
            var field = AdminConstants.UserFields[0];
            foreach (var f in AdminConstants.UserFields) if (f.Offset <= addr) field = f;
            w.Raw("offsetof(struct user, "u8);
            foreach (char ch in field.Name) w.Raw((byte)ch);
            w.Raw((byte)')');
            rest = addr - field.Offset;
        }
        if (rest != 0) w.Raw((byte)'+').UInt(rest);
        w.EndConst(mark, addr);
    }

    private static void Siginfo(ref DecodeContext c, ulong addr)
    {
        if (Printers.TryRead(ref c, addr, out Kernel.Abi.SigInfo si)) SiginfoPrinter.Print(c.Out, si, c.PidNotes);
        else c.Out.Ptr(addr);
    }

    private static void Regs(ref DecodeContext c, ulong addr) => Regs(ref c, addr, AdminConstants.UserRegs.Length * 8);

    /// <summary>struct user_regs_struct, or as much of it as len covers.</summary>
    private static void Regs(ref DecodeContext c, ulong addr, int len)
    {
        Span<ulong> regs = stackalloc ulong[27];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(regs);
        if (len < bytes.Length || Printers.ReadStruct(ref c, addr, bytes) != bytes.Length) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct();
        for (int i = 0; i < regs.Length; i++) c.Out.Field(AdminConstants.UserRegNames[i]).Hex(regs[i]);
        c.Out.EndStruct();
    }

    /// <summary>The struct iovec of GETREGSET/SETREGSET, printed even when the call failed (the
    /// kernel reads it); general registers decode for NT_PRSTATUS when they hold something.</summary>
    private static void Regset(ref DecodeContext c, bool registers)
    {
        ulong addr = c.Arg(3);
        if (!Printers.TryRead(ref c, addr, out Iovec iov)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("iov_base"u8);
        if (registers && c.Arg(2) == NT_PRSTATUS) Regs(ref c, iov.Base, (int)Math.Min(iov.Len, int.MaxValue));
        else c.Out.Ptr(iov.Base);
        c.Out.Field("iov_len"u8).UInt(iov.Len).EndStruct();
    }

}
