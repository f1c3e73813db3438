using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Families;

/// <summary>wait4 and waitid: the status word spelled as the W* macros that take it apart.</summary>
internal static class Wait
{
    public static void Wait4Exit(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(1);
        if (c.Failed || c.ReturnValue == 0 || !Printers.TryRead(ref c, addr, out int status)) c.Out.Ptr(addr);
        else Status(c.Out, status);
        Args.Flags(ref c, 2, ProcessConstants.WaitOptions);
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(3)); else Rusage(ref c, c.Arg(3));
    }

    public static void Status(ArgWriter w, int s)
    {
        w.Raw("[{"u8);
        int low = s & 0x7f;
        if ((s & 0xff) == 0x7f)
        {
            w.Raw("WIFSTOPPED(s) && WSTOPSIG(s) == "u8);
            SignalPrinters.Signal(w, (s >> 8) & 0xff, styled: false);
        }
        else if (s == 0xffff) w.Raw("WIFCONTINUED(s)"u8);
        else if (low == 0)
            w.Raw("WIFEXITED(s) && WEXITSTATUS(s) == "u8).Int((s >> 8) & 0xff);
        else
        {
            w.Raw("WIFSIGNALED(s) && WTERMSIG(s) == "u8);
            SignalPrinters.Signal(w, low, styled: false);
            if ((s & 0x80) != 0) w.Raw(" && WCOREDUMP(s)"u8);
        }
        w.Raw("}]"u8);
    }

    private struct RusageTimes { public long UtimeSec, UtimeUsec, StimeSec, StimeUsec; }

    /// <summary>struct rusage: the two times, then "..." unless -v asked for every counter.</summary>
    public static void Rusage(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Raw("NULL"u8); return; }
        Span<long> r = stackalloc long[18];
        if (Printers.ReadStruct(ref c, addr, System.Runtime.InteropServices.MemoryMarshal.AsBytes(r)) < 144) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.Raw("{ru_utime="u8);
        TimePrinters.TimevalValue(w, r[0], r[1]);
        w.Raw(", ru_stime="u8);
        TimePrinters.TimevalValue(w, r[2], r[3]);
        if (!c.Unabbreviated) { w.Raw(", ...}"u8); return; }
        ReadOnlySpan<string> names = ["ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap",
            "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"];
        for (int i = 0; i < names.Length; i++) w.Raw(", "u8).Ascii(names[i]).Raw((byte)'=').Int(r[4 + i]);
        w.Raw((byte)'}');
    }
}
