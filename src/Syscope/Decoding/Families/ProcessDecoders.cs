using Syscope.Decoding.Constants;
using Syscope.Events;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Process lifecycle calls: execve, exit, clone, wait and the thread bookkeeping
/// glibc does at startup (set_tid_address, set_robust_list, rseq).</summary>
internal static class ProcessDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.execve] = new FuncDecoder(ExecveEntry);
        d[Sys.execveat] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            c.Out.Sep();
            Printers.StringArray(ref c, c.Arg(2));
            c.Out.Sep();
            Envp(ref c, c.Arg(3));
            Args.Flags(ref c, 4, FileConstants.AtFlags);
        });
        d[Sys.exit_group] = new FuncDecoder((ref DecodeContext c) => Args.Int(ref c, 0));
        d[Sys.exit] = d[Sys.exit_group];
        d[Sys.clone] = new FuncDecoder(Clone.Entry, Clone.Exit, exitArgs: false);
        d[Sys.clone3] = new FuncDecoder(Clone.Clone3Entry, Clone.Clone3Exit, exitArgs: false);
        d[Sys.wait4] = new FuncDecoder((ref DecodeContext c) => Args.ProcessOrGroup(ref c, 0), Wait.Wait4Exit);
        d[Sys.waitid] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ProcessConstants.IdTypes);
            // P_PID: a process; P_PGID: a process group.
            // idtype is an int: the register's upper half is not part of it.
            uint idType = (uint)c.Arg(0);
            if (idType is 1 or 2) Args.Pid(ref c, 1, idType == 2 ? PidKind.Group : PidKind.Process);
            else Args.Int(ref c, 1);
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed || c.Arg(2) == 0 || !Printers.TryRead(ref c, c.Arg(2), out Kernel.Abi.SigInfo si)) c.Out.Ptr(c.Arg(2));
            else SiginfoPrinter.Print(ref c, si);
            Args.Flags(ref c, 3, ProcessConstants.WaitOptions);
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(4)); else Wait.Rusage(ref c, c.Arg(4));
        });
        // strace prints these two addresses as plain numbers: 0, not NULL.
        d[Sys.rseq] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Hex(ref c, 0);
            c.Out.Sep().Hex((uint)c.Arg(1));
            Args.Flags(ref c, 2, s_rseqFlags);
            c.Out.Sep().Hex((uint)c.Arg(3));
        });
        d[Sys.set_tid_address] = new FuncDecoder((ref DecodeContext c) => Args.Hex(ref c, 0));
        d[Sys.set_robust_list] = new FuncDecoder((ref DecodeContext c) => { Args.Ptr(ref c, 0); Args.ULong(ref c, 1); });
        d[Sys.personality] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            // 0xffffffff only asks for the current persona.
            if ((uint)c.Arg(0) == uint.MaxValue) c.Out.Hex(uint.MaxValue); else Persona(c.Out, (uint)c.Arg(0));
        }, (ref DecodeContext c) => { if (!c.Failed) Persona(c.Aux, (ulong)c.ReturnValue); }, exitArgs: false);
        var getres = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            for (int i = 0; i < 3; i++)
            {
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(c.Arg(i)); else Args.IntRef(ref c, c.Arg(i));
            }
        });
        d[Sys.getresuid] = getres;
        d[Sys.getresgid] = getres;
        d[Sys.getgroups] = new FuncDecoder((ref DecodeContext c) => Args.Int(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            // With size 0 the kernel only counts, so nothing was written: "[]".
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Groups(ref c, c.Arg(1), Math.Min(c.IntArg(0), c.ReturnValue));
        });
        d[Sys.setgroups] = new FuncDecoder((ref DecodeContext c) => { Args.Int(ref c, 0); c.Out.Sep(); Groups(ref c, c.Arg(1), c.IntArg(0)); });
        d[Sys.pidfd_open] = new FuncDecoder((ref DecodeContext c) => { Args.Pid(ref c, 0); Args.Flags(ref c, 1, ProcessConstants.PidfdOpenFlags); });
        d[Sys.pidfd_getfd] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            // The descriptor number is the target process's, so -y looks its path up there.
            int start = c.Out.Sep().Length;
            c.Out.Int(c.IntArg(1));
            int target = c.FdPaths?.PidOfPidfd(c.Pid, c.IntArg(0)) ?? -1;
            if (target > 0)
            {
                int self = c.Pid;
                c.Pid = target;
                Args.FdPath(ref c, c.IntArg(1), c.Out);
                c.Pid = self;
            }
            c.Out.MarkFd(start, c.IntArg(1));
            c.Out.Sep().Hex((uint)c.Arg(2));
        });
        // unshare's flags are an unsigned long, all 64 bits of them printed.
        d[Sys.unshare] = new FuncDecoder((ref DecodeContext c) => ProcessConstants.UnshareFlags.Print(c.Out.Sep(), c.Arg(0)));
        d[Sys.setns] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); Args.Flags(ref c, 1, ProcessConstants.SetnsTypes); });
        d[Sys.set_thread_area] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (Printers.TryRead(ref c, c.Arg(0), out UserDesc u)) UserDescValue(c.Out, u, whole: true); else c.Out.Ptr(c.Arg(0));
        }, (ref DecodeContext c) =>
        {
            if (!c.Failed && Printers.TryRead(ref c, c.Arg(0), out UserDesc u)) c.Aux.Raw("entry_number="u8).UInt(u.EntryNumber);
        }, exitArgs: false);
        // The kernel reads only entry_number, and fills the rest on success.
        d[Sys.get_thread_area] = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (!c.Failed && Printers.TryRead(ref c, c.Arg(0), out UserDesc u)) UserDescValue(c.Out, u, whole: true);
            else if (Printers.TryRead(ref c, c.Arg(0), out uint entry)) UserDescValue(c.Out, new UserDesc { EntryNumber = entry }, whole: false);
            else c.Out.Ptr(c.Arg(0));
        });
        // modify_ldt reads a struct user_desc only when it is given exactly that many bytes.
        d[Sys.modify_ldt] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Int(ref c, 0);
            c.Out.Sep();
            if (c.Arg(2) == UserDescSize && Printers.TryRead(ref c, c.Arg(1), out UserDesc u)) UserDescValue(c.Out, u, whole: true);
            else c.Out.Ptr(c.Arg(1));
            Args.ULong(ref c, 2);
        });
        // The first port and how many, in hex as strace prints them.
        d[Sys.ioperm] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep().Hex(c.Arg(0));
            c.Out.Sep().Hex(c.Arg(1));
            Args.Int(ref c, 2);
        });
        var pidOnly = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0));
        d[Sys.getpgid] = pidOnly;
        d[Sys.getsid] = pidOnly;
        d[Sys.setpgid] = new FuncDecoder((ref DecodeContext c) => { Args.Pid(ref c, 0); Args.Pid(ref c, 1, PidKind.Group); });
    }

    /// <summary>&lt;linux/rseq.h&gt;</summary>
    private static readonly FlagSet s_rseqFlags = new("RSEQ_FLAG_???", null, new Named(1, "RSEQ_FLAG_UNREGISTER"));

    private static void Nothing(ref DecodeContext c) { }

    private static readonly ulong UserDescSize = (ulong)System.Runtime.InteropServices.Marshal.SizeOf<UserDesc>();

    /// <summary>A gid_t array: [0, 4, 27], (gid_t)-1 as -1.</summary>
    private static void Groups(ref DecodeContext c, ulong addr, long count)
    {
        // More than NGROUPS_MAX the kernel refuses unread, and strace shows the address.
        if (count > NgroupsMax) { c.Out.Ptr(addr); return; }
        Printers.Array(ref c, addr, (ulong)Math.Max(count, 0), static (ref DecodeContext c, in uint gid) => Args.IdValue(c.Out, gid));
    }

    /// <summary>&lt;linux/limits.h&gt; NGROUPS_MAX.</summary>
    private const int NgroupsMax = 65536;

    /// <summary>struct user_desc: entry_number (-1 asks for a free one), the 32-bit base and limit
    /// as C's "%#08x" prints them, then each bit field; only entry_number when the rest was not filled.</summary>
    private static void UserDescValue(ArgWriter w, in UserDesc u, bool whole)
    {
        Args.IdValue(w.BeginStruct().Field("entry_number"u8), u.EntryNumber);
        if (!whole) { w.EndStruct(abbreviated: true); return; }
        Hex08(w.Field("base_addr"u8), u.BaseAddr);
        Hex08(w.Field("limit"u8), u.Limit);
        w.Field("seg_32bit"u8).UInt(u.Bits(0, 1)).Field("contents"u8).UInt(u.Bits(1, 2)).Field("read_exec_only"u8).UInt(u.Bits(3, 1))
            .Field("limit_in_pages"u8).UInt(u.Bits(4, 1)).Field("seg_not_present"u8).UInt(u.Bits(5, 1))
            .Field("useable"u8).UInt(u.Bits(6, 1)).Field("lm"u8).UInt(u.Bits(7, 1));
        w.EndStruct();
    }

    /// <summary>C's "%#08x": eight characters at least, "0x" counted, and no "0x" for zero.</summary>
    private static void Hex08(ArgWriter w, uint v)
    {
        int start = w.Length;
        if (v == 0) w.Raw("00000000"u8);
        else
        {
            int digits = Math.Max(6, (32 - System.Numerics.BitOperations.LeadingZeroCount(v) + 3) / 4);
            w.Raw("0x"u8);
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) w.Raw((byte)"0123456789abcdef"[(int)(v >> shift) & 15]);
        }
        w.MarkNumber(start, v);
    }

    private static void ExecveEntry(ref DecodeContext c)
    {
        Args.Path(ref c, 0);
        c.Out.Sep();
        Printers.StringArray(ref c, c.Arg(1));
        c.Out.Sep();
        Envp(ref c, c.Arg(2));
    }

    /// <summary>The environment is long and rarely the point: strace shows its address and size
    /// unless -v asks for all of it.</summary>
    internal static void Envp(ref DecodeContext c, ulong addr)
    {
        if (c.Unabbreviated || addr == 0) { Printers.StringArray(ref c, addr); return; }
        c.Out.Ptr(addr);
        if (c.AddressesOnly) return;
        int n = Printers.CountArray(ref c, addr, out bool unterminated);
        if (n < 0) return;
        int end = c.Out.Length;
        c.Out.Raw(" /* "u8).Int(n).Raw(n == 1 ? " var"u8 : " vars"u8).Raw(unterminated ? ", unterminated */"u8 : " */"u8);
        // For --json the argument is the pointer; the count is a comment on it.
        c.Out.Annotated(end);
    }

    private static void Persona(ArgWriter w, ulong v)
    {
        var whole = w.BeginFlagsOf();
        ProcessConstants.Personas.Print(w, v & 0xff);
        ProcessConstants.PersonalityFlags.PrintMore(w, v & ~0xffUL);
        w.EndFlagsOf(whole, v);
    }
}
