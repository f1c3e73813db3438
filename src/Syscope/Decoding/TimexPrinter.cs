using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>struct timex (&lt;linux/timex.h&gt;) as adjtimex and clock_adjtime leave it, and the
/// clock state they return, "5 (TIME_ERROR)".</summary>
internal static class TimexPrinter
{
    /// <summary>Exit half: the structure the kernel filled (its address when the call failed), and the state.</summary>
    public static void Exit(ref DecodeContext c, ulong addr)
    {
        c.Out.Sep();
        if (c.Failed || !Printers.TryRead(ref c, addr, out Timex t)) c.Out.Ptr(addr);
        else Print(c.Out, in t);
        if (!c.Failed && ClockConstants.ClockStates.TryName((ulong)c.ReturnValue, out _))
            ClockConstants.ClockStates.Print(c.Aux, (ulong)c.ReturnValue);
    }

    private static void Print(ArgWriter w, in Timex t)
    {
        w.Raw("{modes="u8);
        ClockConstants.AdjModes.Print(w, (uint)t.Modes);
        w.Raw(", offset="u8).Int(t.Offset).Raw(", freq="u8).Int(t.Freq).Raw(", maxerror="u8).Int(t.MaxError)
            .Raw(", esterror="u8).Int(t.EstError).Raw(", status="u8);
        ClockConstants.TimexStatus.Print(w, (uint)t.Status);
        w.Raw(", constant="u8).Int(t.Constant).Raw(", precision="u8).Int(t.Precision).Raw(", tolerance="u8).Int(t.Tolerance)
            .Raw(", time="u8);
        TimePrinters.TimevalValue(w, t.TimeSec, t.TimeUsec);
        w.Raw(", tick="u8).Int(t.Tick).Raw(", ppsfreq="u8).Int(t.PpsFreq).Raw(", jitter="u8).Int(t.Jitter)
            .Raw(", shift="u8).Int(t.Shift).Raw(", stabil="u8).Int(t.Stabil).Raw(", jitcnt="u8).Int(t.JitCnt)
            .Raw(", calcnt="u8).Int(t.CalCnt).Raw(", errcnt="u8).Int(t.ErrCnt).Raw(", stbcnt="u8).Int(t.StbCnt)
            .Raw(", tai="u8).Int(t.Tai).Raw((byte)'}');
    }
}
