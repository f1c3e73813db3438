namespace Syscope.Decoding.Constants;

/// <summary>Names inside RTM_GETSTATS's IFLA_STATS_* attributes (&lt;linux/if_link.h&gt;,
/// &lt;linux/if_bridge.h&gt;, &lt;linux/mpls.h&gt;), as far as strace 6.1 names them.</summary>
internal static class IfStatsConstants
{
    private static ValueSet Enum(string unknown, params string[] names) =>
        new(unknown, false, NetlinkFamilyConstants.Sequence(0, names));

    /// <summary>IFLA_STATS_LINK_XSTATS(_SLAVE): extended statistics by link type.</summary>
    public static readonly ValueSet XstatsTypes = Enum("LINK_XSTATS_TYPE_???", "LINK_XSTATS_TYPE_UNSPEC", "LINK_XSTATS_TYPE_BRIDGE",
        "LINK_XSTATS_TYPE_BOND");

    public static readonly ValueSet BridgeXstats = Enum("BRIDGE_XSTATS_???", "BRIDGE_XSTATS_UNSPEC", "BRIDGE_XSTATS_VLAN",
        "BRIDGE_XSTATS_MCAST", "BRIDGE_XSTATS_PAD", "BRIDGE_XSTATS_STP");

    public static readonly ValueSet BondXstats = Enum("BOND_XSTATS_???", "BOND_XSTATS_UNSPEC", "BOND_XSTATS_3AD");

    /// <summary>BOND_XSTATS_3AD's counters; strace 6.1 names an unknown one BOND_XSTATS_???.</summary>
    public static readonly ValueSet Bond3adStats = Enum("BOND_XSTATS_???", "BOND_3AD_STAT_LACPDU_RX", "BOND_3AD_STAT_LACPDU_TX",
        "BOND_3AD_STAT_LACPDU_UNKNOWN_RX", "BOND_3AD_STAT_LACPDU_ILLEGAL_RX", "BOND_3AD_STAT_MARKER_RX", "BOND_3AD_STAT_MARKER_TX",
        "BOND_3AD_STAT_MARKER_RESP_RX", "BOND_3AD_STAT_MARKER_RESP_TX", "BOND_3AD_STAT_MARKER_UNKNOWN_RX", "BOND_3AD_STAT_PAD");

    public static readonly ValueSet OffloadXstats = Enum("IFLA_OFFLOAD_XSTATS_???", "IFLA_OFFLOAD_XSTATS_UNSPEC",
        "IFLA_OFFLOAD_XSTATS_CPU_HIT");

    /// <summary>AF_MPLS in IFLA_STATS_AF_SPEC.</summary>
    public static readonly ValueSet MplsStats = Enum("MPLS_STATS_???", "MPLS_STATS_UNSPEC", "MPLS_STATS_LINK");

    /// <summary>Indices of struct br_mcast_stats's arrays: an unknown one prints in decimal.</summary>
    public static readonly ValueSet McastDirections = new("BR_MCAST_DIR_???", true,
        NetlinkFamilyConstants.Sequence(0, "BR_MCAST_DIR_RX", "BR_MCAST_DIR_TX"));

    /// <summary>struct bridge_vlan_xstats.flags (BRIDGE_VLAN_INFO_*).</summary>
    public static readonly FlagSet BridgeVlanFlags = new("BRIDGE_VLAN_INFO_???", null,
        new(1, "BRIDGE_VLAN_INFO_MASTER"), new(2, "BRIDGE_VLAN_INFO_PVID"), new(4, "BRIDGE_VLAN_INFO_UNTAGGED"),
        new(8, "BRIDGE_VLAN_INFO_RANGE_BEGIN"), new(16, "BRIDGE_VLAN_INFO_RANGE_END"), new(32, "BRIDGE_VLAN_INFO_BRENTRY"),
        new(64, "BRIDGE_VLAN_INFO_ONLY_OPTS"));
}
