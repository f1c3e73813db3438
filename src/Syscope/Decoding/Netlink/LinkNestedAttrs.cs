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
        w.BeginStruct().Field("prio"u8).BeginArray().Element().UInt(v[0]).Element().UInt(v[1]).EndArray().Field("addr"u8);
        NlattrPrinter.HwAddr(w, v.Slice(2, 6));
        w.EndStruct();
        return true;
    }

    /// <summary>IFLA_LINKINFO's kinds, IFLA_VF_PORTS and the ports in it or IFLA_PORT_SELF,
    /// IFLA_PROTO_DOWN_REASON, and IFLA_PROP_LIST (of which strace decodes the alternative names).</summary>
    public static bool Value(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v) => (table, type) switch
    {
        (AttrTable.LinkInfo, 1 or 4) => NlattrPrinter.Str(ref c, v),
        (AttrTable.LinkVfPorts, 1) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkPort, 0),
        (AttrTable.LinkPort, 1) => NlattrPrinter.U32(c.Out, v),
        (AttrTable.LinkPort, 2) => NlattrPrinter.Str(ref c, v),
        (AttrTable.LinkPort, 3) => PortVsi(c.Out, v),
        (AttrTable.LinkPort, 6) => NlattrPrinter.U8(c.Out, v),
        (AttrTable.LinkPort, 7) => NlattrPrinter.U16(c.Out, v),
        (AttrTable.LinkProtoDownReason, 1 or 2) => NlattrPrinter.X32(c.Out, v),
        (AttrTable.LinkPropList, 0x35) => NlattrPrinter.Str(ref c, v),
        _ => false,
    };

    /// <summary>struct ifla_port_vsi: the type id in hex, the padding only when set.</summary>
    private static bool PortVsi(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (NlattrPrinter.Unfit(w, v, 8) is bool fit) return fit;
        w.BeginStruct().Field("vsi_mgr_id"u8).UInt(v[0]).Field("vsi_type_id"u8).Quoted(v.Slice(1, 3), 2, false)
            .Field("vsi_type_version"u8).UInt(v[4]);
        if (v.Slice(5, 3).IndexOfAnyExcept((byte)0) >= 0) w.Field("pad"u8).Quoted(v.Slice(5, 3), 2, false);
        w.EndStruct();
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
