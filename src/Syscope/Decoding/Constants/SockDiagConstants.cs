namespace Syscope.Decoding.Constants;

/// <summary>NETLINK_SOCK_DIAG requests and answers for inet sockets, in strace's order.</summary>
internal static class SockDiagConstants
{
    /// <summary>&lt;netinet/tcp.h&gt; TCP states.</summary>
    public static readonly ValueSet TcpStates = new("TCP_???", false,
        new(1, "TCP_ESTABLISHED"), new(2, "TCP_SYN_SENT"), new(3, "TCP_SYN_RECV"), new(4, "TCP_FIN_WAIT1"), new(5, "TCP_FIN_WAIT2"),
        new(6, "TCP_TIME_WAIT"), new(7, "TCP_CLOSE"), new(8, "TCP_CLOSE_WAIT"), new(9, "TCP_LAST_ACK"), new(10, "TCP_LISTEN"),
        new(11, "TCP_CLOSING"), new(12, "TCP_NEW_SYN_RECV"));

    /// <summary>idiag_states: a bit per TCP state.</summary>
    public static readonly FlagSet TcpStateBits = new("1<<TCP_???", null,
        new(1 << 1, "1<<TCP_ESTABLISHED"), new(1 << 2, "1<<TCP_SYN_SENT"), new(1 << 3, "1<<TCP_SYN_RECV"), new(1 << 4, "1<<TCP_FIN_WAIT1"),
        new(1 << 5, "1<<TCP_FIN_WAIT2"), new(1 << 6, "1<<TCP_TIME_WAIT"), new(1 << 7, "1<<TCP_CLOSE"), new(1 << 8, "1<<TCP_CLOSE_WAIT"),
        new(1 << 9, "1<<TCP_LAST_ACK"), new(1 << 10, "1<<TCP_LISTEN"), new(1 << 11, "1<<TCP_CLOSING"), new(1 << 12, "1<<TCP_NEW_SYN_RECV"));

    /// <summary>&lt;linux/inet_diag.h&gt; idiag_ext: a bit per requested INET_DIAG_* extension.</summary>
    public static readonly FlagSet Extensions = new("1<<INET_DIAG_???-1", null,
        new(1 << 0, "1<<(INET_DIAG_MEMINFO-1)"), new(1 << 1, "1<<(INET_DIAG_INFO-1)"), new(1 << 2, "1<<(INET_DIAG_VEGASINFO-1)"),
        new(1 << 3, "1<<(INET_DIAG_CONG-1)"), new(1 << 4, "1<<(INET_DIAG_TOS-1)"), new(1 << 5, "1<<(INET_DIAG_TCLASS-1)"),
        new(1 << 6, "1<<(INET_DIAG_SKMEMINFO-1)"), new(1 << 7, "1<<(INET_DIAG_SHUTDOWN-1)"));

    /// <summary>&lt;linux/inet_diag.h&gt; INET_DIAG_REQ_* attributes of requests.</summary>
    public static readonly ValueSet InetDiagReqAttrs = new("INET_DIAG_REQ_???", false,
        new(0, "INET_DIAG_REQ_NONE"), new(1, "INET_DIAG_REQ_BYTECODE"), new(2, "INET_DIAG_REQ_SK_BPF_STORAGES"), new(3, "INET_DIAG_REQ_PROTOCOL"));

    /// <summary>&lt;linux/sock_diag.h&gt; SK_MEMINFO_*: the indices of a socket's memory counters
    /// (numbers in decimal under -X).</summary>
    public static readonly ValueSet MemInfo = new("SK_MEMINFO_???", true, NetlinkFamilyConstants.Sequence(0,
        "SK_MEMINFO_RMEM_ALLOC", "SK_MEMINFO_RCVBUF", "SK_MEMINFO_WMEM_ALLOC", "SK_MEMINFO_SNDBUF", "SK_MEMINFO_FWD_ALLOC",
        "SK_MEMINFO_WMEM_QUEUED", "SK_MEMINFO_OPTMEM", "SK_MEMINFO_BACKLOG", "SK_MEMINFO_DROPS"));

    /// <summary>&lt;linux/inet_diag.h&gt; INET_DIAG_* attributes of answers.</summary>
    public static readonly ValueSet InetDiagAttrs = new("INET_DIAG_???", false,
        new(0, "INET_DIAG_NONE"), new(1, "INET_DIAG_MEMINFO"), new(2, "INET_DIAG_INFO"), new(3, "INET_DIAG_VEGASINFO"), new(4, "INET_DIAG_CONG"),
        new(5, "INET_DIAG_TOS"), new(6, "INET_DIAG_TCLASS"), new(7, "INET_DIAG_SKMEMINFO"), new(8, "INET_DIAG_SHUTDOWN"), new(9, "INET_DIAG_DCTCPINFO"),
        new(10, "INET_DIAG_PROTOCOL"), new(11, "INET_DIAG_SKV6ONLY"), new(12, "INET_DIAG_LOCALS"), new(13, "INET_DIAG_PEERS"), new(14, "INET_DIAG_PAD"),
        new(15, "INET_DIAG_MARK"), new(16, "INET_DIAG_BBRINFO"), new(17, "INET_DIAG_CLASS_ID"), new(18, "INET_DIAG_MD5SIG"), new(19, "INET_DIAG_ULP_INFO"),
        new(20, "INET_DIAG_SK_BPF_STORAGES"), new(21, "INET_DIAG_CGROUP_ID"), new(22, "INET_DIAG_SOCKOPT"));

    /// <summary>&lt;linux/unix_diag.h&gt; UDIAG_SHOW_*.</summary>
    public static readonly FlagSet UnixShow = new("UDIAG_SHOW_???", null,
        new(0x1, "UDIAG_SHOW_NAME"), new(0x2, "UDIAG_SHOW_VFS"), new(0x4, "UDIAG_SHOW_PEER"), new(0x8, "UDIAG_SHOW_ICONS"),
        new(0x10, "UDIAG_SHOW_RQLEN"), new(0x20, "UDIAG_SHOW_MEMINFO"), new(0x40, "UDIAG_SHOW_UID"));

    /// <summary>&lt;linux/unix_diag.h&gt; UNIX_DIAG_* attributes.</summary>
    public static readonly ValueSet UnixAttrs = new("UNIX_DIAG_???", false,
        new(0, "UNIX_DIAG_NAME"), new(1, "UNIX_DIAG_VFS"), new(2, "UNIX_DIAG_PEER"), new(3, "UNIX_DIAG_ICONS"), new(4, "UNIX_DIAG_RQLEN"),
        new(5, "UNIX_DIAG_MEMINFO"), new(6, "UNIX_DIAG_SHUTDOWN"), new(7, "UNIX_DIAG_UID"));

    /// <summary>&lt;linux/netlink_diag.h&gt; NDIAG_SHOW_*.</summary>
    public static readonly FlagSet NetlinkShow = new("NDIAG_SHOW_???", null,
        new(0x1, "NDIAG_SHOW_MEMINFO"), new(0x2, "NDIAG_SHOW_GROUPS"), new(0x4, "NDIAG_SHOW_RING_CFG"), new(0x8, "NDIAG_SHOW_FLAGS"));

    /// <summary>&lt;linux/netlink_diag.h&gt; NETLINK_DIAG_* attributes.</summary>
    public static readonly ValueSet NetlinkAttrs = new("NETLINK_DIAG_???", false,
        new(0, "NETLINK_DIAG_MEMINFO"), new(1, "NETLINK_DIAG_GROUPS"), new(2, "NETLINK_DIAG_RX_RING"), new(3, "NETLINK_DIAG_TX_RING"),
        new(4, "NETLINK_DIAG_FLAGS"));

    /// <summary>&lt;linux/netlink_diag.h&gt; NDIAG_FLAG_*.</summary>
    public static readonly FlagSet NetlinkFlags = new("NDIAG_FLAG_???", null,
        new(0x1, "NDIAG_FLAG_CB_RUNNING"), new(0x2, "NDIAG_FLAG_PKTINFO"), new(0x4, "NDIAG_FLAG_BROADCAST_ERROR"),
        new(0x8, "NDIAG_FLAG_NO_ENOBUFS"), new(0x10, "NDIAG_FLAG_LISTEN_ALL_NSID"), new(0x20, "NDIAG_FLAG_CAP_ACK"));

    /// <summary>&lt;linux/packet_diag.h&gt; PACKET_SHOW_*.</summary>
    public static readonly FlagSet PacketShow = new("PACKET_SHOW_???", null,
        new(0x1, "PACKET_SHOW_INFO"), new(0x2, "PACKET_SHOW_MCLIST"), new(0x4, "PACKET_SHOW_RING_CFG"), new(0x8, "PACKET_SHOW_FANOUT"),
        new(0x10, "PACKET_SHOW_MEMINFO"), new(0x20, "PACKET_SHOW_FILTER"));

    /// <summary>&lt;linux/packet_diag.h&gt; PACKET_DIAG_* attributes.</summary>
    public static readonly ValueSet PacketAttrs = new("PACKET_DIAG_???", false, NetlinkFamilyConstants.Sequence(0, "PACKET_DIAG_INFO",
        "PACKET_DIAG_MCLIST", "PACKET_DIAG_RX_RING", "PACKET_DIAG_TX_RING", "PACKET_DIAG_FANOUT", "PACKET_DIAG_UID", "PACKET_DIAG_MEMINFO",
        "PACKET_DIAG_FILTER"));

    /// <summary>&lt;linux/smc_diag.h&gt; SMC_DIAG_* attributes.</summary>
    public static readonly ValueSet SmcAttrs = new("SMC_DIAG_???", false, NetlinkFamilyConstants.Sequence(0, "SMC_DIAG_NONE",
        "SMC_DIAG_CONNINFO", "SMC_DIAG_LGRINFO", "SMC_DIAG_SHUTDOWN", "SMC_DIAG_DMBINFO", "SMC_DIAG_FALLBACK"));

    /// <summary>smc_diag_req.diag_ext: one bit per SMC_DIAG_* attribute, from SMC_DIAG_CONNINFO.</summary>
    public static readonly FlagSet SmcExtensions = new("1<<SMC_DIAG_???-1", null,
        new(0x1, "1<<(SMC_DIAG_CONNINFO-1)"), new(0x2, "1<<(SMC_DIAG_LGRINFO-1)"));

    /// <summary>The kernel's SMC socket states (net/smc/smc.h).</summary>
    public static readonly ValueSet SmcStates = new("SMC_???", false,
        new(1, "SMC_ACTIVE"), new(2, "SMC_INIT"), new(7, "SMC_CLOSED"), new(10, "SMC_LISTEN"), new(20, "SMC_PEERCLOSEWAIT1"),
        new(21, "SMC_PEERCLOSEWAIT2"), new(22, "SMC_APPCLOSEWAIT1"), new(23, "SMC_APPCLOSEWAIT2"), new(24, "SMC_APPFINCLOSEWAIT"),
        new(25, "SMC_PEERFINCLOSEWAIT"), new(26, "SMC_PEERABORTWAIT"), new(27, "SMC_PROCESSABORT"));

    public static readonly ValueSet SmcModes = new("SMC_DIAG_MODE_???", false,
        new(0, "SMC_DIAG_MODE_SMCR"), new(1, "SMC_DIAG_MODE_FALLBACK_TCP"), new(2, "SMC_DIAG_MODE_SMCD"));

    public static readonly ValueSet PacketVersions = new("TPACKET_???", false,
        new(0, "TPACKET_V1"), new(1, "TPACKET_V2"), new(2, "TPACKET_V3"));

    /// <summary>&lt;linux/packet_diag.h&gt; PDI_* (packet_diag_info.pdi_flags).</summary>
    public static readonly FlagSet PacketInfoFlags = new("PDI_???", null,
        new(0x1, "PDI_RUNNING"), new(0x2, "PDI_AUXDATA"), new(0x4, "PDI_ORIGDEV"), new(0x8, "PDI_VNETHDR"), new(0x10, "PDI_LOSS"));

    /// <summary>The kernel's RCV_SHUTDOWN and SEND_SHUTDOWN (include/net/sock.h).</summary>
    public static readonly FlagSet ShutdownFlags = new("???_SHUTDOWN", null, new(1, "RCV_SHUTDOWN"), new(2, "SEND_SHUTDOWN"));
}
