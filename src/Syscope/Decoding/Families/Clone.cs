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
            // With CLONE_PIDFD alone the word is the pidfd; with both the kernel rejects the call.
            if (c.Failed) c.Out.Ptr(c.Arg(2));
            else if ((flags & ProcessConstants.CLONE_PARENT_SETTID) != 0) Args.PidRef(ref c, c.Arg(2));
            else IntWrittenBack(ref c, c.Arg(2), fd: true);
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

    private const int Clone3Min = 64, Clone3Known = 88, SetTidMax = 32;
    private const int SetTidOffset = 64, CgroupOffset = 80;

    /// <summary>clone3's clone_args, as much of it as the caller's size covers (the kernel
    /// zero-fills the rest): the fields the flags use, set_tid and cgroup when given, and bytes past
    /// the known part.  The words the kernel writes back (pidfd, parent_tid) and that tail print
    /// again at exit, after " => ".</summary>
    public static void Clone3Entry(ref DecodeContext c)
    {
        c.Out.Sep();
        c.Scratch.A = 0;
        ulong addr = c.Arg(0), size = c.Arg(1);
        int fetch = (int)Math.Min(size, Clone3Known);
        if (fetch < Clone3Min || !Read(ref c, addr, fetch, out CloneArgs a)) { c.Out.Ptr(addr); Args.ULong(ref c, 1); return; }
        var w = c.Out;
        w.BeginStruct().Field("flags"u8);
        ProcessConstants.Clone3Flags.Print(w, a.Flags);
        if ((a.Flags & ProcessConstants.CLONE_PIDFD) != 0) w.Field("pidfd"u8).Ptr(a.Pidfd);
        if ((a.Flags & ChildTid) != 0) w.Field("child_tid"u8).Ptr(a.ChildTid);
        if ((a.Flags & ProcessConstants.CLONE_PARENT_SETTID) != 0) w.Field("parent_tid"u8).Ptr(a.ParentTid);
        w.Field("exit_signal"u8);
        // Beyond int's range no signal can be meant: the number as it is.
        if (a.ExitSignal < int.MaxValue) SignalPrinters.Signal(w, (long)a.ExitSignal); else w.UInt(a.ExitSignal);
        w.Field("stack"u8).Ptr(a.Stack);
        w.Field("stack_size"u8).Hex(a.StackSize);
        if ((a.Flags & ProcessConstants.CLONE_SETTLS) != 0) w.Field("tls"u8).Ptr(a.Tls);
        if (a.SetTid != 0 || a.SetTidSize != 0)
        {
            w.Field("set_tid"u8);
            if (a.SetTid == 0 || a.SetTidSize == 0 || a.SetTidSize > SetTidMax) w.Ptr(a.SetTid);
            else Printers.Array(ref c, a.SetTid, a.SetTidSize, static (ref DecodeContext c, in int tid) => c.Out.Int(tid));
            w.Field("set_tid_size"u8).UInt(a.SetTidSize);
        }
        if (fetch > CgroupOffset && (a.Cgroup != 0 || (a.Flags & ProcessConstants.CLONE_INTO_CGROUP) != 0)) w.Field("cgroup"u8).UInt(a.Cgroup);
        if (size > (ulong)fetch) Printers.StructTail(ref c, addr, fetch, size);
        w.EndStruct();
        bool exitShows = (a.Flags & WritesBack) != 0 || size > (ulong)fetch;
        c.Scratch.A = exitShows ? 1 : 0;
        c.Scratch.C = w.Length;
        if (!exitShows) Args.ULong(ref c, 1);
    }

    /// <summary>The part of clone_args the caller's size covers, zeros past it.</summary>
    private static bool Read(ref DecodeContext c, ulong addr, int fetch, out CloneArgs a)
    {
        a = default;
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<CloneArgs>(ref a));
        return c.Memory.Read(addr, bytes[..fetch]) == fetch;
    }

    public static void Clone3Exit(ref DecodeContext c)
    {
        if (c.Scratch.A == 0) return;
        ulong addr = c.Arg(0), size = c.Arg(1);
        int fetch = (int)Math.Min(size, Clone3Known);
        if (!c.Failed)
        {
            var w = c.Out;
            if (!Read(ref c, addr, fetch, out CloneArgs a)) w.Raw(" => "u8).Ptr(addr);
            else
            {
                bool any = false;
                if ((a.Flags & ProcessConstants.CLONE_PIDFD) != 0)
                {
                    WrittenBack(w, ref any, "pidfd"u8);
                    IntWrittenBack(ref c, a.Pidfd, fd: true);
                }
                if ((a.Flags & ProcessConstants.CLONE_PARENT_SETTID) != 0)
                {
                    WrittenBack(w, ref any, "parent_tid"u8);
                    IntWrittenBack(ref c, a.ParentTid, fd: false);
                }
                if (size > (ulong)fetch)
                    Printers.StructTail(ref c, addr, fetch, size, any ? ", "u8 : " => {"u8);
                if (any || w.Length > (int)c.Scratch.C) w.Raw((byte)'}');
            }
            // What the kernel wrote back shows in the text; the value is the structure passed.
            w.Annotated((int)c.Scratch.C);
        }
        Args.ULong(ref c, 1);
    }

    private static void WrittenBack(ArgWriter w, ref bool any, ReadOnlySpan<byte> name)
    {
        w.Raw(any ? ", "u8 : " => {"u8).Raw(name).Raw((byte)'=');
        any = true;
    }

    /// <summary>A descriptor or tid the kernel wrote through a pointer: [3], or the address when it
    /// cannot be read.  Plain text: it annotates the structure passed, which --json keeps as the value.</summary>
    private static void IntWrittenBack(ref DecodeContext c, ulong addr, bool fd)
    {
        if (!Printers.TryRead(ref c, addr, out int v)) { c.Out.Ptr(addr); return; }
        c.Out.Raw((byte)'[');
        if (fd) { c.Out.Int(v); Args.FdPath(ref c, v, c.Out); }
        else c.PidNotes.Write(c.Out, v);
        c.Out.Raw((byte)']');
    }

}
