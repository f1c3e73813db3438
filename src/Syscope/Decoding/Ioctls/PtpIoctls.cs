using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/ptp_clock.h&gt; PTP hardware clock requests (type '='), each in its first
/// form and its "2" form (which also shows reserved words that are set): capabilities, external
/// time stamp and periodic output requests, pin functions, and the system/clock offset samples.</summary>
internal sealed unsafe class PtpIoctls : IoctlFamily
{
    private const uint GETCAPS = 0x80503d01, GETCAPS2 = 0x80503d0a;
    private const uint EXTTS_REQUEST = 0x40103d02, EXTTS_REQUEST2 = 0x40103d0b;
    private const uint PEROUT_REQUEST = 0x40383d03, PEROUT_REQUEST2 = 0x40383d0c;
    private const uint SYS_OFFSET = 0x43403d05, SYS_OFFSET2 = 0x43403d0e;
    private const uint PIN_GETFUNC = 0xc0603d06, PIN_GETFUNC2 = 0xc0603d0f;
    private const uint PIN_SETFUNC = 0x40603d07, PIN_SETFUNC2 = 0x40603d10;
    private const uint SYS_OFFSET_PRECISE = 0xc0403d08, SYS_OFFSET_PRECISE2 = 0xc0403d11;
    private const uint SYS_OFFSET_EXTENDED = 0xc4c03d09, SYS_OFFSET_EXTENDED2 = 0xc4c03d12;

    public override ReadOnlySpan<byte> Types => [(byte)'='];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        // Outside -e verbose= strace leaves these arguments to its plain printing: hex, NULL as 0.
        if (c.AddressesOnly) return IoctlArg.Unknown;
        switch (cmd)
        {
            case GETCAPS or GETCAPS2 or SYS_OFFSET_PRECISE or SYS_OFFSET_PRECISE2: return IoctlArg.AtExit;
            case EXTTS_REQUEST or EXTTS_REQUEST2:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out PtpExttsRequest e)) return IoctlArg.Done;
                w.BeginStruct().Field("index"u8).UInt(e.Index).Field("flags"u8);
                PtpConstants.ExttsFlags.Print(w, e.Flags);
                if (cmd == EXTTS_REQUEST2) Reserved(w, new ReadOnlySpan<uint>(e.Rsv, 2));
                w.EndStruct();
                return IoctlArg.Done;
            case PEROUT_REQUEST or PEROUT_REQUEST2:
                w.Sep();
                if (IoctlArgs.Read(ref c, arg, out PtpPeroutRequest p)) Perout(w, p, cmd == PEROUT_REQUEST2);
                return IoctlArg.Done;
            case SYS_OFFSET or SYS_OFFSET2:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out PtpSysOffset o)) return IoctlArg.Done;
                SamplesHead(w, o.NSamples, new ReadOnlySpan<uint>(o.Rsv, 3));
                return IoctlArg.Continues;
            case SYS_OFFSET_EXTENDED or SYS_OFFSET_EXTENDED2:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out PtpSysOffsetExtended x)) return IoctlArg.Done;
                SamplesHead(w, x.NSamples, new ReadOnlySpan<uint>(x.Rsv, 3));
                return IoctlArg.Continues;
            case PIN_GETFUNC or PIN_GETFUNC2:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out PtpPinDesc get)) return IoctlArg.Done;
                w.BeginStruct().Field("index"u8).UInt(get.Index);
                if (cmd == PIN_GETFUNC2) Reserved(w, new ReadOnlySpan<uint>(get.Rsv, 5));
                return IoctlArg.Continues;
            case PIN_SETFUNC or PIN_SETFUNC2:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out PtpPinDesc set)) return IoctlArg.Done;
                w.BeginStruct().Field("index"u8).UInt(set.Index);
                PinFunction(w, set);
                if (cmd == PIN_SETFUNC2) Reserved(w, new ReadOnlySpan<uint>(set.Rsv, 5));
                w.EndStruct();
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case GETCAPS or GETCAPS2:
                if (c.Failed) { w.Ptr(arg); return; }
                if (IoctlArgs.Read(ref c, arg, out PtpClockCaps caps)) Caps(w, caps);
                return;
            case SYS_OFFSET_PRECISE or SYS_OFFSET_PRECISE2:
                if (c.Failed) { w.Ptr(arg); return; }
                if (IoctlArgs.Read(ref c, arg, out PtpSysOffsetPrecise p)) Precise(w, p);
                return;
        }
        if (!c.Failed)
        {
            switch (cmd)
            {
                case SYS_OFFSET or SYS_OFFSET2:
                    if (Printers.TryRead(ref c, arg, out PtpSysOffset o))
                        Samples(ref c, MemoryMarshal.Cast<byte, PtpClockTime>(new ReadOnlySpan<byte>(o.Ts, (2 * PtpSysOffset.MaxSamples + 1) * 16)),
                            2 * (int)Math.Min(o.NSamples, PtpSysOffset.MaxSamples) + 1, 1);
                    break;
                case SYS_OFFSET_EXTENDED or SYS_OFFSET_EXTENDED2:
                    if (Printers.TryRead(ref c, arg, out PtpSysOffsetExtended x))
                        Samples(ref c, MemoryMarshal.Cast<byte, PtpClockTime>(new ReadOnlySpan<byte>(x.Ts, PtpSysOffset.MaxSamples * 3 * 16)),
                            (int)Math.Min(x.NSamples, PtpSysOffset.MaxSamples), 3);
                    break;
                default:
                    if (!Printers.TryRead(ref c, arg, out PtpPinDesc pin)) break;
                    w.Field("name"u8);
                    IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(pin.Name, 64));
                    PinFunction(w, pin);
                    break;
            }
        }
        w.EndStruct();
    }

    private static void Caps(ArgWriter w, in PtpClockCaps caps)
    {
        w.BeginStruct().Field("max_adj"u8).Int(caps.MaxAdj).Field("n_alarm"u8).Int(caps.NAlarm)
            .Field("n_ext_ts"u8).Int(caps.NExtTs).Field("n_per_out"u8).Int(caps.NPerOut).Field("pps"u8).Int(caps.Pps)
            .Field("n_pins"u8).Int(caps.NPins).Field("cross_timestamping"u8).Int(caps.CrossTimestamping)
            .Field("adjust_phase"u8).Int(caps.AdjustPhase);
        fixed (uint* rsv = caps.Rsv) Reserved(w, new ReadOnlySpan<uint>(rsv, 12));
        w.EndStruct();
    }

    /// <summary>The start time (or the phase, with PTP_PEROUT_PHASE), the period, and the on time
    /// (with PTP_PEROUT_DUTY_CYCLE), else for the "2" form the reserved words that share its place.</summary>
    private static void Perout(ArgWriter w, in PtpPeroutRequest p, bool second)
    {
        bool phase = (p.Flags & PtpConstants.PeroutPhase) != 0;
        w.BeginStruct().Field(phase ? "phase"u8 : "start"u8);
        Time(w, p.Start, date: !phase);
        w.Field("period"u8);
        Time(w, p.Period, date: false);
        w.Field("index"u8).UInt(p.Index).Field("flags"u8);
        PtpConstants.PeroutFlags.Print(w, p.Flags);
        if ((p.Flags & PtpConstants.PeroutDutyCycle) != 0) { w.Field("on"u8); Time(w, p.On, date: false); }
        else if (second) { var on = p.On; Reserved(w, new ReadOnlySpan<uint>(&on, 4)); }
        w.EndStruct();
    }

    private static void Precise(ArgWriter w, in PtpSysOffsetPrecise p)
    {
        w.BeginStruct().Field("device"u8);
        Time(w, p.Device, date: true);
        w.Field("sys_realtime"u8);
        Time(w, p.SysRealtime, date: true);
        w.Field("sys_monoraw"u8);
        Time(w, p.SysMonoraw, date: false);
        fixed (uint* rsv = p.Rsv) Reserved(w, new ReadOnlySpan<uint>(rsv, 4));
        w.EndStruct();
    }

    /// <summary>"{n_samples=N" and the reserved words when set; exit adds the samples and closes.</summary>
    private static void SamplesHead(ArgWriter w, uint samples, ReadOnlySpan<uint> rsv)
    {
        w.BeginStruct().Field("n_samples"u8).UInt(samples);
        Reserved(w, rsv);
    }

    /// <summary>", ts=[...]": count time stamps, or count groups of width (the extended form's
    /// [system, clock, system] triples), at most -s of them unless -v.</summary>
    private static void Samples(ref DecodeContext c, ReadOnlySpan<PtpClockTime> ts, int count, int width)
    {
        var w = c.Out;
        w.Field("ts"u8).BeginArray();
        int max = Printers.MaxElements(ref c);
        for (int i = 0; i < count; i++)
        {
            if (i >= max) { w.Elided().Raw("..."u8); break; }
            w.Element();
            if (width == 1) { Time(w, ts[i], date: true); continue; }
            w.BeginArray();
            for (int k = 0; k < width; k++) { w.Element(); Time(w, ts[i * width + k], date: true); }
            w.EndArray();
        }
        w.EndArray();
    }

    private static void PinFunction(ArgWriter w, in PtpPinDesc pin)
    {
        w.Field("func"u8);
        PtpConstants.PinFunctions.Print(w, pin.Func);
        w.Field("chan"u8).UInt(pin.Chan);
    }

    /// <summary>struct ptp_clock_time: the reserved word when set, and the date of a point in time
    /// (not of a period or a raw monotonic clock) except in -X raw.</summary>
    private static void Time(ArgWriter w, in PtpClockTime t, bool date)
    {
        w.BeginStruct().Field("sec"u8).Int(t.Sec).Field("nsec"u8).UInt(t.Nsec);
        if (t.Reserved != 0) w.Field("reserved"u8).Hex(t.Reserved);
        w.EndStruct();
        if (date && w.Style != ConstStyle.Raw) TimePrinters.DateComment(w, t.Sec, t.Nsec);
    }

    /// <summary>", rsv=[...]" in hex when any reserved word is set.</summary>
    private static void Reserved(ArgWriter w, ReadOnlySpan<uint> rsv) => IoctlArgs.ReservedIfSet(w, "rsv"u8, rsv);
}
