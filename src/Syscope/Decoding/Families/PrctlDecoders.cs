using Syscope.Decoding.Constants;
using Syscope.Events;
using Syscope.Syscalls;
using static Syscope.Decoding.Constants.ArchPrctlCode;
using static Syscope.Decoding.Constants.PrctlOption;

namespace Syscope.Decoding.Families;

/// <summary>prctl(2) and arch_prctl(2). prctl: the option by name, then only the arguments that option uses, each as its
/// option reads it (a signal, a flag set, a pointer the kernel writes through), as strace 6.1
/// prints them. The option is an int: the register's upper half is not the caller's.</summary>
internal static class PrctlDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.prctl] = new FuncDecoder(Entry, Exit, exitArgs: false);
        d[Sys.arch_prctl] = new FuncDecoder(ArchEntry, ArchExit, exitArgs: false);
    }

    private static void ArchEntry(ref DecodeContext c)
    {
        Args.Value(ref c, 0, ProcessConstants.ArchPrctl);
        switch ((ArchPrctlCode)c.Arg(0))
        {
            case ARCH_GET_CPUID: return;
            case ARCH_GET_FS or ARCH_GET_GS or ARCH_GET_XCOMP_SUPP or ARCH_GET_XCOMP_PERM or ARCH_GET_XCOMP_GUEST_PERM:
                c.Out.SepAhead();
                return;
            case ARCH_REQ_XCOMP_PERM or ARCH_REQ_XCOMP_GUEST_PERM:
                c.Out.Sep();
                Commented(c.Out, c.Arg(1), ProcessConstants.Xfeatures, null);
                return;
            default: Args.Hex(ref c, 1); return;
        }
    }

    private static void ArchExit(ref DecodeContext c)
    {
        var op = (ArchPrctlCode)c.Arg(0);
        // A request for a state component returns the set now permitted.
        if (op is ARCH_REQ_XCOMP_PERM or ARCH_REQ_XCOMP_GUEST_PERM && !c.Failed)
        {
            c.Aux.Style = ConstStyle.Abbrev;
            FlagsReturned(ref c, ProcessConstants.XfeatureMasks, XfeatureMasksKnown);
            return;
        }
        if (op is not (ARCH_GET_FS or ARCH_GET_GS or ARCH_GET_XCOMP_SUPP or ARCH_GET_XCOMP_PERM or ARCH_GET_XCOMP_GUEST_PERM)) return;
        c.Out.Sep();
        if (c.Failed || c.Arg(1) == 0 || !Printers.TryRead(ref c, c.Arg(1), out ulong v)) { c.Out.Ptr(c.Arg(1)); return; }
        c.Out.Raw((byte)'[');
        if (op is ARCH_GET_FS or ARCH_GET_GS) c.Out.Ptr(v); else Commented(c.Out, v, null, ProcessConstants.XfeatureMasks);
        c.Out.Raw((byte)']');
    }

    private const long XfeatureMasksKnown = 0x687ff;

    /// <summary>A number with its names in a comment in every style but raw ("0x11 /*
    /// XFEATURE_XTILE_CFG */"), as strace prints x86 state components.</summary>
    private static void Commented(ArgWriter w, ulong value, ValueSet? values, FlagSet? flags)
    {
        var style = w.Style;
        if (style != ConstStyle.Raw) w.Style = ConstStyle.Verbose;
        if (values != null) values.Print(w, value); else flags!.Print(w, value);
        w.Style = style;
    }

    private const ulong PR_MCE_KILL_SET = 1, SECCOMP_MODE_STRICT = 1, SECCOMP_MODE_FILTER = 2, PR_SET_VMA_ANON_NAME = 0;

    private static void Entry(ref DecodeContext c)
    {
        var option = (PrctlOption)(uint)c.Arg(0);
        c.Out.Sep();
        ProcessConstants.Prctl.Print(c.Out, (uint)option);
        switch (option)
        {
            case PR_GET_DUMPABLE or PR_GET_KEEPCAPS or PR_GET_SECCOMP or PR_GET_TIMERSLACK or PR_GET_TIMING
                or PR_TASK_PERF_EVENTS_DISABLE or PR_TASK_PERF_EVENTS_ENABLE or PR_GET_SECUREBITS
                or PR_GET_IO_FLUSHER or PR_GET_FP_MODE:
                return;
            case PR_SET_FP_MODE: c.Out.Sep(); ProcessConstants.FpMode.Print(c.Out, c.Arg(1)); return;
            case PR_PAC_RESET_KEYS:
                c.Out.Sep();
                ProcessConstants.PacKeys.Print(c.Out, c.Arg(1));
                HexFrom(ref c, 2);
                return;
            case PR_PAC_SET_ENABLED_KEYS:
                c.Out.Sep();
                ProcessConstants.PacEnabledKeys.Print(c.Out, c.Arg(1));
                c.Out.Sep();
                ProcessConstants.PacEnabledKeys.Print(c.Out, c.Arg(2));
                HexFrom(ref c, 3);
                return;
            case PR_GET_NO_NEW_PRIVS or PR_GET_THP_DISABLE or PR_MCE_KILL_GET:
                HexFrom(ref c, 1);
                return;
            // The kernel writes through arg2: printed at exit.
            case PR_GET_PDEATHSIG or PR_GET_UNALIGN or PR_GET_TSC or PR_GET_NAME or PR_GET_TID_ADDRESS
                or PR_GET_CHILD_SUBREAPER or PR_GET_ENDIAN or PR_GET_FPEMU or PR_GET_FPEXC:
                c.Out.SepAhead();
                return;
            case PR_SET_PDEATHSIG:
                c.Out.Sep();
                if (c.Arg(1) is > 0 and <= Kernel.SignalNames.MaxSignal) SignalPrinters.Signal(c.Out, (long)c.Arg(1));
                else c.Out.UInt(c.Arg(1));
                return;
            case PR_SET_NAME: c.Out.Sep(); TaskName(ref c, c.Arg(1), TaskCommLength - 1); return;
            case PR_SET_DUMPABLE: c.Out.Sep(); ProcessConstants.SuidDump.Print(c.Out, c.Arg(1)); return;
            case PR_SET_UNALIGN: c.Out.Sep(); ProcessConstants.Unalign.Print(c.Out, c.Arg(1)); return;
            case PR_SET_TSC: c.Out.Sep(); ProcessConstants.Tsc.Print(c.Out, (uint)c.Arg(1)); return;
            case PR_SET_SECUREBITS: c.Out.Sep(); ProcessConstants.Securebits.Print(c.Out, c.Arg(1)); return;
            case PR_CAPBSET_READ or PR_CAPBSET_DROP: c.Out.Sep(); CapabilityConstants.Names.Print(c.Out, c.Arg(1)); return;
            case PR_SET_KEEPCAPS or PR_SET_CHILD_SUBREAPER or PR_SET_TIMERSLACK or PR_SET_TIMING or PR_SET_ENDIAN
                or PR_SET_FPEMU or PR_SET_FPEXC or PR_SET_IO_FLUSHER:
                Args.ULong(ref c, 1);
                return;
            case PR_SET_NO_NEW_PRIVS or PR_SET_THP_DISABLE:
                Args.ULong(ref c, 1);
                HexFrom(ref c, 2);
                return;
            case PR_SET_PTRACER:
                c.Out.Sep();
                if (c.IntArg(1) != -1) { c.PidNotes.Write(c.Out, c.IntArg(1)); return; }
                var mark = c.Out.BeginConst();
                c.Out.ConstName("PR_SET_PTRACER_ANY"u8);
                c.Out.EndConst(mark, unchecked((ulong)-1L), NumberBase.Decimal);
                return;
            case PR_CAP_AMBIENT:
                OperationAndValue(ref c, ProcessConstants.CapAmbient, CapabilityConstants.Names, c.Arg(1) is >= 1 and <= 3);
                HexFrom(ref c, 3);
                return;
            case PR_MCE_KILL:
                OperationAndValue(ref c, ProcessConstants.MceKill, ProcessConstants.MceKillPolicy, c.Arg(1) == PR_MCE_KILL_SET);
                HexFrom(ref c, 3);
                return;
            case PR_SET_SECCOMP:
                c.Out.Sep();
                ProcessConstants.SeccompMode.Print(c.Out, c.Arg(1));
                if (c.Arg(1) == SECCOMP_MODE_FILTER) { c.Out.Sep(); ClassicBpfPrinter.Program(ref c, c.Arg(2), seccomp: true); }
                else if (c.Arg(1) != SECCOMP_MODE_STRICT) HexFrom(ref c, 2);
                return;
            case PR_SET_VMA:
                c.Out.Sep();
                ProcessConstants.SetVma.Print(c.Out, c.Arg(1));
                if (c.Arg(1) != PR_SET_VMA_ANON_NAME) { HexFrom(ref c, 2); return; }
                Args.Ptr(ref c, 2);
                Args.ULong(ref c, 3);
                c.Out.Sep();
                Printers.String(ref c, c.Arg(4));
                return;
            case PR_SCHED_CORE:
                c.Out.Sep();
                ProcessConstants.SchedCore.Print(c.Out, (uint)c.Arg(1));
                c.Out.Sep();
                c.PidNotes.Write(c.Out, c.IntArg(2), (uint)c.Arg(3) switch { 2 => PidKind.Group, 3 => PidKind.Session, _ => PidKind.Process });
                c.Out.Sep();
                Commented(c.Out, (uint)c.Arg(3), ProcessConstants.PidTypes, null);
                // PR_SCHED_CORE_GET writes the cookie through the last argument: printed at exit.
                if ((uint)c.Arg(1) == PR_SCHED_CORE_GET) c.Out.SepAhead(); else Args.Ptr(ref c, 4);
                return;
            case PR_GET_SPECULATION_CTRL:
                c.Out.Sep();
                ProcessConstants.SpecMisfeature.Print(c.Out, c.Arg(1));
                return;
            case PR_SET_SPECULATION_CTRL:
                // The control is named only for a misfeature the kernel knows.
                OperationAndValue(ref c, ProcessConstants.SpecMisfeature, ProcessConstants.SpecControl,
                    ProcessConstants.SpecMisfeature.TryName(c.Arg(1), out _));
                return;
            case PR_SET_SYSCALL_USER_DISPATCH:
                c.Out.Sep();
                ProcessConstants.SyscallDispatch.Print(c.Out, c.Arg(1));
                if (c.Arg(1) != PR_SYS_DISPATCH_ON) { HexFrom(ref c, 2); return; }
                Args.Hex(ref c, 2);
                Args.ULong(ref c, 3);
                Args.Ptr(ref c, 4);
                return;
            case PR_SVE_SET_VL or PR_SME_SET_VL:
                c.Out.Sep();
                VectorLength(c.Out, c.Arg(1), option);
                return;
            case PR_SVE_GET_VL or PR_SME_GET_VL:
                return;
            case PR_SET_TAGGED_ADDR_CTRL:
                c.Out.Sep();
                TaggedAddrControl(c.Out, c.Arg(1));
                HexFrom(ref c, 2);
                return;
            default:
                HexFrom(ref c, 1);
                return;
        }
    }

    private const ulong PR_SCHED_CORE_GET = 0, PR_SYS_DISPATCH_ON = 1, VectorLengthMask = 0xffff;

    /// <summary>An SVE or SME vector length: the length alone below 64 KiB, otherwise the flags
    /// above it then the length ("PR_SVE_SET_VL_ONEXEC|0xff", "0x10000|0"), one constant for -X.</summary>
    private static void VectorLength(ArgWriter w, ulong value, PrctlOption option)
    {
        if (value <= VectorLengthMask) { w.Hex(value); return; }
        var flags = option is PR_SVE_SET_VL or PR_SVE_GET_VL ? ProcessConstants.SveVlFlags : ProcessConstants.SmeVlFlags;
        var mark = w.BeginConst();
        flags.Print(w, value & ~VectorLengthMask, after: false, bare: true);
        w.Raw((byte)'|').Hex(value & VectorLengthMask);
        w.EndConst(mark, value);
    }

    private const int MteTagShift = 3;

    /// <summary>PR_SET_TAGGED_ADDR_CTRL's control word, one constant for -X: whether tagged
    /// addresses are on ("!PR_TAGGED_ADDR_ENABLE" when not), the MTE fault mode, the tag mask
    /// ("0xcafe&lt;&lt;PR_MTE_TAG_SHIFT") and any higher bits in hex.</summary>
    private static void TaggedAddrControl(ArgWriter w, ulong value)
    {
        var mark = w.BeginConst();
        if ((value & 1) == 0) w.Raw((byte)'!');
        w.ConstName("PR_TAGGED_ADDR_ENABLE"u8).Raw((byte)'|');
        ProcessConstants.MteTcf.Print(w, value & 6);
        ulong tags = (value >> MteTagShift) & 0xffff, rest = value & ~0x7ffffUL;
        if (tags != 0) w.Raw((byte)'|').Hex(tags).Raw("<<"u8).ConstName("PR_MTE_TAG_SHIFT"u8);
        if (rest != 0) w.Raw((byte)'|').Hex(rest);
        w.EndConst(mark, value);
    }

    private static void Exit(ref DecodeContext c)
    {
        var option = (PrctlOption)(uint)c.Arg(0);
        // What follows the return value names it in every -X style, as strace does.
        c.Aux.Style = ConstStyle.Abbrev;
        switch (option)
        {
            case PR_GET_DUMPABLE when !c.Failed:
                ProcessConstants.SuidDump.Print(c.Aux, (ulong)c.ReturnValue);
                return;
            case PR_MCE_KILL_GET when !c.Failed:
                ProcessConstants.MceKillPolicy.Print(c.Aux, (ulong)c.ReturnValue);
                return;
            case PR_GET_SECUREBITS when !c.Failed:
                FlagsReturned(ref c, ProcessConstants.Securebits, 0xff);
                return;
            case PR_GET_FP_MODE when !c.Failed:
                FlagsReturned(ref c, ProcessConstants.FpMode, 0x3);
                return;
            case PR_PAC_GET_ENABLED_KEYS when !c.Failed:
                FlagsReturned(ref c, ProcessConstants.PacEnabledKeys, 0xf);
                return;
            case PR_GET_SPECULATION_CTRL when !c.Failed && ProcessConstants.SpecMisfeature.TryName(c.Arg(1), out _):
                c.ReturnFormat = ReturnFormat.Hex;
                if (c.Out.Style != ConstStyle.Raw && (c.ReturnValue == 0 || (c.ReturnValue & 0x1f) != 0))
                    ProcessConstants.SpecState.Print(c.Aux, (ulong)c.ReturnValue);
                return;
            case PR_SVE_SET_VL or PR_SVE_GET_VL or PR_SME_SET_VL or PR_SME_GET_VL when !c.Failed:
                c.ReturnFormat = ReturnFormat.Hex;
                if ((ulong)c.ReturnValue > VectorLengthMask && c.Out.Style != ConstStyle.Raw) VectorLength(c.Aux, (ulong)c.ReturnValue, option);
                return;
            case PR_GET_TAGGED_ADDR_CTRL when !c.Failed:
                c.ReturnFormat = ReturnFormat.Hex;
                if (c.Out.Style != ConstStyle.Raw) TaggedAddrControl(c.Aux, (ulong)c.ReturnValue);
                return;
            case PR_SCHED_CORE when (uint)c.Arg(1) == PR_SCHED_CORE_GET:
                c.Out.Sep();
                if (c.Failed || c.Arg(4) == 0 || !Printers.TryRead(ref c, c.Arg(4), out ulong cookie)) { c.Out.Ptr(c.Arg(4)); return; }
                c.Out.Raw((byte)'[').Hex(cookie).Raw((byte)']');
                return;
            case PR_GET_NAME:
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(c.Arg(1));
                else TaskName(ref c, c.Arg(1), TaskCommLength);
                return;
            case PR_GET_PDEATHSIG:
                c.Out.Sep();
                if (c.Failed || c.Arg(1) == 0 || !Printers.TryRead(ref c, c.Arg(1), out int sig)) { c.Out.Ptr(c.Arg(1)); return; }
                c.Out.Raw((byte)'[');
                SignalPrinters.Signal(c.Out, sig);
                c.Out.Raw((byte)']');
                return;
            case PR_GET_UNALIGN or PR_GET_TSC:
                c.Out.Sep();
                if (c.Failed || c.Arg(1) == 0 || !Printers.TryRead(ref c, c.Arg(1), out uint v)) { c.Out.Ptr(c.Arg(1)); return; }
                c.Out.Raw((byte)'[');
                if (option == PR_GET_TSC) ProcessConstants.Tsc.Print(c.Out, v); else ProcessConstants.Unalign.Print(c.Out, v);
                c.Out.Raw((byte)']');
                return;
            case PR_GET_CHILD_SUBREAPER or PR_GET_ENDIAN or PR_GET_FPEMU or PR_GET_FPEXC:
                c.Out.Sep();
                if (c.Failed || c.Arg(1) == 0 || !Printers.TryRead(ref c, c.Arg(1), out uint n)) { c.Out.Ptr(c.Arg(1)); return; }
                c.Out.Raw((byte)'[').UInt(n).Raw((byte)']');
                return;
            case PR_GET_TID_ADDRESS:
                c.Out.Sep();
                if (c.Failed || c.Arg(1) == 0 || !Printers.TryRead(ref c, c.Arg(1), out ulong tid)) { c.Out.Ptr(c.Arg(1)); return; }
                c.Out.Raw((byte)'[').Ptr(tid).Raw((byte)']');
                return;
        }
    }

    /// <summary>A return value that is a set of flags: hex, and the names after it when any
    /// known bit is set (none in -X raw).</summary>
    private static void FlagsReturned(ref DecodeContext c, FlagSet set, long known)
    {
        c.ReturnFormat = ReturnFormat.Hex;
        if ((c.ReturnValue & known) != 0 && c.Out.Style != ConstStyle.Raw) set.Print(c.Aux, (ulong)c.ReturnValue);
    }

    private const int TaskCommLength = 16;

    /// <summary>A task name: strace reads at most <paramref name="size"/> bytes (the kernel copies
    /// TASK_COMM_LEN - 1 for PR_SET_NAME and writes TASK_COMM_LEN for PR_GET_NAME) and prints at
    /// most TASK_COMM_LEN - 1 of them, "..." after a name with no NUL in that many, and the address
    /// when memory ends before either.</summary>
    private static void TaskName(ref DecodeContext c, ulong addr, int size)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        Span<byte> buf = stackalloc byte[TaskCommLength];
        int n = Printers.ReadCString(c.Memory, addr, buf[..size], out bool terminated);
        if (Printers.Unreadable(ref c, n, size, terminated)) { c.Out.Hex(addr); return; }
        int limit = Math.Min(TaskCommLength - 1, c.Options.StringLimit);
        c.Out.Quoted(buf[..Math.Min(n, limit)], c.Options.HexStrings, !terminated || n > limit);
    }

    /// <summary>An option's operation (arg2) by name, then its value (arg3) by the set the
    /// operation gives it when <paramref name="valueNamed"/>, in hex otherwise.</summary>
    private static void OperationAndValue(ref DecodeContext c, ValueSet operations, ValueSet values, bool valueNamed)
    {
        c.Out.Sep();
        operations.Print(c.Out, c.Arg(1));
        c.Out.Sep();
        if (valueNamed) values.Print(c.Out, c.Arg(2)); else c.Out.Hex(c.Arg(2));
    }

    /// <summary>The arguments from index <paramref name="first"/> to the fifth, in hex, as strace
    /// prints those an option passes on unread.</summary>
    private static void HexFrom(ref DecodeContext c, int first)
    {
        for (int i = first; i < 5; i++) Args.Hex(ref c, i);
    }
}
