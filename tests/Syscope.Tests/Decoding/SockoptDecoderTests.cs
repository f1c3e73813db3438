using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>get/setsockopt's names and values, as strace 6.1 prints them.</summary>
public class SockoptDecoderTests
{
    private static readonly DecodeOptions Raw = new() { ConstStyle = ConstStyle.Raw };
    private static readonly DecodeOptions Verbose = new() { ConstStyle = ConstStyle.Verbose };

    [Fact]
    public void Linger_read_back_shows_as_much_as_came_back()
    {
        var m = new FakeMemory();
        ulong linger = m.Ints(1, 5);
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8]) = 0",
            Of("getsockopt", [3, 1, 13, linger, m.Ints(8)], 0, m));
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=\"\\x05\\x00\"}, [6]) = 0",
            Of("getsockopt", [3, 1, 13, linger, m.Ints(6)], 0, m));
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=\"\\x01\\x00\\x00\"}, [3]) = 0",
            Of("getsockopt", [3, 1, 13, linger, m.Ints(3)], 0, m));
        Assert.Equal($"getsockopt(3, SOL_SOCKET, SO_LINGER, 0x{linger:x}, [0]) = 0",
            Of("getsockopt", [3, 1, 13, linger, m.Ints(0)], 0, m));
        // After a failure the caller's length still shows.
        Assert.Equal($"getsockopt(-1, SOL_SOCKET, SO_LINGER, 0x{linger:x}, [8]) = -1 EBADF (Bad file descriptor)",
            Of("getsockopt", [U(-1), 1, 13, linger, m.Ints(8)], -9, m));
        Assert.Equal($"setsockopt(3, SOL_SOCKET, SO_LINGER, {{l_onoff=1, l_linger=5}}, 9) = 0",
            Of("setsockopt", [3, 1, 13, linger, 9], 0, m));
        Assert.Equal($"setsockopt(3, SOL_SOCKET, SO_LINGER, 0x{linger:x}, 4) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 1, 13, linger, 4], -22, m));
    }

    [Fact]
    public void Int_options_short_values()
    {
        var m = new FakeMemory();
        ulong one = m.Ints(1);
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_REUSEADDR, \"\\x01\\x00\\x00\", [3]) = 0",
            Of("getsockopt", [3, 1, 2, one, m.Ints(3)], 0, m));
        Assert.Equal($"setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x{one:x}, 3) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 1, 2, one, 3], -22, m));
        Assert.Equal("setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0", Of("setsockopt", [3, 1, 2, one, 4], 0, m));
        // An option strace knows no type for: an int only at an int's length, else its bytes.
        Assert.Equal("setsockopt(3, SOL_SOCKET, SO_TYPE, \"\\1\\0\\0\", 3) = -1 ENOPROTOOPT (Protocol not available)",
            Of("setsockopt", [3, 1, 3, one, 3], -92, m));
    }

    [Fact]
    public void Names_by_level_and_direction()
    {
        var m = new FakeMemory();
        ulong one = m.Ints(1);
        Assert.Equal("setsockopt(3, SOL_SOCKET, 0x4c /* SO_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)",
            Of("setsockopt", [3, 1, 76, one, 4], -92, m));
        Assert.Equal("setsockopt(3, 0x12c /* SOL_?? */, 7, [1], 4) = -1 ENOPROTOOPT (Protocol not available)",
            Of("setsockopt", [3, 300, 7, one, 4], -92, m));
        Assert.Equal("setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, NULL, 0) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 1, 26, 0, 0], -22, m));
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_GET_FILTER, NULL, NULL) = -1 EFAULT (Bad address)",
            Of("getsockopt", [3, 1, 26, 0, 0], -14, m));
        Assert.Equal("setsockopt(3, 0x1, 0x4c, [1], 4) = -1 ENOPROTOOPT (Protocol not available)",
            Of("setsockopt", [3, 1, 76, one, 4], -92, m, Raw));
        Assert.Equal("setsockopt(3, 0x107 /* SOL_PACKET */, 0x5 /* PACKET_RX_RING */, NULL, 0) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 263, 5, 0, 0], -22, m, Verbose));
    }

    [Fact]
    public void Error_peer_credentials_and_rehash()
    {
        var m = new FakeMemory();
        ulong err = m.Ints(111);
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0", Of("getsockopt", [3, 1, 4, err, m.Ints(4)], 0, m));
        Assert.Equal("getsockopt(3, 0x1 /* SOL_SOCKET */, 0x4 /* SO_ERROR */, [111 /* ECONNREFUSED */], [4]) = 0",
            Of("getsockopt", [3, 1, 4, err, m.Ints(4)], 0, m, Verbose));
        Assert.Equal("getsockopt(3, 0x1, 0x4, [111], [4]) = 0", Of("getsockopt", [3, 1, 4, err, m.Ints(4)], 0, m, Raw));
        ulong cred = m.Ints(1234, 0, -1);
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=1234, uid=0, gid=-1}, [12]) = 0",
            Of("getsockopt", [3, 1, 17, cred, m.Ints(12)], 0, m));
        Assert.Equal("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=1234, uid=\"\\x00\\x00\"}, [6]) = 0",
            Of("getsockopt", [3, 1, 17, cred, m.Ints(6)], 0, m));
        Assert.Equal("setsockopt(3, SOL_SOCKET, SO_TXREHASH, [SOCK_TXREHASH_DEFAULT], 4) = 0",
            Of("setsockopt", [3, 1, 74, m.Ints(255), 4], 0, m));
        Assert.Equal("setsockopt(3, SOL_SOCKET, SO_TXREHASH, [-1 /* SOCK_TXREHASH_??? */], 4) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 1, 74, m.Ints(-1), 4], -22, m));
        Assert.Equal("setsockopt(3, 0x1 /* SOL_SOCKET */, 0x4a /* SO_TXREHASH */, [255 /* SOCK_TXREHASH_DEFAULT */], 4) = 0",
            Of("setsockopt", [3, 1, 74, m.Ints(255), 4], 0, m, Verbose));
    }

    [Fact]
    public void Structures_of_ip_packet_raw_and_netlink_levels()
    {
        var m = new FakeMemory();
        Assert.Equal("setsockopt(3, SOL_RAW, ICMP_FILTER, [ICMP_ECHOREPLY 0x1 /* ICMP_??? */ ICMP_DEST_UNREACH], 4) = 0",
            Of("setsockopt", [3, 255, 1, m.Ints(0b1011), 4], 0, m));
        Assert.Equal("setsockopt(3, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHO], 8) = 0", Of("setsockopt", [3, 255, 1, m.Ints(~(1 << 8), 0), 8], 0, m));
        ulong mreq = m.Put([224, 0, 0, 1, 127, 0, 0, 1]);
        Assert.Equal("setsockopt(3, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.1\"), imr_interface=inet_addr(\"127.0.0.1\")}, 8) = 0",
            Of("setsockopt", [3, 0, 35, mreq, 8], 0, m));
        Assert.Equal($"setsockopt(3, SOL_IP, IP_ADD_MEMBERSHIP, 0x{mreq:x}, 7) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 0, 35, mreq, 7], -22, m));
        ulong ring = m.Ints(4096, 2, 2048, 4);
        Assert.Equal("setsockopt(3, SOL_PACKET, PACKET_RX_RING, {tp_block_size=4096, tp_block_nr=2, tp_frame_size=2048, tp_frame_nr=4}, 16) = 0",
            Of("setsockopt", [3, 263, 5, ring, 16], 0, m));
        ulong pmreq = m.Put([0, 0, 0, 0, 1, 0, 6, 0, 1, 2, 3, 4, 0xa5, 6, 7, 8]);
        Assert.Equal("setsockopt(3, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex=0, mr_type=PACKET_MR_PROMISC, mr_alen=6, mr_address=01:02:03:04:a5:06}, 16) = 0",
            Of("setsockopt", [3, 263, 1, pmreq, 16], 0, m));
        ulong stats = m.Ints(10, 2, 0);
        Assert.Equal("getsockopt(3, SOL_PACKET, PACKET_STATISTICS, {tp_packets=10, tp_drops=2}, [8]) = 0",
            Of("getsockopt", [3, 263, 6, stats, m.Ints(8)], 0, m));
        Assert.Equal("getsockopt(3, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [1, 2], [8]) = 0",
            Of("getsockopt", [3, 270, 9, m.Ints(1, 2), m.Ints(8)], 0, m));
        Assert.Equal("getsockopt(3, SOL_NETLINK, NETLINK_CAP_ACK, [1], [2]) = 0",
            Of("getsockopt", [3, 270, 10, m.Ints(1), m.Ints(2)], 0, m));
    }
    /// <summary>A socket filter: loads past SKF_LL_OFF, SKF_NET_OFF and SKF_AD_OFF by name (the
    /// lines of strace's sock_filter-v test), the instructions only with -v.</summary>
    [Fact]
    public void Classic_bpf_filters_attached_and_read_back()
    {
        var m = new FakeMemory();
        ulong insns = m.Put(
        [
            0x30, 0, 0, 0, 4, 0, 0xe0, 0xff,      // BPF_LD|BPF_B|BPF_ABS, SKF_LL_OFF+4
            0x30, 0, 0, 0, 8, 0, 0xf0, 0xff,      // BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF+8
            0x30, 0, 0, 0, 0, 0xf0, 0xff, 0xff,   // BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF+SKF_AD_PROTOCOL
            0x15, 0, 0, 5, 0x11, 0, 0, 0,         // BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x11, 0, 0x5)
            0x30, 0, 0, 0, 0x2a, 0, 0, 0,         // BPF_LD|BPF_B|BPF_ABS, 0x2a
            0x06, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, // BPF_RET|BPF_K, 0xffffffff
        ]);
        ulong prog = m.Longs(6, (long)insns);
        const string Program = "[BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_LL_OFF+4), BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_NET_OFF+8), " +
            "BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF+SKF_AD_PROTOCOL), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x11, 0, 0x5), " +
            "BPF_STMT(BPF_LD|BPF_B|BPF_ABS, 0x2a), BPF_STMT(BPF_RET|BPF_K, 0xffffffff)]";
        var verbose = new DecodeOptions { Verbose = true };
        Assert.Equal($"setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {{len=6, filter={Program}}}, 16) = 0",
            Of("setsockopt", [3, 1, 26, prog, 16], 0, m, verbose));
        Assert.Equal($"setsockopt(3, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, {{len=6, filter={Program}}}, 16) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 1, 51, prog, 16], -22, m, verbose));
        Assert.Equal($"setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {{len=6, filter=0x{insns:x}}}, 16) = 0", Of("setsockopt", [3, 1, 26, prog, 16], 0, m));
        Assert.Equal($"setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, 0x{prog:x}, 12) = -1 EINVAL (Invalid argument)",
            Of("setsockopt", [3, 1, 26, prog, 12], -22, m, verbose));
        // Read back, the lengths count instructions.
        Assert.Equal($"getsockopt(3, SOL_SOCKET, SO_GET_FILTER, {Program}, [11 => 6]) = 0",
            Of("getsockopt", [3, 1, 26, insns, m.Ints(11)], 0, new LengthWritten(m, 6), verbose));
        Assert.Equal("setsockopt(3, 0x1, 0x1a, {len=6, filter=[BPF_STMT(0|0x10|0x20, 0xffe00000+4), BPF_STMT(0|0x10|0x20, 0xfff00000+8), " +
            "BPF_STMT(0|0x10|0x20, 0xfffff000+0), BPF_JUMP(0x5|0|0x10, 0x11, 0, 0x5), BPF_STMT(0|0x10|0x20, 0x2a), BPF_STMT(0x6|0, 0xffffffff)]}, 16) = 0",
            Of("setsockopt", [3, 1, 26, prog, 16], 0, m, new DecodeOptions { Verbose = true, ConstStyle = ConstStyle.Raw }));
        Assert.StartsWith("setsockopt(3, 0x1 /* SOL_SOCKET */, 0x1a /* SO_ATTACH_FILTER */, {len=6, filter=[BPF_STMT(0 /* BPF_LD */|0x10 /* BPF_B */|0x20 /* BPF_ABS */, " +
            "0xffe00000 /* SKF_LL_OFF */+4), BPF_STMT(0 /* BPF_LD */|0x10 /* BPF_B */|0x20 /* BPF_ABS */, 0xfff00000 /* SKF_NET_OFF */+8), " +
            "BPF_STMT(0 /* BPF_LD */|0x10 /* BPF_B */|0x20 /* BPF_ABS */, 0xfffff000 /* SKF_AD_OFF */+0 /* SKF_AD_PROTOCOL */), ",
            Of("setsockopt", [3, 1, 26, prog, 16], 0, m, new DecodeOptions { Verbose = true, ConstStyle = ConstStyle.Verbose }));
    }

    /// <summary>The option length reads as given at entry and as the kernel wrote it at exit.</summary>
    private sealed class LengthWritten(FakeMemory inner, int after) : Syscope.Events.ITraceeMemory
    {
        private int _reads;

        public int Read(ulong address, Span<byte> destination)
        {
            int n = inner.Read(address, destination);
            if (n == 4 && BitConverter.ToInt32(destination) == 11 && _reads++ > 0) BitConverter.TryWriteBytes(destination, after);
            return n;
        }
    }
}
