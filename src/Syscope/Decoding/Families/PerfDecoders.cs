using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>perf_event_open(2): the attribute structure prints at exit, as strace prints it, so that
/// a size the kernel refused (E2BIG) shows the size it wrote back ("size=0xa0 => 0x88"); the other
/// arguments follow it.  An attribute that cannot be read prints as its address at entry.</summary>
internal static class PerfDecoders
{
    private const int E2BIG = 7;
    /// <summary>Scratch.C: the attribute was read at entry and prints at exit; Scratch.A its size field then.</summary>
    private const int AttrAtExit = 1;

    public static void Register(DecoderTable d)
    {
        d[Sys.perf_event_open] = new FuncDecoder(Entry, Exit, exitArgs: false);
    }

    private static void Entry(ref DecodeContext c)
    {
        c.Scratch.C = 0;
        if (PerfAttrPrinter.TryFetch(ref c, c.Arg(0), out var attr, out _))
        {
            c.Scratch.A = attr.Size;
            c.Scratch.C = AttrAtExit;
            return;
        }
        c.Out.Sep().Ptr(c.Arg(0));
        Rest(ref c);
    }

    private static void Exit(ref DecodeContext c)
    {
        c.ReturnFormat = ReturnFormat.Fd;
        if (c.Scratch.C != AttrAtExit) return;
        c.Out.Sep();
        uint given = (uint)c.Scratch.A;
        int size = PerfAttrPrinter.ReadSize(given, !c.Unabbreviated);
        var attr = default(PerfEventAttr);
        var bytes = MemoryMarshal.AsBytes(new Span<PerfEventAttr>(ref attr));
        if (c.Memory.Read(c.Arg(0), bytes[..size]) < size) c.Out.Hex(c.Arg(0));
        else
        {
            // The kernel writes the size it supports over the caller's when it refuses a larger one.
            uint? written = c.ReturnValue == -E2BIG && !c.InjectedValue ? attr.Size : null;
            attr.Size = given;
            PerfAttrPrinter.Print(ref c, attr, size, written);
        }
        Rest(ref c);
    }

    private static void Rest(ref DecodeContext c)
    {
        Args.Int(ref c, 1);
        Args.Int(ref c, 2);
        Args.Fd(ref c, 3);
        c.Out.Sep();
        PerfConstants.OpenFlags.Print(c.Out, c.Arg(4));
    }
}
