using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>System V IPC: shared memory, semaphores and message queues.</summary>
internal static class IpcDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.shmget] = new FuncDecoder((ref DecodeContext c) =>
        {
            Key(ref c);
            Args.ULong(ref c, 1);
            FlagsAndMode(ref c, 2, IpcConstants.GetFlags, hugeShift: true);
        });
        d[Sys.semget] = new FuncDecoder((ref DecodeContext c) =>
        {
            Key(ref c);
            Args.Int(ref c, 1);
            FlagsAndMode(ref c, 2, IpcConstants.SemGetFlags);
        });
        d[Sys.msgget] = new FuncDecoder((ref DecodeContext c) => { Key(ref c); FlagsAndMode(ref c, 1, IpcConstants.SemGetFlags); });
        d[Sys.shmat] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Int(ref c, 0);
            Args.Ptr(ref c, 1);
            Args.Flags(ref c, 2, IpcConstants.ShmatFlags);
        });
        d[Sys.shmdt] = new FuncDecoder((ref DecodeContext c) => Args.Ptr(ref c, 0));
        d[Sys.shmctl] = new FuncDecoder((ref DecodeContext c) => CtlEntry(ref c, IpcConstants.ShmCmd, 1, IpcStructPrinter.Kind.Shm),
            (ref DecodeContext c) => CtlExit(ref c, IpcStructPrinter.Kind.Shm, 1), exitArgs: false);
        d[Sys.msgctl] = new FuncDecoder((ref DecodeContext c) => CtlEntry(ref c, IpcConstants.MsgCmd, 1, IpcStructPrinter.Kind.Msg),
            (ref DecodeContext c) => CtlExit(ref c, IpcStructPrinter.Kind.Msg, 1), exitArgs: false);
        d[Sys.semctl] = new FuncDecoder((ref DecodeContext c) => CtlEntry(ref c, IpcConstants.SemCmd, 2, IpcStructPrinter.Kind.Sem),
            (ref DecodeContext c) => CtlExit(ref c, IpcStructPrinter.Kind.Sem, 2), exitArgs: false);
        d[Sys.semop] = new FuncDecoder((ref DecodeContext c) => Sops(ref c));
        d[Sys.semtimedop] = new FuncDecoder((ref DecodeContext c) =>
        {
            Sops(ref c);
            c.Out.Sep();
            TimePrinters.Timespec(ref c, c.Arg(3));
        });
        d[Sys.msgsnd] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Int(ref c, 0);
            c.Out.Sep();
            Message(ref c, c.Arg(1), (long)c.Arg(2));
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, IpcConstants.MsgFlags);
        });
        d[Sys.msgrcv] = new FuncDecoder((ref DecodeContext c) => Args.Int(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Message(ref c, c.Arg(1), (long)c.Arg(2));
            Args.ULong(ref c, 2);
            Args.Long(ref c, 3);
            Args.Flags(ref c, 4, IpcConstants.MsgFlags);
        });
    }

    private static void Key(ref DecodeContext c)
    {
        c.Out.Sep();
        int key = c.IntArg(0);
        if (key != 0) { c.Out.Hex((uint)key); return; }
        var mark = c.Out.BeginConst();
        c.Out.ConstName("IPC_PRIVATE"u8);
        c.Out.EndConst(mark, 0);
    }

    /// <summary>"IPC_CREAT|IPC_EXCL|0600": the flag names, then the permission bits in octal; for
    /// --json one set of flags whose last name is the mode's octal text, or the mode alone a number.
    /// shmget's huge page size (bits 26..31) goes between them as "21&lt;&lt;SHM_HUGE_SHIFT".</summary>
    private static void FlagsAndMode(ref DecodeContext c, int i, FlagSet flags, bool hugeShift = false)
    {
        var w = c.Out.Sep();
        uint v = (uint)c.Arg(i);
        uint huge = hugeShift ? v >> ShmHugeShift : 0;
        uint rest = v & ~0x1ffu & ~(huge << ShmHugeShift);
        if (rest == 0 && huge == 0) { w.Octal(v); return; }
        var whole = w.BeginFlagsOf();
        if (rest != 0)
        {
            flags.Print(w, rest, after: false, bare: true);
            w.Raw((byte)'|');
        }
        if (huge != 0)
        {
            // A size, not a flag: -X raw and verbose keep "21<<26", verbose naming the shift after it.
            w.UInt(huge).Raw("<<"u8);
            int name = w.Length;
            if (w.Style == ConstStyle.Abbrev) w.Raw("SHM_HUGE_SHIFT"u8);
            else w.UInt(ShmHugeShift);
            w.NameWritten(name);
            if (w.Style == ConstStyle.Verbose) w.Raw(" /* SHM_HUGE_SHIFT */"u8);
            w.Raw((byte)'|');
        }
        int mode = w.Length;
        w.Octal(v & 0x1ff).NameWritten(mode);
        w.EndFlagsOf(whole, v);
    }

    private const int ShmHugeShift = 26;

    private const ulong IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3;

    /// <summary>The ctl commands that fill a structure: IPC_STAT, IPC_INFO and the kind's own
    /// STAT, INFO and STAT_ANY (13-15 for shm, 11-13 for msg, 18-20 for sem).</summary>
    private static bool Fills(ulong cmd, ulong first) => cmd is IPC_STAT or IPC_INFO || (cmd >= first && cmd <= first + 2);

    private static ulong CmdOf(ref DecodeContext c, int cmdArg) => (uint)c.Arg(cmdArg) & ~IpcConstants.Ipc64;

    private static ulong FirstStat(IpcStructPrinter.Kind kind) => kind switch
    {
        IpcStructPrinter.Kind.Shm => 13,
        IpcStructPrinter.Kind.Msg => 11,
        _ => 18,
    };

    /// <summary>id[, semnum], the command; IPC_SET's structure is an input, the STAT ones wait for exit.</summary>
    private static void CtlEntry(ref DecodeContext c, ValueSet cmds, int cmdArg, IpcStructPrinter.Kind kind)
    {
        for (int i = 0; i < cmdArg; i++) Args.Int(ref c, i);
        Command(ref c, cmdArg, cmds);
        ulong cmd = CmdOf(ref c, cmdArg), addr = c.Arg(cmdArg + 1);
        if (Fills(cmd, FirstStat(kind))) { c.Out.SepAhead(); return; }
        c.Out.Sep();
        if (cmd == IPC_SET) IpcStructPrinter.Print(ref c, kind, addr, set: true);
        else c.Out.Ptr(addr);
    }

    private static void CtlExit(ref DecodeContext c, IpcStructPrinter.Kind kind, int cmdArg)
    {
        ulong cmd = CmdOf(ref c, cmdArg), first = FirstStat(kind);
        if (!Fills(cmd, first)) return;
        c.Out.Sep();
        ulong addr = c.Arg(cmdArg + 1);
        if (c.Failed) c.Out.Ptr(addr);
        else if (cmd == IPC_INFO || cmd == first + 1) IpcStructPrinter.PrintInfo(ref c, kind, addr, shmUsage: cmd != IPC_INFO);
        else IpcStructPrinter.Print(ref c, kind, addr, set: false);
    }

    /// <summary>The command, after "IPC_64|" when the 64-bit structures were asked for.</summary>
    private static void Command(ref DecodeContext c, int i, ValueSet cmds)
    {
        c.Out.Sep();
        ulong cmd = (uint)c.Arg(i);
        if ((cmd & IpcConstants.Ipc64) == 0) { cmds.PrintInt(c.Out, cmd); return; }
        // For --json one set of flags: IPC_64 and the command.
        var whole = c.Out.BeginFlagsOf();
        var mark = c.Out.BeginConst();
        c.Out.ConstName("IPC_64"u8);
        c.Out.EndConst(mark, IpcConstants.Ipc64);
        c.Out.Raw((byte)'|');
        cmds.PrintInt(c.Out, cmd & ~IpcConstants.Ipc64);
        c.Out.EndFlagsOf(whole, cmd);
    }

    private static void Sops(ref DecodeContext c)
    {
        Args.Int(ref c, 0);
        c.Out.Sep();
        // nsops is an unsigned int: the register's upper half is not part of it.
        ulong addr = c.Arg(1), count = (uint)c.Arg(2);
        if (count == 0) c.Out.Ptr(addr);
        else Printers.Array(ref c, addr, count, static (ref DecodeContext c, in Sembuf op) =>
        {
            c.Out.BeginStruct().Field("sem_num"u8).UInt(op.Num).Field("sem_op"u8).Int(op.Op).Field("sem_flg"u8);
            IpcConstants.SemFlags.Print(c.Out, (ushort)op.Flg);
            c.Out.EndStruct();
        });
        Args.UInt(ref c, 2);
    }

    /// <summary>struct msgbuf: the type, then size bytes of text.</summary>
    private static void Message(ref DecodeContext c, ulong addr, long size)
    {
        if (!Printers.TryRead(ref c, addr, out long type)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("mtype"u8).Int(type);
        c.Out.Field("mtext"u8);
        Printers.Buffer(ref c, addr + 8, size);
        c.Out.EndStruct();
    }
}
