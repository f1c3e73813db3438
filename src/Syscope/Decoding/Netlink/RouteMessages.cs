using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>The header structures of NETLINK_ROUTE messages, each declared once as its fields
/// (links, addresses, routes, neighbours, rules, traffic control, neighbour tables, address labels,
/// DCB, netconf, bridge MDB, namespace ids, interface statistics, nexthops), multicast cache
/// reports, and the values of the attributes of the messages beyond links, addresses, routes,
/// neighbours and rules.</summary>
internal static class RouteMessages
{
    private static NlField Family(string name) => ("u8 " + name, NetConstants.Families);

    /// <summary>struct ifinfomsg.</summary>
    public static readonly NlStruct Link = new(Family("ifi_family"), ("u16 ifi_type", RtnetlinkConstants.HardwareTypes),
        "i32 ifi_index", ("u32 ifi_flags", RtnetlinkConstants.InterfaceFlags), "x32 ifi_change");

    /// <summary>struct ifaddrmsg.</summary>
    public static readonly NlStruct Addr = new(Family("ifa_family"), "u8 ifa_prefixlen", ("u8 ifa_flags", RtnetlinkConstants.AddrFlags),
        NlField.Bare("u8 ifa_scope", RtnetlinkConstants.Scopes), "i32 ifa_index");

    /// <summary>struct rtmsg.</summary>
    public static readonly NlStruct Route = new(Family("rtm_family"), "u8 rtm_dst_len", "u8 rtm_src_len", ("u8 rtm_tos", RtnetlinkConstants.Tos),
        NlField.Bare("u8 rtm_table", RtnetlinkConstants.Tables), ("u8 rtm_protocol", RtnetlinkConstants.Protocols),
        NlField.Bare("u8 rtm_scope", RtnetlinkConstants.Scopes), ("u8 rtm_type", RtnetlinkConstants.RouteTypes),
        ("u32 rtm_flags", RtnetlinkConstants.RouteFlags));

    /// <summary>struct ndmsg.</summary>
    public static readonly NlStruct Neigh = new(Family("ndm_family"), "i32 ndm_ifindex", ("u16 ndm_state", RtnetlinkConstants.NeighStates),
        ("u8 ndm_flags", RtnetlinkConstants.NeighFlags), ("u8 ndm_type", RtnetlinkConstants.RouteTypes));

    /// <summary>struct fib_rule_hdr.</summary>
    public static readonly NlStruct Rule = new(Family("family"), "u8 dst_len", "u8 src_len", ("u8 tos", RtnetlinkConstants.Tos),
        NlField.Bare("u8 table", RtnetlinkConstants.Tables), "_8 res1", "_8 res2", ("u8 action", RtnetlinkConstants.RuleActions),
        ("u32 flags", RtnetlinkConstants.RuleFlags));

    /// <summary>struct tcmsg: qdiscs, classes, filters and chains.</summary>
    public static readonly NlStruct Tc = new(Family("tcm_family"), "i32 tcm_ifindex", "u32 tcm_handle", "u32 tcm_parent", "u32 tcm_info");

    /// <summary>Headers strace prints as their family alone: tcamsg, ndtmsg, netconfmsg, rtgenmsg
    /// (namespace ids).</summary>
    public static readonly NlStruct TcAction = new(Family("tca_family")), NeighTable = new(Family("ndtm_family")),
        Netconf = new(Family("ncm_family")), Nsid = new(Family("rtgen_family"));

    /// <summary>struct ifaddrlblmsg.</summary>
    public static readonly NlStruct AddrLabel = new(Family("ifal_family"), "_8 ifal_reserved", "u8 ifal_prefixlen", "u8 ifal_flags",
        "i32 ifal_index", "u32 ifal_seq");

    /// <summary>struct dcbmsg.</summary>
    public static readonly NlStruct Dcb = new(Family("dcb_family"), ("u8 cmd", RtnetlinkMoreConstants.DcbCommands), "_16 dcb_pad");

    /// <summary>struct br_port_msg: the bridge's multicast database.</summary>
    public static readonly NlStruct Mdb = new(Family("family"), "i32 ifindex");

    /// <summary>struct if_stats_msg: its padding only when set.</summary>
    public static readonly NlStruct Stats = new(Family("family"), "x8 pad1?", "x16 pad2?", "i32 ifindex",
        ("u32 filter_mask", RtnetlinkMoreConstants.StatsMask));

    /// <summary>struct nhmsg: its reserved byte only when set.</summary>
    public static readonly NlStruct Nexthop = new(Family("nh_family"), NlField.Bare("u8 nh_scope", RtnetlinkConstants.Scopes),
        ("u8 nh_protocol", RtnetlinkConstants.Protocols), "x8 resvd?", ("u32 nh_flags", RtnetlinkMoreConstants.NexthopFlags));

    /// <summary>A multicast cache report (rtgenmsg): attributes only for the two multicast routing
    /// families, the rest as hex.</summary>
    public static void CacheReport(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.BeginStruct().Field("rtgen_family"u8);
        RtnetlinkMoreConstants.CacheReportFamilies.Print(w, b[0]);
        w.EndStruct();
        if (b.Length <= 4) return;
        var table = b[0] switch
        {
            RtnetlinkMoreConstants.RTNL_FAMILY_IPMR => AttrTable.CacheReport4,
            RtnetlinkMoreConstants.RTNL_FAMILY_IP6MR => AttrTable.CacheReport6,
            _ => AttrTable.None,
        };
        w.Element();
        if (table == AttrTable.None) NetlinkPrinter.HexString(ref c, b[4..]);
        else NlattrPrinter.Attributes(ref c, b[4..], table, b[0]);
    }

    public static ValueSet? Names(AttrTable table) => table switch
    {
        AttrTable.Tc => RtnetlinkMoreConstants.TcAttrs,
        AttrTable.TcAction => RtnetlinkMoreConstants.TcActionAttrs,
        AttrTable.NeighTable => RtnetlinkMoreConstants.NeighTableAttrs,
        AttrTable.NeighTableParms => RtnetlinkMoreConstants.NeighTableParmsAttrs,
        AttrTable.AddrLabel => RtnetlinkMoreConstants.AddrLabelAttrs,
        AttrTable.Dcb => RtnetlinkMoreConstants.DcbAttrs,
        AttrTable.Netconf => RtnetlinkMoreConstants.NetconfAttrs,
        AttrTable.Mdb => RtnetlinkMoreConstants.MdbAttrs,
        AttrTable.MdbMdb => RtnetlinkMoreConstants.MdbMdbAttrs,
        AttrTable.MdbEntry => RtnetlinkMoreConstants.MdbEntryAttrs,
        AttrTable.MdbEntryExtra => RtnetlinkMoreConstants.MdbEntryExtraAttrs,
        AttrTable.MdbRouter => RtnetlinkMoreConstants.MdbRouterAttrs,
        AttrTable.MdbRouterPort => RtnetlinkMoreConstants.MdbRouterPortAttrs,
        AttrTable.Nsid => RtnetlinkMoreConstants.NsidAttrs,
        AttrTable.Stats => RtnetlinkMoreConstants.StatsAttrs,
        AttrTable.CacheReport4 => RtnetlinkMoreConstants.Ipv4CacheReportAttrs,
        AttrTable.CacheReport6 => RtnetlinkMoreConstants.Ipv6CacheReportAttrs,
        AttrTable.Nexthop => RtnetlinkMoreConstants.NexthopAttrs,
        AttrTable.NexthopResGroup => RtnetlinkMoreConstants.NexthopResGroupAttrs,
        AttrTable.NexthopResBucket => RtnetlinkMoreConstants.NexthopResBucketAttrs,
        AttrTable.TcStab => RtnetlinkMoreConstants.TcStabAttrs,
        AttrTable.TcStats => RtnetlinkMoreConstants.TcStatsAttrs,
        _ => null,
    };

    private static readonly NlStruct s_tcStats = new("u64 bytes", "u32 packets", "u32 drops", "u32 overlimits", "u32 bps", "u32 pps",
        "u32 qlen", "u32 backlog");
    private static readonly NlStruct s_estimator = new("s8 interval", "u8 ewma_log");
    private static readonly NlStruct s_sizeSpec = new("u8 cell_log", "u8 size_log", "s16 cell_align", "s32 overhead", "u32 linklayer",
        "u32 mpu", "u32 mtu", "u32 tsize");
    private static readonly NlStruct s_basic = new("u64 bytes", "u32 packets");
    private static readonly NlStruct s_rateEst = new("u32 bps", "u32 pps");
    private static readonly NlStruct s_rateEst64 = new("u64 bps", "u64 pps");
    private static readonly NlStruct s_queue = new("u32 qlen", "u32 backlog", "u32 drops", "u32 requeues", "u32 overlimits");

    /// <summary>struct nexthop_grp: its reserved fields only when set.</summary>
    private static readonly NlStruct s_nexthopGroup = new("u32 id", "u8 weight", "x8 resvd1?", "x16 resvd2?");

    public static bool AttrValue(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (table)
        {
            case AttrTable.Tc:
                switch (type)
                {
                    case 1: return NlattrPrinter.Str(ref c, v);
                    case 3: return s_tcStats.Print(w, v);
                    case 5: return s_estimator.Print(w, v);
                    case 6 or 11 or 13 or 14 or 15: return NlattrPrinter.U32(w, v);
                    case 7: return NlattrPrinter.Nested(ref c, v, AttrTable.TcStats, 0);
                    case 8: return NlattrPrinter.Nested(ref c, v, AttrTable.TcStab, 0);
                    case 12: return NlattrPrinter.U8(w, v);
                    default: return false;
                }
            case AttrTable.TcAction:
                switch (type)
                {
                    case 1: return NlattrPrinter.Str(ref c, v);
                    case 3 or 10: return NlattrPrinter.U32(w, v);
                    case 4: return NlattrPrinter.Nested(ref c, v, AttrTable.TcStats, 0);
                    case 7: return NlattrPrinter.Flags32(w, v, RtnetlinkMoreConstants.TcActionFlags);
                    case 8 or 9: return NlattrPrinter.Flags32(w, v, RtnetlinkMoreConstants.TcActionHwStats);
                    default: return false;
                }
            case AttrTable.TcStab:
                return type switch
                {
                    1 => s_sizeSpec.Print(w, v),
                    2 => NlattrPrinter.Array(ref c, v, 2, new NumberElement(NlStruct.Kind.Unsigned)),
                    _ => false,
                };
            case AttrTable.TcStats:
                return type switch
                {
                    1 or 7 => s_basic.Print(w, v),
                    2 => s_rateEst.Print(w, v),
                    3 => s_queue.Print(w, v),
                    5 => s_rateEst64.Print(w, v),
                    8 => NlattrPrinter.U64(w, v),
                    _ => false,
                };
            case AttrTable.Nexthop:
                switch (type)
                {
                    case 1 or 4 or 9 or 11: return NlattrPrinter.U32(w, v);
                    case 2: return NlattrPrinter.Array(ref c, v, s_nexthopGroup.Size, new StructElement(s_nexthopGroup));
                    case 3: return NlattrPrinter.Named(w, v, 2, RtnetlinkMoreConstants.NexthopGroupTypes);
                    case 5 or 10: return NlattrPrinter.IfIndex(c.Host, w, v);
                    case 6: return NlattrPrinter.InetAddr(w, v, family);
                    case 7: return NlattrPrinter.Named(w, v, 2, RtnetlinkMoreConstants.EncapTypes);
                    case 12: return NlattrPrinter.Nested(ref c, v, AttrTable.NexthopResGroup, 0);
                    case 13: return NlattrPrinter.Nested(ref c, v, AttrTable.NexthopResBucket, 0);
                    default: return false;
                }
            case AttrTable.NexthopResGroup:
                return type switch
                {
                    1 => NlattrPrinter.U16(w, v),
                    2 or 3 or 4 => NlattrPrinter.ClockTicks(w, v),
                    _ => false,
                };
            case AttrTable.NexthopResBucket:
                return type switch
                {
                    1 => NlattrPrinter.U16(w, v),
                    2 => NlattrPrinter.ClockTicks(w, v),
                    3 => NlattrPrinter.U32(w, v),
                    _ => false,
                };
            case AttrTable.CacheReport4 or AttrTable.CacheReport6:
                bool v4 = table == AttrTable.CacheReport4;
                switch (type)
                {
                    case 1:
                        if (NlattrPrinter.Unfit(w, v, 1) is bool fit) return fit;
                        (v4 ? RtnetlinkMoreConstants.IgmpMessages : RtnetlinkMoreConstants.Mrt6Messages).Print(w, v[0]);
                        return true;
                    case 2: return NlattrPrinter.U32(w, v);
                    case 3 or 4: return NlattrPrinter.InetAddr(w, v, (byte)(v4 ? NetConstants.AF_INET : NetConstants.AF_INET6));
                    case 6: return v4 && NlattrPrinter.U32(w, v);
                    default: return false;
                }
            default: return false;
        }
    }
}
