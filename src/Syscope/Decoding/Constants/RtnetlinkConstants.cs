namespace Syscope.Decoding.Constants;

/// <summary>NETLINK_ROUTE message bodies and attributes, in strace's order.</summary>
internal static class RtnetlinkConstants
{
    /// <summary>&lt;linux/if_addr.h&gt; ifaddrmsg attributes.</summary>
    public static readonly ValueSet AddrAttrs = new("IFA_???", false,
        new(0x0, "IFA_UNSPEC"), new(0x1, "IFA_ADDRESS"), new(0x2, "IFA_LOCAL"), new(0x3, "IFA_LABEL"), new(0x4, "IFA_BROADCAST"),
        new(0x5, "IFA_ANYCAST"), new(0x6, "IFA_CACHEINFO"), new(0x7, "IFA_MULTICAST"), new(0x8, "IFA_FLAGS"), new(0x9, "IFA_RT_PRIORITY"),
        new(0xa, "IFA_TARGET_NETNSID"), new(0xb, "IFA_PROTO"));

    /// <summary>&lt;linux/if_addr.h&gt; IFA_F_*.</summary>
    public static readonly FlagSet AddrFlags = new("IFA_F_???", null,
        new(0x1, "IFA_F_SECONDARY"), new(0x2, "IFA_F_NODAD"), new(0x4, "IFA_F_OPTIMISTIC"), new(0x8, "IFA_F_DADFAILED"),
        new(0x10, "IFA_F_HOMEADDRESS"), new(0x20, "IFA_F_DEPRECATED"), new(0x40, "IFA_F_TENTATIVE"), new(0x80, "IFA_F_PERMANENT"),
        new(0x100, "IFA_F_MANAGETEMPADDR"), new(0x200, "IFA_F_NOPREFIXROUTE"), new(0x400, "IFA_F_MCAUTOJOIN"), new(0x800, "IFA_F_STABLE_PRIVACY"));

    /// <summary>&lt;linux/rtnetlink.h&gt; enum rt_scope_t; unnamed values print as bare hex.</summary>
    public static readonly ValueSet Scopes = new("", false,
        new(0x0, "RT_SCOPE_UNIVERSE"), new(0xc8, "RT_SCOPE_SITE"), new(0xfd, "RT_SCOPE_LINK"), new(0xfe, "RT_SCOPE_HOST"), new(0xff, "RT_SCOPE_NOWHERE"));

    /// <summary>&lt;linux/rtnetlink.h&gt; enum rt_class_t; unnamed tables print as bare hex.</summary>
    public static readonly ValueSet Tables = new("", false,
        new(0x0, "RT_TABLE_UNSPEC"), new(0xfc, "RT_TABLE_COMPAT"), new(0xfd, "RT_TABLE_DEFAULT"), new(0xfe, "RT_TABLE_MAIN"), new(0xff, "RT_TABLE_LOCAL"));

    /// <summary>&lt;linux/rtnetlink.h&gt; RTPROT_*.</summary>
    public static readonly ValueSet Protocols = new("RTPROT_???", false,
        new(0x0, "RTPROT_UNSPEC"), new(0x1, "RTPROT_REDIRECT"), new(0x2, "RTPROT_KERNEL"), new(0x3, "RTPROT_BOOT"), new(0x4, "RTPROT_STATIC"),
        new(0x8, "RTPROT_GATED"), new(0x9, "RTPROT_RA"), new(0xa, "RTPROT_MRT"), new(0xb, "RTPROT_ZEBRA"), new(0xc, "RTPROT_BIRD"),
        new(0xd, "RTPROT_DNROUTED"), new(0xe, "RTPROT_XORP"), new(0xf, "RTPROT_NTK"), new(0x10, "RTPROT_DHCP"), new(0x11, "RTPROT_MROUTED"),
        new(0x12, "RTPROT_KEEPALIVED"), new(0x2a, "RTPROT_BABEL"), new(0x63, "RTPROT_OPENR"), new(0xba, "RTPROT_BGP"), new(0xbb, "RTPROT_ISIS"),
        new(0xbc, "RTPROT_OSPF"), new(0xbd, "RTPROT_RIP"), new(0xc0, "RTPROT_EIGRP"));

    /// <summary>&lt;linux/rtnetlink.h&gt; RTN_*.</summary>
    public static readonly ValueSet RouteTypes = new("RTN_???", false,
        new(0x0, "RTN_UNSPEC"), new(0x1, "RTN_UNICAST"), new(0x2, "RTN_LOCAL"), new(0x3, "RTN_BROADCAST"), new(0x4, "RTN_ANYCAST"),
        new(0x5, "RTN_MULTICAST"), new(0x6, "RTN_BLACKHOLE"), new(0x7, "RTN_UNREACHABLE"), new(0x8, "RTN_PROHIBIT"), new(0x9, "RTN_THROW"),
        new(0xa, "RTN_NAT"), new(0xb, "RTN_XRESOLVE"));

    /// <summary>&lt;linux/rtnetlink.h&gt; rtm_flags: next-hop flags, then RTM_F_*.</summary>
    public static readonly FlagSet RouteFlags = new("RTM_F_???", null,
        new(0x1, "RTNH_F_DEAD"), new(0x2, "RTNH_F_PERVASIVE"), new(0x4, "RTNH_F_ONLINK"), new(0x8, "RTNH_F_OFFLOAD"),
        new(0x10, "RTNH_F_LINKDOWN"), new(0x20, "RTNH_F_UNRESOLVED"), new(0x40, "RTNH_F_TRAP"), new(0x100, "RTM_F_NOTIFY"),
        new(0x200, "RTM_F_CLONED"), new(0x400, "RTM_F_EQUALIZE"), new(0x800, "RTM_F_PREFIX"), new(0x1000, "RTM_F_LOOKUP_TABLE"),
        new(0x2000, "RTM_F_FIB_MATCH"), new(0x4000, "RTM_F_OFFLOAD"), new(0x8000, "RTM_F_TRAP"), new(0x20000000, "RTM_F_OFFLOAD_FAILED"));

    /// <summary>&lt;netinet/ip.h&gt; rtm_tos.</summary>
    public static readonly FlagSet Tos = new("IPTOS_TOS_???", null,
        new(0x10, "IPTOS_LOWDELAY"), new(0x08, "IPTOS_THROUGHPUT"), new(0x04, "IPTOS_RELIABILITY"), new(0x02, "IPTOS_MINCOST"));

    /// <summary>&lt;linux/rtnetlink.h&gt; rtmsg attributes.</summary>
    public static readonly ValueSet RouteAttrs = new("RTA_???", false,
        new(0x0, "RTA_UNSPEC"), new(0x1, "RTA_DST"), new(0x2, "RTA_SRC"), new(0x3, "RTA_IIF"), new(0x4, "RTA_OIF"), new(0x5, "RTA_GATEWAY"),
        new(0x6, "RTA_PRIORITY"), new(0x7, "RTA_PREFSRC"), new(0x8, "RTA_METRICS"), new(0x9, "RTA_MULTIPATH"), new(0xa, "RTA_PROTOINFO"),
        new(0xb, "RTA_FLOW"), new(0xc, "RTA_CACHEINFO"), new(0xd, "RTA_SESSION"), new(0xe, "RTA_MP_ALGO"), new(0xf, "RTA_TABLE"),
        new(0x10, "RTA_MARK"), new(0x11, "RTA_MFC_STATS"), new(0x12, "RTA_VIA"), new(0x13, "RTA_NEWDST"), new(0x14, "RTA_PREF"),
        new(0x15, "RTA_ENCAP_TYPE"), new(0x16, "RTA_ENCAP"), new(0x17, "RTA_EXPIRES"), new(0x18, "RTA_PAD"), new(0x19, "RTA_UID"),
        new(0x1a, "RTA_TTL_PROPAGATE"), new(0x1b, "RTA_IP_PROTO"), new(0x1c, "RTA_SPORT"), new(0x1d, "RTA_DPORT"), new(0x1e, "RTA_NH_ID"));

    /// <summary>&lt;linux/if_link.h&gt; ifinfomsg attributes.</summary>
    public static readonly ValueSet LinkAttrs = new("IFLA_???", false,
        new(0x0, "IFLA_UNSPEC"), new(0x1, "IFLA_ADDRESS"), new(0x2, "IFLA_BROADCAST"), new(0x3, "IFLA_IFNAME"), new(0x4, "IFLA_MTU"),
        new(0x5, "IFLA_LINK"), new(0x6, "IFLA_QDISC"), new(0x7, "IFLA_STATS"), new(0x8, "IFLA_COST"), new(0x9, "IFLA_PRIORITY"),
        new(0xa, "IFLA_MASTER"), new(0xb, "IFLA_WIRELESS"), new(0xc, "IFLA_PROTINFO"), new(0xd, "IFLA_TXQLEN"), new(0xe, "IFLA_MAP"),
        new(0xf, "IFLA_WEIGHT"), new(0x10, "IFLA_OPERSTATE"), new(0x11, "IFLA_LINKMODE"), new(0x12, "IFLA_LINKINFO"), new(0x13, "IFLA_NET_NS_PID"),
        new(0x14, "IFLA_IFALIAS"), new(0x15, "IFLA_NUM_VF"), new(0x16, "IFLA_VFINFO_LIST"), new(0x17, "IFLA_STATS64"), new(0x18, "IFLA_VF_PORTS"),
        new(0x19, "IFLA_PORT_SELF"), new(0x1a, "IFLA_AF_SPEC"), new(0x1b, "IFLA_GROUP"), new(0x1c, "IFLA_NET_NS_FD"), new(0x1d, "IFLA_EXT_MASK"),
        new(0x1e, "IFLA_PROMISCUITY"), new(0x1f, "IFLA_NUM_TX_QUEUES"), new(0x20, "IFLA_NUM_RX_QUEUES"), new(0x21, "IFLA_CARRIER"),
        new(0x22, "IFLA_PHYS_PORT_ID"), new(0x23, "IFLA_CARRIER_CHANGES"), new(0x24, "IFLA_PHYS_SWITCH_ID"), new(0x25, "IFLA_LINK_NETNSID"),
        new(0x26, "IFLA_PHYS_PORT_NAME"), new(0x27, "IFLA_PROTO_DOWN"), new(0x28, "IFLA_GSO_MAX_SEGS"), new(0x29, "IFLA_GSO_MAX_SIZE"),
        new(0x2a, "IFLA_PAD"), new(0x2b, "IFLA_XDP"), new(0x2c, "IFLA_EVENT"), new(0x2d, "IFLA_NEW_NETNSID"), new(0x2e, "IFLA_TARGET_NETNSID"),
        new(0x2f, "IFLA_CARRIER_UP_COUNT"), new(0x30, "IFLA_CARRIER_DOWN_COUNT"), new(0x31, "IFLA_NEW_IFINDEX"), new(0x32, "IFLA_MIN_MTU"),
        new(0x33, "IFLA_MAX_MTU"), new(0x34, "IFLA_PROP_LIST"), new(0x35, "IFLA_ALT_IFNAME"), new(0x36, "IFLA_PERM_ADDRESS"),
        new(0x37, "IFLA_PROTO_DOWN_REASON"), new(0x38, "IFLA_PARENT_DEV_NAME"), new(0x39, "IFLA_PARENT_DEV_BUS_NAME"),
        new(0x3a, "IFLA_GRO_MAX_SIZE"), new(0x3b, "IFLA_TSO_MAX_SIZE"), new(0x3c, "IFLA_TSO_MAX_SEGS"),
        new(0x3d, "IFLA_ALLMULTI"));

    /// <summary>&lt;linux/rtnetlink.h&gt; IFLA_EXT_MASK bits strace 6.1 names (RTEXT_FILTER_MST, newer,
    /// prints in the number it leaves).</summary>
    public static readonly FlagSet ExtFilter = new("RTEXT_FILTER_???", null,
        new(0x1, "RTEXT_FILTER_VF"), new(0x2, "RTEXT_FILTER_BRVLAN"), new(0x4, "RTEXT_FILTER_BRVLAN_COMPRESSED"),
        new(0x8, "RTEXT_FILTER_SKIP_STATS"), new(0x10, "RTEXT_FILTER_MRP"), new(0x20, "RTEXT_FILTER_CFM_CONFIG"),
        new(0x40, "RTEXT_FILTER_CFM_STATUS"));

    /// <summary>&lt;linux/if.h&gt; IFF_*.</summary>
    public static readonly FlagSet InterfaceFlags = new("IFF_???", null,
        new(0x1, "IFF_UP"), new(0x2, "IFF_BROADCAST"), new(0x4, "IFF_DEBUG"), new(0x8, "IFF_LOOPBACK"), new(0x10, "IFF_POINTOPOINT"),
        new(0x20, "IFF_NOTRAILERS"), new(0x40, "IFF_RUNNING"), new(0x80, "IFF_NOARP"), new(0x100, "IFF_PROMISC"), new(0x200, "IFF_ALLMULTI"),
        new(0x400, "IFF_MASTER"), new(0x800, "IFF_SLAVE"), new(0x1000, "IFF_MULTICAST"), new(0x2000, "IFF_PORTSEL"), new(0x4000, "IFF_AUTOMEDIA"),
        new(0x8000, "IFF_DYNAMIC"), new(0x10000, "IFF_LOWER_UP"), new(0x20000, "IFF_DORMANT"), new(0x40000, "IFF_ECHO"));

    /// <summary>&lt;linux/if_arp.h&gt; ARPHRD_*.</summary>
    public static readonly ValueSet HardwareTypes = new("ARPHRD_???", false,
        new(0x0, "ARPHRD_NETROM"), new(0x1, "ARPHRD_ETHER"), new(0x2, "ARPHRD_EETHER"), new(0x3, "ARPHRD_AX25"), new(0x4, "ARPHRD_PRONET"),
        new(0x5, "ARPHRD_CHAOS"), new(0x6, "ARPHRD_IEEE802"), new(0x7, "ARPHRD_ARCNET"), new(0x8, "ARPHRD_APPLETLK"), new(0xf, "ARPHRD_DLCI"),
        new(0x13, "ARPHRD_ATM"), new(0x17, "ARPHRD_METRICOM"), new(0x18, "ARPHRD_IEEE1394"), new(0x1b, "ARPHRD_EUI64"), new(0x20, "ARPHRD_INFINIBAND"),
        new(0x100, "ARPHRD_SLIP"), new(0x101, "ARPHRD_CSLIP"), new(0x102, "ARPHRD_SLIP6"), new(0x103, "ARPHRD_CSLIP6"), new(0x104, "ARPHRD_RSRVD"),
        new(0x108, "ARPHRD_ADAPT"), new(0x10e, "ARPHRD_ROSE"), new(0x10f, "ARPHRD_X25"), new(0x110, "ARPHRD_HWX25"), new(0x118, "ARPHRD_CAN"),
        new(0x200, "ARPHRD_PPP"), new(0x201, "ARPHRD_CISCO"), new(0x204, "ARPHRD_LAPB"), new(0x205, "ARPHRD_DDCMP"), new(0x206, "ARPHRD_RAWHDLC"),
        new(0x207, "ARPHRD_RAWIP"), new(0x300, "ARPHRD_TUNNEL"), new(0x301, "ARPHRD_TUNNEL6"), new(0x302, "ARPHRD_FRAD"), new(0x303, "ARPHRD_SKIP"),
        new(0x304, "ARPHRD_LOOPBACK"), new(0x305, "ARPHRD_LOCALTLK"), new(0x306, "ARPHRD_FDDI"), new(0x307, "ARPHRD_BIF"), new(0x308, "ARPHRD_SIT"),
        new(0x309, "ARPHRD_IPDDP"), new(0x30a, "ARPHRD_IPGRE"), new(0x30b, "ARPHRD_PIMREG"), new(0x30c, "ARPHRD_HIPPI"), new(0x30d, "ARPHRD_ASH"),
        new(0x30e, "ARPHRD_ECONET"), new(0x30f, "ARPHRD_IRDA"), new(0x310, "ARPHRD_FCPP"), new(0x311, "ARPHRD_FCAL"), new(0x312, "ARPHRD_FCPL"),
        new(0x313, "ARPHRD_FCFABRIC"), new(0x320, "ARPHRD_IEEE802_TR"), new(0x321, "ARPHRD_IEEE80211"), new(0x322, "ARPHRD_IEEE80211_PRISM"),
        new(0x323, "ARPHRD_IEEE80211_RADIOTAP"), new(0x324, "ARPHRD_IEEE802154"), new(0x325, "ARPHRD_IEEE802154_MONITOR"), new(0x334, "ARPHRD_PHONET"),
        new(0x335, "ARPHRD_PHONET_PIPE"), new(0x336, "ARPHRD_CAIF"), new(0x337, "ARPHRD_IP6GRE"), new(0x338, "ARPHRD_NETLINK"), new(0x339, "ARPHRD_6LOWPAN"),
        new(0x33a, "ARPHRD_VSOCKMON"), new(0xffff, "ARPHRD_VOID"), new(0xfffe, "ARPHRD_NONE"));

    /// <summary>&lt;linux/rtnetlink.h&gt; RTA_METRICS members.</summary>
    public static readonly ValueSet Metrics = new("RTAX_???", false,
        new(0, "RTAX_UNSPEC"), new(1, "RTAX_LOCK"), new(2, "RTAX_MTU"), new(3, "RTAX_WINDOW"), new(4, "RTAX_RTT"), new(5, "RTAX_RTTVAR"),
        new(6, "RTAX_SSTHRESH"), new(7, "RTAX_CWND"), new(8, "RTAX_ADVMSS"), new(9, "RTAX_REORDERING"), new(10, "RTAX_HOPLIMIT"),
        new(11, "RTAX_INITCWND"), new(12, "RTAX_FEATURES"), new(13, "RTAX_RTO_MIN"), new(14, "RTAX_INITRWND"), new(15, "RTAX_QUICKACK"),
        new(16, "RTAX_CC_ALGO"), new(17, "RTAX_FASTOPEN_NO_COOKIE"));

    /// <summary>&lt;linux/if_link.h&gt; IFLA_XDP members.</summary>
    public static readonly ValueSet XdpAttrs = new("IFLA_XDP_???", false,
        new(0, "IFLA_XDP_UNSPEC"), new(1, "IFLA_XDP_FD"), new(2, "IFLA_XDP_ATTACHED"), new(3, "IFLA_XDP_FLAGS"), new(4, "IFLA_XDP_PROG_ID"),
        new(5, "IFLA_XDP_DRV_PROG_ID"), new(6, "IFLA_XDP_SKB_PROG_ID"), new(7, "IFLA_XDP_HW_PROG_ID"), new(8, "IFLA_XDP_EXPECTED_FD"));

    /// <summary>&lt;linux/if_link.h&gt; XDP_ATTACHED_*.</summary>
    public static readonly ValueSet XdpAttached = new("XDP_ATTACHED_???", false,
        new(0, "XDP_ATTACHED_NONE"), new(1, "XDP_ATTACHED_DRV"), new(2, "XDP_ATTACHED_SKB"), new(3, "XDP_ATTACHED_HW"), new(4, "XDP_ATTACHED_MULTI"));

    /// <summary>&lt;linux/if_link.h&gt; XDP_FLAGS_*.</summary>
    public static readonly FlagSet XdpFlags = new("XDP_FLAGS_???", null,
        new(1, "XDP_FLAGS_UPDATE_IF_NOEXIST"), new(2, "XDP_FLAGS_SKB_MODE"), new(4, "XDP_FLAGS_DRV_MODE"), new(8, "XDP_FLAGS_HW_MODE"),
        new(16, "XDP_FLAGS_REPLACE"));

    /// <summary>&lt;linux/neighbour.h&gt; NUD_* (ndm_state).</summary>
    public static readonly FlagSet NeighStates = new("NUD_???", "NUD_NONE",
        new(0x01, "NUD_INCOMPLETE"), new(0x02, "NUD_REACHABLE"), new(0x04, "NUD_STALE"), new(0x08, "NUD_DELAY"), new(0x10, "NUD_PROBE"),
        new(0x20, "NUD_FAILED"), new(0x40, "NUD_NOARP"), new(0x80, "NUD_PERMANENT"));

    /// <summary>&lt;linux/neighbour.h&gt; NTF_* (ndm_flags).</summary>
    public static readonly FlagSet NeighFlags = new("NTF_???", null,
        new(0x01, "NTF_USE"), new(0x02, "NTF_SELF"), new(0x04, "NTF_MASTER"), new(0x08, "NTF_PROXY"), new(0x10, "NTF_EXT_LEARNED"),
        new(0x20, "NTF_OFFLOADED"), new(0x40, "NTF_STICKY"), new(0x80, "NTF_ROUTER"));

    /// <summary>&lt;linux/neighbour.h&gt; ndmsg attributes.</summary>
    public static readonly ValueSet NeighAttrs = new("NDA_???", false,
        new(0, "NDA_UNSPEC"), new(1, "NDA_DST"), new(2, "NDA_LLADDR"), new(3, "NDA_CACHEINFO"), new(4, "NDA_PROBES"), new(5, "NDA_VLAN"),
        new(6, "NDA_PORT"), new(7, "NDA_VNI"), new(8, "NDA_IFINDEX"), new(9, "NDA_MASTER"), new(10, "NDA_LINK_NETNSID"), new(11, "NDA_SRC_VNI"),
        new(12, "NDA_PROTOCOL"), new(13, "NDA_NH_ID"), new(14, "NDA_FDB_EXT_ATTRS"), new(15, "NDA_FLAGS_EXT"),
        new(16, "NDA_NDM_STATE_MASK"), new(17, "NDA_NDM_FLAGS_MASK"));

    /// <summary>NDA_FDB_EXT_ATTRS: NFEA_*, and NFEA_ACTIVITY_NOTIFY's bits.</summary>
    public static readonly ValueSet FdbExtAttrs = new("NFEA_???", false, new(0, "NFEA_UNSPEC"), new(1, "NFEA_ACTIVITY_NOTIFY"), new(2, "NFEA_DONT_REFRESH"));

    public static readonly FlagSet FdbNotifyFlags = new("FDB_NOTIFY_???", null, new(0x1, "FDB_NOTIFY_BIT"), new(0x2, "FDB_NOTIFY_INACTIVE_BIT"));

    /// <summary>NDA_FLAGS_EXT.</summary>
    public static readonly FlagSet NeighExtFlags = new("NTF_EXT_???", null, new Named(0x1, "NTF_EXT_MANAGED"));

    /// <summary>&lt;linux/fib_rules.h&gt; FR_ACT_*.</summary>
    public static readonly ValueSet RuleActions = new("FR_ACT_???", false,
        new(0, "FR_ACT_UNSPEC"), new(1, "FR_ACT_TO_TBL"), new(2, "FR_ACT_GOTO"), new(3, "FR_ACT_NOP"), new(4, "FR_ACT_RES3"),
        new(5, "FR_ACT_RES4"), new(6, "FR_ACT_BLACKHOLE"), new(7, "FR_ACT_UNREACHABLE"), new(8, "FR_ACT_PROHIBIT"));

    /// <summary>&lt;linux/fib_rules.h&gt; FIB_RULE_* (fib_rule_hdr flags).</summary>
    public static readonly FlagSet RuleFlags = new("FIB_RULE_???", null,
        new(0x1, "FIB_RULE_PERMANENT"), new(0x2, "FIB_RULE_INVERT"), new(0x4, "FIB_RULE_UNRESOLVED"), new(0x8, "FIB_RULE_IIF_DETACHED"),
        new(0x10, "FIB_RULE_OIF_DETACHED"), new(0x10000, "FIB_RULE_FIND_SADDR"));

    /// <summary>&lt;linux/fib_rules.h&gt; FRA_* attributes.</summary>
    public static readonly ValueSet RuleAttrs = new("FRA_???", false,
        new(0, "FRA_UNSPEC"), new(1, "FRA_DST"), new(2, "FRA_SRC"), new(3, "FRA_IIFNAME"), new(4, "FRA_GOTO"), new(5, "FRA_UNUSED2"),
        new(6, "FRA_PRIORITY"), new(7, "FRA_UNUSED3"), new(8, "FRA_UNUSED4"), new(9, "FRA_UNUSED5"), new(10, "FRA_FWMARK"), new(11, "FRA_FLOW"),
        new(12, "FRA_TUN_ID"), new(13, "FRA_SUPPRESS_IFGROUP"), new(14, "FRA_SUPPRESS_PREFIXLEN"), new(15, "FRA_TABLE"), new(16, "FRA_FWMASK"),
        new(17, "FRA_OIFNAME"), new(18, "FRA_PAD"), new(19, "FRA_L3MDEV"), new(20, "FRA_UID_RANGE"), new(21, "FRA_PROTOCOL"),
        new(22, "FRA_IP_PROTO"), new(23, "FRA_SPORT_RANGE"), new(24, "FRA_DPORT_RANGE"));
}
