using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>NETLINK_ROUTE messages beyond links, addresses, routes, neighbours and rules: traffic
/// control (tcmsg, tcamsg), neighbour tables, address labels, DCB, netconf, bridge MDB, namespace
/// ids, interface statistics, multicast cache reports and nexthops.  Each prints its header
/// struct, then its attributes once the header could be read.</summary>
internal static class RouteMessages
{
    /// <summary>struct tcmsg: qdiscs, classes, filters and chains.</summary>
    public static void Tc(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        const int size = 20;
        if (!RtnetlinkPrinter.Head(w, b, "tcm_family="u8, size)) return;
        w.Raw("tcm_ifindex="u8);
        NlattrPrinter.IfIndexValue(c.Host, w, U32(b, 4));
        w.Raw(", tcm_handle="u8).UInt(U32(b, 8)).Raw(", tcm_parent="u8).UInt(U32(b, 12)).Raw(", tcm_info="u8).UInt(U32(b, 16)).Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, size, AttrTable.Tc);
    }

    /// <summary>Messages whose header strace prints as its family alone: tcamsg, ndtmsg,
    /// netconfmsg, rtgenmsg (namespace ids, cache reports).</summary>
    public static void FamilyOnly(ref DecodeContext c, ReadOnlySpan<byte> b, ReadOnlySpan<byte> field, AttrTable table)
    {
        var w = c.Out;
        w.Raw((byte)'{').Raw(field);
        NetConstants.Families.Print(w, b[0]);
        w.Raw((byte)'}');
        // The header is padded to four bytes before the attributes.
        RtnetlinkPrinter.Tail(ref c, b, 4, table);
    }

    /// <summary>A multicast cache report (rtgenmsg): attributes only for the two multicast routing
    /// families, the rest as hex.</summary>
    public static void CacheReport(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.Raw("{rtgen_family="u8);
        RtnetlinkMoreConstants.CacheReportFamilies.Print(w, b[0]);
        w.Raw((byte)'}');
        if (b.Length <= 4) return;
        var table = b[0] switch
        {
            RtnetlinkMoreConstants.RTNL_FAMILY_IPMR => AttrTable.CacheReport4,
            RtnetlinkMoreConstants.RTNL_FAMILY_IP6MR => AttrTable.CacheReport6,
            _ => AttrTable.None,
        };
        w.Raw(", "u8);
        if (table == AttrTable.None) NetlinkPrinter.HexString(ref c, b[4..]);
        else NlattrPrinter.Attributes(ref c, b[4..], table, b[0]);
    }

    /// <summary>struct ifaddrlblmsg.</summary>
    public static void AddrLabel(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        const int size = 12;
        if (!RtnetlinkPrinter.Head(w, b, "ifal_family="u8, size)) return;
        w.Raw("ifal_prefixlen="u8).UInt(b[2]).Raw(", ifal_flags="u8).UInt(b[3]).Raw(", ifal_index="u8);
        NlattrPrinter.IfIndexValue(c.Host, w, U32(b, 4));
        w.Raw(", ifal_seq="u8).UInt(U32(b, 8)).Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, size, AttrTable.AddrLabel);
    }

    /// <summary>struct dcbmsg.</summary>
    public static void Dcb(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        const int size = 4;
        if (!RtnetlinkPrinter.Head(w, b, "dcb_family="u8, size)) return;
        w.Raw("cmd="u8);
        RtnetlinkMoreConstants.DcbCommands.Print(w, b[1]);
        w.Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, size, AttrTable.Dcb);
    }

    /// <summary>struct br_port_msg: the bridge's multicast database.</summary>
    public static void Mdb(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        const int size = 8;
        if (!RtnetlinkPrinter.Head(w, b, "family="u8, size)) return;
        w.Raw("ifindex="u8);
        NlattrPrinter.IfIndexValue(c.Host, w, U32(b, 4));
        w.Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, size, AttrTable.Mdb);
    }

    /// <summary>struct if_stats_msg: its padding only when set.</summary>
    public static void Stats(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        const int size = 12;
        if (!RtnetlinkPrinter.Head(w, b, "family="u8, size)) return;
        if (b[1] != 0) w.Raw("pad1="u8).Hex(b[1]).Raw(", "u8);
        ushort pad2 = BinaryPrimitives.ReadUInt16LittleEndian(b[2..]);
        if (pad2 != 0) w.Raw("pad2="u8).Hex(pad2).Raw(", "u8);
        w.Raw("ifindex="u8);
        NlattrPrinter.IfIndexValue(c.Host, w, U32(b, 4));
        w.Raw(", filter_mask="u8);
        RtnetlinkMoreConstants.StatsMask.Print(w, U32(b, 8));
        w.Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, size, AttrTable.Stats);
    }

    /// <summary>struct nhmsg: its reserved byte only when set.</summary>
    public static void Nexthop(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        const int size = 8;
        if (!RtnetlinkPrinter.Head(w, b, "nh_family="u8, size)) return;
        w.Raw("nh_scope="u8);
        RtnetlinkConstants.Scopes.PrintBare(w, b[1]);
        w.Raw(", nh_protocol="u8);
        RtnetlinkConstants.Protocols.Print(w, b[2]);
        if (b[3] != 0) w.Raw(", resvd="u8).Hex(b[3]);
        w.Raw(", nh_flags="u8);
        RtnetlinkMoreConstants.NexthopFlags.Print(w, U32(b, 4));
        w.Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, size, AttrTable.Nexthop);
    }

    public static ValueSet? Names(AttrTable table) => table switch
    {
        AttrTable.Tc => RtnetlinkMoreConstants.TcAttrs,
        AttrTable.TcAction => RtnetlinkMoreConstants.TcActionAttrs,
        AttrTable.NeighTable => RtnetlinkMoreConstants.NeighTableAttrs,
        AttrTable.AddrLabel => RtnetlinkMoreConstants.AddrLabelAttrs,
        AttrTable.Dcb => RtnetlinkMoreConstants.DcbAttrs,
        AttrTable.Netconf => RtnetlinkMoreConstants.NetconfAttrs,
        AttrTable.Mdb => RtnetlinkMoreConstants.MdbAttrs,
        AttrTable.Nsid => RtnetlinkMoreConstants.NsidAttrs,
        AttrTable.Stats => RtnetlinkMoreConstants.StatsAttrs,
        AttrTable.CacheReport4 => RtnetlinkMoreConstants.Ipv4CacheReportAttrs,
        AttrTable.CacheReport6 => RtnetlinkMoreConstants.Ipv6CacheReportAttrs,
        AttrTable.Nexthop => RtnetlinkMoreConstants.NexthopAttrs,
        AttrTable.TcStab => RtnetlinkMoreConstants.TcStabAttrs,
        AttrTable.TcStats => RtnetlinkMoreConstants.TcStatsAttrs,
        _ => null,
    };

    private static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);

    private static readonly NlStruct s_tcStats = new("u64 bytes", "u32 packets", "u32 drops", "u32 overlimits", "u32 bps", "u32 pps",
        "u32 qlen", "u32 backlog");
    private static readonly NlStruct s_estimator = new("s8 interval", "u8 ewma_log");
    private static readonly NlStruct s_sizeSpec = new("u8 cell_log", "u8 size_log", "s16 cell_align", "s32 overhead", "u32 linklayer",
        "u32 mpu", "u32 mtu", "u32 tsize");
    private static readonly NlStruct s_basic = new("u64 bytes", "u32 packets");
    private static readonly NlStruct s_rateEst = new("u32 bps", "u32 pps");
    private static readonly NlStruct s_rateEst64 = new("u64 bps", "u64 pps");
    private static readonly NlStruct s_queue = new("u32 qlen", "u32 backlog", "u32 drops", "u32 requeues", "u32 overlimits");

    public static bool AttrValue(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v)
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
                    case 7: return Nested(ref c, v, AttrTable.TcStats);
                    case 8: return Nested(ref c, v, AttrTable.TcStab);
                    case 12: return NlattrPrinter.U8(w, v);
                    default: return false;
                }
            case AttrTable.TcAction:
                switch (type)
                {
                    case 1: return NlattrPrinter.Str(ref c, v);
                    case 3 or 10: return NlattrPrinter.U32(w, v);
                    case 4: return Nested(ref c, v, AttrTable.TcStats);
                    case 7: return NlattrPrinter.Flags32(w, v, RtnetlinkMoreConstants.TcActionFlags);
                    case 8 or 9: return NlattrPrinter.Flags32(w, v, RtnetlinkMoreConstants.TcActionHwStats);
                    default: return false;
                }
            case AttrTable.TcStab:
                return type switch
                {
                    1 => s_sizeSpec.Print(w, v),
                    2 => NlattrPrinter.Array(ref c, v, 2, NlattrPrinter.U16Element),
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

    private static bool Nested(ref DecodeContext c, ReadOnlySpan<byte> v, AttrTable table)
    {
        NlattrPrinter.Attributes(ref c, v, table, 0);
        return true;
    }
}
