using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>NETLINK_ROUTE neighbours (struct ndmsg, NDA_*) and policy rules (struct fib_rule_hdr, FRA_*).</summary>
internal static class NeighRulePrinter
{
    private const int NdmsgSize = 12, RuleSize = 12;

    public static void Neigh(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        if (!RtnetlinkPrinter.Head(w, b, "ndm_family="u8, NdmsgSize)) return;
        w.Raw("ndm_ifindex="u8);
        NlattrPrinter.IfIndexValue(c.Host, w, BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
        w.Raw(", ndm_state="u8);
        RtnetlinkConstants.NeighStates.Print(w, BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
        w.Raw(", ndm_flags="u8);
        RtnetlinkConstants.NeighFlags.Print(w, b[10]);
        w.Raw(", ndm_type="u8);
        RtnetlinkConstants.RouteTypes.Print(w, b[11]);
        w.Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, NdmsgSize, AttrTable.Neigh);
    }

    public static void Rule(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        if (!RtnetlinkPrinter.Head(w, b, "family="u8, RuleSize)) return;
        w.Raw("dst_len="u8).UInt(b[1]).Raw(", src_len="u8).UInt(b[2]).Raw(", tos="u8);
        RtnetlinkConstants.Tos.Print(w, b[3]);
        w.Raw(", table="u8);
        RtnetlinkConstants.Tables.PrintBare(w, b[4]);
        w.Raw(", action="u8);
        RtnetlinkConstants.RuleActions.Print(w, b[7]);
        w.Raw(", flags="u8);
        RtnetlinkConstants.RuleFlags.Print(w, BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
        w.Raw((byte)'}');
        RtnetlinkPrinter.Tail(ref c, b, RuleSize, AttrTable.Rule);
    }

    public static bool NeighValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (type)
        {
            case 1: return NlattrPrinter.InetAddr(w, v, family);
            case 2: return NlattrPrinter.HwAddr(w, v);
            case 3:
                if (NlattrPrinter.Unfit(w, v, 16) is bool fit5) return fit5;
                w.Raw("{ndm_confirmed="u8).UInt(RtnetlinkPrinter.U32(v, 0)).Raw(", ndm_used="u8).UInt(RtnetlinkPrinter.U32(v, 4))
                    .Raw(", ndm_updated="u8).UInt(RtnetlinkPrinter.U32(v, 8)).Raw(", ndm_refcnt="u8).UInt(RtnetlinkPrinter.U32(v, 12)).Raw((byte)'}');
                return true;
            case 4 or 7 or 11 or 13: return NlattrPrinter.U32(w, v);
            case 5: return NlattrPrinter.U16(w, v);
            case 6:
                if (NlattrPrinter.Unfit(w, v, 2) is bool fit6) return fit6;
                w.Raw("htons("u8).UInt(BinaryPrimitives.ReadUInt16BigEndian(v)).Raw((byte)')');
                return true;
            case 8 or 9: return NlattrPrinter.IfIndex(c.Host, w, v);
            case 10: return NlattrPrinter.S32(w, v);
            case 12:
                if (NlattrPrinter.Unfit(w, v, 1) is bool fit7) return fit7;
                RtnetlinkConstants.Protocols.Print(w, v[0]);
                return true;
            default: return false;
        }
    }

    public static bool RuleValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (type)
        {
            case 1 or 2: return NlattrPrinter.InetAddr(w, v, family);
            case 3 or 17: return NlattrPrinter.Str(ref c, v);
            case 4 or 6 or 10 or 11 or 13 or 14 or 16: return NlattrPrinter.U32(w, v);
            case 15:
                if (NlattrPrinter.Unfit(w, v, 4) is bool fit8) return fit8;
                RtnetlinkConstants.Tables.PrintBare(w, RtnetlinkPrinter.U32(v, 0));
                return true;
            case 19: return NlattrPrinter.U8(w, v);
            case 20 or 23 or 24:
                bool uid = type == 20;
                int width = uid ? 4 : 2;
                if (NlattrPrinter.Unfit(w, v, 2 * width) is bool fit9) return fit9;
                w.Raw("{start="u8).UInt(uid ? RtnetlinkPrinter.U32(v, 0) : BinaryPrimitives.ReadUInt16LittleEndian(v))
                    .Raw(", end="u8).UInt(uid ? RtnetlinkPrinter.U32(v, 4) : BinaryPrimitives.ReadUInt16LittleEndian(v[2..])).Raw((byte)'}');
                return true;
            case 21:
                if (NlattrPrinter.Unfit(w, v, 1) is bool fit10) return fit10;
                RtnetlinkConstants.Protocols.Print(w, v[0]);
                return true;
            case 22:
                if (NlattrPrinter.Unfit(w, v, 1) is bool fit11) return fit11;
                // strace names the protocol, or prints it in hex: 0xfe /* IPPROTO_??? */.
                if (NetConstants.IpProtocols.TryName(v[0], out _)) NetConstants.IpProtocols.Print(w, v[0]);
                else
                {
                    w.Hex(v[0]);
                    if (w.Style != ConstStyle.Raw) w.Raw(" /* IPPROTO_??? */"u8);
                }
                return true;
            case 12:
                if (NlattrPrinter.Unfit(w, v, 8) is bool fitTunnel) return fitTunnel;
                w.Raw("htobe64("u8).UInt(BinaryPrimitives.ReadUInt64BigEndian(v)).Raw((byte)')');
                return true;
            default: return false;
        }
    }
}
