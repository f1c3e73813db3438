using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>NETLINK_ROUTE bodies: ifinfomsg (links), ifaddrmsg (addresses) and rtmsg (routes) with
/// their attributes, and (NeighRulePrinter) neighbours and rules; other RTM_* types print their
/// family and the rest as hex, as strace's fallback does.</summary>
internal static class RtnetlinkPrinter
{
    internal const byte AF_BRIDGE = 7;

    public static bool Decode(ref DecodeContext c, ushort type, ReadOnlySpan<byte> body)
    {
        if (type == NetlinkConstants.NLMSG_DONE) return false;
        if (body.IsEmpty) { NetlinkPrinter.HexString(ref c, body); return true; }
        // strace reads the family first, and the rest of the header after it.
        if (NetlinkBuffer.PrintedAddress(c.Out, body, 1)) return true;
        switch (type)
        {
            case >= 0x10 and <= 0x13: RouteMessages.Link.PrintMessage(ref c, body, AttrTable.Link); break;
            case >= 0x14 and <= 0x16 or 0x3a or 0x3e: RouteMessages.Addr.PrintMessage(ref c, body, AttrTable.Addr); break;
            case >= 0x18 and <= 0x1a: RouteMessages.Route.PrintMessage(ref c, body, AttrTable.Route); break;
            case 0x1c or 0x1d: RouteMessages.Neigh.PrintMessage(ref c, body, AttrTable.Neigh); break;
            case 0x1e when body[0] == AF_BRIDGE: RouteMessages.Link.PrintMessage(ref c, body, AttrTable.Link); break;
            case 0x1e: RouteMessages.Neigh.PrintMessage(ref c, body, AttrTable.Neigh); break;
            case >= 0x20 and <= 0x22: RouteMessages.Rule.PrintMessage(ref c, body, AttrTable.Rule); break;
            case >= 0x24 and <= 0x2e and not (0x27 or 0x2b) or >= 0x64 and <= 0x66: RouteMessages.Tc.PrintMessage(ref c, body, AttrTable.Tc); break;
            case >= 0x30 and <= 0x32: RouteMessages.TcAction.PrintMessage(ref c, body, AttrTable.TcAction); break;
            case 0x40 or 0x42 or 0x43: RouteMessages.NeighTable.PrintMessage(ref c, body, AttrTable.NeighTable); break;
            case >= 0x48 and <= 0x4a: RouteMessages.AddrLabel.PrintMessage(ref c, body, AttrTable.AddrLabel); break;
            case 0x4e or 0x4f: RouteMessages.Dcb.PrintMessage(ref c, body, AttrTable.Dcb); break;
            case >= 0x50 and <= 0x52: RouteMessages.Netconf.PrintMessage(ref c, body, AttrTable.Netconf); break;
            case >= 0x54 and <= 0x56: RouteMessages.Mdb.PrintMessage(ref c, body, AttrTable.Mdb); break;
            case >= 0x58 and <= 0x5a: RouteMessages.Nsid.PrintMessage(ref c, body, AttrTable.Nsid); break;
            case 0x5c or 0x5e: RouteMessages.Stats.PrintMessage(ref c, body, AttrTable.Stats); break;
            case 0x60: RouteMessages.CacheReport(ref c, body); break;
            case >= 0x68 and <= 0x6a: RouteMessages.Nexthop.PrintMessage(ref c, body, AttrTable.Nexthop); break;
            default: Family(ref c, body); break;
        }
        return true;
    }

    /// <summary>A body strace knows only the family of: "{family=AF_INET, data=\"...\"}".</summary>
    internal static void Family(ref DecodeContext c, ReadOnlySpan<byte> body)
    {
        var w = c.Out;
        w.BeginStruct().Field("family"u8);
        NetConstants.Families.Print(w, body[0]);
        if (body.Length > 1)
        {
            w.Field("data"u8);
            NetlinkPrinter.HexString(ref c, body[1..]);
        }
        w.EndStruct();
    }

    public static bool AttrValue(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v, byte family) => table switch
    {
        AttrTable.Addr => AddrValue(ref c, type, v, family),
        AttrTable.Route => RouteValue(ref c, type, v, family),
        AttrTable.RouteMetrics => type == 16 ? NlattrPrinter.Str(ref c, v) : NlattrPrinter.U32(c.Out, v),
        AttrTable.Link => LinkAttrs.Value(ref c, type, v, family),
        AttrTable.LinkBridgePort => LinkNestedAttrs.BridgePortValue(ref c, type, v),
        AttrTable.LinkInet6 => LinkNestedAttrs.Inet6Value(ref c, type, v),
        AttrTable.LinkInfo or AttrTable.LinkVfPorts or AttrTable.LinkPort or AttrTable.LinkProtoDownReason or AttrTable.LinkPropList =>
            LinkNestedAttrs.Value(ref c, table, type, v),
        AttrTable.Mdb or AttrTable.MdbMdb or AttrTable.MdbEntry or AttrTable.MdbEntryExtra or AttrTable.MdbRouter or AttrTable.MdbRouterPort =>
            MdbAttrs.Value(ref c, table, type, v),
        AttrTable.LinkXdp => LinkAttrs.XdpValue(ref c, type, v),
        AttrTable.LinkVfInfoList or AttrTable.LinkVfInfo or AttrTable.LinkVfStats or AttrTable.LinkVfVlanList =>
            LinkVfAttrs.Value(ref c, table, type, v),
        AttrTable.Stats or AttrTable.StatsXstats or AttrTable.StatsBridge or AttrTable.StatsBond or AttrTable.StatsBond3ad
            or AttrTable.StatsOffload or AttrTable.StatsAfSpec or AttrTable.StatsMpls => IfStatsAttrs.Value(ref c, table, type, v),
        AttrTable.LinkAfSpec or AttrTable.LinkAfSpecBridge or AttrTable.LinkBridgeVlanTunnel or AttrTable.LinkInet or AttrTable.LinkMctp =>
            LinkAfSpecAttrs.Value(ref c, table, type, v),
        AttrTable.Neigh => NeighRulePrinter.NeighValue(ref c, type, v, family),
        AttrTable.NeighFdbExt => type == 1 && NlattrPrinter.Flags(c.Out, v, 1, RtnetlinkConstants.FdbNotifyFlags),
        AttrTable.Rule => NeighRulePrinter.RuleValue(ref c, type, v, family),
        AttrTable.NeighTable or AttrTable.NeighTableParms => NeighRulePrinter.TableValue(ref c, table, type, v),
        _ => RouteMessages.AttrValue(ref c, table, type, v, family),
    };

    private static bool AddrValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (type)
        {
            case 1 or 2 or 4 or 5 or 7: return NlattrPrinter.InetAddr(w, v, family);
            case 3: return NlattrPrinter.Str(ref c, v);
            case 6: return s_addrCacheInfo.Print(w, v);
            case 8: return NlattrPrinter.Flags32(w, v, RtnetlinkConstants.AddrFlags);
            case 9: return NlattrPrinter.U32(w, v);
            case 10: return NlattrPrinter.S32(w, v);
            default: return false;
        }
    }

    private static bool RouteValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (type)
        {
            case 1 or 2 or 5 or 7: return NlattrPrinter.InetAddr(w, v, family);
            case 3 or 4: return NlattrPrinter.IfIndex(c.Host, w, v);
            case 6 or 11 or 14 or 16 or 25 or 30: return NlattrPrinter.U32(w, v);
            case 8:
                NlattrPrinter.Attributes(ref c, v, AttrTable.RouteMetrics, family);
                return true;
            case 9: return Multipath(ref c, v, family);
            case 12: return s_cacheInfo.Print(w, v);
            case 17: return s_mfcStats.Print(w, v);
            case 18:
                // struct rtvia: a family, then an address of that family.
                if (NlattrPrinter.Unfit(w, v, 2) is bool fitVia) return fitVia;
                w.BeginStruct().Field("rtvia_family"u8);
                NetConstants.Families.Print(w, v[0]);
                // An IPv6 address prints as strace's inet_pton(AF_INET6, "...", &rtvia_addr), without its name.
                if (v.Length >= 18 && v[0] == NetConstants.AF_INET6 && w.Style == ConstStyle.Abbrev && NetlinkBuffer.Has(v[2..], 16))
                    SockaddrPrinter.Address(w.Field("rtvia_addr"u8, inText: false), "inet_pton(AF_INET6, \""u8, v.Slice(2, 16), "\", &rtvia_addr)"u8);
                else if (v.Length > 2)
                {
                    w.Field("rtvia_addr"u8);
                    if (!NlattrPrinter.InetAddr(w, v[2..], v[0])) NetlinkPrinter.HexString(ref c, v[2..]);
                }
                w.EndStruct();
                return true;
            case 19: return NlattrPrinter.InetAddr(w, v, family);
            case 21:
                if (NlattrPrinter.Unfit(w, v, 2) is bool fitEncap) return fitEncap;
                RtnetlinkMoreConstants.EncapTypes.Print(w, BinaryPrimitives.ReadUInt16LittleEndian(v));
                return true;
            case 28 or 29: return NlattrPrinter.U16(w, v);
            case 15:
                if (NlattrPrinter.Unfit(w, v, 4) is bool fit16) return fit16;
                RtnetlinkConstants.Tables.PrintBare(w, U32(v, 0));
                return true;
            case 20 or 26 or 27: return NlattrPrinter.U8(w, v);
            case 23: return NlattrPrinter.U64(w, v);
            default: return false;
        }
    }

    /// <summary>RTA_MULTIPATH: each struct rtnexthop (printed whole whatever its rtnh_len says)
    /// with the RTA_* attributes its length covers, "[{rtnh}, attributes]", several in an array.
    /// Like strace, an unreadable later one is its address right after the one before.</summary>
    private static bool Multipath(ref DecodeContext c, ReadOnlySpan<byte> v, byte family)
    {
        const int NexthopSize = 8;
        if (v.Length < NexthopSize) return false;
        var w = c.Out;
        bool array = false;
        for (var nh = v; nh.Length >= NexthopSize && !NetlinkBuffer.PrintedAddress(w, nh, NexthopSize);)
        {
            ushort declared = BinaryPrimitives.ReadUInt16LittleEndian(nh);
            int len = Math.Min(nh.Length, declared);
            if (nh.Length == v.Length && declared < v.Length) { w.BeginArray(); array = true; }
            if (array) w.Element();
            bool attributes = len > NexthopSize;
            if (attributes) w.BeginArray().Element();
            w.BeginStruct().Field("rtnh_len"u8).UInt(declared).Field("rtnh_flags"u8);
            RtnetlinkMoreConstants.NexthopFlags.Print(w, nh[2]);
            w.Field("rtnh_hops"u8).UInt(nh[3]).Field("rtnh_ifindex"u8);
            NlattrPrinter.IfIndexValue(c.Host, w, U32(nh, 4));
            w.EndStruct();
            if (attributes)
            {
                w.Element();
                NlattrPrinter.Attributes(ref c, nh[NexthopSize..len], AttrTable.Route, family);
                w.EndArray();
            }
            int aligned = (len + 3) & ~3;
            if (aligned == 0 || aligned >= nh.Length) break;
            nh = nh[aligned..];
        }
        if (array) w.EndArray();
        return true;
    }

    private static readonly NlStruct s_addrCacheInfo = new("u32 ifa_prefered", "u32 ifa_valid", "u32 cstamp", "u32 tstamp");
    private static readonly NlStruct s_cacheInfo = new("u32 rta_clntref", "u32 rta_lastuse", "u32 rta_expires", "u32 rta_error",
        "u32 rta_used", "x32 rta_id", "u32 rta_ts", "u32 rta_tsage");
    private static readonly NlStruct s_mfcStats = new("u64 mfcs_packets", "u64 mfcs_bytes", "u64 mfcs_wrong_if");

    internal static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);
}
