using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>capget/capset: {version=..., pid=N}, then the effective, permitted and inheritable
/// sets as "1&lt;&lt;CAP_CHOWN|1&lt;&lt;CAP_KILL".</summary>
internal static class CapabilityDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.capget] = new FuncDecoder((ref DecodeContext c) => { c.Out.Sep(); Header(ref c, c.Arg(0)); }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Data(ref c, c.Arg(0), c.Arg(1));
        });
        d[Sys.capset] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            Header(ref c, c.Arg(0));
            c.Out.Sep();
            Data(ref c, c.Arg(0), c.Arg(1));
        });
    }

    private static void Header(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out CapUserHeader h)) { c.Out.Hex(addr); return; }
        c.Out.BeginStruct().Field("version"u8);
        CapabilityConstants.Versions.Print(c.Out, h.Version);
        c.Out.Field("pid"u8);
        c.PidNotes.Write(c.Out, h.Pid);
        c.Out.EndStruct();
    }

    /// <summary>Versions 2 and 3 have two 32-bit words per set, which print as one set; version 1,
    /// and any version strace does not know, one.</summary>
    private static void Data(ref DecodeContext c, ulong headerAddr, ulong addr)
    {
        // Without a header to say the version, the sets cannot be read: strace shows the address.
        if (addr == 0 || headerAddr == 0 || !Printers.TryRead(ref c, headerAddr, out CapUserHeader h)) { c.Out.Ptr(addr); return; }
        Span<CapUserData> data = stackalloc CapUserData[2];
        data.Clear();
        bool twoWords = h.Version is CapabilityConstants._LINUX_CAPABILITY_VERSION_2 or CapabilityConstants._LINUX_CAPABILITY_VERSION_3;
        bool read = Printers.TryRead(ref c, addr, out data[0]) && (!twoWords || Printers.TryRead(ref c, addr + 12, out data[1]));
        if (!read) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("effective"u8);
        Set(w, data[0].Effective, data[1].Effective);
        w.Field("permitted"u8);
        Set(w, data[0].Permitted, data[1].Permitted);
        w.Field("inheritable"u8);
        Set(w, data[0].Inheritable, data[1].Inheritable);
        w.EndStruct();
    }

    /// <summary>Each word prints as a flag set of its own, joined by '|' (with -X, "0x1|0x2001").</summary>
    private static void Set(ArgWriter w, uint low, uint high)
    {
        // For --json one set of flags: the names of both words, the 64-bit set as the number.
        var whole = w.BeginFlagsOf();
        if (low == 0 && high == 0) w.Raw((byte)'0');
        if (low != 0) CapabilityConstants.LowWord.Print(w, low);
        if (low != 0 && high != 0) w.Raw((byte)'|');
        if (high != 0) CapabilityConstants.HighWord.Print(w, high);
        w.EndFlagsOf(whole, low | (ulong)high << 32);
    }
}
