using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>NETLINK_ROUTE bodies: ifinfomsg (links), ifaddrmsg (addresses) and rtmsg (routes) with
/// their attributes, and (NeighRulePrinter) neighbours and rules; other RTM_* types print their
/// family and the rest as hex, as strace's fallback does.</summary>
internal static class RtnetlinkPrinter
{
    private const int IfinfomsgSize = 16, IfaddrmsgSize = 8, RtmsgSize = 12;
    private const byte AF_BRIDGE = 7;

    public static bool Decode(ref DecodeContext c, ushort type, ReadOnlySpan<byte> body)
    {
        if (type == NetlinkConstants.NLMSG_DONE) return false;
        if (body.IsEmpty) { NetlinkPrinter.HexString(ref c, body); return true; }
        // strace reads the family first, and the rest of the header after it.
        if (NetlinkBuffer.PrintedAddress(c.Out, body, 1)) return true;
        switch (type)
        {
            case >= 0x10 and <= 0x13: Link(ref c, body); break;
            case >= 0x14 and <= 0x16 or 0x3a or 0x3e: Addr(ref c, body); break;
            case >= 0x18 and <= 0x1a: Route(ref c, body); break;
            case 0x1c or 0x1d: NeighRulePrinter.Neigh(ref c, body); break;
            case 0x1e when body[0] == AF_BRIDGE: Link(ref c, body); break;
            case 0x1e: NeighRulePrinter.Neigh(ref c, body); break;
            case >= 0x20 and <= 0x22: NeighRulePrinter.Rule(ref c, body); break;
            case >= 0x24 and <= 0x2e and not (0x27 or 0x2b) or >= 0x64 and <= 0x66: RouteMessages.Tc(ref c, body); break;
            case >= 0x30 and <= 0x32: RouteMessages.FamilyOnly(ref c, body, "tca_family="u8, AttrTable.TcAction); break;
            case 0x40 or 0x42 or 0x43: RouteMessages.FamilyOnly(ref c, body, "ndtm_family="u8, AttrTable.NeighTable); break;
            case >= 0x48 and <= 0x4a: RouteMessages.AddrLabel(ref c, body); break;
            case 0x4e or 0x4f: RouteMessages.Dcb(ref c, body); break;
            case >= 0x50 and <= 0x52: RouteMessages.FamilyOnly(ref c, body, "ncm_family="u8, AttrTable.Netconf); break;
            case >= 0x54 and <= 0x56: RouteMessages.Mdb(ref c, body); break;
            case >= 0x58 and <= 0x5a: RouteMessages.FamilyOnly(ref c, body, "rtgen_family="u8, AttrTable.Nsid); break;
            case 0x5c or 0x5e: RouteMessages.Stats(ref c, body); break;
            case 0x60: RouteMessages.CacheReport(ref c, body); break;
            case >= 0x68 and <= 0x6a: RouteMessages.Nexthop(ref c, body); break;
            default: Family(ref c, body); break;
        }
        return true;
    }

    private static void Family(ref DecodeContext c, ReadOnlySpan<byte> body)
    {
        c.Out.Raw("{family="u8);
        NetConstants.Families.Print(c.Out, body[0]);
        if (body.Length > 1)
        {
            c.Out.Raw(", data="u8);
            NetlinkPrinter.HexString(ref c, body[1..]);
        }
        c.Out.Raw((byte)'}');
    }

    /// <summary>Opens the struct with its family; false (after "...}", or the rest's address
    /// and "}") when the body is too short for the rest or the rest cannot be read.</summary>
    internal static bool Head(ArgWriter w, ReadOnlySpan<byte> body, ReadOnlySpan<byte> familyField, int size)
    {
        w.Raw((byte)'{').Raw(familyField);
        NetConstants.Families.Print(w, body[0]);
        w.Raw(", "u8);
        if (body.Length < size) { w.Raw("...}"u8); return false; }
        if (!NetlinkBuffer.PrintedAddress(w, body[1..], size - 1)) return true;
        w.Raw((byte)'}');
        return false;
    }

    private static void Link(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        if (!Head(w, b, "ifi_family="u8, IfinfomsgSize)) return;
        w.Raw("ifi_type="u8);
        RtnetlinkConstants.HardwareTypes.Print(w, BinaryPrimitives.ReadUInt16LittleEndian(b[2..]));
        w.Raw(", ifi_index="u8);
        NlattrPrinter.IfIndexValue(c.Host, w, BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
        w.Raw(", ifi_flags="u8);
        RtnetlinkConstants.InterfaceFlags.Print(w, BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
        w.Raw(", ifi_change="u8).Hex(BinaryPrimitives.ReadUInt32LittleEndian(b[12..]));
        w.Raw((byte)'}');
        Tail(ref c, b, IfinfomsgSize, AttrTable.Link);
    }

    private static void Addr(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        if (!Head(w, b, "ifa_family="u8, IfaddrmsgSize)) return;
        w.Raw("ifa_prefixlen="u8).UInt(b[1]).Raw(", ifa_flags="u8);
        RtnetlinkConstants.AddrFlags.Print(w, b[2]);
        w.Raw(", ifa_scope="u8);
        RtnetlinkConstants.Scopes.PrintBare(w, b[3]);
        w.Raw(", ifa_index="u8);
        NlattrPrinter.IfIndexValue(c.Host, w, BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
        w.Raw((byte)'}');
        Tail(ref c, b, IfaddrmsgSize, AttrTable.Addr);
    }

    private static void Route(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        if (!Head(w, b, "rtm_family="u8, RtmsgSize)) return;
        w.Raw("rtm_dst_len="u8).UInt(b[1]).Raw(", rtm_src_len="u8).UInt(b[2]).Raw(", rtm_tos="u8);
        RtnetlinkConstants.Tos.Print(w, b[3]);
        w.Raw(", rtm_table="u8);
        RtnetlinkConstants.Tables.PrintBare(w, b[4]);
        w.Raw(", rtm_protocol="u8);
        RtnetlinkConstants.Protocols.Print(w, b[5]);
        w.Raw(", rtm_scope="u8);
        RtnetlinkConstants.Scopes.PrintBare(w, b[6]);
        w.Raw(", rtm_type="u8);
        RtnetlinkConstants.RouteTypes.Print(w, b[7]);
        w.Raw(", rtm_flags="u8);
        RtnetlinkConstants.RouteFlags.Print(w, BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
        w.Raw((byte)'}');
        Tail(ref c, b, RtmsgSize, AttrTable.Route);
    }

    internal static void Tail(ref DecodeContext c, ReadOnlySpan<byte> b, int size, AttrTable table)
    {
        if (b.Length <= size) return;
        c.Out.Raw(", "u8);
        NlattrPrinter.Attributes(ref c, b[size..], table, b[0]);
    }

    public static bool AttrValue(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v, byte family) => table switch
    {
        AttrTable.Addr => AddrValue(ref c, type, v, family),
        AttrTable.Route => RouteValue(ref c, type, v, family),
        AttrTable.RouteMetrics => type == 16 ? NlattrPrinter.Str(ref c, v) : NlattrPrinter.U32(c.Out, v),
        AttrTable.Link => LinkAttrs.Value(ref c, type, v, family),
        AttrTable.LinkBridgePort => LinkNestedAttrs.BridgePortValue(ref c, type, v),
        AttrTable.LinkInet6 => LinkNestedAttrs.Inet6Value(ref c, type, v),
        AttrTable.LinkXdp => LinkAttrs.XdpValue(ref c, type, v),
        AttrTable.Neigh => NeighRulePrinter.NeighValue(ref c, type, v, family),
        AttrTable.Rule => NeighRulePrinter.RuleValue(ref c, type, v, family),
        _ => RouteMessages.AttrValue(ref c, table, type, v),
    };

    private static bool AddrValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (type)
        {
            case 1 or 2 or 4 or 5 or 7: return NlattrPrinter.InetAddr(w, v, family);
            case 3: return NlattrPrinter.Str(ref c, v);
            case 6:
                if (NlattrPrinter.Unfit(w, v, 16) is bool fit14) return fit14;
                w.Raw("{ifa_prefered="u8).UInt(U32(v, 0)).Raw(", ifa_valid="u8).UInt(U32(v, 4))
                    .Raw(", cstamp="u8).UInt(U32(v, 8)).Raw(", tstamp="u8).UInt(U32(v, 12)).Raw((byte)'}');
                return true;
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
            case 12: return s_cacheInfo.Print(w, v);
            case 17: return s_mfcStats.Print(w, v);
            case 18:
                // struct rtvia: a family, then an address of that family.
                if (NlattrPrinter.Unfit(w, v, 2) is bool fitVia) return fitVia;
                w.Raw("{rtvia_family="u8);
                NetConstants.Families.Print(w, v[0]);
                if (v.Length > 2)
                {
                    w.Raw(", rtvia_addr="u8);
                    if (!NlattrPrinter.InetAddr(w, v[2..], v[0])) NetlinkPrinter.HexString(ref c, v[2..]);
                }
                w.Raw((byte)'}');
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

    private static readonly NlStruct s_cacheInfo = new("u32 rta_clntref", "u32 rta_lastuse", "u32 rta_expires", "u32 rta_error",
        "u32 rta_used", "x32 rta_id", "u32 rta_ts", "u32 rta_tsage");
    private static readonly NlStruct s_mfcStats = new("u64 mfcs_packets", "u64 mfcs_bytes", "u64 mfcs_wrong_if");

    internal static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);
}
