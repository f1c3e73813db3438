using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>clone and clone3.  Like strace, clone prints the stack and flags at entry and the
/// tid pointers at exit, when the kernel has written parent_tid.</summary>
internal static class Clone
{
    private const ulong WritesBack = ProcessConstants.CLONE_PARENT_SETTID | ProcessConstants.CLONE_PIDFD;
    private const ulong ChildTid = ProcessConstants.CLONE_CHILD_SETTID | ProcessConstants.CLONE_CHILD_CLEARTID;

    // x86_64 clone argument order: flags, stack, parent_tid, child_tid, tls.
    public static void Entry(ref DecodeContext c)
    {
        ulong flags = c.Arg(0);
        c.Out.Sep().ArgName("child_stack"u8).Ptr(c.Arg(1));
        c.Out.Sep().ArgName("flags"u8);
        Flags(c.Out, flags);
    }

    public static void Exit(ref DecodeContext c) => Tail(ref c, c.Arg(0));

    private static void Tail(ref DecodeContext c, ulong flags)
    {
        if ((flags & WritesBack) != 0)
        {
            c.Out.Sep().ArgName("parent_tid"u8);
            if (c.Failed) c.Out.Ptr(c.Arg(2)); else Args.PidRef(ref c, c.Arg(2));
        }
        if ((flags & ProcessConstants.CLONE_SETTLS) != 0) c.Out.Sep().ArgName("tls"u8).Ptr(c.Arg(4));
        if ((flags & ChildTid) != 0) c.Out.Sep().ArgName("child_tidptr"u8).Ptr(c.Arg(3));
    }

    /// <summary>Clone flags with the exit signal in the low byte printed by name after them.</summary>
    public static void Flags(ArgWriter w, ulong flags)
    {
        ulong sig = flags & 0xff;
        ulong rest = flags & ~0xffUL;
        var whole = w.BeginFlagsOf();
        bool any = rest != 0 && ProcessConstants.CloneFlags.Print(w, rest, false);
        if (sig != 0) { if (any) w.Raw((byte)'|'); SignalPrinters.Signal(w, (long)sig); }
        else if (!any) w.Raw((byte)'0');
        w.EndFlagsOf(whole, flags);
    }

    public static void Clone3Entry(ref DecodeContext c)
    {
        c.Out.Sep();
        if (!Printers.TryRead(ref c, c.Arg(0), out CloneArgs a) || c.Arg(1) < 64) { c.Out.Ptr(c.Arg(0)); Args.ULong(ref c, 1); return; }
        var w = c.Out;
        w.BeginStruct().Field("flags"u8);
        ProcessConstants.Clone3Flags.Print(w, a.Flags);
        if ((a.Flags & ProcessConstants.CLONE_PIDFD) != 0) w.Field("pidfd"u8).Ptr(a.Pidfd);
        if ((a.Flags & ChildTid) != 0) w.Field("child_tid"u8).Ptr(a.ChildTid);
        if ((a.Flags & ProcessConstants.CLONE_PARENT_SETTID) != 0) w.Field("parent_tid"u8).Ptr(a.ParentTid);
        w.Field("exit_signal"u8);
        SignalPrinters.Signal(w, (long)a.ExitSignal);
        w.Field("stack"u8).Ptr(a.Stack);
        w.Field("stack_size"u8).Hex(a.StackSize);
        if ((a.Flags & ProcessConstants.CLONE_SETTLS) != 0) w.Field("tls"u8).Ptr(a.Tls);
        w.EndStruct();
        c.Scratch.A = (a.Flags & WritesBack) != 0 ? 1 : 0;
        c.Scratch.B = (long)a.ParentTid;
        c.Scratch.C = w.Length;
        if (c.Scratch.A == 0) Args.ULong(ref c, 1);
    }

    public static void Clone3Exit(ref DecodeContext c)
    {
        if (c.Scratch.A == 0) return;
        if (!c.Failed && Printers.TryRead(ref c, (ulong)c.Scratch.B, out int tid))
        {
            c.Out.Raw(" => {parent_tid=["u8);
            c.PidNotes.Write(c.Out, tid);
            c.Out.Raw("]}"u8);
            // What the kernel wrote back shows in the text; the value is the structure passed.
            c.Out.Annotated((int)c.Scratch.C);
        }
        Args.ULong(ref c, 1);
    }
}
