using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>ptrace(2): each request prints only the arguments it uses, and what the kernel
/// wrote for it (a peeked word, registers, siginfo, an event message) at exit, as strace does.</summary>
internal static class PtraceDecoders
{
    private const ulong TRACEME = 0, PEEKTEXT = 1, PEEKDATA = 2, PEEKUSER = 3, POKETEXT = 4, POKEDATA = 5, POKEUSER = 6,
        CONT = 7, KILL = 8, SINGLESTEP = 9, GETREGS = 12, SETREGS = 13, GETFPREGS = 14, SETFPREGS = 15, ATTACH = 16, DETACH = 17, SYSCALL = 24,
        SYSEMU = 31, SYSEMU_SINGLESTEP = 32, SINGLEBLOCK = 33, SETOPTIONS = 0x4200, GETEVENTMSG = 0x4201,
        GETSIGINFO = 0x4202, SETSIGINFO = 0x4203, GETREGSET = 0x4204, SETREGSET = 0x4205, SEIZE = 0x4206,
        INTERRUPT = 0x4207, LISTEN = 0x4208, PEEKSIGINFO = 0x4209, GETSIGMASK = 0x420a, SETSIGMASK = 0x420b,
        SECCOMP_GET_FILTER = 0x420c, SECCOMP_GET_METADATA = 0x420d, GET_SYSCALL_INFO = 0x420e;
    private const ulong NT_PRSTATUS = 1, NT_FPREGSET = 2;

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
            case GETREGS or GETFPREGS:
                c.Out.SepAhead();
                return;
            case SETREGS:
                c.Out.Sep();
                Regs(ref c, c.Arg(3), RegsSize);
                return;
            case SETFPREGS:
                c.Out.Sep();
                FpRegs(ref c, c.Arg(3), FpRegsSize);
                return;
            case GETREGSET or SETREGSET:
                c.Out.Sep();
                AdminConstants.RegsetTypes.Print(c.Out, c.Arg(2));
                // The iovec is read at entry: its length then, to show what the kernel made of it.
                c.Scratch.A = -1;
                if (!Printers.TryRead(ref c, c.Arg(3), out Iovec iov)) { Args.Ptr(ref c, 3); return; }
                c.Scratch.A = (long)iov.Len;
                if (request == GETREGSET) { c.Out.SepAhead(); return; }
                c.Out.Sep().BeginStruct().Field("iov_base"u8);
                Regset(ref c, iov, registers: true);
                c.Out.Field("iov_len"u8).UInt(iov.Len);
                return;
            case GET_SYSCALL_INFO or GETSIGMASK or SECCOMP_GET_FILTER:
                Args.ULong(ref c, 2);
                c.Out.SepAhead();
                return;
            case SETSIGMASK:
                Args.ULong(ref c, 2);
                c.Out.Sep();
                SignalPrinters.Set(ref c, c.Arg(3), c.Arg(2));
                return;
            case PEEKSIGINFO:
                c.Out.Sep();
                PeekSiginfoArgs(ref c, c.Arg(2));
                c.Out.SepAhead();
                return;
            case SECCOMP_GET_METADATA:
                Args.ULong(ref c, 2);
                c.Out.Sep();
                // filter_off at entry; the flags the kernel fills in at exit.
                c.Scratch.A = 0;
                if (c.Arg(2) < 8 || !Printers.TryRead(ref c, c.Arg(3), out ulong filterOff)) { c.Out.Ptr(c.Arg(3)); return; }
                c.Out.BeginStruct().Field("filter_off"u8).UInt(filterOff);
                c.Scratch.A = 1;
                return;
            default:
                Args.Ptr(ref c, 2);
                Args.Ptr(ref c, 3);
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
                if (c.Failed) c.Out.Ptr(c.Arg(3)); else Regs(ref c, c.Arg(3), RegsSize);
                return;
            case GETSIGMASK:
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(c.Arg(3)); else SignalPrinters.Set(ref c, c.Arg(3), c.Arg(2));
                return;
            case SECCOMP_GET_FILTER:
                // The filter's instructions are not decoded here: its address.
                c.Out.Sep().Ptr(c.Arg(3));
                return;
            case PEEKSIGINFO:
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(c.Arg(3));
                else Printers.Array(ref c, c.Arg(3), (ulong)c.ReturnValue, static (ref DecodeContext c, in SigInfo si) => SiginfoPrinter.Print(ref c, si));
                return;
            case SECCOMP_GET_METADATA:
                if (c.Scratch.A == 0) return;
                if (!c.Failed && c.Arg(2) > 8)
                {
                    if (c.Arg(2) < 16 || !Printers.TryRead(ref c, c.Arg(3) + 8, out ulong flags)) c.Out.Elided().Raw("???"u8);
                    else
                    {
                        c.Out.Field("flags"u8);
                        SeccompConstants.FilterFlags.Print(c.Out, flags);
                        if (c.Arg(2) > 16) c.Out.Elided().Raw("..."u8);
                    }
                }
                c.Out.EndStruct();
                return;
            case GETFPREGS:
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(c.Arg(3)); else FpRegs(ref c, c.Arg(3), FpRegsSize);
                return;
            case GETREGSET or SETREGSET:
                if (c.Scratch.A < 0) return;
                bool reread = Printers.TryRead(ref c, c.Arg(3), out Iovec now);
                if (request == SETREGSET)
                {
                    if (reread && now.Len != (ulong)c.Scratch.A) c.Out.Raw(" => "u8).UInt(now.Len);
                    c.Out.EndStruct();
                    return;
                }
                c.Out.Sep();
                if (!reread) { c.Out.Ptr(c.Arg(3)); return; }
                c.Out.BeginStruct().Field("iov_base"u8);
                Regset(ref c, now, registers: !c.Failed);
                c.Out.Field("iov_len"u8).UInt((ulong)c.Scratch.A);
                if (now.Len != (ulong)c.Scratch.A) c.Out.Raw(" => "u8).UInt(now.Len);
                c.Out.EndStruct();
                return;
            case GET_SYSCALL_INFO:
                c.Out.Sep();
                SyscallInfo(ref c, c.Arg(3), c.Arg(2));
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

    /// <summary>struct ptrace_peeksiginfo_args: which queued signals to read.</summary>
    private static void PeekSiginfoArgs(ref DecodeContext c, ulong addr)
    {
        Span<byte> a = stackalloc byte[16];
        if (Printers.ReadStruct(ref c, addr, a) < a.Length) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("off"u8).UInt(U64(a, 0)).Field("flags"u8);
        AdminConstants.PeekSiginfoFlags.Print(w, U32(a, 8));
        w.Field("nr"u8).UInt(U32(a, 12)).EndStruct();
    }

    private const int InfoArch = 8, InfoIp = 16, InfoSp = 24, InfoNr = 32, InfoArgs = 32, InfoIsError = 33, InfoSeccomp = 84;
    private const byte INFO_ENTRY = 1, INFO_EXIT = 2, INFO_SECCOMP = 3;

    /// <summary>struct ptrace_syscall_info, as far as both the caller's size and what the kernel
    /// wrote (the call's result) reach: each field only when it is whole, the arguments as many
    /// as fit.</summary>
    private static unsafe void SyscallInfo(ref DecodeContext c, ulong addr, ulong userLength)
    {
        ulong fetch = Math.Min(Math.Min(userLength, (ulong)c.ReturnValue), InfoSeccomp);
        SyscallInfoRaw info = default;
        var bytes = new Span<byte>(&info, sizeof(SyscallInfoRaw))[..(int)fetch];
        if (c.Failed || fetch == 0 || Printers.ReadStruct(ref c, addr, bytes) < bytes.Length) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("op"u8);
        AdminConstants.SyscallInfoOps.Print(w, info.Op);
        if (fetch >= InfoArch)
        {
            w.Field("arch"u8);
            IoctlConstants.AuditArches.Print(w, info.Arch);
        }
        if (fetch >= InfoIp) w.Field("instruction_pointer"u8).Ptr(info.InstructionPointer);
        if (fetch >= InfoSp) w.Field("stack_pointer"u8).Ptr(info.StackPointer);
        if (fetch >= InfoNr)
        {
            switch (info.Op)
            {
                case INFO_ENTRY or INFO_SECCOMP:
                    w.Field(info.Op == INFO_ENTRY ? "entry"u8 : "seccomp"u8).BeginStruct().Field("nr"u8);
                    SyscallNumberPrinter.Print(w, info.NrOrRval, info.Arch);
                    int args = (int)(fetch - InfoArgs) / 8;
                    if (args > 0)
                    {
                        w.Field("args"u8).BeginArray();
                        for (int i = 0; i < args; i++) w.Element().Hex(info.Args[i]);
                        w.EndArray();
                    }
                    if (info.Op == INFO_SECCOMP && fetch >= InfoSeccomp) w.Field("ret_data"u8).UInt(info.RetData);
                    w.EndStruct();
                    break;
                case INFO_EXIT:
                    bool whole = fetch >= InfoIsError;
                    // is_error is the low byte of the word after rval.
                    bool isError = whole && (byte)info.Args[0] != 0;
                    w.Field("exit"u8).BeginStruct().Field("rval"u8);
                    if (isError) ErrnoValue.Print(w, (long)info.NrOrRval); else w.Int((long)info.NrOrRval);
                    if (whole) w.Field("is_error"u8).UInt((byte)info.Args[0]);
                    w.EndStruct();
                    break;
            }
        }
        w.EndStruct();
    }

    private static void Siginfo(ref DecodeContext c, ulong addr)
    {
        if (Printers.TryRead(ref c, addr, out Kernel.Abi.SigInfo si)) SiginfoPrinter.Print(ref c, si);
        else c.Out.Ptr(addr);
    }

    private const int RegsSize = 27 * 8, FpRegsSize = 512;

    /// <summary>struct user_regs_struct, as many registers as size covers ("..." past the whole
    /// structure); its address when size is not whole words or it cannot be read.</summary>
    private static void Regs(ref DecodeContext c, ulong addr, ulong size)
    {
        Span<ulong> regs = stackalloc ulong[RegsSize / 8];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(regs)[..(int)Math.Min(size, RegsSize)];
        if (size == 0 || size % 8 != 0 || Printers.ReadStruct(ref c, addr, bytes) != bytes.Length) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct();
        for (int i = 0; i * 8 < bytes.Length; i++) c.Out.Field(AdminConstants.UserRegNames[i]).Hex(regs[i]);
        if (size > RegsSize) c.Out.Elided().Raw("..."u8);
        c.Out.EndStruct();
    }

    /// <summary>struct user_fpregs_struct (FXSAVE's layout), as far as size reaches, as Regs.</summary>
    private static void FpRegs(ref DecodeContext c, ulong addr, ulong size)
    {
        Span<byte> bytes = stackalloc byte[FpRegsSize];
        bytes = bytes[..(int)Math.Min(size, FpRegsSize)];
        if (size == 0 || size % 8 != 0 || Printers.ReadStruct(ref c, addr, bytes) != bytes.Length) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        int n = bytes.Length;
        w.BeginStruct().Field("cwd"u8).Hex(U16(bytes, 0));
        if (n > 2) w.Field("swd"u8).Hex(U16(bytes, 2));
        if (n > 4) w.Field("ftw"u8).Hex(U16(bytes, 4));
        if (n > 6) w.Field("fop"u8).Hex(U16(bytes, 6));
        if (n > 8) w.Field("rip"u8).Hex(U64(bytes, 8));
        if (n > 16) w.Field("rdp"u8).Hex(U64(bytes, 16));
        if (n > 24) w.Field("mxcsr"u8).Hex(U32(bytes, 24));
        if (n > 28) w.Field("mxcr_mask"u8).Hex(U32(bytes, 28));
        Words(w, "st_space"u8, bytes, 32, 32);
        Words(w, "xmm_space"u8, bytes, 160, 64);
        Words(w, "padding"u8, bytes, 416, 24);
        if (size > FpRegsSize) w.Elided().Raw("..."u8);
        w.EndStruct();
    }

    /// <summary>An array of 32-bit words at offset, as many as were read.</summary>
    private static void Words(ArgWriter w, ReadOnlySpan<byte> name, ReadOnlySpan<byte> bytes, int offset, int max)
    {
        if (bytes.Length <= offset) return;
        int count = Math.Min(max, (bytes.Length - offset) / 4);
        w.Field(name).BeginArray();
        for (int i = 0; i < count; i++) w.Element().Hex(U32(bytes, offset + i * 4));
        w.EndArray();
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    private static ulong U64(ReadOnlySpan<byte> b, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    /// <summary>The registers an iovec of GETREGSET/SETREGSET points to: general ones for
    /// NT_PRSTATUS, floating-point ones for NT_FPREGSET, else the address.</summary>
    private static void Regset(ref DecodeContext c, in Iovec iov, bool registers)
    {
        if (!registers) { c.Out.Ptr(iov.Base); return; }
        switch (c.Arg(2))
        {
            case NT_PRSTATUS: Regs(ref c, iov.Base, iov.Len); break;
            case NT_FPREGSET: FpRegs(ref c, iov.Base, iov.Len); break;
            default: c.Out.Ptr(iov.Base); break;
        }
    }

}
