namespace Syscope.Decoding.Constants;

/// <summary>Netlink message headers (&lt;linux/netlink.h&gt;), in strace's order.</summary>
internal static class NetlinkConstants
{
    public const int NETLINK_ROUTE = 0, NETLINK_SOCK_DIAG = 4;
    public const ushort NLMSG_ERROR = 2, NLMSG_DONE = 3, NLMSG_MIN_TYPE = 0x10;

    /// <summary>&lt;linux/netlink.h&gt; reserved control messages.</summary>
    public static readonly ValueSet Types = new("NLMSG_???", false,
        new(1, "NLMSG_NOOP"), new(2, "NLMSG_ERROR"), new(3, "NLMSG_DONE"), new(4, "NLMSG_OVERRUN"));

    private static readonly Named[] s_baseFlags =
    [
        new(0x1, "NLM_F_REQUEST"), new(0x2, "NLM_F_MULTI"), new(0x4, "NLM_F_ACK"), new(0x8, "NLM_F_ECHO"),
        new(0x10, "NLM_F_DUMP_INTR"), new(0x20, "NLM_F_DUMP_FILTERED"),
    ];

    /// <summary>&lt;linux/netlink.h&gt; flags any message may carry.</summary>
    public static readonly FlagSet Flags = new("NLM_F_???", null, s_baseFlags);

    /// <summary>&lt;linux/netlink.h&gt; flags of GET requests.</summary>
    public static readonly FlagSet GetFlags = new("NLM_F_???", null,
        [.. s_baseFlags, new(0x300, "NLM_F_DUMP"), new(0x100, "NLM_F_ROOT"), new(0x200, "NLM_F_MATCH"), new(0x400, "NLM_F_ATOMIC")]);

    /// <summary>&lt;linux/netlink.h&gt; flags of NEW requests.</summary>
    public static readonly FlagSet NewFlags = new("NLM_F_???", null,
        [.. s_baseFlags, new(0x100, "NLM_F_REPLACE"), new(0x200, "NLM_F_EXCL"), new(0x400, "NLM_F_CREATE"), new(0x800, "NLM_F_APPEND")]);

    /// <summary>&lt;linux/netlink.h&gt; flags of DELETE requests.</summary>
    public static readonly FlagSet DeleteFlags = new("NLM_F_???", null,
        [.. s_baseFlags, new(0x100, "NLM_F_NONREC"), new(0x200, "NLM_F_BULK")]);

    /// <summary>&lt;linux/netlink.h&gt; flags of NLMSG_ERROR acknowledgements.</summary>
    public static readonly FlagSet AckFlags = new("NLM_F_???", null,
        [.. s_baseFlags, new(0x100, "NLM_F_CAPPED"), new(0x200, "NLM_F_ACK_TLVS")]);

    /// <summary>&lt;linux/netlink.h&gt; attribute type flags, printed before the type's name.</summary>
    public static readonly FlagSet AttrFlags = new("NLA_F_???", null, new(0x8000, "NLA_F_NESTED"), new(0x4000, "NLA_F_NET_BYTEORDER"));

    /// <summary>&lt;linux/netlink.h&gt; extended ACK attributes.</summary>
    public static readonly ValueSet ErrAttrs = new("NLMSGERR_ATTR_???", false,
        new(0, "NLMSGERR_ATTR_UNUSED"), new(1, "NLMSGERR_ATTR_MSG"), new(2, "NLMSGERR_ATTR_OFFS"), new(3, "NLMSGERR_ATTR_COOKIE"),
        new(4, "NLMSGERR_ATTR_POLICY"), new(5, "NLMSGERR_ATTR_MISS_TYPE"), new(6, "NLMSGERR_ATTR_MISS_NEST"));

    /// <summary>&lt;linux/rtnetlink.h&gt; message types of NETLINK_ROUTE, as far as strace 6.1 knows them.</summary>
    public static readonly ValueSet RouteTypes = new("RTM_???", false,
        new(0x10, "RTM_NEWLINK"), new(0x11, "RTM_DELLINK"), new(0x12, "RTM_GETLINK"), new(0x13, "RTM_SETLINK"), new(0x14, "RTM_NEWADDR"),
        new(0x15, "RTM_DELADDR"), new(0x16, "RTM_GETADDR"), new(0x18, "RTM_NEWROUTE"), new(0x19, "RTM_DELROUTE"), new(0x1a, "RTM_GETROUTE"),
        new(0x1c, "RTM_NEWNEIGH"), new(0x1d, "RTM_DELNEIGH"), new(0x1e, "RTM_GETNEIGH"), new(0x20, "RTM_NEWRULE"), new(0x21, "RTM_DELRULE"),
        new(0x22, "RTM_GETRULE"), new(0x24, "RTM_NEWQDISC"), new(0x25, "RTM_DELQDISC"), new(0x26, "RTM_GETQDISC"), new(0x28, "RTM_NEWTCLASS"),
        new(0x29, "RTM_DELTCLASS"), new(0x2a, "RTM_GETTCLASS"), new(0x2c, "RTM_NEWTFILTER"), new(0x2d, "RTM_DELTFILTER"), new(0x2e, "RTM_GETTFILTER"),
        new(0x30, "RTM_NEWACTION"), new(0x31, "RTM_DELACTION"), new(0x32, "RTM_GETACTION"), new(0x34, "RTM_NEWPREFIX"), new(0x3a, "RTM_GETMULTICAST"),
        new(0x3e, "RTM_GETANYCAST"), new(0x40, "RTM_NEWNEIGHTBL"), new(0x42, "RTM_GETNEIGHTBL"), new(0x43, "RTM_SETNEIGHTBL"), new(0x44, "RTM_NEWNDUSEROPT"),
        new(0x48, "RTM_NEWADDRLABEL"), new(0x49, "RTM_DELADDRLABEL"), new(0x4a, "RTM_GETADDRLABEL"), new(0x4e, "RTM_GETDCB"), new(0x4f, "RTM_SETDCB"),
        new(0x50, "RTM_NEWNETCONF"), new(0x51, "RTM_DELNETCONF"), new(0x52, "RTM_GETNETCONF"), new(0x54, "RTM_NEWMDB"), new(0x55, "RTM_DELMDB"),
        new(0x56, "RTM_GETMDB"), new(0x58, "RTM_NEWNSID"), new(0x59, "RTM_DELNSID"), new(0x5a, "RTM_GETNSID"), new(0x5c, "RTM_NEWSTATS"),
        new(0x5e, "RTM_GETSTATS"), new(0x60, "RTM_NEWCACHEREPORT"), new(0x64, "RTM_NEWCHAIN"), new(0x65, "RTM_DELCHAIN"),
        new(0x66, "RTM_GETCHAIN"), new(0x68, "RTM_NEWNEXTHOP"), new(0x69, "RTM_DELNEXTHOP"), new(0x6a, "RTM_GETNEXTHOP"), new(0x6c, "RTM_NEWLINKPROP"),
        new(0x6d, "RTM_DELLINKPROP"), new(0x6e, "RTM_GETLINKPROP"), new(0x70, "RTM_NEWVLAN"), new(0x71, "RTM_DELVLAN"), new(0x72, "RTM_GETVLAN"),
        new(0x74, "RTM_NEWNEXTHOPBUCKET"), new(0x75, "RTM_DELNEXTHOPBUCKET"), new(0x76, "RTM_GETNEXTHOPBUCKET"));

    /// <summary>&lt;linux/sock_diag.h&gt;, &lt;linux/inet_diag.h&gt; message types of NETLINK_SOCK_DIAG.</summary>
    public static readonly ValueSet SockDiagTypes = new("SOCK_DIAG_???", false,
        new(18, "TCPDIAG_GETSOCK"), new(19, "DCCPDIAG_GETSOCK"), new(20, "SOCK_DIAG_BY_FAMILY"), new(21, "SOCK_DESTROY"));
}
