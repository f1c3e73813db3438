using Syscope.Decoding.Constants;
using Syscope.Events;

namespace Syscope.Decoding;

/// <summary>Printers for scalar arguments that several families share: descriptors, AT_FDCWD,
/// modes, access-mode-then-flags.  Each starts a new argument with Sep().</summary>
internal static class Args
{
    private const int AT_FDCWD = -100;

    public static void Fd(ref DecodeContext c, int i) => FdValue(ref c, c.IntArg(i), c.Out.Sep());

    /// <summary>A descriptor anywhere (an argument, a field, an element): its number, then with -y
    /// what it refers to.</summary>
    public static void FdValue(ref DecodeContext c, int fd, ArgWriter w)
    {
        int start = w.Length;
        w.Int(fd);
        // Only a directory descriptor argument (DirFd) means the working directory by AT_FDCWD.
        if (fd != AT_FDCWD) FdPath(ref c, fd, w);
        w.MarkFd(start, fd);
    }

    public static void DirFd(ref DecodeContext c, int i)
    {
        int start = c.Out.Sep().Length;
        if (c.IntArg(i) == AT_FDCWD)
        {
            var mark = c.Out.BeginConst();
            c.Out.ConstName("AT_FDCWD"u8);
            c.Out.EndConst(mark, unchecked((ulong)AT_FDCWD), NumberBase.Decimal);
        }
        else c.Out.Int(c.IntArg(i));
        FdPath(ref c, c.IntArg(i), c.Out);
        c.Out.MarkFd(start, c.IntArg(i));
    }

    /// <summary>With -y and its kin, what the descriptor refers to: "&lt;/etc/passwd&gt;" after the number.</summary>
    public static void FdPath(ref DecodeContext c, int fd, ArgWriter w) => FdDescription.Print(ref c, fd, w);

    public static void Int(ref DecodeContext c, int i) => c.Out.Sep().Int(c.IntArg(i));

    /// <summary>A pid_t (-Y names its process); kill's and wait4's may be a negated process group.</summary>
    public static void Pid(ref DecodeContext c, int i, PidKind kind = PidKind.Process) => c.PidNotes.Write(c.Out.Sep(), c.IntArg(i), kind);

    public static void ProcessOrGroup(ref DecodeContext c, int i) => c.PidNotes.WriteProcessOrGroup(c.Out.Sep(), c.IntArg(i));

    public static void Long(ref DecodeContext c, int i) => c.Out.Sep().Int((long)c.Arg(i));

    public static void ULong(ref DecodeContext c, int i) => c.Out.Sep().UInt(c.Arg(i));

    public static void UInt(ref DecodeContext c, int i) => c.Out.Sep().UInt((uint)c.Arg(i));

    /// <summary>A user or group id (uid_t, gid_t, qid_t): unsigned, but -1 (no id) as -1.</summary>
    public static void Id(ref DecodeContext c, int i) => IdValue(c.Out.Sep(), c.Arg(i));

    public static void IdValue(ArgWriter w, ulong v)
    {
        if ((uint)v == uint.MaxValue) w.Int(-1); else w.UInt((uint)v);
    }

    public static void Hex(ref DecodeContext c, int i) => c.Out.Sep().Hex(c.Arg(i));

    /// <summary>An unsigned int in hex: the register's upper half is not the caller's.</summary>
    public static void Hex32(ref DecodeContext c, int i) => c.Out.Sep().Hex((uint)c.Arg(i));

    public static void Ptr(ref DecodeContext c, int i) => c.Out.Sep().Ptr(c.Arg(i));

    public static void Path(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        Printers.Path(ref c, c.Arg(i));
    }

    /// <summary>A NUL-terminated string that is not a path: cut at -s.</summary>
    public static void String(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        Printers.String(ref c, c.Arg(i));
    }

    /// <summary>A mode_t: octal, only the bits a mode can hold.</summary>
    public static void Mode(ref DecodeContext c, int i) => c.Out.Sep().Octal(c.Arg(i) & 0xffff);

    public static void Flags(ref DecodeContext c, int i, FlagSet set)
    {
        c.Out.Sep();
        set.Print(c.Out, (uint)c.Arg(i));
    }

    public static void Value(ref DecodeContext c, int i, ValueSet set)
    {
        c.Out.Sep();
        set.PrintInt(c.Out, c.Arg(i));
    }

    /// <summary>open-style flags: the access mode by name, then the other flags; an int, except in
    /// openat2's 64-bit how.flags (<paramref name="wide"/>).</summary>
    public static void OpenFlags(ArgWriter w, ulong flags, bool wide = false)
    {
        if (!wide) flags = (uint)flags;
        var mark = w.BeginConst(flags: true);
        FileConstants.AccessMode.Print(w, flags & 3);
        FileConstants.OpenFlags.Print(w, flags & ~3UL, after: true);
        w.EndConst(mark, flags);
    }

    /// <summary>An int written back through a pointer: [3]; its address if it cannot be read.</summary>
    public static void IntRef(ref DecodeContext c, ulong addr) => IntRef(ref c, addr, default);

    /// <summary>A pid written back through a pointer (clone's parent_tid): [N], -Y naming its process.</summary>
    public static void PidRef(ref DecodeContext c, ulong addr) => IntRef(ref c, addr, c.PidNotes);

    private static void IntRef(ref DecodeContext c, ulong addr, PidNotes pids)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out int v)) { c.Out.Hex(addr); return; }
        c.Out.BeginArray().Element();
        pids.Write(c.Out, v);
        c.Out.EndArray();
    }

    /// <summary>An 8-byte value written back through a pointer: [N].</summary>
    public static void LongRef(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (Printers.TryRead(ref c, addr, out long v)) c.Out.BeginArray().Element().Int(v).EndArray();
        else c.Out.Hex(addr);
    }
}
