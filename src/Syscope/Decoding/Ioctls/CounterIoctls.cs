using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/counter.h&gt; requests of type '>': watches of counter events.</summary>
internal sealed class CounterIoctls : IoctlFamily
{
    private const uint COUNTER_ADD_WATCH_IOCTL = 0x40063e00, COUNTER_ENABLE_EVENTS_IOCTL = 0x3e01;
    private const uint COUNTER_DISABLE_EVENTS_IOCTL = 0x3e02;

    public override ReadOnlySpan<byte> Types => [(byte)'>'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        switch (cmd)
        {
            case COUNTER_ENABLE_EVENTS_IOCTL or COUNTER_DISABLE_EVENTS_IOCTL: return IoctlArg.Done;
            case COUNTER_ADD_WATCH_IOCTL:
                // struct counter_watch: a counter_component (four u8: type, scope, parent, id), event, channel.
                c.Out.Sep();
                Span<byte> w = stackalloc byte[6];
                if (c.Arg(2) == 0 || Printers.ReadStruct(ref c, c.Arg(2), w) < 6) { c.Out.Ptr(c.Arg(2)); return IoctlArg.Done; }
                c.Out.Raw("{component={type="u8);
                IoctlConstants.CounterComponents.Print(c.Out, w[0]);
                c.Out.Raw(", scope="u8);
                IoctlConstants.CounterScopes.Print(c.Out, w[1]);
                c.Out.Raw(", parent="u8).UInt(w[2]).Raw(", id="u8).UInt(w[3]).Raw("}, event="u8);
                IoctlConstants.CounterEvents.Print(c.Out, w[4]);
                c.Out.Raw(", channel="u8).UInt(w[5]).Raw((byte)'}');
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }
}
