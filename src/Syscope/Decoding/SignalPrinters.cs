using System.Numerics;
using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>Signal numbers, sets and struct sigaction as strace prints them.</summary>
internal static class SignalPrinters
{
    /// <summary>"SIGINT"; numbers outside 1..64 print as plain numbers.</summary>
    /// <param name="styled">False where strace prints the name even in -X raw (wait statuses).</param>
    public static void Signal(ArgWriter w, long sig, bool styled = true)
    {
        if (sig is > 0 and <= SignalNames.MaxSignal)
        {
            if (styled) Named(w, SignalNames.NameUtf8((int)sig), sig); else w.Raw(SignalNames.NameUtf8((int)sig));
        }
        else w.Int(sig);
    }

    /// <summary>A mask of signals 1..64: "[INT QUIT]", or "~[KILL STOP]" when more than half are
    /// set, naming the ones that are not.  Names drop the "SIG" prefix.</summary>
    public static void SetValue(ArgWriter w, ulong mask, int bits = 64)
    {
        int start = w.Length;
        ulong set = mask;
        bool invert = BitOperations.PopCount(mask) > bits / 2;
        if (invert) { mask = ~mask; if (bits < 64) mask &= (1UL << bits) - 1; w.Raw((byte)'~'); }
        w.Raw((byte)'[');
        bool first = true;
        for (int s = 1; s <= bits; s++)
        {
            if ((mask & (1UL << (s - 1))) == 0) continue;
            if (!first) w.Raw((byte)' ');
            first = false;
            if (s <= SignalNames.MaxSignal) Named(w, SignalNames.NameUtf8(s)[3..], s); else w.Int(s);
        }
        w.Raw((byte)']');
        w.MarkSignals(start, set, invert);
    }

    /// <summary>A signal's name, or in -X raw/verbose its number (signals print in decimal).</summary>
    private static void Named(ArgWriter w, ReadOnlySpan<byte> name, long sig)
    {
        var mark = w.BeginConst();
        w.ConstName(name);
        w.EndConst(mark, (ulong)sig, NumberBase.Decimal);
    }

    /// <summary>A sigset_t in tracee memory of sigsetsize bytes; any size but the kernel's 8 prints
    /// as the address, as strace does (4 and 16 included: the kernel refuses them).</summary>
    /// <param name="minSize">The smallest size read as a set: a whole sigset_t for most calls;
    /// rt_sigpending's kernel side takes fewer bytes, and strace reads just those.</param>
    public static void Set(ref DecodeContext c, ulong addr, ulong size, ulong minSize = 8)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        ulong mask = 0;
        if (size < minSize || size > 8 || Printers.ReadStruct(ref c, addr, MemoryMarshal.AsBytes(new Span<ulong>(ref mask))[..(int)size]) < (int)size)
        {
            c.Out.Hex(addr);
            return;
        }
        SetValue(c.Out, mask, (int)size * 8);
    }

    public static void Sigaction(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Sigaction sa)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("sa_handler"u8);
        if (SignalConstants.Handlers.TryName(sa.Handler, out _)) SignalConstants.Handlers.Print(w, sa.Handler); else w.Hex(sa.Handler);
        w.Field("sa_mask"u8);
        SetValue(w, sa.Mask);
        w.Field("sa_flags"u8);
        SignalConstants.SaFlags.Print(w, sa.Flags);
        if ((sa.Flags & SignalConstants.SA_RESTORER) != 0) w.Field("sa_restorer"u8).Ptr(sa.Restorer);
        w.EndStruct();
    }
}
