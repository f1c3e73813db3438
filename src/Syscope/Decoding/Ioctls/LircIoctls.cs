using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/lirc.h&gt; infrared remote requests (type 'i'): every argument is one
/// unsigned int behind a pointer, the features as flags, the modes by name, the rest numbers.</summary>
internal sealed class LircIoctls : IoctlFamily
{
    private const uint GET_FEATURES = 0x80046900, GET_SEND_MODE = 0x80046901, GET_REC_MODE = 0x80046902;
    private const uint GET_REC_RESOLUTION = 0x80046907, GET_MIN_TIMEOUT = 0x80046908, GET_MAX_TIMEOUT = 0x80046909;
    private const uint GET_LENGTH = 0x8004690f, GET_REC_TIMEOUT = 0x80046924;
    private const uint SET_SEND_MODE = 0x40046911, SET_REC_MODE = 0x40046912, SET_SEND_CARRIER = 0x40046913;
    private const uint SET_REC_CARRIER = 0x40046914, SET_SEND_DUTY_CYCLE = 0x40046915, SET_TRANSMITTER_MASK = 0x40046917;
    private const uint SET_REC_TIMEOUT = 0x40046918, SET_REC_TIMEOUT_REPORTS = 0x40046919;
    private const uint SET_MEASURE_CARRIER_MODE = 0x4004691d, SET_REC_CARRIER_RANGE = 0x4004691f, SET_WIDEBAND_RECEIVER = 0x40046923;

    public override ReadOnlySpan<byte> Types => [(byte)'i'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        switch (cmd)
        {
            case GET_FEATURES or GET_SEND_MODE or GET_REC_MODE or GET_REC_RESOLUTION or GET_MIN_TIMEOUT or GET_MAX_TIMEOUT
                or GET_LENGTH or GET_REC_TIMEOUT:
                return IoctlArg.AtExit;
            case SET_SEND_MODE or SET_REC_MODE or SET_SEND_CARRIER or SET_REC_CARRIER or SET_SEND_DUTY_CYCLE
                or SET_TRANSMITTER_MASK or SET_REC_TIMEOUT or SET_REC_TIMEOUT_REPORTS or SET_MEASURE_CARRIER_MODE
                or SET_REC_CARRIER_RANGE or SET_WIDEBAND_RECEIVER:
                c.Out.Sep();
                Value(ref c, cmd);
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        if (c.Failed) c.Out.Ptr(c.Arg(2)); else Value(ref c, cmd);
    }

    private static void Value(ref DecodeContext c, uint cmd)
    {
        if (!IoctlArgs.Read(ref c, c.Arg(2), out uint v)) return;
        var w = c.Out;
        w.BeginArray().Element();
        switch (cmd)
        {
            case GET_FEATURES: DeviceIoctlConstants.LircFeatures.Print(w, v); break;
            case GET_SEND_MODE or GET_REC_MODE or SET_SEND_MODE or SET_REC_MODE: DeviceIoctlConstants.LircModes.Print(w, v); break;
            case SET_TRANSMITTER_MASK: w.Hex(v); break;
            default: w.UInt(v); break;
        }
        w.EndArray();
    }
}
