using Syscope.Decoding.Constants;
using Syscope.Events;
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
            if (c.Arg(0) is 1 or 2) Args.Pid(ref c, 1, c.Arg(0) == 2 ? PidKind.Group : PidKind.Process);
            else Args.Int(ref c, 1);
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed || c.Arg(2) == 0 || !Printers.TryRead(ref c, c.Arg(2), out Kernel.Abi.SigInfo si)) c.Out.Ptr(c.Arg(2));
            else SiginfoPrinter.Print(c.Out, si, c.PidNotes);
            Args.Flags(ref c, 3, ProcessConstants.WaitOptions);
            c.Out.Sep();
            Wait.Rusage(ref c, c.Arg(4));
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
            Args.Hex(ref c, 2);
        });
        d[Sys.unshare] = new FuncDecoder((ref DecodeContext c) => Args.Flags(ref c, 0, ProcessConstants.CloneFlags));
        d[Sys.setns] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); Args.Flags(ref c, 1, ProcessConstants.CloneFlags); });
        var pidOnly = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0));
        d[Sys.getpgid] = pidOnly;
        d[Sys.getsid] = pidOnly;
        d[Sys.setpgid] = new FuncDecoder((ref DecodeContext c) => { Args.Pid(ref c, 0); Args.Pid(ref c, 1, PidKind.Group); });
    }

    /// <summary>&lt;linux/rseq.h&gt;</summary>
    private static readonly FlagSet s_rseqFlags = new("RSEQ_FLAG_???", null, new Named(1, "RSEQ_FLAG_UNREGISTER"));

    private static void Nothing(ref DecodeContext c) { }

    /// <summary>A gid_t array: [0, 4, 27].</summary>
    private static void Groups(ref DecodeContext c, ulong addr, long count) =>
        Printers.Array(ref c, addr, (ulong)Math.Max(count, 0), static (ref DecodeContext c, in uint gid) => c.Out.UInt(gid), commentFirst: true);

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
        int n = Printers.CountArray(ref c, addr);
        if (n < 0) return;
        int end = c.Out.Length;
        c.Out.Raw(" /* "u8).Int(n).Raw(n == 1 ? " var */"u8 : " vars */"u8);
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
