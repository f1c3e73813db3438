using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Netlink families other than route and sock_diag (their message types, flags and
/// bodies), and messages cut short by memory the tracee cannot read, as strace 6.1 prints them.</summary>
public class NetlinkFamiliesTests
{
    /// <summary>strace 6.1's lines for netlinkfamilies.c (the last one's address masked).</summary>
    private static readonly string[] s_expected =
    [
        "sendto(3, {nlmsg_len=16, nlmsg_type=AUDIT_GET, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16",
        "sendto(3, {nlmsg_len=16, nlmsg_type=XFRM_MSG_GETSA, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16",
        "sendto(3, {nlmsg_len=16, nlmsg_type=XFRM_MSG_ALLOCSPI, nlmsg_flags=NLM_F_ECHO|0x100, nlmsg_seq=7, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16",
        "sendto(3, [{nlmsg_len=20, nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_GETTABLE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, " +
            "{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(NFNL_SUBSYS_NFTABLES)}], 20, MSG_DONTWAIT, NULL, 0) = 20",
        "sendto(3, [{nlmsg_len=20, nlmsg_type=SELNL_MSG_SETENFORCE, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}, {val=1}], 20, MSG_DONTWAIT, NULL, 0) = RC",
        "sendto(3, [{nlmsg_len=20, nlmsg_type=nlctrl, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=7, nlmsg_pid=0}, \"\\x03\\x00\\x00\\x00\"], 20, MSG_DONTWAIT, NULL, 0) = 20",
        "sendto(3, [{nlmsg_len=48, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, " +
            "{tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex(\"lo\"), tcm_handle=0, tcm_parent=0, tcm_info=0}, " +
            "[{nla_len=10, nla_type=TCA_KIND}, \"pfifo\"]], 48, MSG_DONTWAIT, NULL, 0) = 48",
        "sendto(3, [[{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=8, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}], " +
            "... /* ADDR */], 40, MSG_DONTWAIT, NULL, 0) = -1 EFAULT (Bad address)",
        "+++ exited with 0 +++",
    ];

    [NeedsFact("gcc")]
    public void Each_family_prints_as_strace_prints_it() =>
        Assert.Equal(s_expected, Trace(SyscopeCli.Executable, "trace"));

    [NeedsFact("gcc", "strace")]
    public void Straces_own_lines_are_the_expected_ones() => Assert.Equal(s_expected, Trace("strace"));

    private static string[] Trace(string exe, params string[] command)
    {
        var run = Runner.Run(exe, [.. command, "-e", "trace=sendto", CPrograms.Path("netlinkfamilies")]);
        Assert.Equal(0, run.ExitCode);
        return run.StderrLines.Select(Masked).ToArray();
    }

    /// <summary>The SELinux socket answers by whether SELinux runs; the unmapped page moves.</summary>
    private static string Masked(string line) =>
        Regex.Replace(Regex.Replace(line, @"/\* 0x[0-9a-f]+ \*/", "/* ADDR */"), @"(?<=SELNL_MSG_SETENFORCE.*\) = ).*", "RC");

    /// <summary>Descriptor 3 speaks NETLINK_NETFILTER, 4 NETLINK_ROUTE.</summary>
    private static readonly NetlinkSockets s_fds = new((3, 12), (4, 0));

    private static byte[] Message(int type, int flags, params byte[] body) => NetlinkSockets.Message(type, flags, body);

    [Fact]
    public void Netfilter_names_its_subsystem_in_either_byte_order_and_hexes_unknown_attributes()
    {
        var m = new FakeMemory();
        ulong host = m.Put(Message(0xa00, 1, 1, 0, 10, 0));
        Assert.Equal("sendto(3, [{nlmsg_len=20, nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_NEWTABLE, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, " +
            "{nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=NFNL_SUBSYS_NFTABLES}], 20, 0, NULL, 0) = 20",
            Of("sendto", [3, host, 20, 0, 0, 0], 20, m, fds: s_fds));
        ulong attr = m.Put(Message(0xaff, 1, 1, 0, 0, 10, 4, 0, 0xcd, 0x0b));
        Assert.Equal("sendto(3, [{nlmsg_len=24, nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|0xff /* NFT_MSG_??? */, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, " +
            "{nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=htons(NFNL_SUBSYS_NFTABLES)}, {nla_len=4, nla_type=0xbcd}], 24, 0, NULL, 0) = 24",
            Of("sendto", [3, attr, 24, 0, 0, 0], 24, m, fds: s_fds));
        ulong batch = m.Put(Message(0x10, 1, 1, 0, 0, 10, 0x31, 0x32, 0x33, 0x34));
        Assert.Equal("sendto(3, [{nlmsg_len=24, nlmsg_type=NFNL_MSG_BATCH_BEGIN, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, " +
            "{nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=htons(10)}, \"\\x31\\x32\\x33\\x34\"], 24, 0, NULL, 0) = 24",
            Of("sendto", [3, batch, 24, 0, 0, 0], 24, m, fds: s_fds));
    }

    [Fact]
    public void Pieces_past_the_readable_memory_print_as_their_addresses()
    {
        var m = new FakeMemory();
        // A header saying 20 bytes whose body lies on an unmapped page.
        ulong cut = m.Put(Message(0xa00, 1, 0, 0, 0, 0)[..16]);
        Assert.Equal($"sendto(3, [{{nlmsg_len=20, nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_NEWTABLE, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}}, 0x{cut + 16:x}], 20, 0, NULL, 0) = -1 EFAULT (Bad address)",
            Of("sendto", [3, cut, 20, 0, 0, 0], -14, m, fds: s_fds));
        // The first header unreadable: the buffer's address.
        ulong partial = m.Put(new byte[15]);
        Assert.Equal($"sendto(3, 0x{partial:x}, 16, 0, NULL, 0) = -1 EFAULT (Bad address)",
            Of("sendto", [3, partial, 16, 0, 0, 0], -14, m, fds: s_fds));
    }

    [Fact]
    public void Route_attributes_cut_by_unreadable_memory()
    {
        var m = new FakeMemory();
        byte[] tcm = new byte[20];
        // TCA_STAB holding TCA_STAB_DATA, two u16 of which only the first can be read.
        byte[] stab = [.. Message(0x26, 0x300, [.. tcm, 12, 0, 8, 0, 8, 0, 2, 0, 0xbd, 0xac, 0xba, 0xef])];
        ulong a = m.Put(stab[..^2]);
        Assert.Equal("sendto(4, [{nlmsg_len=48, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, " +
            "{tcm_family=AF_UNSPEC, tcm_ifindex=0, tcm_handle=0, tcm_parent=0, tcm_info=0}, [{nla_len=12, nla_type=TCA_STAB}, " +
            $"[{{nla_len=8, nla_type=TCA_STAB_DATA}}, [44221, ... /* 0x{a + 46:x} */]]]], 48, 0, NULL, 0) = -1 EFAULT (Bad address)",
            Of("sendto", [4, a, 48, 0, 0, 0], -14, m, fds: s_fds));
        // A kind without its NUL, and a struct value (TCA_RATE) that is read whole.
        byte[] kind = [.. Message(0x26, 0x300, [.. tcm, 7, 0, 1, 0, 0x61, 0x62, 0x63, 0, 6, 0, 5, 0, 0xcd, 0xab, 0, 0])];
        ulong b = m.Put(kind);
        Assert.Equal("sendto(4, [{nlmsg_len=52, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, " +
            "{tcm_family=AF_UNSPEC, tcm_ifindex=0, tcm_handle=0, tcm_parent=0, tcm_info=0}, [[{nla_len=7, nla_type=TCA_KIND}, \"abc\"...], " +
            "[{nla_len=6, nla_type=TCA_RATE}, {interval=-51, ewma_log=171}]]], 52, 0, NULL, 0) = 52",
            Of("sendto", [4, b, 52, 0, 0, 0], 52, m, fds: s_fds));
    }
}
