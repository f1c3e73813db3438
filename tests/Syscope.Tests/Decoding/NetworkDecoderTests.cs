using System.Text;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

public class NetworkDecoderTests
{
    [Fact]
    public void Socket_family_type_protocol()
    {
        Assert.Equal("socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 6", Of("socket", [10, 0x80801, 0], 6));
        Assert.Equal("socket(AF_UNIX, SOCK_DGRAM, 0) = 7", Of("socket", [1, 2, 0], 7));
        Assert.Equal("socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 8", Of("socket", [16, 0x80003, 0], 8));
        Assert.Equal("socket(0xff /* AF_??? */, SOCK_CLOEXEC|SOCK_NONBLOCK|0xfff7f7ff, 255) = -1 EINVAL (Invalid argument)",
            Of("socket", [0xff, 0xffffffff, 0xff], -22));
    }

    [Fact]
    public void Connect_addresses()
    {
        var m = new FakeMemory();
        ulong in4 = m.Put([2, 0, 0x1f, 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 ECONNREFUSED (Connection refused)",
            Of("connect", [3, in4, 16], -111, m));
        var six = new byte[28];
        six[0] = 10; six[3] = 80; six[23] = 1;
        ulong in6 = m.Put(six);
        Assert.Equal("connect(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
            Of("connect", [3, in6, 28], 0, m));
        var sun = new byte[110];
        sun[0] = 1;
        Encoding.ASCII.GetBytes("/var/run/nscd/socket").CopyTo(sun, 2);
        ulong un = m.Put(sun);
        Assert.Equal("connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such file or directory)",
            Of("connect", [3, un, 110], -2, m));
        ulong abs = m.Put([1, 0, 0, .. Encoding.ASCII.GetBytes("abstract")]);
        Assert.Equal("connect(3, {sa_family=AF_UNIX, sun_path=@\"abstract\"}, 11) = -1 EINVAL (Invalid argument)", Of("connect", [3, abs, 11], -22, m));
    }

    [Fact]
    public void Socklen_in_and_out()
    {
        var m = new FakeMemory();
        ulong sa = m.Put([2, 0, 0xa5, 0xff, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        ulong len = m.Ints(16);
        Assert.Equal("getsockname(4, {sa_family=AF_INET, sin_port=htons(42495), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0",
            Of("getsockname", [4, sa, len], 0, m));
    }

    [Fact]
    public void Sockopts_sendto_recvfrom_socketpair()
    {
        var m = new FakeMemory();
        ulong one = m.Ints(1);
        Assert.Equal("setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0", Of("setsockopt", [3, 1, 2, one, 4], 0, m));
        ulong hi = m.Put("hi"u8.ToArray());
        Assert.Equal("sendto(3, \"hi\", 2, 0, NULL, 0) = 2", Of("sendto", [3, hi, 2, 0, 0, 0], 2, m));
        Assert.Equal("recvfrom(4, \"hi\", 10, 0, NULL, NULL) = 2", Of("recvfrom", [4, hi, 10, 0, 0, 0], 2, m));
        ulong fds = m.Ints(3, 4);
        Assert.Equal("socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [3, 4]) = 0", Of("socketpair", [1, 0x80001, 0, fds], 0, m));
    }
}
