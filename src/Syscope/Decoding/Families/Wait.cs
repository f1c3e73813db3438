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

    /// <summary>struct rusage: the two times, then "..." unless -v asked for every counter.</summary>
    public static void Rusage(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Kernel.Abi.Rusage r)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.Raw("{ru_utime="u8);
        TimePrinters.TimevalValue(w, r.UtimeSec, r.UtimeUsec);
        w.Raw(", ru_stime="u8);
        TimePrinters.TimevalValue(w, r.StimeSec, r.StimeUsec);
        if (!c.Unabbreviated) { w.Raw(", ...}"u8); return; }
        w.Raw(", ru_maxrss="u8).Int(r.MaxRss).Raw(", ru_ixrss="u8).Int(r.IxRss).Raw(", ru_idrss="u8).Int(r.IdRss)
            .Raw(", ru_isrss="u8).Int(r.IsRss).Raw(", ru_minflt="u8).Int(r.MinFlt).Raw(", ru_majflt="u8).Int(r.MajFlt)
            .Raw(", ru_nswap="u8).Int(r.Nswap).Raw(", ru_inblock="u8).Int(r.InBlock).Raw(", ru_oublock="u8).Int(r.OuBlock)
            .Raw(", ru_msgsnd="u8).Int(r.MsgSnd).Raw(", ru_msgrcv="u8).Int(r.MsgRcv).Raw(", ru_nsignals="u8).Int(r.Nsignals)
            .Raw(", ru_nvcsw="u8).Int(r.Nvcsw).Raw(", ru_nivcsw="u8).Int(r.Nivcsw);
        w.Raw((byte)'}');
    }
}
