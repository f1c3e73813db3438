using Syscope.Tests.Infrastructure;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Netlink messages on sockets.  The long expectations were captured together: a Python
/// script received the bytes from this machine's kernel under strace 6.1, which printed the line.</summary>
public class NetlinkDecoderTests
{
    /// <summary>Descriptors 3 and 4 are NETLINK_ROUTE, 5 NETLINK_SOCK_DIAG, 6 NETLINK_USERSOCK, 7 a TCP socket.</summary>
    private static readonly NetlinkSockets s_fds = new((3, 0), (4, 0), (5, 4), (6, 2));

    private static byte[] Message(int type, int flags, byte[] body, int seq = 0, int pid = 0) => NetlinkSockets.Message(type, flags, body, seq, pid);

    [Fact]
    public void Getaddrinfo_request_with_a_short_body()
    {
        var m = new FakeMemory();
        ulong msg = m.Put(Message(22, 0x301, [0, 0, 0, 0], 1795676004));
        ulong sa = m.Put([16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("sendto(3, [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1795676004, nlmsg_pid=0}, " +
            "{ifa_family=AF_UNSPEC, ...}], 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20",
            Of("sendto", [3, msg, 20, 0, sa, 12], 20, m, fds: s_fds));
    }

    [Fact]
    public void Done_error_and_unknown_families()
    {
        Assert.Equal("recvfrom(3, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=10, nlmsg_pid=8124}, 0], 65536, 0, NULL, NULL) = 20",
            s_fds.Recvfrom(3, Message(3, 2, [0, 0, 0, 0], 10, 8124)));
        byte[] busy = Message(2, 0, [.. BitConverter.GetBytes(-16), .. Message(22, 0x301, [0, 0, 0, 0], 7)], 7, 8124);
        Assert.Equal("recvfrom(3, [{nlmsg_len=40, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=7, nlmsg_pid=8124}, {error=-EBUSY, " +
            "msg=[{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}]}], 65536, 0, NULL, NULL) = 40",
            s_fds.Recvfrom(3, busy));
        Assert.Equal("sendto(6, [{nlmsg_len=24, nlmsg_type=0x10 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1, nlmsg_pid=0}, \"\\x61\\x62\\x63\\x64\\x65\\x66\\x67\\x68\"], 24, 0, NULL, 0) = -1 ECONNREFUSED (Connection refused)",
            s_fds.Sendto(6, Message(0x10, 1, "abcdefgh"u8.ToArray(), 1), -111));
    }

    [Fact]
    public void Trailing_empty_header_and_route_request()
    {
        // A header saying 24 bytes, in a buffer of 152 that is zeros after it.
        byte[] buf = [.. NetlinkSockets.Header(24, 22, 0x301, 1795675994), .. new byte[136]];
        Assert.Equal("sendto(3, [[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1795675994, nlmsg_pid=0}, " +
            "{ifa_family=AF_UNSPEC, ifa_prefixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}], " +
            "{nlmsg_len=0, nlmsg_type=0 /* NLMSG_??? */, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}], 152, 0, NULL, 0) = 152",
            s_fds.Sendto(3, buf));
        Assert.Equal("sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=10, nlmsg_pid=0}, " +
            "{rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_UNSPEC, rtm_protocol=RTPROT_UNSPEC, " +
            "rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNSPEC, rtm_flags=0}], 28, 0, NULL, 0) = 28",
            s_fds.Sendto(3, Message(26, 0x301, [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10)));
    }

    [Fact]
    public void Sock_diag_request_and_other_sockets()
    {
        byte[] req = Message(20, 0x301, [10, 6, 0, 0, .. BitConverter.GetBytes(0xffe), .. new byte[48]], 123456);
        Assert.Equal("sendto(5, [{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=123456, nlmsg_pid=0}, " +
            "{sdiag_family=AF_INET6, sdiag_protocol=IPPROTO_TCP, idiag_ext=0, idiag_states=1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT|1<<TCP_SYN_RECV|" +
            "1<<TCP_FIN_WAIT1|1<<TCP_FIN_WAIT2|1<<TCP_TIME_WAIT|1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<TCP_LISTEN|1<<TCP_CLOSING, " +
            "id={idiag_sport=htons(0), idiag_dport=htons(0), inet_pton(AF_INET6, \"::\", &idiag_src), inet_pton(AF_INET6, \"::\", &idiag_dst), " +
            "idiag_if=0, idiag_cookie=[0, 0]}}], 72, 0, NULL, 0) = 72",
            s_fds.Sendto(5, req));
        Assert.Equal("sendto(7, \"hello\", 5, 0, NULL, 0) = 5", s_fds.Sendto(NetlinkSockets.TcpFd, "hello"u8.ToArray()));
    }

    [Fact]
    public void Policy_rules_and_neighbour_requests()
    {
        byte[] rule = Message(32, 2, [2, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0,
            8, 0, 15, 0, 254, 0, 0, 0, 8, 0, 14, 0, 255, 255, 255, 255, 5, 0, 21, 0, 2, 0, 0, 0, 8, 0, 6, 0, 0xfe, 0x7f, 0, 0], 5, 29324);
        Assert.Equal("recvfrom(3, [{nlmsg_len=60, nlmsg_type=RTM_NEWRULE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=5, nlmsg_pid=29324}, " +
            "{family=AF_INET, dst_len=0, src_len=0, tos=0, table=RT_TABLE_MAIN, action=FR_ACT_TO_TBL, flags=0}, [[{nla_len=8, nla_type=FRA_TABLE}, " +
            "RT_TABLE_MAIN], [{nla_len=8, nla_type=FRA_SUPPRESS_PREFIXLEN}, 4294967295], [{nla_len=5, nla_type=FRA_PROTOCOL}, RTPROT_KERNEL], " +
            "[{nla_len=8, nla_type=FRA_PRIORITY}, 32766]]], 65536, 0, NULL, NULL) = 60",
            s_fds.Recvfrom(3, rule));
        Assert.Equal("sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETNEIGH, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=6, nlmsg_pid=0}, " +
            "{ndm_family=AF_UNSPEC, ndm_ifindex=0, ndm_state=NUD_NONE, ndm_flags=0, ndm_type=RTN_UNSPEC}], 28, 0, NULL, 0) = 28",
            s_fds.Sendto(3, Message(30, 0x301, new byte[12], 6)));
    }

    [Fact]
    public void Unix_and_netlink_diag()
    {
        byte[] req = Message(20, 1, [1, 0, 0, 0, .. BitConverter.GetBytes(0xfff), .. BitConverter.GetBytes(1),
            .. BitConverter.GetBytes(0x1f), .. BitConverter.GetBytes(-1), .. BitConverter.GetBytes(-1)], 2);
        Assert.Equal("sendto(5, [{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=2, nlmsg_pid=0}, " +
            "{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT|1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1|" +
            "1<<TCP_FIN_WAIT2|1<<TCP_TIME_WAIT|1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<TCP_LISTEN|1<<TCP_CLOSING|0x1, udiag_ino=1, " +
            "udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_VFS|UDIAG_SHOW_PEER|UDIAG_SHOW_ICONS|UDIAG_SHOW_RQLEN, udiag_cookie=[4294967295, 4294967295]}], 40, 0, NULL, 0) = 40",
            s_fds.Sendto(5, req));
        var mem = new List<byte>();
        foreach (int v in new[] { 0, 212992, 0, 212992, 0, 0, 0, 0, 0 }) mem.AddRange(BitConverter.GetBytes(v));
        byte[] answer = Message(20, 2, [16, 2, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0,
            .. BitConverter.GetBytes(4311), 0, 0, 0, 0, 40, 0, 0, 0, .. mem, 8, 0, 4, 0, 0, 0, 0, 0], 1, 26194);
        Assert.Equal("recvfrom(5, [{nlmsg_len=92, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=26194}, " +
            "{ndiag_family=AF_NETLINK, ndiag_type=SOCK_DGRAM, ndiag_protocol=NETLINK_ROUTE, ndiag_state=TCP_CLOSE, ndiag_portid=0, ndiag_dst_portid=0, " +
            "ndiag_dst_group=0, ndiag_ino=4, ndiag_cookie=[4311, 0]}, [[{nla_len=40, nla_type=NETLINK_DIAG_MEMINFO}, [[SK_MEMINFO_RMEM_ALLOC]=0, " +
            "[SK_MEMINFO_RCVBUF]=212992, [SK_MEMINFO_WMEM_ALLOC]=0, [SK_MEMINFO_SNDBUF]=212992, [SK_MEMINFO_FWD_ALLOC]=0, [SK_MEMINFO_WMEM_QUEUED]=0, " +
            "[SK_MEMINFO_OPTMEM]=0, [SK_MEMINFO_BACKLOG]=0, [SK_MEMINFO_DROPS]=0]], [{nla_len=8, nla_type=NETLINK_DIAG_FLAGS}, 0]]], 65536, 0, NULL, NULL) = 92",
            s_fds.Recvfrom(5, answer));
    }

    /// <summary>Lines as strace 6.1 prints these bodies (its nlattr_ifla_brport, nlattr_ifla_protinfo
    /// and nlattr_cachereport tests print the same forms).</summary>
    [Fact]
    public void Link_protocol_info_by_family_and_cache_reports()
    {
        byte[] ifinfo(byte family) => [family, 0, .. BitConverter.GetBytes((ushort)772), .. new byte[12]];
        byte[] bridge = Message(16, 0, [.. ifinfo(7), 36, 0, 12, 0, 5, 0, 1, 0, 3, 0, 0, 0,
            12, 0, 0x17, 0, .. BitConverter.GetBytes(250L), 12, 0, 0xd, 0, 0x80, 0, 2, 0, 0, 0, 0, 1]);
        Assert.Equal("sendto(3, [{nlmsg_len=68, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_BRIDGE, " +
            "ifi_type=ARPHRD_LOOPBACK, ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=36, nla_type=IFLA_PROTINFO}, " +
            "[[{nla_len=5, nla_type=IFLA_BRPORT_STATE}, 3], [{nla_len=12, nla_type=IFLA_BRPORT_HOLD_TIMER}, 250 /* 2.50 s */], " +
            "[{nla_len=12, nla_type=IFLA_BRPORT_ROOT_ID}, {prio=[128, 0], addr=02:00:00:00:00:01}]]]], 68, 0, NULL, 0) = 68",
            s_fds.Sendto(3, bridge));
        byte[] inet6 = Message(16, 0, [.. ifinfo(10), 24, 0, 12, 0, 8, 0, 1, 0, .. BitConverter.GetBytes(0x80000010),
            12, 0, 2, 0, .. BitConverter.GetBytes(1), .. BitConverter.GetBytes(-1)]);
        Assert.Equal("sendto(3, [{nlmsg_len=56, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_INET6, " +
            "ifi_type=ARPHRD_LOOPBACK, ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=24, nla_type=IFLA_PROTINFO}, " +
            "[[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, IF_RS_SENT|IF_READY], [{nla_len=12, nla_type=IFLA_INET6_CONF}, " +
            "[[DEVCONF_FORWARDING]=1, [DEVCONF_HOPLIMIT]=-1]]]]], 56, 0, NULL, 0) = 56",
            s_fds.Sendto(3, inet6));
        Assert.Equal("sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_NEWCACHEREPORT, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, " +
            "{rtgen_family=RTNL_FAMILY_IPMR}, [{nla_len=5, nla_type=IPMRA_CREPORT_MSGTYPE}, IGMPMSG_NOCACHE]], 28, 0, NULL, 0) = 28",
            s_fds.Sendto(3, Message(0x60, 0, [128, 0, 0, 0, 5, 0, 1, 0, 1, 0, 0, 0])));
        Assert.Equal("sendto(3, [{nlmsg_len=24, nlmsg_type=RTM_NEWCACHEREPORT, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, " +
            "{rtgen_family=AF_INET}, \"\\x05\\x00\\x01\\x00\"], 24, 0, NULL, 0) = 24",
            s_fds.Sendto(3, Message(0x60, 0, [2, 0, 0, 0, 5, 0, 1, 0])));
    }

    /// <summary>A nexthop group's reserved fields print only when set; resilient-group buckets nest
    /// (strace 6.1's nlattr_nhmsg test prints the same forms).</summary>
    [Fact]
    public void Nexthop_groups_and_buckets()
    {
        byte[] nexthop = Message(0x68, 0, [2, 0, 0, 0, 0, 0, 0, 0, 12, 0, 2, 0, 5, 0, 0, 0, 1, 0, 0xef, 0xbe,
            12, 0, 13, 0, 6, 0, 1, 0, 7, 0, 0, 0]);
        Assert.Equal("sendto(3, [{nlmsg_len=48, nlmsg_type=RTM_NEWNEXTHOP, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {nh_family=AF_INET, " +
            "nh_scope=RT_SCOPE_UNIVERSE, nh_protocol=RTPROT_UNSPEC, nh_flags=0}, [[{nla_len=12, nla_type=NHA_GROUP}, [{id=5, weight=1, resvd2=0xbeef}]], " +
            "[{nla_len=12, nla_type=NHA_RES_BUCKET}, [{nla_len=6, nla_type=NHA_RES_BUCKET_INDEX}, 7]]]], 48, 0, NULL, 0) = 48",
            s_fds.Sendto(3, nexthop));
    }

    /// <summary>--json: a message is an array of its header, its body's structure and its
    /// attributes; an attribute is [its header, its value], nla_type one constant of its NLA_F_*
    /// bits and name; an indexed array a structure keyed by its indices as printed; each text is
    /// strace's.</summary>
    [Fact]
    public void Bodies_and_attributes_are_typed_values_in_json()
    {
        var m = new FakeMemory();
        byte[] inet6 = Message(16, 0, [10, 0, .. BitConverter.GetBytes((ushort)772), .. new byte[12], 28, 0, 12, 0x80,
            8, 0, 1, 0, .. BitConverter.GetBytes(0x80000010), 16, 0, 2, 0, .. BitConverter.GetBytes(1), .. BitConverter.GetBytes(-1), 0xff, 0xff, 0xff, 0x7f]);
        ulong a = m.Put(inet6);
        var args = Line.Json("sendto", [3, a, (ulong)inet6.Length, 0, 0, 0], inet6.Length, m, fds: s_fds).GetProperty("args");
        Assert.DoesNotContain("\"raw\"", args.GetRawText());
        var buff = args[1];
        Assert.Equal("[{nlmsg_len=60, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_INET6, ifi_type=ARPHRD_LOOPBACK, " +
            "ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=28, nla_type=NLA_F_NESTED|IFLA_PROTINFO}, [[{nla_len=8, nla_type=IFLA_INET6_FLAGS}, " +
            "IF_RS_SENT|IF_READY], [{nla_len=16, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=1, [DEVCONF_HOPLIMIT]=-1, [DEVCONF_MTU6]=2147483647]]]]]",
            buff.GetProperty("text").GetString());
        var (header, body, attribute) = (buff.GetProperty("value")[0], buff.GetProperty("value")[1], buff.GetProperty("value")[2]);
        Assert.Equal(60, header.GetProperty("value").GetProperty("nlmsg_len").GetProperty("value").GetInt32());
        Assert.Equal("""{"type":"const","value":"ARPHRD_LOOPBACK","number":772,"text":"ARPHRD_LOOPBACK"}""", body.GetProperty("value").GetProperty("ifi_type").GetRawText());
        Assert.Equal("""{"type":"flags","value":["NLA_F_NESTED","IFLA_PROTINFO"],"number":32780,"text":"NLA_F_NESTED|IFLA_PROTINFO"}""",
            attribute.GetProperty("value")[0].GetProperty("value").GetProperty("nla_type").GetRawText());
        Assert.Equal("""{"type":"array","value":[{"type":"struct","value":{"nla_len":{"type":"int","value":16,"text":"16"},"nla_type":{"type":"const","value":"IFLA_INET6_CONF","number":2,"text":"IFLA_INET6_CONF"}},"text":"{nla_len=16, nla_type=IFLA_INET6_CONF}"},{"type":"struct","value":{"DEVCONF_FORWARDING":{"type":"int","value":1,"text":"1"},"DEVCONF_HOPLIMIT":{"type":"int","value":-1,"text":"-1"},"DEVCONF_MTU6":{"type":"int","value":2147483647,"text":"2147483647"}},"text":"[[DEVCONF_FORWARDING]=1, [DEVCONF_HOPLIMIT]=-1, [DEVCONF_MTU6]=2147483647]"}],"text":"[{nla_len=16, nla_type=IFLA_INET6_CONF}, [[DEVCONF_FORWARDING]=1, [DEVCONF_HOPLIMIT]=-1, [DEVCONF_MTU6]=2147483647]]"}""",
            attribute.GetProperty("value")[1].GetProperty("value")[1].GetRawText());
    }

    [Fact]
    public void Recvmsg_decodes_iovecs_when_the_name_is_netlink()
    {
        var m = new FakeMemory();
        ulong done = m.Put(Message(3, 2, [0, 0, 0, 0], 10, 8124));
        ulong iov = m.Longs((long)done, 32768);
        ulong name = m.Put([16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        ulong hdr = m.Longs((long)name, 12, (long)iov, 1, 0, 0, 0);
        Assert.Equal("recvmsg(3, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=" +
            "[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=10, nlmsg_pid=8124}, 0], iov_len=32768}], " +
            "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20",
            Of("recvmsg", [3, hdr, 0], 20, m, fds: s_fds));
    }

    /// <summary>The capture's interface names come from the machine it was taken on; another host
    /// may number them otherwise.</summary>
    [NeedsTheory("interface 1=lo", "interface 4=eth0")]
    [InlineData("addr")]
    [InlineData("route")]
    [InlineData("link")]
    [InlineData("error")]
    public void Kernel_answers_print_as_strace_printed_them(string which)
    {
        var (hex, buffer, returned, line) = which switch { "addr" => s_addr, "route" => s_route, "link" => s_link, _ => s_error };
        var m = new FakeMemory();
        ulong a = m.Put(Convert.FromHexString(hex));
        Assert.Equal(line, Of("recvfrom", [4, a, (ulong)buffer, 0, 0, 0], returned, m, fds: s_fds));
    }

    /// <summary>strace 6.1 on this machine, receiving these bytes from the kernel.</summary>
    private static readonly (string Hex, int Buffer, int Returned, string Line) s_addr = (
        "4c00000014000200070000002d050000020880fe01000000080001007f000001080002007f000001070003006c6f0000080008008000000014000600" +
        "ffffffffffffffff1100000011000000",
        76, 76,
        "recvfrom(4, [{nlmsg_len=76, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=1325}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=if_nametoindex(\"lo\")}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=IFA_LOCAL}, inet_addr(\"127.0.0.1\")], [{nla_len=7, nla_type=IFA_LABEL}, \"lo\"], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT], [{nla_len=20, nla_type=IFA_CACHEINFO}, {ifa_prefered=4294967295, ifa_valid=4294967295, cstamp=17, tstamp=17}]]], 76, 0, NULL, NULL) = 76");

    /// <summary>strace 6.1 on this machine, receiving these bytes from the kernel.</summary>
    private static readonly (string Hex, int Buffer, int Returned, string Line) s_route = (
        "3400000018000200080000002d05000002000000fe0300010000000008000f00fe00000008000500c000020108000400040000003c00000018000200" +
        "080000002d05000002180000fe02fd010000000008000f00fe00000008000100c000020008000700c000020208000400040000003c00000018000200" +
        "080000002d05000002080000ff02fe020000000008000f00ff000000080001007f000000080007007f00000108000400010000003c00000018000200" +
        "080000002d05000002200000ff02fe020000000008000f00ff000000080001007f000001080007007f00000108000400010000003c00000018000200" +
        "080000002d05000002200000ff02fd030000000008000f00ff000000080001007fffffff080007007f00000108000400010000003c00000018000200" +
        "080000002d05000002200000ff02fe020000000008000f00ff00000008000100c000020208000700c000020208000400040000003c00000018000200" +
        "080000002d05000002200000ff02fd030000000008000f00ff00000008000100c00002ff08000700c00002020800040004000000",
        65536, 412,
        "recvfrom(4, [[{nlmsg_len=52, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=1325}, {rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_BOOT, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN], [{nla_len=8, nla_type=RTA_GATEWAY}, inet_addr(\"192.0.2.1\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"eth0\")]]], [{nlmsg_len=60, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=1325}, {rtm_family=AF_INET, rtm_dst_len=24, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_LINK, rtm_type=RTN_UNICAST, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN], [{nla_len=8, nla_type=RTA_DST}, inet_addr(\"192.0.2.0\")], [{nla_len=8, nla_type=RTA_PREFSRC}, inet_addr(\"192.0.2.2\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"eth0\")]]], [{nlmsg_len=60, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=1325}, {rtm_family=AF_INET, rtm_dst_len=8, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_LOCAL, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_HOST, rtm_type=RTN_LOCAL, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_LOCAL], [{nla_len=8, nla_type=RTA_DST}, inet_addr(\"127.0.0.0\")], [{nla_len=8, nla_type=RTA_PREFSRC}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"lo\")]]], [{nlmsg_len=60, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=1325}, {rtm_family=AF_INET, rtm_dst_len=32, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_LOCAL, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_HOST, rtm_type=RTN_LOCAL, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_LOCAL], [{nla_len=8, nla_type=RTA_DST}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=RTA_PREFSRC}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"lo\")]]], [{nlmsg_len=60, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=1325}, {rtm_family=AF_INET, rtm_dst_len=32, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_LOCAL, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_LINK, rtm_type=RTN_BROADCAST, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_LOCAL], [{nla_len=8, nla_type=RTA_DST}, inet_addr(\"127.255.255.255\")], [{nla_len=8, nla_type=RTA_PREFSRC}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"lo\")]]], [{nlmsg_len=60, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=1325}, {rtm_family=AF_INET, rtm_dst_len=32, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_LOCAL, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_HOST, rtm_type=RTN_LOCAL, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_LOCAL], [{nla_len=8, nla_type=RTA_DST}, inet_addr(\"192.0.2.2\")], [{nla_len=8, nla_type=RTA_PREFSRC}, inet_addr(\"192.0.2.2\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"eth0\")]]], [{nlmsg_len=60, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=1325}, {rtm_family=AF_INET, rtm_dst_len=32, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_LOCAL, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_LINK, rtm_type=RTN_BROADCAST, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_LOCAL], [{nla_len=8, nla_type=RTA_DST}, inet_addr(\"192.0.2.255\")], [{nla_len=8, nla_type=RTA_PREFSRC}, inet_addr(\"192.0.2.2\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"eth0\")]]]], 65536, 0, NULL, NULL) = 412");

    /// <summary>strace 6.1 on this machine, receiving these bytes from the kernel.</summary>
    private static readonly (string Hex, int Buffer, int Returned, string Line) s_link = (
        "bc05000010000000090000002d05000000000403010000004900010000000000070003006c6f000008000d00e8030000050010000000000005001100" +
        "00000000050043000100000008000400000001000800320000000000080033000000000008001b000000000008001e000000000008003d0000000000" +
        "08001f000100000008002800ffff0000080029000000010008003a000000010008003f0000000100080040000000010008003b00f8ff070008003c00" +
        "ffff0000080042000000000008002000010000000500210001000000080023000000000008002f000000000008003000000000000600440000000000" +
        "060045000000000005002700000000000a00010000000000000000000a0002000000000000000000cc001700eb79000000000000eb79000000000000" +
        "cce7160200000000cce71602000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "0000000064000700eb790000eb790000cce71602cce71602000000000000000000000000000000000000000000000000000000000000000000000000" +
        "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000c002b0005000200000000000c000600" +
        "6e6f71756575650030031a008c0002008800010000000000000000000000000001000000010000000100000001000000000000000100000000000000" +
        "000000000000000000000000000000000100000001000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "0000000010270000e80300000000000000000000000000000000000001000000a0020a00080001000000008014000500ffff0000110000001c4f0000" +
        "e8030000f400020000000000400000000000010001000000010000000100000001000000ffffffffa00f0000e8030000ffffffff803a090080510100" +
        "0300000058020000100000000000000001000000010000000100000060ea0000000000000000000000000000000000000000000000000000ffffffff" +
        "000000000000000010270000e80300000100000000000000000000000100000000000000000000000100000000000000000000000000000000000000" +
        "80ee360000000000000000000100000000000000000000000000000000000000000000000004000000000000ffff0000ffffffff0100000000000000" +
        "00000000000000003401030026000000000000007a00000000000000002400000000000078000000000000007a000000000000000000000000000000" +
        "000000000000000000000000000000007800000000000000780000000000000000230000000000000000000000000000000000000000000000000000" +
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
        "000000000000000000000000000000003c00060007000000000000000000000000000000010000000000000000000000000000000000000000000000" +
        "000000000000000000000000000000001400070000000000000000000000000000000000050008000000000024000e00000000000000000000000000" +
        "000000000000000000000000000000000000000004003e8004004180",
        65536, 1468,
        "recvfrom(4, [{nlmsg_len=1468, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=9, nlmsg_pid=1325}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_LOOPBACK, ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING|IFF_LOWER_UP, ifi_change=0}, [[{nla_len=7, nla_type=IFLA_IFNAME}, \"lo\"], [{nla_len=8, nla_type=IFLA_TXQLEN}, 1000], [{nla_len=5, nla_type=IFLA_OPERSTATE}, 0], [{nla_len=5, nla_type=IFLA_LINKMODE}, 0], [{nla_len=5, nla_type=0x43 /* IFLA_??? */}, \"\\x01\"], [{nla_len=8, nla_type=IFLA_MTU}, 65536], [{nla_len=8, nla_type=IFLA_MIN_MTU}, 0], [{nla_len=8, nla_type=IFLA_MAX_MTU}, 0], [{nla_len=8, nla_type=IFLA_GROUP}, 0], [{nla_len=8, nla_type=IFLA_PROMISCUITY}, 0], [{nla_len=8, nla_type=IFLA_ALLMULTI}, 0], [{nla_len=8, nla_type=IFLA_NUM_TX_QUEUES}, 1], [{nla_len=8, nla_type=IFLA_GSO_MAX_SEGS}, 65535], [{nla_len=8, nla_type=IFLA_GSO_MAX_SIZE}, 65536], [{nla_len=8, nla_type=IFLA_GRO_MAX_SIZE}, 65536], [{nla_len=8, nla_type=0x3f /* IFLA_??? */}, \"\\x00\\x00\\x01\\x00\"], [{nla_len=8, nla_type=0x40 /* IFLA_??? */}, \"\\x00\\x00\\x01\\x00\"], [{nla_len=8, nla_type=IFLA_TSO_MAX_SIZE}, 524280], [{nla_len=8, nla_type=IFLA_TSO_MAX_SEGS}, 65535], [{nla_len=8, nla_type=0x42 /* IFLA_??? */}, \"\\x00\\x00\\x00\\x00\"], [{nla_len=8, nla_type=IFLA_NUM_RX_QUEUES}, 1], [{nla_len=5, nla_type=IFLA_CARRIER}, 1], [{nla_len=8, nla_type=IFLA_CARRIER_CHANGES}, 0], [{nla_len=8, nla_type=IFLA_CARRIER_UP_COUNT}, 0], [{nla_len=8, nla_type=IFLA_CARRIER_DOWN_COUNT}, 0], [{nla_len=6, nla_type=0x44 /* IFLA_??? */}, \"\\x00\\x00\"], [{nla_len=6, nla_type=0x45 /* IFLA_??? */}, \"\\x00\\x00\"], [{nla_len=5, nla_type=IFLA_PROTO_DOWN}, 0], [{nla_len=10, nla_type=IFLA_ADDRESS}, 00:00:00:00:00:00], [{nla_len=10, nla_type=IFLA_BROADCAST}, 00:00:00:00:00:00], [{nla_len=204, nla_type=IFLA_STATS64}, {rx_packets=31211, tx_packets=31211, rx_bytes=35055564, tx_bytes=35055564, rx_errors=0, tx_errors=0, rx_dropped=0, tx_dropped=0, multicast=0, collisions=0, rx_length_errors=0, rx_over_errors=0, rx_crc_errors=0, rx_frame_errors=0, rx_fifo_errors=0, rx_missed_errors=0, tx_aborted_errors=0, tx_carrier_errors=0, tx_fifo_errors=0, tx_heartbeat_errors=0, tx_window_errors=0, rx_compressed=0, tx_compressed=0, rx_nohandler=0, rx_otherhost_dropped=0}], [{nla_len=100, nla_type=IFLA_STATS}, {rx_packets=31211, tx_packets=31211, rx_bytes=35055564, tx_bytes=35055564, rx_errors=0, tx_errors=0, rx_dropped=0, tx_dropped=0, multicast=0, collisions=0, rx_length_errors=0, rx_over_errors=0, rx_crc_errors=0, rx_frame_errors=0, rx_fifo_errors=0, rx_missed_errors=0, tx_aborted_errors=0, tx_carrier_errors=0, tx_fifo_errors=0, tx_heartbeat_errors=0, tx_window_errors=0, rx_compressed=0, tx_compressed=0, rx_nohandler=0}], ...]], 65536, 0, NULL, NULL) = 1468");

    /// <summary>strace 6.1 on this machine, receiving these bytes from the kernel.</summary>
    private static readonly (string Hex, int Buffer, int Returned, string Line) s_error = (
        "2c000000020000000a0000002d050000a1ffffff18000000160005000a000000000000000200000000000000",
        65536, 44,
        "recvfrom(4, [{nlmsg_len=44, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=10, nlmsg_pid=1325}, {error=-EOPNOTSUPP, msg=[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=10, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}]}], 65536, 0, NULL, NULL) = 44");
}
