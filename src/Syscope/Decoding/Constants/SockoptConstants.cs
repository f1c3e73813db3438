namespace Syscope.Decoding.Constants;

/// <summary>Socket option levels and names (x86_64 values of &lt;asm-generic/socket.h&gt;,
/// &lt;linux/in.h&gt;, &lt;linux/in6.h&gt;, &lt;linux/tcp.h&gt;, &lt;linux/udp.h&gt;,
/// &lt;linux/if_packet.h&gt;, &lt;linux/icmp.h&gt;, &lt;linux/netlink.h&gt;), as strace 6.1 names them.</summary>
internal static class SockoptConstants
{
    public const int SOL_IP = 0, SOL_SOCKET = 1, SOL_IPV6 = 41, SOL_RAW = 255, SOL_PACKET = 263, SOL_NETLINK = 270;

    /// <summary>&lt;linux/socket.h&gt; levels; SOL_SOCKET's other-architecture value 0xffff too, as strace names it.</summary>
    public static readonly Named[] LevelRows =
    [
        new(0, "SOL_IP"), new(1, "SOL_SOCKET"), new(6, "SOL_TCP"), new(17, "SOL_UDP"), new(40, "AF_VSOCK"), new(41, "SOL_IPV6"),
        new(58, "SOL_ICMPV6"), new(100, "SOL_CAN_BASE"), new(101, "SOL_CAN_RAW"), new(132, "SOL_SCTP"), new(136, "SOL_UDPLITE"),
        new(255, "SOL_RAW"), new(256, "SOL_IPX"), new(257, "SOL_AX25"), new(258, "SOL_ATALK"), new(259, "SOL_NETROM"),
        new(260, "SOL_ROSE"), new(261, "SOL_DECNET"), new(262, "SOL_X25"), new(263, "SOL_PACKET"), new(264, "SOL_ATM"),
        new(265, "SOL_AAL"), new(266, "SOL_IRDA"), new(267, "SOL_NETBEUI"), new(268, "SOL_LLC"), new(269, "SOL_DCCP"),
        new(270, "SOL_NETLINK"), new(271, "SOL_TIPC"), new(272, "SOL_RXRPC"), new(273, "SOL_PPPOL2TP"), new(274, "SOL_BLUETOOTH"),
        new(275, "SOL_PNPIPE"), new(276, "SOL_RDS"), new(277, "SOL_IUCV"), new(278, "SOL_CAIF"), new(279, "SOL_ALG"),
        new(280, "SOL_NFC"), new(281, "SOL_KCM"), new(282, "SOL_TLS"), new(283, "SOL_XDP"), new(0xffff, "SOL_SOCKET"),
    ];

    /// <summary>Levels as get/setsockopt print them (strace's placeholder there has two '?').</summary>
    public static readonly ValueSet Levels = new("SOL_??", false, LevelRows);

    /// <summary>Levels as a control message's cmsg_level prints them.</summary>
    public static readonly ValueSet CmsgLevels = new("SOL_???", false, LevelRows);

    public static readonly ValueSet SocketOptions = new("SO_???", false,
        new(1, "SO_DEBUG"), new(2, "SO_REUSEADDR"), new(3, "SO_TYPE"), new(4, "SO_ERROR"), new(5, "SO_DONTROUTE"),
        new(6, "SO_BROADCAST"), new(7, "SO_SNDBUF"), new(8, "SO_RCVBUF"), new(9, "SO_KEEPALIVE"),
        new(10, "SO_OOBINLINE"), new(11, "SO_NO_CHECK"), new(12, "SO_PRIORITY"), new(13, "SO_LINGER"),
        new(14, "SO_BSDCOMPAT"), new(15, "SO_REUSEPORT"), new(16, "SO_PASSCRED"), new(17, "SO_PEERCRED"),
        new(18, "SO_RCVLOWAT"), new(19, "SO_SNDLOWAT"), new(20, "SO_RCVTIMEO_OLD"), new(21, "SO_SNDTIMEO_OLD"),
        new(22, "SO_SECURITY_AUTHENTICATION"), new(23, "SO_SECURITY_ENCRYPTION_TRANSPORT"),
        new(24, "SO_SECURITY_ENCRYPTION_NETWORK"), new(25, "SO_BINDTODEVICE"),
        new(27, "SO_DETACH_FILTER"), new(28, "SO_PEERNAME"), new(29, "SO_TIMESTAMP_OLD"), new(30, "SO_ACCEPTCONN"),
        new(31, "SO_PEERSEC"), new(32, "SO_SNDBUFFORCE"), new(33, "SO_RCVBUFFORCE"), new(34, "SO_PASSSEC"),
        new(35, "SO_TIMESTAMPNS_OLD"), new(36, "SO_MARK"), new(37, "SO_TIMESTAMPING_OLD"), new(38, "SO_PROTOCOL"),
        new(39, "SO_DOMAIN"), new(40, "SO_RXQ_OVFL"), new(41, "SO_WIFI_STATUS"), new(42, "SO_PEEK_OFF"),
        new(43, "SO_NOFCS"), new(44, "SO_LOCK_FILTER"), new(45, "SO_SELECT_ERR_QUEUE"), new(46, "SO_BUSY_POLL"),
        new(47, "SO_MAX_PACING_RATE"), new(48, "SO_BPF_EXTENSIONS"), new(49, "SO_INCOMING_CPU"),
        new(50, "SO_ATTACH_BPF"), new(51, "SO_ATTACH_REUSEPORT_CBPF"), new(52, "SO_ATTACH_REUSEPORT_EBPF"),
        new(53, "SO_CNX_ADVICE"), new(55, "SO_MEMINFO"), new(56, "SO_INCOMING_NAPI_ID"), new(57, "SO_COOKIE"),
        new(59, "SO_PEERGROUPS"), new(60, "SO_ZEROCOPY"), new(61, "SO_TXTIME"), new(62, "SO_BINDTOIFINDEX"),
        new(63, "SO_TIMESTAMP_NEW"), new(64, "SO_TIMESTAMPNS_NEW"), new(65, "SO_TIMESTAMPING_NEW"),
        new(66, "SO_RCVTIMEO_NEW"), new(67, "SO_SNDTIMEO_NEW"), new(68, "SO_DETACH_REUSEPORT_BPF"),
        new(69, "SO_PREFER_BUSY_POLL"), new(70, "SO_BUSY_POLL_BUDGET"), new(71, "SO_NETNS_COOKIE"), new(72, "SO_BUF_LOCK"),
        new(73, "SO_RESERVE_MEM"), new(74, "SO_TXREHASH"), new(75, "SO_RCVMARK"));

    /// <summary>26 reads the attached filter back, and attaches one when set.</summary>
    public static readonly ValueSet GetSocketOptions = new("SO_???", false, new Named(26, "SO_GET_FILTER"));
    public static readonly ValueSet SetSocketOptions = new("SO_???", false, new Named(26, "SO_ATTACH_FILTER"));

    public static readonly ValueSet IpOptions = new("IP_???", false,
        new(1, "IP_TOS"), new(2, "IP_TTL"), new(3, "IP_HDRINCL"), new(4, "IP_OPTIONS"), new(5, "IP_ROUTER_ALERT"),
        new(6, "IP_RECVOPTS"), new(7, "IP_RETOPTS"), new(8, "IP_PKTINFO"), new(9, "IP_PKTOPTIONS"), new(10, "IP_MTU_DISCOVER"),
        new(11, "IP_RECVERR"), new(12, "IP_RECVTTL"), new(13, "IP_RECVTOS"), new(14, "IP_MTU"), new(15, "IP_FREEBIND"),
        new(16, "IP_IPSEC_POLICY"), new(17, "IP_XFRM_POLICY"), new(18, "IP_PASSSEC"), new(19, "IP_TRANSPARENT"),
        new(20, "IP_ORIGDSTADDR"), new(21, "IP_MINTTL"), new(22, "IP_NODEFRAG"), new(23, "IP_CHECKSUM"),
        new(24, "IP_BIND_ADDRESS_NO_PORT"), new(25, "IP_RECVFRAGSIZE"), new(26, "IP_RECVERR_RFC4884"),
        new(32, "IP_MULTICAST_IF"), new(33, "IP_MULTICAST_TTL"), new(34, "IP_MULTICAST_LOOP"), new(35, "IP_ADD_MEMBERSHIP"),
        new(36, "IP_DROP_MEMBERSHIP"), new(37, "IP_UNBLOCK_SOURCE"), new(38, "IP_BLOCK_SOURCE"),
        new(39, "IP_ADD_SOURCE_MEMBERSHIP"), new(40, "IP_DROP_SOURCE_MEMBERSHIP"), new(41, "IP_MSFILTER"),
        new(42, "MCAST_JOIN_GROUP"), new(43, "MCAST_BLOCK_SOURCE"), new(44, "MCAST_UNBLOCK_SOURCE"),
        new(45, "MCAST_LEAVE_GROUP"), new(46, "MCAST_JOIN_SOURCE_GROUP"), new(47, "MCAST_LEAVE_SOURCE_GROUP"),
        new(48, "MCAST_MSFILTER"), new(49, "IP_MULTICAST_ALL"), new(50, "IP_UNICAST_IF"));

    /// <summary>Netfilter's table and IPVS requests (&lt;linux/netfilter_ipv4/ip_tables.h&gt;,
    /// arp_tables.h, ebtables.h, ip_vs.h), whose numbers mean one thing read and another written.</summary>
    public static readonly ValueSet GetIpOptions = new("IP_???", false,
        new(64, "IPT_SO_GET_INFO"), new(65, "IPT_SO_GET_ENTRIES"), new(66, "IPT_SO_GET_REVISION_MATCH"),
        new(67, "IPT_SO_GET_REVISION_TARGET"), new(96, "ARPT_SO_GET_INFO"), new(97, "ARPT_SO_GET_ENTRIES"),
        new(98, "ARPT_SO_GET_REVISION_MATCH"), new(99, "ARPT_SO_GET_REVISION_TARGET"), new(128, "EBT_SO_GET_INFO"),
        new(129, "EBT_SO_GET_ENTRIES"), new(130, "EBT_SO_GET_INIT_INFO"), new(131, "EBT_SO_GET_INIT_ENTRIES"),
        new(1152, "IP_VS_SO_GET_VERSION"), new(1153, "IP_VS_SO_GET_INFO"), new(1154, "IP_VS_SO_GET_SERVICES"),
        new(1155, "IP_VS_SO_GET_SERVICE"), new(1156, "IP_VS_SO_GET_DESTS"), new(1157, "IP_VS_SO_GET_DEST"),
        new(1158, "IP_VS_SO_GET_TIMEOUT"), new(1159, "IP_VS_SO_GET_DAEMON"));

    public static readonly ValueSet SetIpOptions = new("IP_???", false,
        new(64, "IPT_SO_SET_REPLACE"), new(65, "IPT_SO_SET_ADD_COUNTERS"), new(96, "ARPT_SO_SET_REPLACE"),
        new(97, "ARPT_SO_SET_ADD_COUNTERS"), new(128, "EBT_SO_SET_ENTRIES"), new(129, "EBT_SO_SET_COUNTERS"),
        new(1152, "IP_VS_SO_SET_NONE"), new(1153, "IP_VS_SO_SET_INSERT"), new(1154, "IP_VS_SO_SET_ADD"),
        new(1155, "IP_VS_SO_SET_EDIT"), new(1156, "IP_VS_SO_SET_DEL"), new(1157, "IP_VS_SO_SET_FLUSH"),
        new(1158, "IP_VS_SO_SET_LIST"), new(1159, "IP_VS_SO_SET_ADDDEST"), new(1160, "IP_VS_SO_SET_DELDEST"),
        new(1161, "IP_VS_SO_SET_EDITDEST"), new(1162, "IP_VS_SO_SET_TIMEOUT"), new(1163, "IP_VS_SO_SET_STARTDAEMON"),
        new(1164, "IP_VS_SO_SET_STOPDAEMON"), new(1165, "IP_VS_SO_SET_RESTORE"), new(1166, "IP_VS_SO_SET_SAVE"),
        new(1167, "IP_VS_SO_SET_ZERO"));

    public static readonly ValueSet Ipv6Options = new("IPV6_???", false,
        new(1, "IPV6_ADDRFORM"), new(2, "IPV6_2292PKTINFO"), new(3, "IPV6_2292HOPOPTS"), new(4, "IPV6_2292DSTOPTS"),
        new(5, "IPV6_2292RTHDR"), new(6, "IPV6_2292PKTOPTIONS"), new(7, "IPV6_CHECKSUM"), new(8, "IPV6_2292HOPLIMIT"),
        new(9, "IPV6_NEXTHOP"), new(10, "IPV6_AUTHHDR"), new(11, "IPV6_FLOWINFO"), new(16, "IPV6_UNICAST_HOPS"),
        new(17, "IPV6_MULTICAST_IF"), new(18, "IPV6_MULTICAST_HOPS"), new(19, "IPV6_MULTICAST_LOOP"),
        new(20, "IPV6_ADD_MEMBERSHIP"), new(21, "IPV6_DROP_MEMBERSHIP"), new(22, "IPV6_ROUTER_ALERT"),
        new(23, "IPV6_MTU_DISCOVER"), new(24, "IPV6_MTU"), new(25, "IPV6_RECVERR"), new(26, "IPV6_V6ONLY"),
        new(27, "IPV6_JOIN_ANYCAST"), new(28, "IPV6_LEAVE_ANYCAST"), new(29, "IPV6_MULTICAST_ALL"),
        new(30, "IPV6_ROUTER_ALERT_ISOLATE"), new(31, "IPV6_RECVERR_RFC4884"), new(32, "IPV6_FLOWLABEL_MGR"),
        new(33, "IPV6_FLOWINFO_SEND"), new(34, "IPV6_IPSEC_POLICY"), new(35, "IPV6_XFRM_POLICY"), new(36, "IPV6_HDRINCL"),
        new(42, "MCAST_JOIN_GROUP"), new(43, "MCAST_BLOCK_SOURCE"), new(44, "MCAST_UNBLOCK_SOURCE"),
        new(45, "MCAST_LEAVE_GROUP"), new(46, "MCAST_JOIN_SOURCE_GROUP"), new(47, "MCAST_LEAVE_SOURCE_GROUP"),
        new(48, "MCAST_MSFILTER"), new(49, "IPV6_RECVPKTINFO"), new(50, "IPV6_PKTINFO"), new(51, "IPV6_RECVHOPLIMIT"),
        new(52, "IPV6_HOPLIMIT"), new(53, "IPV6_RECVHOPOPTS"), new(54, "IPV6_HOPOPTS"), new(55, "IPV6_RTHDRDSTOPTS"),
        new(56, "IPV6_RECVRTHDR"), new(57, "IPV6_RTHDR"), new(58, "IPV6_RECVDSTOPTS"), new(59, "IPV6_DSTOPTS"),
        new(60, "IPV6_RECVPATHMTU"), new(61, "IPV6_PATHMTU"), new(62, "IPV6_DONTFRAG"), new(63, "IPV6_USE_MIN_MTU"),
        new(66, "IPV6_RECVTCLASS"), new(67, "IPV6_TCLASS"), new(70, "IPV6_AUTOFLOWLABEL"), new(72, "IPV6_ADDR_PREFERENCES"),
        new(73, "IPV6_MINHOPCOUNT"), new(74, "IPV6_ORIGDSTADDR"), new(75, "IPV6_TRANSPARENT"), new(76, "IPV6_UNICAST_IF"),
        new(77, "IPV6_RECVFRAGSIZE"), new(78, "IPV6_FREEBIND"));

    public static readonly ValueSet GetIpv6Options = new("IPV6_???", false,
        new(64, "IP6T_SO_GET_INFO"), new(65, "IP6T_SO_GET_ENTRIES"), new(66, "IP6T_SO_GET_REVISION_MATCH"),
        new(67, "IP6T_SO_GET_REVISION_TARGET"));

    public static readonly ValueSet SetIpv6Options = new("IPV6_???", false,
        new(64, "IP6T_SO_SET_REPLACE"), new(65, "IP6T_SO_SET_ADD_COUNTERS"));

    public static readonly ValueSet TcpOptions = new("TCP_???", false,
        new(1, "TCP_NODELAY"), new(2, "TCP_MAXSEG"), new(3, "TCP_CORK"), new(4, "TCP_KEEPIDLE"), new(5, "TCP_KEEPINTVL"),
        new(6, "TCP_KEEPCNT"), new(7, "TCP_SYNCNT"), new(8, "TCP_LINGER2"), new(9, "TCP_DEFER_ACCEPT"),
        new(10, "TCP_WINDOW_CLAMP"), new(11, "TCP_INFO"), new(12, "TCP_QUICKACK"), new(13, "TCP_CONGESTION"),
        new(14, "TCP_MD5SIG"), new(15, "TCP_COOKIE_TRANSACTIONS"), new(16, "TCP_THIN_LINEAR_TIMEOUTS"),
        new(17, "TCP_THIN_DUPACK"), new(18, "TCP_USER_TIMEOUT"), new(19, "TCP_REPAIR"), new(20, "TCP_REPAIR_QUEUE"),
        new(21, "TCP_QUEUE_SEQ"), new(22, "TCP_REPAIR_OPTIONS"), new(23, "TCP_FASTOPEN"), new(24, "TCP_TIMESTAMP"),
        new(25, "TCP_NOTSENT_LOWAT"), new(26, "TCP_CC_INFO"), new(27, "TCP_SAVE_SYN"), new(28, "TCP_SAVED_SYN"),
        new(29, "TCP_REPAIR_WINDOW"), new(30, "TCP_FASTOPEN_CONNECT"), new(31, "TCP_ULP"), new(32, "TCP_MD5SIG_EXT"),
        new(33, "TCP_FASTOPEN_KEY"), new(34, "TCP_FASTOPEN_NO_COOKIE"), new(35, "TCP_ZEROCOPY_RECEIVE"),
        new(36, "TCP_INQ"), new(37, "TCP_TX_DELAY"));

    public static readonly ValueSet UdpOptions = new("UDP_???", false,
        new(1, "UDP_CORK"), new(100, "UDP_ENCAP"), new(101, "UDP_NO_CHECK6_TX"), new(102, "UDP_NO_CHECK6_RX"),
        new(103, "UDP_SEGMENT"), new(104, "UDP_GRO"));

    public static readonly ValueSet PacketOptions = new("PACKET_???", false,
        new(1, "PACKET_ADD_MEMBERSHIP"), new(2, "PACKET_DROP_MEMBERSHIP"), new(3, "PACKET_RECV_OUTPUT"),
        new(5, "PACKET_RX_RING"), new(6, "PACKET_STATISTICS"), new(7, "PACKET_COPY_THRESH"), new(8, "PACKET_AUXDATA"),
        new(9, "PACKET_ORIGDEV"), new(10, "PACKET_VERSION"), new(11, "PACKET_HDRLEN"), new(12, "PACKET_RESERVE"),
        new(13, "PACKET_TX_RING"), new(14, "PACKET_LOSS"), new(15, "PACKET_VNET_HDR"), new(16, "PACKET_TX_TIMESTAMP"),
        new(17, "PACKET_TIMESTAMP"), new(18, "PACKET_FANOUT"), new(19, "PACKET_TX_HAS_OFF"), new(20, "PACKET_QDISC_BYPASS"),
        new(21, "PACKET_ROLLOVER_STATS"), new(22, "PACKET_FANOUT_DATA"), new(23, "PACKET_IGNORE_OUTGOING"));

    public static readonly ValueSet RawOptions = new("RAW_???", false, new Named(1, "ICMP_FILTER"));

    public static readonly ValueSet NetlinkOptions = new("NETLINK_???", false,
        new(1, "NETLINK_ADD_MEMBERSHIP"), new(2, "NETLINK_DROP_MEMBERSHIP"), new(3, "NETLINK_PKTINFO"),
        new(4, "NETLINK_BROADCAST_ERROR"), new(5, "NETLINK_NO_ENOBUFS"), new(6, "NETLINK_RX_RING"), new(7, "NETLINK_TX_RING"),
        new(8, "NETLINK_LISTEN_ALL_NSID"), new(9, "NETLINK_LIST_MEMBERSHIPS"), new(10, "NETLINK_CAP_ACK"),
        new(11, "NETLINK_EXT_ACK"), new(12, "NETLINK_GET_STRICT_CHK"));

    /// <summary>ICMP types, which ICMP_FILTER's bits are numbered by (&lt;linux/icmp.h&gt;).</summary>
    public static readonly ValueSet IcmpTypes = new("ICMP_???", false,
        new(0, "ICMP_ECHOREPLY"), new(3, "ICMP_DEST_UNREACH"), new(4, "ICMP_SOURCE_QUENCH"), new(5, "ICMP_REDIRECT"),
        new(8, "ICMP_ECHO"), new(11, "ICMP_TIME_EXCEEDED"), new(12, "ICMP_PARAMETERPROB"), new(13, "ICMP_TIMESTAMP"),
        new(14, "ICMP_TIMESTAMPREPLY"), new(15, "ICMP_INFO_REQUEST"), new(16, "ICMP_INFO_REPLY"), new(17, "ICMP_ADDRESS"),
        new(18, "ICMP_ADDRESSREPLY"));

    public static readonly ValueSet PacketMreqTypes = new("PACKET_MR_???", false,
        new(0, "PACKET_MR_MULTICAST"), new(1, "PACKET_MR_PROMISC"), new(2, "PACKET_MR_ALLMULTI"), new(3, "PACKET_MR_UNICAST"));

    public static readonly ValueSet TxRehash = new("SOCK_TXREHASH_???", true,
        new(0, "SOCK_TXREHASH_DISABLED"), new(1, "SOCK_TXREHASH_ENABLED"), new(255, "SOCK_TXREHASH_DEFAULT"));
}
