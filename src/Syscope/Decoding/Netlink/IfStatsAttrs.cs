using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>RTM_GETSTATS's IFLA_STATS_* attributes (&lt;linux/if_link.h&gt;): link counters, the
/// bridge's and bond's extended statistics, offloaded counters and MPLS's, as strace 6.1 prints them.</summary>
internal static class IfStatsAttrs
{
    private const int AF_MPLS = 28;
    private const int BOND_3AD_STAT_PAD = 9;

    /// <summary>struct bridge_vlan_xstats: the padding only when set.</summary>
    private static readonly NlStruct s_bridgeVlan = new("u64 rx_bytes", "u64 rx_packets", "u64 tx_bytes", "u64 tx_packets", "u16 vid",
        ("u16 flags", IfStatsConstants.BridgeVlanFlags), "x32 pad2?");

    private static readonly NlStruct s_bridgeStp = new("u64 transition_blk", "u64 transition_fwd", "u64 rx_bpdu", "u64 tx_bpdu",
        "u64 rx_tcn", "u64 tx_tcn");

    private static readonly NlStruct s_mplsLink = new("u64 rx_packets", "u64 tx_packets", "u64 rx_bytes", "u64 tx_bytes",
        "u64 rx_errors", "u64 tx_errors", "u64 rx_dropped", "u64 tx_dropped", "u64 rx_noroute");

    /// <summary>struct br_mcast_stats in order: each field's name and how many u64 it holds (two
    /// are an array indexed by direction, one a plain counter).</summary>
    private static readonly (byte[] Name, int Count)[] s_mcastFields = Array.ConvertAll(new[]
    {
        ("igmp_v1queries", 2), ("igmp_v2queries", 2), ("igmp_v3queries", 2), ("igmp_leaves", 2), ("igmp_v1reports", 2),
        ("igmp_v2reports", 2), ("igmp_v3reports", 2), ("igmp_parse_errors", 1), ("mld_v1queries", 2), ("mld_v2queries", 2),
        ("mld_leaves", 2), ("mld_v1reports", 2), ("mld_v2reports", 2), ("mld_parse_errors", 1), ("mcast_bytes", 2),
        ("mcast_packets", 2),
    }, f => (System.Text.Encoding.ASCII.GetBytes(f.Item1), f.Item2));

    private const int McastSize = 30 * 8;

    public static bool Value(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        return (table, type) switch
        {
            (AttrTable.Stats, 1) or (AttrTable.StatsOffload, 1) => LinkAttrs.Stats(w, v, 8),
            (AttrTable.Stats, 2 or 3) => NlattrPrinter.Nested(ref c, v, AttrTable.StatsXstats, 0),
            (AttrTable.Stats, 4) => NlattrPrinter.Nested(ref c, v, AttrTable.StatsOffload, 0),
            (AttrTable.Stats, 5) => NlattrPrinter.Nested(ref c, v, AttrTable.StatsAfSpec, 0),
            (AttrTable.StatsXstats, 1) => NlattrPrinter.Nested(ref c, v, AttrTable.StatsBridge, 0),
            (AttrTable.StatsXstats, 2) => NlattrPrinter.Nested(ref c, v, AttrTable.StatsBond, 0),
            (AttrTable.StatsBridge, 1) => s_bridgeVlan.PrintWithRest(ref c, v),
            (AttrTable.StatsBridge, 2) => Mcast(ref c, v),
            (AttrTable.StatsBridge, 4) => s_bridgeStp.PrintWithRest(ref c, v),
            (AttrTable.StatsBond, 1) => NlattrPrinter.Nested(ref c, v, AttrTable.StatsBond3ad, 0),
            (AttrTable.StatsBond3ad, < BOND_3AD_STAT_PAD) => NlattrPrinter.U64(w, v),
            (AttrTable.StatsAfSpec, AF_MPLS) => NlattrPrinter.Nested(ref c, v, AttrTable.StatsMpls, 0),
            (AttrTable.StatsMpls, 1) => s_mplsLink.PrintWithRest(ref c, v),
            _ => false,
        };
    }

    /// <summary>struct br_mcast_stats: counters by direction, "[[BR_MCAST_DIR_RX]=1, [BR_MCAST_DIR_TX]=2]".</summary>
    private static bool Mcast(ref DecodeContext c, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        if (NlattrPrinter.Unfit(w, v, McastSize) is bool fit) return fit;
        w.BeginStruct();
        int offset = 0;
        foreach (var (name, count) in s_mcastFields)
        {
            w.Field(name);
            if (count == 1) NlStruct.Number(w, v.Slice(offset, 8), NlStruct.Kind.Unsigned);
            else NlattrPrinter.IndexedArray(ref c, v.Slice(offset, count * 8), 8, false, IfStatsConstants.McastDirections);
            offset += count * 8;
        }
        w.EndStruct();
        NlStruct.Rest(ref c, v, McastSize);
        return true;
    }
}
