using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>Values inside nested IFLA_* attributes: the bridge port (IFLA_PROTINFO of an
/// AF_BRIDGE link) and IPv6 (IFLA_PROTINFO of an AF_INET6 link, AF_INET6 in IFLA_AF_SPEC).</summary>
internal static class LinkNestedAttrs
{
    private static readonly NlStruct s_inet6CacheInfo = new("u32 max_reasm_len", "u32 tstamp", "u32 reachable_time", "u32 retrans_time");

    public static bool BridgePortValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        switch (type)
        {
            case 0x1 or >= 0x4 and <= 0xc or 0x13 or 0x14 or 0x19 or >= 0x1b and <= 0x1e or 0x20 or 0x21 or 0x23 or 0x24 or 0x27:
                return NlattrPrinter.U8(w, v);
            case 0x2 or >= 0xf and <= 0x12: return NlattrPrinter.U16(w, v);
            case 0x1f: return NlattrPrinter.X16(w, v);
            case 0x3 or 0x25 or 0x26: return NlattrPrinter.U32(w, v);
            case >= 0x15 and <= 0x17: return NlattrPrinter.ClockTicks(w, v);
            case 0xd or 0xe: return BridgeId(w, v);
            case 0x22: return NlattrPrinter.IfIndex(c.Host, w, v);
            default: return false;
        }
    }

    /// <summary>struct ifla_bridge_id: two priority bytes and a hardware address.</summary>
    private static bool BridgeId(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (NlattrPrinter.Unfit(w, v, 8) is bool fit) return fit;
        w.Raw("{prio=["u8).UInt(v[0]).Raw(", "u8).UInt(v[1]).Raw("], addr="u8);
        NlattrPrinter.HwAddr(w, v.Slice(2, 6));
        w.Raw((byte)'}');
        return true;
    }

    public static bool Inet6Value(ref DecodeContext c, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        return type switch
        {
            1 => NlattrPrinter.Flags32(w, v, LinkNestedConstants.Inet6Flags),
            2 => NlattrPrinter.IndexedArray(ref c, v, 4, true, LinkNestedConstants.DevConf),
            3 => NlattrPrinter.IndexedArray(ref c, v, 8, false, LinkNestedConstants.IpStats),
            5 => s_inet6CacheInfo.Print(w, v),
            6 => NlattrPrinter.IndexedArray(ref c, v, 8, false, LinkNestedConstants.Icmp6Stats),
            7 => NlattrPrinter.InetAddr(w, v, (byte)NetConstants.AF_INET6),
            8 => NlattrPrinter.Named(w, v, 1, LinkNestedConstants.AddrGenModes),
            9 => NlattrPrinter.U32(w, v),
            _ => false,
        };
    }
}
