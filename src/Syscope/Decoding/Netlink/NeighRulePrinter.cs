using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>Attribute values of NETLINK_ROUTE neighbours (NDA_*), neighbour tables (NDTA_*, NDTPA_*)
/// and policy rules (FRA_*).</summary>
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
                SockaddrPrinter.Wrapped(w, "htons("u8, BinaryPrimitives.ReadUInt16BigEndian(v));
                return true;
            case 8 or 9: return NlattrPrinter.IfIndex(c.Host, w, v);
            case 12:
                if (NlattrPrinter.Unfit(w, v, 1) is bool fit7) return fit7;
                RtnetlinkConstants.Protocols.Print(w, v[0]);
                return true;
            case 14: return NlattrPrinter.Nested(ref c, v, AttrTable.NeighFdbExt, family);
            case 15: return NlattrPrinter.Flags32(w, v, RtnetlinkConstants.NeighExtFlags);
            case 16: return NlattrPrinter.Flags(w, v, 2, RtnetlinkConstants.NeighStates);
            case 17: return NlattrPrinter.Flags(w, v, 1, RtnetlinkConstants.NeighFlags);
            default: return false;
        }
    }

    /// <summary>struct ndt_config, ndt_stats (whose last counter the kernel added later: strace
    /// takes either size), and the table's parameters.</summary>
    private static readonly NlStruct s_tableConfig = new("u16 ndtc_key_len", "u16 ndtc_entry_size", "u32 ndtc_entries",
        "u32 ndtc_last_flush", "u32 ndtc_last_rand", "u32 ndtc_hash_rnd", "x32 ndtc_hash_mask", "u32 ndtc_hash_chain_gc", "u32 ndtc_proxy_qlen");
    private static readonly NlStruct s_tableStats = new("u64 ndts_allocs", "u64 ndts_destroys", "u64 ndts_hash_grows", "u64 ndts_res_failed",
        "u64 ndts_lookups", "u64 ndts_hits", "u64 ndts_rcv_probes_mcast", "u64 ndts_rcv_probes_ucast", "u64 ndts_periodic_gc_runs",
        "u64 ndts_forced_gc_runs", "u64 ndts_table_fulls");
    private static readonly NlStruct s_tableStatsOld = new("u64 ndts_allocs", "u64 ndts_destroys", "u64 ndts_hash_grows", "u64 ndts_res_failed",
        "u64 ndts_lookups", "u64 ndts_hits", "u64 ndts_rcv_probes_mcast", "u64 ndts_rcv_probes_ucast", "u64 ndts_periodic_gc_runs",
        "u64 ndts_forced_gc_runs");

    public static bool TableValue(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        if (table == AttrTable.NeighTableParms)
        {
            return type switch
            {
                1 => NlattrPrinter.IfIndex(c.Host, w, v),
                2 or 8 or 9 or 10 or 11 or 14 or 16 or 17 => NlattrPrinter.U32(w, v),
                3 or 4 or 5 or 6 or 7 or 12 or 13 or 15 or 19 => NlattrPrinter.U64(w, v),
                _ => false,
            };
        }
        return type switch
        {
            1 => NlattrPrinter.Str(ref c, v),
            2 or 3 or 4 => NlattrPrinter.U32(w, v),
            5 => s_tableConfig.Print(w, v),
            6 => NlattrPrinter.Nested(ref c, v, AttrTable.NeighTableParms, 0),
            7 => v.Length >= s_tableStats.Size ? s_tableStats.Print(w, v) : v.Length == s_tableStatsOld.Size && s_tableStatsOld.Print(w, v),
            8 => NlattrPrinter.U64(w, v),
            _ => false,
        };
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
                w.BeginStruct().Field("start"u8).UInt(uid ? RtnetlinkPrinter.U32(v, 0) : BinaryPrimitives.ReadUInt16LittleEndian(v))
                    .Field("end"u8).UInt(uid ? RtnetlinkPrinter.U32(v, 4) : BinaryPrimitives.ReadUInt16LittleEndian(v[2..])).EndStruct();
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
                    int valueEnd = w.Length;
                    if (w.Style != ConstStyle.Raw) w.Raw(" /* IPPROTO_??? */"u8);
                    w.Annotated(valueEnd);
                }
                return true;
            case 12:
                if (NlattrPrinter.Unfit(w, v, 8) is bool fitTunnel) return fitTunnel;
                SockaddrPrinter.Wrapped(w, "htobe64("u8, BinaryPrimitives.ReadUInt64BigEndian(v));
                return true;
            default: return false;
        }
    }
}
