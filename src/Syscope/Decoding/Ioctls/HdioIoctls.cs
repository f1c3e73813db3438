using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/hdreg.h&gt; IDE requests (type 0x03): geometry, drive commands, the settings
/// each HDIO_GET_* reads back as a long and each HDIO_SET_* takes by value.</summary>
internal sealed class HdioIoctls : IoctlFamily
{
    private const uint GETGEO = 0x301, OBSOLETE_IDENTITY = 0x307, GET_NICE = 0x30c, GET_IDENTITY = 0x30d;
    private const uint GET_BUSSTATE = 0x31a, DRIVE_RESET = 0x31c, DRIVE_CMD = 0x31f, SCAN_HWIF = 0x328;
    private const uint SET_NICE = 0x329, SET_BUSSTATE = 0x32d;

    public override ReadOnlySpan<byte> Types => [0x03];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        switch (cmd)
        {
            case GETGEO or OBSOLETE_IDENTITY or GET_IDENTITY or GET_NICE or GET_BUSSTATE: return IoctlArg.AtExit;
            case 0x302 or 0x304 or 0x308 or 0x309 or 0x30a or 0x30b or 0x30e or 0x30f or 0x310: return IoctlArg.AtExit;
            case 0x321 or 0x322 or 0x323 or 0x324 or 0x325 or 0x326 or 0x327 or 0x32a or 0x32b or 0x32c or 0x32f:
                Args.ULong(ref c, 2);
                return IoctlArg.Done;
            case SET_NICE: c.Out.Sep(); IoctlConstants.IdeNice.Print(c.Out, c.Arg(2)); return IoctlArg.Done;
            case SET_BUSSTATE: c.Out.Sep(); IoctlConstants.BusStates.Print(c.Out, c.Arg(2)); return IoctlArg.Done;
            case DRIVE_RESET or SCAN_HWIF:
                c.Out.Sep();
                Span<byte> args = stackalloc byte[12];
                if (c.Arg(2) == 0 || Printers.ReadStruct(ref c, c.Arg(2), args) < 12) { c.Out.Ptr(c.Arg(2)); return IoctlArg.Done; }
                for (int i = 0; i < 3; i++)
                    c.Out.Raw(i == 0 ? "["u8 : ", "u8).Hex(BitConverter.ToUInt32(args[(4 * i)..]));
                c.Out.Raw((byte)']');
                return IoctlArg.Done;
            case DRIVE_CMD:
                c.Out.Sep();
                if (!IoctlArgs.Read(ref c, c.Arg(2), out uint hdr)) return IoctlArg.Done;
                c.Out.Raw("{command="u8);
                IoctlConstants.AtaCommands.Print(c.Out, hdr & 0xff);
                c.Out.Raw(", sector_number="u8).UInt((hdr >> 8) & 0xff).Raw(", feature="u8).UInt((hdr >> 16) & 0xff)
                    .Raw(", sector_count="u8).UInt(hdr >> 24);
                return IoctlArg.Continues;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong addr = c.Arg(2);
        if (cmd == DRIVE_CMD) { DriveCmdResult(ref c); return; }
        if (c.Failed) { c.Out.Ptr(addr); return; }
        switch (cmd)
        {
            case GETGEO:
                if (IoctlArgs.Read(ref c, addr, out HdGeometry g))
                    c.Out.Raw("{heads="u8).UInt(g.Heads).Raw(", sectors="u8).UInt(g.Sectors).Raw(", cylinders="u8)
                        .UInt(g.Cylinders).Raw(", start="u8).UInt(g.Start).Raw((byte)'}');
                return;
            case OBSOLETE_IDENTITY: Printers.Buffer(ref c, addr, 142); return;
            case GET_IDENTITY: Printers.Buffer(ref c, addr, 512); return;
        }
        if (!IoctlArgs.Read(ref c, addr, out ulong v)) return;
        c.Out.Raw((byte)'[');
        if (cmd == GET_NICE) IoctlConstants.IdeNice.Print(c.Out, v);
        else if (cmd == GET_BUSSTATE) IoctlConstants.BusStates.Print(c.Out, v);
        else c.Out.UInt(v);
        c.Out.Raw((byte)']');
    }

    /// <summary>The kernel writes status, error and sector count over the header, and the
    /// sectors' data after it.</summary>
    private static void DriveCmdResult(ref DecodeContext c)
    {
        if (c.Failed || !Printers.TryRead(ref c, c.Arg(2), out uint hdr)) { c.Out.Raw((byte)'}'); return; }
        c.Out.Raw("} => {status="u8).Hex(hdr & 0xff).Raw(", error="u8).UInt((hdr >> 8) & 0xff)
            .Raw(", nsector="u8).UInt((hdr >> 16) & 0xff);
        if (hdr >> 24 != 0)
        {
            c.Out.Raw(", buf="u8);
            Printers.Buffer(ref c, c.Arg(2) + 4, (hdr >> 24) * 512L, forceHex: true);
        }
        c.Out.Raw((byte)'}');
    }
}
