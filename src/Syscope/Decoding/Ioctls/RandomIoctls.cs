namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/random.h&gt; requests of type 'R': entropy counts and added entropy.</summary>
internal sealed class RandomIoctls : IoctlFamily
{
    private const uint RNDGETENTCNT = 0x80045200, RNDADDTOENTCNT = 0x40045201, RNDADDENTROPY = 0x40085203;
    private const uint RNDZAPENTCNT = 0x5204, RNDCLEARPOOL = 0x5206, RNDRESEEDCRNG = 0x5207;

    public override ReadOnlySpan<byte> Types => [(byte)'R'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        switch (cmd)
        {
            case RNDGETENTCNT: return IoctlArg.AtExit;
            case RNDZAPENTCNT or RNDCLEARPOOL or RNDRESEEDCRNG: return IoctlArg.Done;
            case RNDADDTOENTCNT: c.Out.Sep(); Args.IntRef(ref c, c.Arg(2)); return IoctlArg.Done;
            case RNDADDENTROPY:
                // struct rand_pool_info: int entropy_count, int buf_size, then the bytes.
                c.Out.Sep();
                ulong addr = c.Arg(2);
                if (!IoctlArgs.Read(ref c, addr, out ulong head)) return IoctlArg.Done;
                int count = (int)head, size = (int)(head >> 32);
                c.Out.Raw("{entropy_count="u8).Int(count).Raw(", buf_size="u8).Int(size).Raw(", buf="u8);
                Printers.Buffer(ref c, addr + 8, size);
                c.Out.Raw((byte)'}');
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        if (c.Failed) c.Out.Ptr(c.Arg(2)); else Args.IntRef(ref c, c.Arg(2));
    }
}
