using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Clocks, sleeps and interval timers.</summary>
internal static class ClockDecoders
{
    private const long EINTR = 4;

    private static readonly int SigeventFields = (int)Marshal.OffsetOf<Sigevent>(nameof(Kernel.Abi.Sigevent.Attributes)) + 8;

    public static void Register(DecoderTable d)
    {
        var getTime = new FuncDecoder((ref DecodeContext c) => Args.Value(ref c, 0, ClockConstants.Clocks), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else TimePrinters.Timespec(ref c, c.Arg(1));
        });
        d[Sys.clock_gettime] = getTime;
        d[Sys.clock_getres] = getTime;
        d[Sys.adjtimex] = new FuncDecoder(static (ref DecodeContext c) => { }, (ref DecodeContext c) => TimexPrinter.Exit(ref c, c.Arg(0)));
        d[Sys.clock_adjtime] = new FuncDecoder((ref DecodeContext c) => Args.Value(ref c, 0, ClockConstants.Clocks),
            (ref DecodeContext c) => TimexPrinter.Exit(ref c, c.Arg(1)));
        d[Sys.clock_settime] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ClockConstants.Clocks);
            c.Out.Sep();
            TimePrinters.Timespec(ref c, c.Arg(1));
        });
        d[Sys.nanosleep] = new FuncDecoder((ref DecodeContext c) => { c.Out.Sep(); TimePrinters.Timespec(ref c, c.Arg(0)); },
            (ref DecodeContext c) => Remaining(ref c, 1));
        d[Sys.clock_nanosleep] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ClockConstants.Clocks);
            Args.Flags(ref c, 1, ClockConstants.TimerFlags);
            c.Out.Sep();
            TimePrinters.Timespec(ref c, c.Arg(2));
        }, (ref DecodeContext c) => Remaining(ref c, 3));
        d[Sys.gettimeofday] = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) { c.Out.Ptr(c.Arg(0)); Args.Ptr(ref c, 1); return; }
            TimePrinters.Timeval(ref c, c.Arg(0));
            c.Out.Sep();
            Timezone(ref c, c.Arg(1));
        });
        d[Sys.settimeofday] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            TimePrinters.Timeval(ref c, c.Arg(0));
            c.Out.Sep();
            Timezone(ref c, c.Arg(1));
        });
        // The seconds and the result each get their date: "time([1796106118 /* 2026-12-01T06:21:58+0000 */]) = 1796106118 (2026-12-01T06:21:58+0000)".
        d[Sys.time] = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed || !Printers.TryRead(ref c, c.Arg(0), out long t)) c.Out.Ptr(c.Arg(0));
            else
            {
                c.Out.BeginArray().Element().Int(t);
                TimePrinters.DateComment(c.Out, t, 0);
                c.Out.EndArray();
            }
            if (!c.Failed && TimePrinters.Dated(c.ReturnValue)) TimePrinters.Date(c.Aux, c.ReturnValue);
        });
        d[Sys.setitimer] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ClockConstants.Itimers);
            c.Out.Sep();
            Itimerval(ref c, c.Arg(1), false);
        }, (ref DecodeContext c) => { c.Out.Sep(); Itimerval(ref c, c.Arg(2), false); });
        d[Sys.getitimer] = new FuncDecoder((ref DecodeContext c) => Args.Value(ref c, 0, ClockConstants.Itimers),
            (ref DecodeContext c) => { c.Out.Sep(); Itimerval(ref c, c.Arg(1), false); });
        d[Sys.timer_create] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ClockConstants.Clocks);
            c.Out.Sep();
            Sigevent(ref c, c.Arg(1));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(2)); else Args.IntRef(ref c, c.Arg(2));
        });
        d[Sys.timer_settime] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Int(ref c, 0);
            NewTimer(ref c, ClockConstants.TimerFlags);
        }, OldTimer);
        d[Sys.timer_gettime] = new FuncDecoder((ref DecodeContext c) => Args.Int(ref c, 0),
            (ref DecodeContext c) => { c.Out.Sep(); Itimerval(ref c, c.Arg(1), true); });
        d[Sys.timerfd_settime] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            NewTimer(ref c, DescConstants.TimerfdFlags);
        }, OldTimer);
        d[Sys.timerfd_gettime] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0),
            (ref DecodeContext c) => { c.Out.Sep(); Itimerval(ref c, c.Arg(1), true); });
    }

    /// <summary>timer_settime and timerfd_settime after the timer: flags, then the new setting.</summary>
    private static void NewTimer(ref DecodeContext c, FlagSet flags)
    {
        Args.Flags(ref c, 1, flags);
        c.Out.Sep();
        Itimerval(ref c, c.Arg(2), true);
    }

    private static void OldTimer(ref DecodeContext c)
    {
        c.Out.Sep();
        Itimerval(ref c, c.Arg(3), true);
    }

    private static void Nothing(ref DecodeContext c) { }

    private static void Timezone(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out Kernel.Abi.Timezone tz)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("tz_minuteswest"u8).Int(tz.MinutesWest).Field("tz_dsttime"u8).Int(tz.DstTime).EndStruct();
    }

    /// <summary>The remaining time is written only when the sleep was interrupted.</summary>
    private static void Remaining(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        if (c.ReturnValue == -EINTR || c.ReturnValue == -516) TimePrinters.Timespec(ref c, c.Arg(i));
        else c.Out.Ptr(c.Arg(i));
    }

    /// <summary>struct sigevent: the value only when set, then what the notification needs.</summary>
    internal static void Sigevent(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        // strace reads only the fields it prints (up to sigev_notify_attributes), not the padding.
        Sigevent e = default;
        var fields = MemoryMarshal.AsBytes(new Span<Sigevent>(ref e))[..SigeventFields];
        if (Printers.ReadStruct(ref c, addr, fields) < SigeventFields) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct();
        if (e.Value != 0) w.Field("sigev_value"u8).BeginStruct().Field("sival_int"u8).Int((int)e.Value).Field("sival_ptr"u8).Hex(e.Value).EndStruct();
        w.Field("sigev_signo"u8);
        // The number is a signal only for the notifications that send one.
        if (e.Notify is ClockConstants.SIGEV_SIGNAL or ClockConstants.SIGEV_THREAD or ClockConstants.SIGEV_THREAD_ID) SignalPrinters.Signal(w, e.Signo);
        else w.UInt((uint)e.Signo);
        w.Field("sigev_notify"u8);
        ClockConstants.SigevNotify.PrintInt(w, (uint)e.Notify);
        if (e.Notify == ClockConstants.SIGEV_THREAD)
            w.Field("sigev_notify_function"u8).Ptr(e.Function).Field("sigev_notify_attributes"u8).Ptr(e.Attributes);
        else if (e.Notify == ClockConstants.SIGEV_THREAD_ID)
            w.Field("sigev_notify_thread_id"u8).Int((int)e.Function);
        w.EndStruct();
    }

    /// <summary>itimerval (microseconds) or itimerspec (nanoseconds).</summary>
    private static void Itimerval(ref DecodeContext c, ulong addr, bool nanos)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if ((c.Exiting && c.Failed) || !Printers.TryRead(ref c, addr, out Itimerspec p)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("it_interval"u8);
        if (nanos) TimePrinters.TimespecValue(w, p.Interval.Sec, p.Interval.Nsec); else TimePrinters.TimevalValue(w, p.Interval.Sec, p.Interval.Nsec);
        w.Field("it_value"u8);
        if (nanos) TimePrinters.TimespecValue(w, p.Value.Sec, p.Value.Nsec); else TimePrinters.TimevalValue(w, p.Value.Sec, p.Value.Nsec);
        w.EndStruct();
    }
}
