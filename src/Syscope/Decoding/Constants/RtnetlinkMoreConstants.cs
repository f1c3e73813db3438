namespace Syscope.Decoding.Constants;

/// <summary>Attribute names of the NETLINK_ROUTE messages beyond links, addresses, routes,
/// neighbours and rules (&lt;linux/rtnetlink.h&gt;, pkt_sched.h, pkt_cls.h, if_addrlabel.h, dcbnl.h,
/// netconf.h, if_bridge.h, net_namespace.h, if_link.h, mroute.h, mroute6.h, nexthop.h), as far
/// as strace 6.1 names them.</summary>
internal static class RtnetlinkMoreConstants
{
    private static ValueSet Enum(string unknown, params string[] names) =>
        new(unknown, false, NetlinkFamilyConstants.Sequence(0, names));

    public static readonly ValueSet TcAttrs = Enum("TCA_???", "TCA_UNSPEC", "TCA_KIND", "TCA_OPTIONS", "TCA_STATS", "TCA_XSTATS",
        "TCA_RATE", "TCA_FCNT", "TCA_STATS2", "TCA_STAB", "TCA_PAD", "TCA_DUMP_INVISIBLE", "TCA_CHAIN", "TCA_HW_OFFLOAD",
        "TCA_INGRESS_BLOCK", "TCA_EGRESS_BLOCK", "TCA_DUMP_FLAGS");

    public static readonly ValueSet TcActionAttrs = Enum("TCA_ACT_???", "TCA_ACT_UNSPEC", "TCA_ACT_KIND", "TCA_ACT_OPTIONS",
        "TCA_ACT_INDEX", "TCA_ACT_STATS", "TCA_ACT_PAD", "TCA_ACT_COOKIE", "TCA_ACT_FLAGS", "TCA_ACT_HW_STATS",
        "TCA_ACT_USED_HW_STATS", "TCA_ACT_IN_HW_COUNT");

    public static readonly ValueSet NeighTableAttrs = Enum("NDTA_???", "NDTA_UNSPEC", "NDTA_NAME", "NDTA_THRESH1", "NDTA_THRESH2",
        "NDTA_THRESH3", "NDTA_CONFIG", "NDTA_PARMS", "NDTA_STATS", "NDTA_GC_INTERVAL", "NDTA_PAD");

    /// <summary>NDTA_PARMS: a neighbour table's parameters.</summary>
    public static readonly ValueSet NeighTableParmsAttrs = Enum("NDTPA_???", "NDTPA_UNSPEC", "NDTPA_IFINDEX", "NDTPA_REFCNT",
        "NDTPA_REACHABLE_TIME", "NDTPA_BASE_REACHABLE_TIME", "NDTPA_RETRANS_TIME", "NDTPA_GC_STALETIME", "NDTPA_DELAY_PROBE_TIME",
        "NDTPA_QUEUE_LEN", "NDTPA_APP_PROBES", "NDTPA_UCAST_PROBES", "NDTPA_MCAST_PROBES", "NDTPA_ANYCAST_DELAY", "NDTPA_PROXY_DELAY",
        "NDTPA_PROXY_QLEN", "NDTPA_LOCKTIME", "NDTPA_QUEUE_LENBYTES", "NDTPA_MCAST_REPROBES", "NDTPA_PAD", "NDTPA_INTERVAL_PROBE_TIME_MS");

    public static readonly ValueSet AddrLabelAttrs = new("IFAL_???", false, new(1, "IFAL_ADDRESS"), new(2, "IFAL_LABEL"));

    public static readonly ValueSet DcbAttrs = Enum("DCB_ATTR_???", "DCB_ATTR_UNDEFINED", "DCB_ATTR_IFNAME", "DCB_ATTR_STATE",
        "DCB_ATTR_PFC_STATE", "DCB_ATTR_PFC_CFG", "DCB_ATTR_NUM_TC", "DCB_ATTR_PG_CFG", "DCB_ATTR_SET_ALL", "DCB_ATTR_PERM_HWADDR",
        "DCB_ATTR_CAP", "DCB_ATTR_NUMTCS", "DCB_ATTR_BCN", "DCB_ATTR_APP", "DCB_ATTR_IEEE", "DCB_ATTR_DCBX", "DCB_ATTR_FEATCFG",
        "DCB_ATTR_CEE");

    public static readonly ValueSet DcbCommands = Enum("DCB_CMD_???", "DCB_CMD_UNDEFINED", "DCB_CMD_GSTATE", "DCB_CMD_SSTATE",
        "DCB_CMD_PGTX_GCFG", "DCB_CMD_PGTX_SCFG", "DCB_CMD_PGRX_GCFG", "DCB_CMD_PGRX_SCFG", "DCB_CMD_PFC_GCFG", "DCB_CMD_PFC_SCFG",
        "DCB_CMD_SET_ALL", "DCB_CMD_GPERM_HWADDR", "DCB_CMD_GCAP", "DCB_CMD_GNUMTCS", "DCB_CMD_SNUMTCS", "DCB_CMD_PFC_GSTATE",
        "DCB_CMD_PFC_SSTATE", "DCB_CMD_BCN_GCFG", "DCB_CMD_BCN_SCFG", "DCB_CMD_GAPP", "DCB_CMD_SAPP", "DCB_CMD_IEEE_SET",
        "DCB_CMD_IEEE_GET", "DCB_CMD_GDCBX", "DCB_CMD_SDCBX", "DCB_CMD_GFEATCFG", "DCB_CMD_SFEATCFG", "DCB_CMD_CEE_GET",
        "DCB_CMD_IEEE_DEL");

    public static readonly ValueSet NetconfAttrs = Enum("NETCONFA_???", "NETCONFA_UNSPEC", "NETCONFA_IFINDEX", "NETCONFA_FORWARDING",
        "NETCONFA_RP_FILTER", "NETCONFA_MC_FORWARDING", "NETCONFA_PROXY_NEIGH", "NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN",
        "NETCONFA_INPUT", "NETCONFA_BC_FORWARDING");

    public static readonly ValueSet MdbAttrs = Enum("MDBA_???", "MDBA_UNSPEC", "MDBA_MDB", "MDBA_ROUTER");

    /// <summary>&lt;linux/if_bridge.h&gt;: inside MDBA_MDB, its entries, and what follows an entry.</summary>
    public static readonly ValueSet MdbMdbAttrs = Enum("MDBA_MDB_???", "MDBA_MDB_UNSPEC", "MDBA_MDB_ENTRY"),
        MdbEntryAttrs = Enum("MDBA_MDB_ENTRY_???", "MDBA_MDB_ENTRY_UNSPEC", "MDBA_MDB_ENTRY_INFO"),
        MdbEntryExtraAttrs = Enum("MDBA_MDB_EATTR_???", "MDBA_MDB_EATTR_UNSPEC", "MDBA_MDB_EATTR_TIMER", "MDBA_MDB_EATTR_SRC_LIST",
            "MDBA_MDB_EATTR_GROUP_MODE", "MDBA_MDB_EATTR_SOURCE", "MDBA_MDB_EATTR_RTPROT");

    /// <summary>Inside MDBA_ROUTER, and what follows a router port.</summary>
    public static readonly ValueSet MdbRouterAttrs = Enum("MDBA_ROUTER_???", "MDBA_ROUTER_UNSPEC", "MDBA_ROUTER_PORT"),
        MdbRouterPortAttrs = Enum("MDBA_ROUTER_PATTR_???", "MDBA_ROUTER_PATTR_UNSPEC", "MDBA_ROUTER_PATTR_TIMER", "MDBA_ROUTER_PATTR_TYPE",
            "MDBA_ROUTER_PATTR_INET_TIMER", "MDBA_ROUTER_PATTR_INET6_TIMER");

    public static readonly ValueSet MdbStates = Enum("MDB_???", "MDB_TEMPORARY", "MDB_PERMANENT"),
        RouterTypes = Enum("MDB_RTR_TYPE_???", "MDB_RTR_TYPE_DISABLED", "MDB_RTR_TYPE_TEMP_QUERY", "MDB_RTR_TYPE_PERM", "MDB_RTR_TYPE_TEMP");

    public static readonly FlagSet MdbFlags = new("MDB_FLAGS_???", null, new(0x1, "MDB_FLAGS_OFFLOAD"), new(0x2, "MDB_FLAGS_FAST_LEAVE"),
        new(0x4, "MDB_FLAGS_STAR_EXCL"), new(0x8, "MDB_FLAGS_BLOCKED"));

    public static readonly ValueSet NsidAttrs = Enum("NETNSA_???", "NETNSA_NONE", "NETNSA_NSID", "NETNSA_PID", "NETNSA_FD",
        "NETNSA_TARGET_NSID", "NETNSA_CURRENT_NSID");

    public static readonly ValueSet StatsAttrs = Enum("IFLA_STATS_???", "IFLA_STATS_UNSPEC", "IFLA_STATS_LINK_64",
        "IFLA_STATS_LINK_XSTATS", "IFLA_STATS_LINK_XSTATS_SLAVE", "IFLA_STATS_LINK_OFFLOAD_XSTATS", "IFLA_STATS_AF_SPEC");

    public static readonly ValueSet Ipv4CacheReportAttrs = Enum("IPMRA_CREPORT_???", "IPMRA_CREPORT_UNSPEC", "IPMRA_CREPORT_MSGTYPE",
        "IPMRA_CREPORT_VIF_ID", "IPMRA_CREPORT_SRC_ADDR", "IPMRA_CREPORT_DST_ADDR", "IPMRA_CREPORT_PKT", "IPMRA_CREPORT_TABLE");

    public static readonly ValueSet Ipv6CacheReportAttrs = Enum("IP6MRA_CREPORT_???", "IP6MRA_CREPORT_UNSPEC",
        "IP6MRA_CREPORT_MSGTYPE", "IP6MRA_CREPORT_MIF_ID", "IP6MRA_CREPORT_SRC_ADDR", "IP6MRA_CREPORT_DST_ADDR", "IP6MRA_CREPORT_PKT");

    /// <summary>rtgen_family of a cache report: the address families and the two multicast
    /// routing families (&lt;linux/rtnetlink.h&gt; RTNL_FAMILY_IPMR, RTNL_FAMILY_IP6MR).</summary>
    public static readonly ValueSet CacheReportFamilies = new("RTNL_FAMILY_???", false,
        [.. NetConstants.Families.Rows, new(RTNL_FAMILY_IPMR, "RTNL_FAMILY_IPMR"), new(RTNL_FAMILY_IP6MR, "RTNL_FAMILY_IP6MR")]);

    public const byte RTNL_FAMILY_IPMR = 128, RTNL_FAMILY_IP6MR = 129;

    /// <summary>&lt;linux/mroute.h&gt; IGMPMSG_* and &lt;linux/mroute6.h&gt; MRT6MSG_*.</summary>
    public static readonly ValueSet IgmpMessages = new("IGMPMSG_???", false, NetlinkFamilyConstants.Sequence(1, "IGMPMSG_NOCACHE",
        "IGMPMSG_WRONGVIF", "IGMPMSG_WHOLEPKT", "IGMPMSG_WRVIFWHOLE"));

    public static readonly ValueSet Mrt6Messages = new("MRT6MSG_???", false, NetlinkFamilyConstants.Sequence(1, "MRT6MSG_NOCACHE",
        "MRT6MSG_WRONGMIF", "MRT6MSG_WHOLEPKT"));

    public static readonly ValueSet NexthopAttrs = Enum("NHA_???", "NHA_UNSPEC", "NHA_ID", "NHA_GROUP", "NHA_GROUP_TYPE",
        "NHA_BLACKHOLE", "NHA_OIF", "NHA_GATEWAY", "NHA_ENCAP_TYPE", "NHA_ENCAP", "NHA_GROUPS", "NHA_MASTER", "NHA_FDB",
        "NHA_RES_GROUP", "NHA_RES_BUCKET");

    /// <summary>&lt;linux/nexthop.h&gt; NHA_RES_GROUP_* and NHA_RES_BUCKET_* (their first value named PAD, as strace does).</summary>
    public static readonly ValueSet NexthopResGroupAttrs = Enum("NHA_RES_GROUP_???", "NHA_RES_GROUP_PAD", "NHA_RES_GROUP_BUCKETS",
        "NHA_RES_GROUP_IDLE_TIMER", "NHA_RES_GROUP_UNBALANCED_TIMER", "NHA_RES_GROUP_UNBALANCED_TIME");

    public static readonly ValueSet NexthopResBucketAttrs = Enum("NHA_RES_BUCKET_???", "NHA_RES_BUCKET_PAD", "NHA_RES_BUCKET_INDEX",
        "NHA_RES_BUCKET_IDLE_TIME", "NHA_RES_BUCKET_NH_ID");

    public static readonly ValueSet NexthopGroupTypes = Enum("NEXTHOP_GRP_TYPE_???", "NEXTHOP_GRP_TYPE_MPATH", "NEXTHOP_GRP_TYPE_RES");

    /// <summary>if_stats_msg.filter_mask: one bit per IFLA_STATS_* attribute.</summary>
    public static readonly FlagSet StatsMask = new("1<<IFLA_STATS_???", null,
        new(1, "1<<IFLA_STATS_UNSPEC"), new(2, "1<<IFLA_STATS_LINK_64"), new(4, "1<<IFLA_STATS_LINK_XSTATS"),
        new(8, "1<<IFLA_STATS_LINK_XSTATS_SLAVE"), new(16, "1<<IFLA_STATS_LINK_OFFLOAD_XSTATS"), new(32, "1<<IFLA_STATS_AF_SPEC"));

    /// <summary>&lt;linux/rtnetlink.h&gt; RTNH_F_*.</summary>
    public static readonly FlagSet NexthopFlags = new("RTNH_F_???", null,
        new(1, "RTNH_F_DEAD"), new(2, "RTNH_F_PERVASIVE"), new(4, "RTNH_F_ONLINK"), new(8, "RTNH_F_OFFLOAD"),
        new(16, "RTNH_F_LINKDOWN"), new(32, "RTNH_F_UNRESOLVED"), new(64, "RTNH_F_TRAP"));

    public static readonly ValueSet TcStabAttrs = Enum("TCA_STAB_???", "TCA_STAB_UNSPEC", "TCA_STAB_BASE", "TCA_STAB_DATA");

    public static readonly ValueSet TcStatsAttrs = Enum("TCA_STATS_???", "TCA_STATS_UNSPEC", "TCA_STATS_BASIC", "TCA_STATS_RATE_EST",
        "TCA_STATS_QUEUE", "TCA_STATS_APP", "TCA_STATS_RATE_EST64", "TCA_STATS_PAD", "TCA_STATS_BASIC_HW", "TCA_STATS_PKT64");

    /// <summary>&lt;linux/pkt_cls.h&gt; TCA_ACT_FLAGS_*.</summary>
    public static readonly FlagSet TcActionFlags = new("TCA_ACT_FLAGS_???", null,
        new(1, "TCA_ACT_FLAGS_NO_PERCPU_STATS"), new(2, "TCA_ACT_FLAGS_SKIP_HW"), new(4, "TCA_ACT_FLAGS_SKIP_SW"));

    /// <summary>&lt;linux/pkt_cls.h&gt; TCA_ACT_HW_STATS_*.</summary>
    public static readonly FlagSet TcActionHwStats = new("TCA_ACT_HW_STATS_???", null,
        new(1, "TCA_ACT_HW_STATS_IMMEDIATE"), new(2, "TCA_ACT_HW_STATS_DELAYED"));

    /// <summary>&lt;linux/lwtunnel.h&gt; LWTUNNEL_ENCAP_*.</summary>
    public static readonly ValueSet EncapTypes = Enum("LWTUNNEL_ENCAP_???", "LWTUNNEL_ENCAP_NONE", "LWTUNNEL_ENCAP_MPLS",
        "LWTUNNEL_ENCAP_IP", "LWTUNNEL_ENCAP_ILA", "LWTUNNEL_ENCAP_IP6", "LWTUNNEL_ENCAP_SEG6", "LWTUNNEL_ENCAP_BPF",
        "LWTUNNEL_ENCAP_SEG6_LOCAL", "LWTUNNEL_ENCAP_RPL");

    /// <summary>&lt;linux/netlink_diag.h&gt; states of a netlink socket, and the state sock_init_data gives a new one.</summary>
    public static readonly ValueSet NetlinkStates = new("NETLINK_???", false, new(0, "NETLINK_UNCONNECTED"), new(1, "NETLINK_CONNECTED"),
        new(7, "TCP_CLOSE"));
}
