using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>Values of IFLA_* attributes (&lt;linux/if_link.h&gt;); the nested sets' values are
/// LinkNestedAttrs'.  The kinds' IFLA_INFO_DATA are not decoded
/// and print as hex.</summary>
internal static class LinkAttrs
{
    /// <summary>struct rtnl_link_stats64 / rtnl_link_stats fields, in layout order; the kernel
    /// added the last two later, so shorter structs stop early.</summary>
    private static readonly byte[][] s_statFields = Array.ConvertAll(new[]
    {
        "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped", "tx_dropped", "multicast",
        "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
        "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors", "tx_heartbeat_errors",
        "tx_window_errors", "rx_compressed", "tx_compressed", "rx_nohandler", "rx_otherhost_dropped",
    }, System.Text.Encoding.ASCII.GetBytes);

    private const int MinStatFields = 23;

    public static bool Value(ref DecodeContext c, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (type)
        {
            case 0x1 or 0x2 or 0x36: return NlattrPrinter.HwAddr(w, v);
            case 0x3 or 0x6 or 0x14 or 0x26 or 0x35 or 0x38 or 0x39: return NlattrPrinter.Str(ref c, v);
            case 0x4 or 0x5 or 0xa or 0xd or 0xf or 0x13 or 0x15 or 0x1b or 0x1e or 0x1f or 0x20 or 0x23 or 0x28 or 0x29
                or 0x2f or 0x30 or 0x32 or 0x33 or 0x3a or 0x3b or 0x3c or 0x3d:
                return NlattrPrinter.U32(w, v);
            case 0x10 or 0x11 or 0x21 or 0x27: return NlattrPrinter.U8(w, v);
            case 0x7: return Stats(w, v, 4);
            case 0x17: return Stats(w, v, 8);
            case 0x1c or 0x25 or 0x2d or 0x2e: return NlattrPrinter.S32(w, v);
            case 0x1d: return NlattrPrinter.Flags32(w, v, RtnetlinkConstants.ExtFilter);
            case 0x31: return NlattrPrinter.IfIndex(c.Host, w, v);
            case 0xe: return s_map.Print(w, v);
            case 0x2b: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkXdp, family);
            case 0x12: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkInfo, family);
            case 0x1a when family == RtnetlinkPrinter.AF_BRIDGE: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkAfSpecBridge, family);
            case 0x1a: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkAfSpec, family);
            case 0x16: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkVfInfoList, family);
            case 0x18: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkVfPorts, family);
            case 0x19: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkPort, family);
            case 0x2c: return NlattrPrinter.Named(w, v, 4, LinkNestedConstants.LinkEvents);
            case 0x34: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkPropList, family);
            case 0x37: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkProtoDownReason, family);
            case 0xc when family == RtnetlinkPrinter.AF_BRIDGE: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkBridgePort, family);
            case 0xc when family == NetConstants.AF_INET6: return NlattrPrinter.Nested(ref c, v, AttrTable.LinkInet6, family);
            default: return false;
        }
    }

    /// <summary>IFLA_XDP members: descriptors and program ids, the attach mode by name.</summary>
    public static bool XdpValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        switch (type)
        {
            case 1 or 8:
                // Descriptors, which -y follows with their paths.
                if (NlattrPrinter.Unfit(w, v, 4) is bool fitFd) return fitFd;
                Args.FdValue(ref c, BinaryPrimitives.ReadInt32LittleEndian(v), w);
                return true;
            case 2:
                if (NlattrPrinter.Unfit(w, v, 1) is bool fit3) return fit3;
                RtnetlinkConstants.XdpAttached.Print(w, v[0]);
                return true;
            case 3: return NlattrPrinter.Flags32(w, v, RtnetlinkConstants.XdpFlags);
            case 4 or 5 or 6 or 7: return NlattrPrinter.U32(w, v);
            default: return false;
        }
    }

    /// <summary>struct rtnl_link_ifmap, addresses in hex.</summary>
    private static readonly NlStruct s_map = new("x64 mem_start", "x64 mem_end", "x64 base_addr", "u16 irq", "u8 dma", "u8 port");

    /// <summary>struct rtnl_link_stats (width 4) or rtnl_link_stats64 (width 8).</summary>
    internal static bool Stats(ArgWriter w, ReadOnlySpan<byte> v, int width)
    {
        int fields = Math.Min(v.Length / width, s_statFields.Length);
        if (fields < MinStatFields) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, fields * width)) return true;
        w.BeginStruct();
        for (int i = 0; i < fields; i++)
            w.Field(s_statFields[i]).UInt(width == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(v[(i * 8)..]) : BinaryPrimitives.ReadUInt32LittleEndian(v[(i * 4)..]));
        w.EndStruct();
        return true;
    }
}
