using Syscope.Kernel;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>siginfo_t as strace prints it: {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=...}.
/// Which union member is meaningful follows from si_code and the signal, as in the kernel.</summary>
internal static class SiginfoPrinter
{
    // si_code values from <asm-generic/siginfo.h>.
    private const int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_MESGQ = -3;
    private const int SI_ASYNCIO = -4, SI_SIGIO = -5, SI_TKILL = -6, SI_DETHREAD = -7, SI_ASYNCNL = -60;

    private static readonly string[] s_chld = ["", "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"];
    private static readonly string[] s_segv = ["", "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR"];
    private static readonly string[] s_bus = ["", "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"];
    private static readonly string[] s_ill = ["", "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"];
    private static readonly string[] s_fpe = ["", "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB", "FPE_FLTUNK", "FPE_CONDTRAP"];
    private static readonly string[] s_trap = ["", "TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK", "TRAP_PERF"];
    private static readonly string[] s_poll = ["", "POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP"];

    /// <summary>A siginfo_t in tracee memory: NULL, its address when unreadable, or the struct.</summary>
    public static void At(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) c.Out.Ptr(0);
        else if (Printers.TryRead(ref c, addr, out SigInfo si)) Print(ref c, si);
        else c.Out.Hex(addr);
    }

    /// <summary>A siginfo a call reads or writes: as <see cref="Print(ArgWriter, in SigInfo, PidNotes)"/>,
    /// with si_fd's target under -y.</summary>
    public static void Print(ref DecodeContext c, in SigInfo si)
    {
        if (Open(c.Out, si, c.PidNotes)) FdDescription.Print(ref c, si.Fd, c.Out);
        c.Out.EndStruct();
    }

    /// <summary>As strace 6.1 prints it: nothing but the braces without a signal; the sender for
    /// si_code values a process sends (SI_USER, SI_TKILL...); else what the signal's own codes put
    /// in the union (SI_KERNEL included).</summary>
    /// <param name="pids">-Y and --decode-pids=pidns notes after si_pid (none by default).</param>
    public static void Print(ArgWriter w, in SigInfo si, PidNotes pids = default)
    {
        Open(w, si, pids);
        w.EndStruct();
    }

    /// <summary>All but the closing brace; true when the last field is si_fd (it always comes last),
    /// so that a decoder can follow it with the descriptor's target.</summary>
    private static bool Open(ArgWriter w, in SigInfo si, PidNotes pids)
    {
        w.BeginStruct();
        if (si.Signo == 0) return false;
        w.Field("si_signo"u8);
        SignalPrinters.Signal(w, si.Signo);
        w.Field("si_code"u8);
        PrintCode(w, si.Signo, si.Code);
        if (si.Errno != 0)
        {
            w.Field("si_errno"u8);
            if (!Errno.IsKnown(si.Errno)) w.UInt((uint)si.Errno);
            else
            {
                var mark = w.BeginConst();
                w.ConstName(Errno.NameUtf8(si.Errno));
                w.EndConst(mark, (uint)si.Errno, NumberBase.Unsigned);
            }
        }
        return si.Code <= 0 ? FromProcess(w, si, pids) : FromKernel(w, si, pids);
    }

    private static bool FromProcess(ArgWriter w, in SigInfo si, PidNotes pids)
    {
        switch (si.Code)
        {
            case SI_USER or SI_TKILL: Source(w, si, pids); break;
            case SI_TIMER:
                w.Field("si_timerid"u8).Hex((uint)si.TimerId);
                w.Field("si_overrun"u8).Int(si.Overrun);
                Value(w, si.Value);
                break;
            case SI_SIGIO:
                w.Field("si_band"u8).Int(si.Band);
                w.Field("si_fd"u8).Int(si.Fd);
                return true;
            default:
                Source(w, si, pids);
                if (si.Value != 0) Value(w, si.Value);
                break;
        }
        return false;
    }

    private const int BUS_MCEERR_AR = 4, BUS_MCEERR_AO = 5, SEGV_BNDERR = 3, SEGV_PKUERR = 4;

    private static bool FromKernel(ArgWriter w, in SigInfo si, PidNotes pids)
    {
        switch (si.Signo)
        {
            case SignalNames.SIGCHLD:
                Source(w, si, pids);
                w.Field("si_status"u8);
                if (si.Code == 1) w.Int(si.Status);
                else SignalPrinters.Signal(w, si.Status);
                w.Field("si_utime"u8);
                TimePrinters.ClockTicks(w, (ulong)si.Utime);
                w.Field("si_stime"u8);
                TimePrinters.ClockTicks(w, (ulong)si.Stime);
                break;
            case SignalNames.SIGILL or SignalNames.SIGFPE or SignalNames.SIGTRAP:
                w.Field("si_addr"u8).Ptr(si.Addr);
                break;
            case SignalNames.SIGBUS:
                w.Field("si_addr"u8).Ptr(si.Addr);
                if (si.Code is BUS_MCEERR_AR or BUS_MCEERR_AO) w.Field("si_addr_lsb"u8).Hex((ushort)si.AddrLsb);
                break;
            case SignalNames.SIGSEGV:
                w.Field("si_addr"u8).Ptr(si.Addr);
                if (si.Code == SEGV_BNDERR) w.Field("si_lower"u8).Ptr(si.Lower).Field("si_upper"u8).Ptr(si.Upper);
                else if (si.Code == SEGV_PKUERR) w.Field("si_pkey"u8).UInt(si.Pkey);
                break;
            case 29: // SIGIO/SIGPOLL: POLL_IN to POLL_HUP
                if (si.Code > s_poll.Length - 1) break;
                w.Field("si_band"u8).Int(si.Band);
                w.Field("si_fd"u8).Int(si.Fd);
                return true;
            case SignalNames.SIGSYS:
                w.Field("si_call_addr"u8).Ptr(si.Addr);
                w.Field("si_syscall"u8);
                SyscallNumberPrinter.Print(w, (uint)si.Syscall, si.Arch);
                w.Field("si_arch"u8);
                Constants.IoctlConstants.AuditArches.Print(w, si.Arch);
                break;
            default:
                if (si.Pid != 0 || si.Uid != 0) Source(w, si, pids);
                if (si.Value != 0) Value(w, si.Value);
                break;
        }
        return false;
    }

    private static void Source(ArgWriter w, in SigInfo si, PidNotes pids)
    {
        w.Field("si_pid"u8);
        pids.Write(w, si.Pid);
        Args.IdValue(w.Field("si_uid"u8), si.Uid);
    }

    /// <summary>The value queued with a signal, as strace shows it twice: as an int and as a pointer.</summary>
    private static void Value(ArgWriter w, ulong value)
    {
        w.Field("si_int"u8).Int((int)value);
        w.Field("si_ptr"u8).Ptr(value);
    }

    private static void PrintCode(ArgWriter w, int signo, int code)
    {
        string? name = code switch
        {
            SI_USER => "SI_USER",
            SI_KERNEL => "SI_KERNEL",
            SI_QUEUE => "SI_QUEUE",
            SI_TIMER => "SI_TIMER",
            SI_MESGQ => "SI_MESGQ",
            SI_ASYNCIO => "SI_ASYNCIO",
            SI_SIGIO => "SI_SIGIO",
            SI_TKILL => "SI_TKILL",
            SI_DETHREAD => "SI_DETHREAD",
            SI_ASYNCNL => "SI_ASYNCNL",
            _ => null,
        };
        if (name == null && code > 0)
        {
            string[]? table = signo switch
            {
                SignalNames.SIGCHLD => s_chld,
                SignalNames.SIGSEGV => s_segv,
                SignalNames.SIGBUS => s_bus,
                SignalNames.SIGILL => s_ill,
                SignalNames.SIGFPE => s_fpe,
                SignalNames.SIGTRAP => s_trap,
                29 => s_poll,
                SignalNames.SIGSYS => ["", "SYS_SECCOMP", "SYS_USER_DISPATCH"],
                _ => null,
            };
            if (table != null && code < table.Length) name = table[code];
        }
        if (name == null) { w.Hex((uint)code); return; }
        var mark = w.BeginConst();
        w.Ascii(name);
        w.EndConst(mark, (uint)code);
    }
}
