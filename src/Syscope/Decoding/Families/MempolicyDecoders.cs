using Syscope.Decoding.Constants;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>NUMA memory policy calls: set_mempolicy, get_mempolicy, mbind, migrate_pages,
/// move_pages.  Node masks print as arrays of whole longs, each as C's "%#018lx" minus the width
/// the "0x" takes ("0x00000000000001", and sixteen zeros for 0), the way strace shows them.</summary>
internal static class MempolicyDecoders
{
    private const int BitsPerLong = 64;

    public static void Register(DecoderTable d)
    {
        d[Sys.set_mempolicy] = new FuncDecoder((ref DecodeContext c) =>
        {
            Mode(ref c, 0);
            c.Out.Sep();
            NodeMask(ref c, c.Arg(1), c.Arg(2));
            Args.ULong(ref c, 2);
        });
        d[Sys.get_mempolicy] = new FuncDecoder(static (ref DecodeContext c) => { }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(0)); else ModeRef(ref c, c.Arg(0));
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else NodeMask(ref c, c.Arg(1), c.Arg(2));
            Args.ULong(ref c, 2);
            Args.Ptr(ref c, 3);
            Args.Flags(ref c, 4, MemoryConstants.GetMempolicyFlags);
        });
        d[Sys.mbind] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Ptr(ref c, 0);
            Args.ULong(ref c, 1);
            // mbind's mode is an unsigned long, the other calls' an int.
            c.Out.Sep();
            PrintMode(c.Out, c.Arg(2));
            c.Out.Sep();
            NodeMask(ref c, c.Arg(3), c.Arg(4));
            Args.ULong(ref c, 4);
            Args.Flags(ref c, 5, MemoryConstants.MbindFlags);
        });
        d[Sys.migrate_pages] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            Args.ULong(ref c, 1);
            c.Out.Sep();
            NodeMask(ref c, c.Arg(2), c.Arg(1));
            c.Out.Sep();
            NodeMask(ref c, c.Arg(3), c.Arg(1));
        });
        d[Sys.move_pages] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            Args.ULong(ref c, 1);
            c.Out.Sep();
            Printers.Array(ref c, c.Arg(2), c.Arg(1), s_pointer);
            c.Out.Sep();
            Printers.Array(ref c, c.Arg(3), c.Arg(1), s_node);
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed && c.Arg(1) != 0) c.Out.Ptr(c.Arg(4)); else Printers.Array(ref c, c.Arg(4), c.Arg(1), s_status);
            Args.Flags(ref c, 5, MemoryConstants.MbindFlags);
        });
    }

    private static void Mode(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        PrintMode(c.Out, (uint)c.Arg(i));
    }

    /// <summary>Mode and mode flags are one constant to -X ("0x8002 /* MPOL_BIND|MPOL_F_STATIC_NODES */");
    /// an unknown mode follows its flags in hex ("MPOL_F_STATIC_NODES|0xffff1fff"), or stands
    /// alone with its comment.</summary>
    private static void PrintMode(ArgWriter w, ulong mode)
    {
        var mark = w.BeginConst();
        ulong flags = mode & MemoryConstants.MempolicyModeFlagsMask, rest = mode & ~MemoryConstants.MempolicyModeFlagsMask;
        if (MemoryConstants.MempolicyMode.TryName(rest, out _) || flags == 0)
        {
            MemoryConstants.MempolicyMode.Print(w, rest);
            MemoryConstants.MempolicyModeFlags.Print(w, flags, after: true);
        }
        else
        {
            MemoryConstants.MempolicyModeFlags.Print(w, flags);
            w.Raw((byte)'|').Hex(rest);
        }
        w.EndConst(mark, mode);
    }

    private static void ModeRef(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out uint mode)) { c.Out.Hex(addr); return; }
        c.Out.BeginArray().Element();
        PrintMode(c.Out, mode);
        c.Out.EndArray();
    }

    /// <summary>The kernel reads maxnode - 1 bits, so that many bits' worth of longs print; a mask
    /// of no longs prints as its address, except with maxnode 0, which strace shows as [].</summary>
    private static void NodeMask(ref DecodeContext c, ulong addr, ulong maxNode)
    {
        ulong longs = maxNode == 0 ? 0 : (maxNode - 1 + BitsPerLong - 1) / BitsPerLong;
        if (addr != 0 && maxNode == 0) { c.Out.BeginArray().EndArray(); return; }
        if (addr == 0 || longs == 0) { c.Out.Ptr(addr); return; }
        Printers.Array(ref c, addr, longs, s_maskWord);
    }

    private static readonly Printers.ElementPrinter<ulong> s_maskWord = static (ref DecodeContext c, in ulong v) => MaskWord(c.Out, v);
    private static readonly Printers.ElementPrinter<ulong> s_pointer = static (ref DecodeContext c, in ulong v) => c.Out.Ptr(v);
    private static readonly Printers.ElementPrinter<int> s_node = static (ref DecodeContext c, in int v) => c.Out.Int(v);

    /// <summary>move_pages' status: a node number, or a negative errno by name.</summary>
    private static readonly Printers.ElementPrinter<int> s_status = static (ref DecodeContext c, in int v) => ErrnoValue.Print(c.Out, v);

    private static void MaskWord(ArgWriter w, ulong v)
    {
        int start = w.Length;
        MaskDigits(w, v);
        w.MarkNumber(start, v);
    }

    private static void MaskDigits(ArgWriter w, ulong v)
    {
        if (v == 0) { w.Raw("0000000000000000"u8); return; }
        int digits = (64 - System.Numerics.BitOperations.LeadingZeroCount(v) + 3) / 4;
        w.Raw("0x"u8);
        for (int i = digits; i < 14; i++) w.Raw((byte)'0');
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) w.Raw((byte)"0123456789abcdef"[(int)(v >> shift) & 15]);
    }
}
