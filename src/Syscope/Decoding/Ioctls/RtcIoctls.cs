using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/rtc.h&gt; real-time clock requests (type 'p'): times and alarms, the periodic
/// rate and epoch, the PLL, voltage-low flags, and RTC_PARAM_GET/SET's parameters.</summary>
internal sealed class RtcIoctls : IoctlFamily
{
    private const uint AIE_ON = 0x7001, AIE_OFF = 0x7002, UIE_ON = 0x7003, UIE_OFF = 0x7004, PIE_ON = 0x7005, PIE_OFF = 0x7006;
    private const uint WIE_ON = 0x700f, WIE_OFF = 0x7010, VL_CLR = 0x7014;
    private const uint ALM_SET = 0x40247007, ALM_READ = 0x80247008, RD_TIME = 0x80247009, SET_TIME = 0x4024700a;
    private const uint IRQP_READ = 0x8008700b, IRQP_SET = 0x4008700c, EPOCH_READ = 0x8008700d, EPOCH_SET = 0x4008700e;
    private const uint WKALM_SET = 0x4028700f, WKALM_RD = 0x80287010, PLL_GET = 0x80207011, PLL_SET = 0x40207012;
    private const uint VL_READ = 0x80047013, PARAM_GET = 0x40187013, PARAM_SET = 0x40187014;

    /// <summary>Scratch.B: RTC_PARAM_GET's entry printed the parameter asked for, so exit adds " => {value}".</summary>
    private const long ShownAtEntry = 1;

    public override ReadOnlySpan<byte> Types => [(byte)'p'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case AIE_ON or AIE_OFF or UIE_ON or UIE_OFF or PIE_ON or PIE_OFF or WIE_ON or WIE_OFF or VL_CLR: return IoctlArg.Done;
            case IRQP_SET or EPOCH_SET: Args.ULong(ref c, 2); return IoctlArg.Done;
            case ALM_READ or RD_TIME or WKALM_RD or PLL_GET or VL_READ or IRQP_READ or EPOCH_READ: return IoctlArg.AtExit;
            case ALM_SET or SET_TIME:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out RtcTime t)) Time(ref c, t);
                return IoctlArg.Done;
            case WKALM_SET: c.Out.Sep(); Wkalrm(ref c, arg); return IoctlArg.Done;
            case PLL_SET: c.Out.Sep(); Pll(ref c, arg); return IoctlArg.Done;
            case PARAM_SET:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out RtcParam set)) Param(c.Out, set, withValue: true);
                return IoctlArg.Done;
            case PARAM_GET:
                c.Out.Sep();
                if (!IoctlArgs.Read(ref c, arg, out RtcParam get)) return IoctlArg.Done;
                Param(c.Out, get, withValue: false);
                c.Scratch.B = ShownAtEntry;
                return IoctlArg.Continues;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        if (cmd == PARAM_GET)
        {
            if (c.Scratch.B != ShownAtEntry) return;
            w.Raw(" => "u8);
            if (c.Failed || !IoctlArgs.Read(ref c, arg, out RtcParam p)) { if (c.Failed) w.Ptr(arg); return; }
            // The value read, and the pad again when it is set.
            w.BeginStruct();
            Value(w, p);
            if (p.Pad != 0) w.Field("__pad"u8).Hex(p.Pad);
            w.EndStruct();
            return;
        }
        if (c.Failed) { w.Ptr(arg); return; }
        switch (cmd)
        {
            case ALM_READ or RD_TIME:
                if (IoctlArgs.Read(ref c, arg, out RtcTime t)) Time(ref c, t);
                return;
            case WKALM_RD: Wkalrm(ref c, arg); return;
            case PLL_GET: Pll(ref c, arg); return;
            case VL_READ: IoctlArgs.UIntRef(ref c, arg, IoctlConstants.RtcVoltageLow); return;
            default:
                if (IoctlArgs.Read(ref c, arg, out ulong v)) w.Raw((byte)'[').UInt(v).Raw((byte)']');
                return;
        }
    }

    /// <summary>struct rtc_time: the date and time, and with -v the week day, year day and DST flag.</summary>
    private static void Time(ref DecodeContext c, in RtcTime t)
    {
        var w = c.Out;
        w.BeginStruct().Field("tm_sec"u8).Int(t.Sec).Field("tm_min"u8).Int(t.Min).Field("tm_hour"u8).Int(t.Hour)
            .Field("tm_mday"u8).Int(t.Mday).Field("tm_mon"u8).Int(t.Mon).Field("tm_year"u8).Int(t.Year);
        if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
        w.Field("tm_wday"u8).Int(t.Wday).Field("tm_yday"u8).Int(t.Yday).Field("tm_isdst"u8).Int(t.Isdst).EndStruct();
    }

    private static void Wkalrm(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out RtcWkalrm a)) return;
        c.Out.BeginStruct().Field("enabled"u8).UInt(a.Enabled).Field("pending"u8).UInt(a.Pending).Field("time"u8);
        Time(ref c, a.Time);
        c.Out.EndStruct();
    }

    private static void Pll(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out RtcPllInfo p)) return;
        c.Out.BeginStruct().Field("pll_ctrl"u8).Int(p.Ctrl).Field("pll_value"u8).Int(p.Value).Field("pll_max"u8).Int(p.Max)
            .Field("pll_min"u8).Int(p.Min).Field("pll_posmult"u8).Int(p.Posmult).Field("pll_negmult"u8).Int(p.Negmult)
            .Field("pll_clock"u8).Int(p.Clock).EndStruct();
    }

    /// <summary>struct rtc_param: which parameter, its value (RTC_PARAM_SET), its index, and the pad when set.</summary>
    private static void Param(ArgWriter w, in RtcParam p, bool withValue)
    {
        w.BeginStruct().Field("param"u8);
        IoctlConstants.RtcParams.Print(w, p.Param);
        if (withValue) Value(w, p);
        w.Field("index"u8).UInt(p.Index);
        if (p.Pad != 0) w.Field("__pad"u8).Hex(p.Pad);
        w.EndStruct();
    }

    /// <summary>The union by parameter: the correction is signed, features and the backup switch mode are named.</summary>
    private static void Value(ArgWriter w, in RtcParam p)
    {
        switch (p.Param)
        {
            case IoctlConstants.RtcParamCorrection: w.Field("svalue"u8).Int((long)p.Value); return;
            case IoctlConstants.RtcParamFeatures: w.Field("uvalue"u8); IoctlConstants.RtcFeatures.Print(w, p.Value); return;
            case IoctlConstants.RtcParamBackupSwitchMode: w.Field("uvalue"u8); IoctlConstants.RtcBackupSwitchModes.Print(w, p.Value); return;
            default: w.Field("uvalue"u8).Hex(p.Value); return;
        }
    }
}
