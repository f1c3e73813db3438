using Syscope.Decoding.Constants;
using Syscope.Syscalls;

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
        // Nothing waited for (WNOHANG): the kernel filled no rusage, and strace shows its address.
        if (c.Failed || c.ReturnValue == 0) c.Out.Ptr(c.Arg(3)); else Rusage(ref c, c.Arg(3));
    }

    /// <summary>"[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]"; for --json an array of the one status
    /// word, an int as the kernel wrote it.</summary>
    public static void Status(ArgWriter w, int s)
    {
        w.BeginArray().Element();
        int start = w.Length;
        Macros(w, s);
        w.MarkNumber(start, (ulong)s, signed: true);
        w.EndArray();
    }

    private static void Macros(ArgWriter w, int s)
    {
        w.Raw((byte)'{');
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
        w.Raw((byte)'}');
    }

    /// <summary>struct rusage: the two times, then "..." unless -v asked for every counter.</summary>
    public static void Rusage(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Kernel.Abi.Rusage r)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        TimePrinters.TimevalValue(w.BeginStruct().Field("ru_utime"u8), r.UtimeSec, r.UtimeUsec);
        TimePrinters.TimevalValue(w.Field("ru_stime"u8), r.StimeSec, r.StimeUsec);
        if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
        // strace prints the counters unsigned, so a -1 shows as 18446744073709551615.
        w.Field("ru_maxrss"u8).UInt((ulong)r.MaxRss).Field("ru_ixrss"u8).UInt((ulong)r.IxRss).Field("ru_idrss"u8).UInt((ulong)r.IdRss)
            .Field("ru_isrss"u8).UInt((ulong)r.IsRss).Field("ru_minflt"u8).UInt((ulong)r.MinFlt).Field("ru_majflt"u8).UInt((ulong)r.MajFlt)
            .Field("ru_nswap"u8).UInt((ulong)r.Nswap).Field("ru_inblock"u8).UInt((ulong)r.InBlock).Field("ru_oublock"u8).UInt((ulong)r.OuBlock)
            .Field("ru_msgsnd"u8).UInt((ulong)r.MsgSnd).Field("ru_msgrcv"u8).UInt((ulong)r.MsgRcv).Field("ru_nsignals"u8).UInt((ulong)r.Nsignals)
            .Field("ru_nvcsw"u8).UInt((ulong)r.Nvcsw).Field("ru_nivcsw"u8).UInt((ulong)r.Nivcsw);
        w.EndStruct();
    }
}
