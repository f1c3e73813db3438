using System.Text.RegularExpressions;
using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>sendmsg/recvmsg control messages, walked and decoded as strace 6.1 prints them
/// (the lines are strace's for the same bytes, from Differential/Programs/cmsg.c and strace's
/// msg_control test).</summary>
public partial class ControlMessageDecoderTests
{
    private const int SolSocket = 1, SolIp = 0;
    private static readonly DecodeOptions Verbose = new() { Verbose = true };

    /// <summary>One cmsghdr: cmsg_len (as given, or header + data), level, type, then the data
    /// padded to 8 bytes.</summary>
    private static byte[] Cmsg(int level, int type, byte[] data, long len = -1)
    {
        var b = new byte[16 + ((data.Length + 7) & ~7)];
        BitConverter.TryWriteBytes(b, len >= 0 ? len : 16L + data.Length);
        BitConverter.TryWriteBytes(b.AsSpan(8), level);
        BitConverter.TryWriteBytes(b.AsSpan(12), type);
        data.CopyTo(b, 16);
        return b;
    }

    private static byte[] Ints(params int[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();

    private static byte[] Longs(params long[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();

    /// <summary>sendmsg(fd, {NULL name, one iovec "fds", the control bytes}, 0), and its line.</summary>
    private static string Sent(byte[] control, long controlLen = -1, DecodeOptions? options = null, int fd = 99, long ret = -9)
    {
        var m = new FakeMemory();
        ulong data = m.Put("fds"u8.ToArray());
        ulong iov = m.Longs((long)data, 3);
        ulong ctl = m.Put(control);
        ulong msg = m.Longs(0, 0, (long)iov, 1, (long)ctl, controlLen >= 0 ? controlLen : control.Length, 0);
        string line = Of("sendmsg", [U(fd), msg, 0], ret, m, options);
        // Addresses inside the control data read as CTL+offset.
        return Address().Replace(line, a =>
        {
            ulong at = Convert.ToUInt64(a.Value[2..], 16);
            return at < ctl || at > ctl + (ulong)control.Length ? a.Value : at == ctl ? "CTL" : $"CTL+{at - ctl}";
        });
    }

    [GeneratedRegex("0x[0-9a-f]{6,}")]
    private static partial Regex Address();

    private const string Head = "sendmsg(99, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"fds\", iov_len=3}], msg_iovlen=1, msg_control=";
    private const string Ebadf = " = -1 EBADF (Bad file descriptor)";

    [Fact]
    public void Descriptors_and_credentials()
    {
        byte[] control = [.. Cmsg(SolSocket, 1, Ints(5, 6)), .. Cmsg(SolSocket, 2, Ints(4242, 0, 0))];
        Assert.Equal("sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"fds\", iov_len=3}], msg_iovlen=1, msg_control=[" +
            "{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}, " +
            "{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=4242, uid=0, gid=0}}], msg_controllen=56, msg_flags=0}, 0) = 3",
            Sent(control, fd: 3, ret: 3));
    }

    [Fact]
    public void Arrays_are_cut_at_the_string_limit_unless_verbose()
    {
        var fds = Enumerable.Repeat(-1, 40).ToArray();
        var bytes = Enumerable.Range(0, 36).Select(i => (byte)i).ToArray();
        byte[] control = [.. Cmsg(SolSocket, 1, Ints(fds)), .. Cmsg(SolIp, 6, bytes)];
        string minus1 = string.Join(", ", Enumerable.Repeat("-1", 32)), hex = "0, " + string.Join(", ", Enumerable.Range(1, 31).Select(i => $"0x{i:x}"));
        Assert.Equal(Head + $"[{{cmsg_len=176, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[{minus1}, ...]}}, " +
            $"{{cmsg_len=52, cmsg_level=SOL_IP, cmsg_type=IP_RECVOPTS, cmsg_data=[{hex}, ...]}}], msg_controllen=232, msg_flags=0}}, 0)" + Ebadf,
            Sent(control));
        string all = string.Join(", ", Enumerable.Repeat("-1", 40)), allHex = hex + ", 0x20, 0x21, 0x22, 0x23";
        Assert.Equal(Head + $"[{{cmsg_len=176, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[{all}]}}, " +
            $"{{cmsg_len=52, cmsg_level=SOL_IP, cmsg_type=IP_RECVOPTS, cmsg_data=[{allHex}]}}], msg_controllen=232, msg_flags=0}}, 0)" + Ebadf,
            Sent(control, options: Verbose));
    }

    [Fact]
    public void Timestamps_old_and_new()
    {
        byte[] control =
        [
            .. Cmsg(SolSocket, 29, Longs(1796106727, 853827)), .. Cmsg(SolSocket, 35, Longs(1796106727, 853953557)),
            .. Cmsg(SolSocket, 65, Longs(1796106727, 854049701, 0, 0, 0, 0)), .. Cmsg(SolSocket, 63, Longs(5, 6)),
            .. Cmsg(SolSocket, 29, Ints(1)),
        ];
        Assert.Equal(Head + "[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data={tv_sec=1796106727, tv_usec=853827}}, " +
            "{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_OLD, cmsg_data={tv_sec=1796106727, tv_nsec=853953557}}, " +
            "{cmsg_len=64, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPING_NEW, cmsg_data=[{tv_sec=1796106727, tv_nsec=854049701}, {tv_sec=0, tv_nsec=0}, {tv_sec=0, tv_nsec=0}]}, " +
            "{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_NEW, cmsg_data={tv_sec=5, tv_usec=6}}, " +
            "{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data=???}], msg_controllen=184, msg_flags=0}, 0)" + Ebadf,
            Sent(control));
    }

    [Fact]
    public void Ip_messages()
    {
        byte[] origin = [2, 0, 0, 53, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] control =
        [
            .. Cmsg(SolIp, 8, [0, 0, 0, 0, 127, 0, 0, 1, 0, 0, 0, 0]), .. Cmsg(SolIp, 2, Ints(7)), .. Cmsg(SolIp, 1, [0x10]),
            .. Cmsg(SolIp, 20, origin), .. Cmsg(SolIp, 11, [.. Ints(111), 2, 3, 4, 0, .. Ints(5, 6), .. origin]),
        ];
        Assert.Equal(Head + "[{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=0, ipi_spec_dst=inet_addr(\"127.0.0.1\"), ipi_addr=inet_addr(\"0.0.0.0\")}}, " +
            "{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[7]}, {cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0x10]}, " +
            "{cmsg_len=32, cmsg_level=SOL_IP, cmsg_type=IP_ORIGDSTADDR, cmsg_data={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.1\")}}, " +
            "{cmsg_len=48, cmsg_level=SOL_IP, cmsg_type=IP_RECVERR, cmsg_data={ee_errno=111, ee_origin=2, ee_type=3, ee_code=4, ee_info=5, ee_data=6, " +
            "offender={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.1\")}}}], msg_controllen=160, msg_flags=0}, 0)" + Ebadf,
            Sent(control));
    }

    [Fact]
    public void Security_context_shows_every_byte()
    {
        var context = "system_u:object_r:unlabeled_t:s0\0tail..\0"u8.ToArray();
        Assert.Equal(Head + "[{cmsg_len=56, cmsg_level=SOL_SOCKET, cmsg_type=SCM_SECURITY, cmsg_data=\"system_u:object_r:unlabeled_t:s0\\0tail..\\0\"}], msg_controllen=56, msg_flags=0}, 0)" + Ebadf,
            Sent(Cmsg(SolSocket, 3, context)));
        // cmsg_len is what the caller says; the data shown stops at the buffer's end.
        Assert.Equal(Head + "[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SCM_SECURITY, cmsg_data=\"01\"}], msg_controllen=18, msg_flags=0}, 0)" + Ebadf,
            Sent(Cmsg(SolSocket, 3, "0123456789abcdef"u8.ToArray(), len: 32), controlLen: 18));
    }

    [Fact]
    public void Walk_stops_where_strace_stops()
    {
        byte[] opts = [1, 2, 3, 4, 5, 6];
        byte[] control =
        [
            .. Cmsg(0x1234, 5, opts[..3]), .. Cmsg(SolIp, 7, opts), .. Cmsg(SolSocket, 1, opts[..2]),
            .. Cmsg(SolIp, 0x77, opts[..2]), .. Cmsg(SolSocket, 0x55, opts[..1]), .. new byte[16],
        ];
        // Bytes after the last whole header: "..." and where they start.
        Assert.Equal(Head + "[{cmsg_len=19, cmsg_level=0x1234 /* SOL_??? */, cmsg_type=0x5}, " +
            "{cmsg_len=22, cmsg_level=SOL_IP, cmsg_type=IP_RETOPTS, cmsg_data=[0x1, 0x2, 0x3, 0x4, 0x5, 0x6]}, " +
            "{cmsg_len=18, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, {cmsg_len=18, cmsg_level=SOL_IP, cmsg_type=0x77 /* IP_??? */}, " +
            "{cmsg_len=17, cmsg_level=SOL_SOCKET, cmsg_type=0x55 /* SCM_??? */}, ... /* CTL+120 */], msg_controllen=129, msg_flags=0}, 0)" + Ebadf,
            Sent(control, controlLen: 120 + 9));
        // A header shorter than itself ends the walk; one longer than the buffer is the last.
        byte[] shortHeader = [.. Cmsg(0x1234, 5, opts[..3], len: 8), .. Cmsg(SolIp, 7, opts), .. new byte[8]];
        Assert.Equal(Head + "[{cmsg_len=8, cmsg_level=0x1234 /* SOL_??? */, cmsg_type=0x5}, ... /* CTL+16 */], msg_controllen=56, msg_flags=0}, 0)" + Ebadf,
            Sent(shortHeader, controlLen: 56));
        byte[] longHeader = [.. Cmsg(0x1234, 5, opts[..3], len: 4096), .. Cmsg(SolIp, 7, opts)];
        Assert.Equal(Head + "[{cmsg_len=4096, cmsg_level=0x1234 /* SOL_??? */, cmsg_type=0x5}], msg_controllen=48, msg_flags=0}, 0)" + Ebadf,
            Sent(longHeader));
        // Less than one header: the address.
        Assert.Equal(Head + "CTL, msg_controllen=10, msg_flags=0}, 0)" + Ebadf, Sent(longHeader, controlLen: 10));
    }

    [Fact]
    public void Control_data_past_optmem_max_ends_in_dots()
    {
        int optmem = int.TryParse(File.ReadAllText("/proc/sys/net/core/optmem_max").Trim(), out int v) ? (v + 7) & ~7 : 20480;
        var control = new byte[optmem + 64];
        control.AsSpan(16).Fill(0xff);
        Cmsg(SolSocket, 1, [], len: control.Length).AsSpan(0, 16).CopyTo(control);
        string minus1 = string.Join(", ", Enumerable.Repeat("-1", 32));
        Assert.Equal(Head + $"[{{cmsg_len={control.Length}, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[{minus1}, ...]}}, ...], msg_controllen={control.Length}, msg_flags=0}}, 0)" + Ebadf,
            Sent(control));
    }
}
