using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>Attribute values of NETLINK_ROUTE neighbours (NDA_*) and policy rules (FRA_*).</summary>
internal static class NeighRulePrinter
{
    private static readonly NlStruct s_neighCacheInfo = new("u32 ndm_confirmed", "u32 ndm_used", "u32 ndm_updated", "u32 ndm_refcnt");

    public static bool NeighValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v, byte family)
    {
        var w = c.Out;
        switch (type)
        {
            case 1: return NlattrPrinter.InetAddr(w, v, family);
            case 2: return NlattrPrinter.HwAddr(w, v);
            case 3: return s_neighCacheInfo.Print(w, v);
            case 4 or 7 or 10 or 11 or 13: return NlattrPrinter.U32(w, v);
            case 5: return NlattrPrinter.U16(w, v);
            case 6:
                if (NlattrPrinter.Unfit(w, v, 2) is bool fit6) return fit6;
                w.Raw("htons("u8).UInt(BinaryPrimitives.ReadUInt16BigEndian(v)).Raw((byte)')');
                return true;
            case 8 or 9: return NlattrPrinter.IfIndex(c.Host, w, v);
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
