namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets of socket calls, in strace's order.</summary>
internal static class NetConstants
{
    /// <summary>&lt;linux/socket.h&gt; address families.</summary>
    public static readonly ValueSet Families = new("AF_???", false,
        new(0, "AF_UNSPEC"), new(1, "AF_UNIX"), new(2, "AF_INET"), new(3, "AF_AX25"), new(4, "AF_IPX"),
        new(5, "AF_APPLETALK"), new(6, "AF_NETROM"), new(7, "AF_BRIDGE"), new(8, "AF_ATMPVC"), new(9, "AF_X25"),
        new(10, "AF_INET6"), new(11, "AF_ROSE"), new(12, "AF_DECnet"), new(13, "AF_NETBEUI"), new(14, "AF_SECURITY"),
        new(15, "AF_KEY"), new(16, "AF_NETLINK"), new(17, "AF_PACKET"), new(18, "AF_ASH"), new(19, "AF_ECONET"),
        new(20, "AF_ATMSVC"), new(21, "AF_RDS"), new(22, "AF_SNA"), new(23, "AF_IRDA"), new(24, "AF_PPPOX"),
        new(25, "AF_WANPIPE"), new(26, "AF_LLC"), new(27, "AF_IB"), new(28, "AF_MPLS"), new(29, "AF_CAN"),
        new(30, "AF_TIPC"), new(31, "AF_BLUETOOTH"), new(32, "AF_IUCV"), new(33, "AF_RXRPC"), new(34, "AF_ISDN"),
        new(35, "AF_PHONET"), new(36, "AF_IEEE802154"), new(37, "AF_CAIF"), new(38, "AF_ALG"), new(39, "AF_NFC"),
        new(40, "AF_VSOCK"), new(41, "AF_KCM"), new(42, "AF_QIPCRTR"), new(43, "AF_SMC"), new(44, "AF_XDP"),
        new(45, "AF_MCTP"));

    public const int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17;

    /// <summary>&lt;linux/net.h&gt; socket types (low four bits of the type argument).</summary>
    public static readonly ValueSet SocketTypes = new("SOCK_???", false,
        new(1, "SOCK_STREAM"), new(2, "SOCK_DGRAM"), new(3, "SOCK_RAW"), new(4, "SOCK_RDM"),
        new(5, "SOCK_SEQPACKET"), new(6, "SOCK_DCCP"), new(10, "SOCK_PACKET"));

    /// <summary>&lt;linux/net.h&gt; type flags (also accept4's flags).</summary>
    public static readonly FlagSet SocketFlags = new("SOCK_???", null,
        new(0x80000, "SOCK_CLOEXEC"), new(0x800, "SOCK_NONBLOCK"));

    /// <summary>&lt;linux/in.h&gt; IP protocols.</summary>
    public static readonly ValueSet IpProtocols = new("IPPROTO_???", true,
        new(0, "IPPROTO_IP"), new(1, "IPPROTO_ICMP"), new(2, "IPPROTO_IGMP"), new(4, "IPPROTO_IPIP"),
        new(6, "IPPROTO_TCP"), new(8, "IPPROTO_EGP"), new(12, "IPPROTO_PUP"), new(17, "IPPROTO_UDP"),
        new(22, "IPPROTO_IDP"), new(29, "IPPROTO_TP"), new(33, "IPPROTO_DCCP"), new(41, "IPPROTO_IPV6"),
        new(46, "IPPROTO_RSVP"), new(47, "IPPROTO_GRE"), new(50, "IPPROTO_ESP"), new(51, "IPPROTO_AH"),
        new(58, "IPPROTO_ICMPV6"), new(92, "IPPROTO_MTP"), new(94, "IPPROTO_BEETPH"), new(98, "IPPROTO_ENCAP"),
        new(103, "IPPROTO_PIM"), new(108, "IPPROTO_COMP"), new(132, "IPPROTO_SCTP"), new(136, "IPPROTO_UDPLITE"),
        new(137, "IPPROTO_MPLS"), new(143, "IPPROTO_ETHERNET"), new(255, "IPPROTO_RAW"), new(262, "IPPROTO_MPTCP"));

    /// <summary>&lt;linux/netlink.h&gt; netlink protocols.</summary>
    public static readonly ValueSet NetlinkProtocols = new("NETLINK_???", true,
        new(0, "NETLINK_ROUTE"), new(1, "NETLINK_UNUSED"), new(2, "NETLINK_USERSOCK"), new(3, "NETLINK_FIREWALL"),
        new(4, "NETLINK_SOCK_DIAG"), new(5, "NETLINK_NFLOG"), new(6, "NETLINK_XFRM"), new(7, "NETLINK_SELINUX"),
        new(8, "NETLINK_ISCSI"), new(9, "NETLINK_AUDIT"), new(10, "NETLINK_FIB_LOOKUP"), new(11, "NETLINK_CONNECTOR"),
        new(12, "NETLINK_NETFILTER"), new(13, "NETLINK_IP6_FW"), new(14, "NETLINK_DNRTMSG"),
        new(15, "NETLINK_KOBJECT_UEVENT"), new(16, "NETLINK_GENERIC"), new(18, "NETLINK_SCSITRANSPORT"),
        new(19, "NETLINK_ECRYPTFS"), new(20, "NETLINK_RDMA"), new(21, "NETLINK_CRYPTO"), new(22, "NETLINK_SMC"));

    /// <summary>&lt;linux/socket.h&gt; MSG_* flags.</summary>
    public static readonly FlagSet MsgFlags = new("MSG_???", null,
        new(0x1, "MSG_OOB"), new(0x2, "MSG_PEEK"), new(0x4, "MSG_DONTROUTE"), new(0x8, "MSG_CTRUNC"),
        new(0x10, "MSG_PROBE"), new(0x20, "MSG_TRUNC"), new(0x40, "MSG_DONTWAIT"), new(0x80, "MSG_EOR"),
        new(0x100, "MSG_WAITALL"), new(0x200, "MSG_FIN"), new(0x400, "MSG_SYN"), new(0x800, "MSG_CONFIRM"),
        new(0x1000, "MSG_RST"), new(0x2000, "MSG_ERRQUEUE"), new(0x4000, "MSG_NOSIGNAL"), new(0x8000, "MSG_MORE"),
        new(0x10000, "MSG_WAITFORONE"), new(0x20000, "MSG_SENDPAGE_NOTLAST"), new(0x40000, "MSG_BATCH"),
        new(0x80000, "MSG_NO_SHARED_FRAGS"), new(0x4000000, "MSG_ZEROCOPY"), new(0x20000000, "MSG_FASTOPEN"),
        new(0x40000000, "MSG_CMSG_CLOEXEC"), new(0x80000000, "MSG_CMSG_COMPAT"));

    /// <summary>&lt;linux/net.h&gt; shutdown directions.</summary>
    public static readonly ValueSet Shutdown = new("SHUT_???", false,
        new(0, "SHUT_RD"), new(1, "SHUT_WR"), new(2, "SHUT_RDWR"));

    /// <summary>AF_PACKET protocols (&lt;linux/if_ether.h&gt;), which socket() takes in network order:
    /// the names strace 6.1 knows (not ETH_P_PROFINET or ETH_P_ETHERCAT, which it prints as numbers).</summary>
    public static readonly ValueSet EthernetProtocols = new("ETH_P_???", false,
        new(0x0001, "ETH_P_802_3"), new(0x0002, "ETH_P_AX25"), new(0x0003, "ETH_P_ALL"), new(0x0004, "ETH_P_802_2"),
        new(0x0005, "ETH_P_SNAP"), new(0x0006, "ETH_P_DDCMP"), new(0x0007, "ETH_P_WAN_PPP"),
        new(0x0008, "ETH_P_PPP_MP"), new(0x0009, "ETH_P_LOCALTALK"), new(0x000c, "ETH_P_CAN"),
        new(0x000d, "ETH_P_CANFD"), new(0x000e, "ETH_P_CANXL"), new(0x0010, "ETH_P_PPPTALK"),
        new(0x0011, "ETH_P_TR_802_2"), new(0x0015, "ETH_P_MOBITEX"), new(0x0016, "ETH_P_CONTROL"),
        new(0x0017, "ETH_P_IRDA"), new(0x0018, "ETH_P_ECONET"), new(0x0019, "ETH_P_HDLC"),
        new(0x001a, "ETH_P_ARCNET"), new(0x001b, "ETH_P_DSA"), new(0x001c, "ETH_P_TRAILER"),
        new(0x0060, "ETH_P_LOOP"), new(0x00f5, "ETH_P_PHONET"), new(0x00f6, "ETH_P_IEEE802154"),
        new(0x00f7, "ETH_P_CAIF"), new(0x00f8, "ETH_P_XDSA"), new(0x00f9, "ETH_P_MAP"), new(0x00fa, "ETH_P_MCTP"),
        new(0x0200, "ETH_P_PUP"), new(0x0201, "ETH_P_PUPAT"), new(0x0600, "ETH_P_802_3_MIN"), new(0x0800, "ETH_P_IP"),
        new(0x0805, "ETH_P_X25"), new(0x0806, "ETH_P_ARP"), new(0x08ff, "ETH_P_BPQ"), new(0x0a00, "ETH_P_IEEEPUP"),
        new(0x0a01, "ETH_P_IEEEPUPAT"), new(0x22eb, "ETH_P_ERSPAN2"), new(0x22f0, "ETH_P_TSN"),
        new(0x4305, "ETH_P_BATMAN"), new(0x6000, "ETH_P_DEC"), new(0x6001, "ETH_P_DNA_DL"),
        new(0x6002, "ETH_P_DNA_RC"), new(0x6003, "ETH_P_DNA_RT"), new(0x6004, "ETH_P_LAT"), new(0x6005, "ETH_P_DIAG"),
        new(0x6006, "ETH_P_CUST"), new(0x6007, "ETH_P_SCA"), new(0x6558, "ETH_P_TEB"), new(0x8035, "ETH_P_RARP"),
        new(0x809b, "ETH_P_ATALK"), new(0x80f3, "ETH_P_AARP"), new(0x8100, "ETH_P_8021Q"), new(0x8137, "ETH_P_IPX"),
        new(0x86dd, "ETH_P_IPV6"), new(0x8808, "ETH_P_PAUSE"), new(0x8809, "ETH_P_SLOW"), new(0x883e, "ETH_P_WCCP"),
        new(0x8847, "ETH_P_MPLS_UC"), new(0x8848, "ETH_P_MPLS_MC"), new(0x884c, "ETH_P_ATMMPOA"),
        new(0x8863, "ETH_P_PPP_DISC"), new(0x8864, "ETH_P_PPP_SES"), new(0x886c, "ETH_P_LINK_CTL"),
        new(0x8884, "ETH_P_ATMFATE"), new(0x888e, "ETH_P_PAE"), new(0x8899, "ETH_P_REALTEK"),
        new(0x88a2, "ETH_P_AOE"), new(0x88a8, "ETH_P_8021AD"), new(0x88b5, "ETH_P_802_EX1"),
        new(0x88be, "ETH_P_ERSPAN"), new(0x88c7, "ETH_P_PREAUTH"), new(0x88ca, "ETH_P_TIPC"),
        new(0x88cc, "ETH_P_LLDP"), new(0x88e3, "ETH_P_MRP"), new(0x88e5, "ETH_P_MACSEC"), new(0x88e7, "ETH_P_8021AH"),
        new(0x88f5, "ETH_P_MVRP"), new(0x88f7, "ETH_P_1588"), new(0x88f8, "ETH_P_NCSI"), new(0x88fb, "ETH_P_PRP"),
        new(0x8902, "ETH_P_CFM"), new(0x8906, "ETH_P_FCOE"), new(0x890d, "ETH_P_TDLS"), new(0x8914, "ETH_P_FIP"),
        new(0x8915, "ETH_P_IBOE"), new(0x8917, "ETH_P_80221"), new(0x892f, "ETH_P_HSR"), new(0x894f, "ETH_P_NSH"),
        new(0x9000, "ETH_P_LOOPBACK"), new(0x9100, "ETH_P_QINQ1"), new(0x9200, "ETH_P_QINQ2"),
        new(0x9300, "ETH_P_QINQ3"), new(0xdada, "ETH_P_EDSA"), new(0xdadb, "ETH_P_DSA_8021Q"),
        new(0xe001, "ETH_P_DSA_A5PSW"), new(0xed3e, "ETH_P_IFE"), new(0xfbfb, "ETH_P_AF_IUCV"));

    /// <summary>AF_BLUETOOTH protocols (BlueZ's &lt;bluetooth/bluetooth.h&gt;, as strace 6.1 knows them).</summary>
    public static readonly ValueSet BluetoothProtocols = new("BTPROTO_???", false,
        new(0, "BTPROTO_L2CAP"), new(1, "BTPROTO_HCI"), new(2, "BTPROTO_SCO"), new(3, "BTPROTO_RFCOMM"),
        new(4, "BTPROTO_BNEP"), new(5, "BTPROTO_CMTP"), new(6, "BTPROTO_HIDP"), new(7, "BTPROTO_AVDTP"));

    public const int AF_BLUETOOTH = 31;
}
