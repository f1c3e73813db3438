using Xunit;

namespace Syscope.Tests.Decoding;

/// <summary>Nested attribute sets and the structures inside them, as strace 6.1 prints them (its
/// nlattr_ifinfomsg, nlattr_ifla_port, nlattr_ifla_proto_down_reason, nlattr_mdba_*,
/// nlattr_ndtmsg, nlattr_rtmsg and nlattr_inet_diag_req_compat tests print the same forms).</summary>
public class NetlinkNestedTests
{
    /// <summary>Descriptor 3 is NETLINK_ROUTE, 4 NETLINK_SOCK_DIAG.</summary>
    private static readonly NetlinkSockets s_fds = new((3, 0), (4, 4));

    private static byte[] Attr(int type, params byte[] value) => [.. BitConverter.GetBytes((ushort)(4 + value.Length)), .. BitConverter.GetBytes((ushort)type), .. value];

    /// <summary>Attributes padded to four bytes, as a message carries them.</summary>
    private static byte[] Padded(byte[] attr) => [.. attr, .. new byte[(4 - attr.Length % 4) % 4]];

    /// <summary>The line of sendto of an RTM_NEWLINK for AF_UNIX loopback with one attribute.</summary>
    private static void AssertLink(string attribute, byte[] attr)
    {
        byte[] message = NetlinkSockets.Message(16, 0, [1, 0, .. BitConverter.GetBytes((ushort)772), .. new byte[12], .. attr]);
        Assert.Equal($"sendto(3, [{{nlmsg_len={message.Length}, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}}, " +
            $"{{ifi_family=AF_UNIX, ifi_type=ARPHRD_LOOPBACK, ifi_index=0, ifi_flags=0, ifi_change=0}}, {attribute}], {message.Length}, 0, NULL, 0) = {message.Length}",
            s_fds.Sendto(3, message));
    }

    [Fact]
    public void Link_info_ports_events_and_names()
    {
        AssertLink("[{nla_len=8, nla_type=IFLA_LINKINFO}, {nla_len=4, nla_type=IFLA_INFO_KIND}]", Attr(0x12, Attr(1)));
        AssertLink("[{nla_len=8, nla_type=IFLA_VF_PORTS}, {nla_len=4, nla_type=IFLA_VF_PORT}]", Attr(0x18, Attr(1)));
        AssertLink("[{nla_len=8, nla_type=IFLA_EVENT}, IFLA_EVENT_BONDING_OPTIONS]", Attr(0x2c, 6, 0, 0, 0));
        AssertLink("[{nla_len=8, nla_type=IFLA_EVENT}, 0x7 /* IFLA_EVENT_??? */]", Attr(0x2c, 7, 0, 0, 0));
        // strace 6.1 does not know RTEXT_FILTER_MST: it stays in the number.
        AssertLink("[{nla_len=8, nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF|0x80]", Attr(0x1d, 0x81, 0, 0, 0));
        AssertLink("[{nla_len=16, nla_type=IFLA_PORT_SELF}, [{nla_len=12, nla_type=IFLA_PORT_VSI_TYPE}, " +
            "{vsi_mgr_id=171, vsi_type_id=\"\\x0a\\x00\\xff\", vsi_type_version=239, pad=\"\\x00\\x01\\x02\"}]]",
            Attr(0x19, Attr(3, 171, 10, 0, 0xff, 239, 0, 1, 2)));
        AssertLink("[{nla_len=12, nla_type=IFLA_PROTO_DOWN_REASON}, [{nla_len=8, nla_type=IFLA_PROTO_DOWN_REASON_MASK}, 0xabacdbcd]]",
            Attr(0x37, Attr(1, 0xcd, 0xdb, 0xac, 0xab)));
        AssertLink("[{nla_len=12, nla_type=IFLA_PROTO_DOWN_REASON}, [{nla_len=8, nla_type=0x3 /* IFLA_PROTO_DOWN_REASON_??? */}, \"\\xcd\\xdb\\xac\\xab\"]]",
            Attr(0x37, Attr(3, 0xcd, 0xdb, 0xac, 0xab)));
    }

    /// <summary>A string attribute shows NULs inside it and leaves out its last one; without that
    /// NUL it ends with "...".  IFLA_PROP_LIST holds alternative names.</summary>
    [Fact]
    public void Strings_keep_inner_nuls_and_mark_a_missing_last_one()
    {
        byte[] name = [.. "OH HAI THAR\r\n\t"u8, 0xff, 0, 0x0b, (byte)'~'];
        AssertLink("[{nla_len=23, nla_type=IFLA_ALT_IFNAME}, \"OH HAI THAR\\r\\n\\t\\377\\0\\v~\"]", Padded(Attr(0x35, [.. name, 0])));
        AssertLink("[{nla_len=22, nla_type=IFLA_PARENT_DEV_NAME}, \"OH HAI THAR\\r\\n\\t\\377\\0\\v~\"...]", Padded(Attr(0x38, name)));
        AssertLink("[{nla_len=12, nla_type=IFLA_PROP_LIST}, [{nla_len=7, nla_type=IFLA_ALT_IFNAME}, \"lo\"]]", Attr(0x34, Padded(Attr(0x35, (byte)'l', (byte)'o', 0))));
    }

    private static void AssertMdb(string attribute, byte[] attr)
    {
        byte[] message = NetlinkSockets.Message(0x56, 0x300, [7, 0, 0, 0, 0, 0, 0, 0, .. attr]);
        Assert.Equal($"sendto(3, [{{nlmsg_len={message.Length}, nlmsg_type=RTM_GETMDB, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}}, " +
            $"{{family=AF_BRIDGE, ifindex=0}}, {attribute}], {message.Length}, 0, NULL, 0) = {message.Length}",
            s_fds.Sendto(3, message));
    }

    [Fact]
    public void Multicast_database_entries_and_router_ports()
    {
        byte[] entry = [0, 0, 0, 0, 0, 1, 0xef, 0xcd, .. "abcdefghijklmnop"u8, 0, 0, 0, 0];
        AssertMdb("[{nla_len=44, nla_type=MDBA_MDB}, [{nla_len=40, nla_type=MDBA_MDB_ENTRY}, [{nla_len=36, nla_type=MDBA_MDB_ENTRY_INFO}, " +
            "{ifindex=0, state=MDB_TEMPORARY, flags=MDB_FLAGS_OFFLOAD, vid=52719, addr={u=\"\\x61\\x62\\x63\\x64\\x65\\x66\\x67\\x68\\x69\\x6a\\x6b\\x6c\\x6d\\x6e\\x6f\\x70\", " +
            "proto=htons(AF_UNSPEC)}}, {nla_len=4, nla_type=MDBA_MDB_EATTR_TIMER}]]]",
            Attr(1, Attr(1, Attr(1, [.. entry, 4, 0, 1, 0]))));
        byte[] inet = [0, 0, 0, 0, 1, 0, 0, 0, 10, 11, 12, 13, .. new byte[12], 0, 2, 0, 0];
        AssertMdb("[{nla_len=40, nla_type=MDBA_MDB}, [{nla_len=36, nla_type=MDBA_MDB_ENTRY}, [{nla_len=32, nla_type=MDBA_MDB_ENTRY_INFO}, " +
            "{ifindex=0, state=MDB_PERMANENT, flags=0, vid=0, addr={u=inet_addr(\"10.11.12.13\"), proto=htons(AF_INET)}}]]]",
            Attr(1, Attr(1, Attr(1, inet))));
        AssertMdb("[{nla_len=20, nla_type=MDBA_ROUTER}, [{nla_len=16, nla_type=MDBA_ROUTER_PORT}, 0, [{nla_len=8, nla_type=MDBA_ROUTER_PATTR_TIMER}, " +
            "5700500 /* 57005.00 s */]]]", Attr(2, Attr(1, [0, 0, 0, 0, .. Attr(1, BitConverter.GetBytes(5700500))])));
        AssertMdb("[{nla_len=20, nla_type=MDBA_ROUTER}, [{nla_len=16, nla_type=MDBA_ROUTER_PORT}, 0, [{nla_len=5, nla_type=MDBA_ROUTER_PATTR_TYPE}, " +
            "MDB_RTR_TYPE_PERM]]]", Attr(2, Attr(1, [0, 0, 0, 0, .. Padded(Attr(2, 2))])));
    }

    [Fact]
    public void Neighbour_table_config_parameters_and_statistics()
    {
        static void AssertTable(string attribute, byte[] attr)
        {
            byte[] message = NetlinkSockets.Message(0x42, 0x300, [16, 0, 0, 0, .. attr]);
            Assert.Equal($"sendto(3, [{{nlmsg_len={message.Length}, nlmsg_type=RTM_GETNEIGHTBL, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, " +
                $"nlmsg_pid=0}}, {{ndtm_family=AF_NETLINK}}, {attribute}], {message.Length}, 0, NULL, 0) = {message.Length}", s_fds.Sendto(3, message));
        }
        byte[] config = [.. BitConverter.GetBytes((ushort)4), .. BitConverter.GetBytes((ushort)48), .. BitConverter.GetBytes(7),
            .. BitConverter.GetBytes(1), .. BitConverter.GetBytes(2), .. BitConverter.GetBytes(3), .. BitConverter.GetBytes(0xadbcdead),
            .. BitConverter.GetBytes(5), .. BitConverter.GetBytes(6)];
        AssertTable("[{nla_len=36, nla_type=NDTA_CONFIG}, {ndtc_key_len=4, ndtc_entry_size=48, ndtc_entries=7, ndtc_last_flush=1, " +
            "ndtc_last_rand=2, ndtc_hash_rnd=3, ndtc_hash_mask=0xadbcdead, ndtc_hash_chain_gc=5, ndtc_proxy_qlen=6}]", Attr(5, config));
        AssertTable("[{nla_len=8, nla_type=NDTA_PARMS}, {nla_len=4, nla_type=NDTPA_IFINDEX}]", Attr(6, Attr(1)));
        AssertTable("[{nla_len=16, nla_type=NDTA_PARMS}, [{nla_len=12, nla_type=NDTPA_REACHABLE_TIME}, 30000]]", Attr(6, Attr(3, BitConverter.GetBytes(30000L))));
        byte[] stats = new byte[80];
        stats[0] = 1;
        AssertTable("[{nla_len=84, nla_type=NDTA_STATS}, {ndts_allocs=1, ndts_destroys=0, ndts_hash_grows=0, ndts_res_failed=0, ndts_lookups=0, " +
            "ndts_hits=0, ndts_rcv_probes_mcast=0, ndts_rcv_probes_ucast=0, ndts_periodic_gc_runs=0, ndts_forced_gc_runs=0}]", Attr(7, stats));
    }

    /// <summary>A neighbour's FDB extension attributes, extended flags and masks.</summary>
    [Fact]
    public void Neighbour_extension_attributes_flags_and_masks()
    {
        static void AssertNeigh(string attribute, byte[] attr)
        {
            byte[] message = NetlinkSockets.Message(0x1e, 0x300, [1, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 8, 0, .. attr]);
            Assert.Equal($"sendto(3, [{{nlmsg_len={message.Length}, nlmsg_type=RTM_GETNEIGH, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}}, " +
                "{ndm_family=AF_UNIX, ndm_ifindex=0, ndm_state=NUD_PERMANENT, ndm_flags=NTF_PROXY, ndm_type=RTN_UNSPEC}, " +
                $"{attribute}], {message.Length}, 0, NULL, 0) = {message.Length}", s_fds.Sendto(3, message));
        }
        AssertNeigh("[{nla_len=12, nla_type=NDA_FDB_EXT_ATTRS}, [{nla_len=8, nla_type=NFEA_DONT_REFRESH}, \"\\xba\\xdc\\x0d\\xed\"]]",
            Attr(14, Attr(2, 0xba, 0xdc, 0x0d, 0xed)));
        AssertNeigh("[{nla_len=9, nla_type=NDA_FDB_EXT_ATTRS}, [{nla_len=5, nla_type=NFEA_ACTIVITY_NOTIFY}, FDB_NOTIFY_BIT|FDB_NOTIFY_INACTIVE_BIT|0xec]]",
            Padded(Attr(14, Attr(1, 0xef))));
        AssertNeigh("[{nla_len=8, nla_type=NDA_FLAGS_EXT}, NTF_EXT_MANAGED|0xdeadbeee]", Attr(15, 0xef, 0xbe, 0xad, 0xde));
        AssertNeigh("[{nla_len=6, nla_type=NDA_NDM_STATE_MASK}, 0xff00 /* NUD_??? */]", Padded(Attr(16, 0, 0xff)));
        AssertNeigh("[{nla_len=5, nla_type=NDA_NDM_FLAGS_MASK}, NTF_SELF|NTF_MASTER|NTF_PROXY|NTF_EXT_LEARNED|NTF_OFFLOADED|NTF_ROUTER]",
            Padded(Attr(17, 0xbe)));
    }

    /// <summary>RTA_MULTIPATH: a next hop whose length covers attributes is [{rtnh}, attributes];
    /// several are an array; an IPv6 RTA_VIA address has no field name.</summary>
    [Fact]
    public void Multipath_next_hops_and_their_attributes()
    {
        byte[] rtmsg = [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] via = [10, 0, 0xfe, 0x80, .. new byte[13], 1];
        byte[] hops = [16, 0, 0x40, 1, 0, 0, 0, 0, .. Attr(5, 192, 0, 2, 1), 30, 0, 0, 2, 0, 0, 0, 0, .. Attr(18, via), 0, 0];
        byte[] message = NetlinkSockets.Message(0x18, 0, [.. rtmsg, .. Attr(9, hops)]);
        Assert.Equal($"sendto(3, [{{nlmsg_len={message.Length}, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}}, " +
            "{rtm_family=AF_INET6, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_UNSPEC, rtm_protocol=RTPROT_UNSPEC, rtm_scope=RT_SCOPE_UNIVERSE, " +
            "rtm_type=RTN_UNSPEC, rtm_flags=0}, [{nla_len=52, nla_type=RTA_MULTIPATH}, [[{rtnh_len=16, rtnh_flags=RTNH_F_TRAP, rtnh_hops=1, rtnh_ifindex=0}, " +
            "[{nla_len=8, nla_type=RTA_GATEWAY}, \"\\xc0\\x00\\x02\\x01\"]], [{rtnh_len=30, rtnh_flags=0, rtnh_hops=2, rtnh_ifindex=0}, " +
            "[{nla_len=22, nla_type=RTA_VIA}, {rtvia_family=AF_INET6, inet_pton(AF_INET6, \"fe80::1\", &rtvia_addr)}]]]]], " +
            $"{message.Length}, 0, NULL, 0) = {message.Length}", s_fds.Sendto(3, message));
        byte[] one = NetlinkSockets.Message(0x18, 0, [.. rtmsg, .. Attr(9, 7, 0, 1, 0xab, 0, 0, 0, 0)]);
        Assert.Contains("[{nla_len=12, nla_type=RTA_MULTIPATH}, [{rtnh_len=7, rtnh_flags=RTNH_F_DEAD, rtnh_hops=171, rtnh_ifindex=0}]]]", s_fds.Sendto(3, one));
    }

    /// <summary>TCPDIAG_GETSOCK requests carry the older struct inet_diag_req; request attributes
    /// are INET_DIAG_REQ_*.</summary>
    [Fact]
    public void Compat_inet_diag_requests()
    {
        byte[] id = [0, 0, 0, 0, 10, 11, 12, 13, .. new byte[12], 10, 11, 12, 13, .. new byte[12], 0, 0, 0, 0, .. new byte[8]];
        byte[] req = [2, 0, 0, 1 << 4, .. id, .. BitConverter.GetBytes(1 << 9), 0, 0, 0, 0, .. Attr(3, 6, 0, 0, 0)];
        byte[] message = NetlinkSockets.Message(18, 1, req);
        Assert.Equal($"sendto(4, [{{nlmsg_len={message.Length}, nlmsg_type=TCPDIAG_GETSOCK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}}, " +
            "{idiag_family=AF_INET, idiag_src_len=0, idiag_dst_len=0, idiag_ext=1<<(INET_DIAG_TOS-1), id={idiag_sport=htons(0), idiag_dport=htons(0), " +
            "idiag_src=inet_addr(\"10.11.12.13\"), idiag_dst=inet_addr(\"10.11.12.13\"), idiag_if=0, idiag_cookie=[0, 0]}, idiag_states=1<<TCP_LAST_ACK, " +
            $"idiag_dbs=0}}, [{{nla_len=8, nla_type=INET_DIAG_REQ_PROTOCOL}}, IPPROTO_TCP]], {message.Length}, 0, NULL, 0) = {message.Length}",
            s_fds.Sendto(4, message));
    }
}
