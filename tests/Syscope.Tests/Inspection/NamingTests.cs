using System.Net;
using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;
using Xunit;

namespace Syscope.Tests.Inspection;

public class NamingTests
{
    private static readonly EndpointNames Names = new(
        NameFiles.ParseHosts("127.0.0.1 localhost\n127.0.0.1 runsc # second name ignored\n::1\tip6-localhost ip6-loopback\n"),
        NameFiles.ParseServices("ssh\t\t22/tcp\t\t\t\t# SSH\nmysql\t\t3306/tcp\ndomain\t\t53/udp\n"),
        NameFiles.ParsePasswd("root:x:0:0:root:/root:/bin/bash\nmysql:x:102:104::/nonexistent:/bin/false\n"));

    [Fact]
    public void Names_hosts_ports_and_users_from_the_files()
    {
        Assert.Equal("localhost:mysql", Names.Endpoint(IPAddress.Loopback, 3306, InetProtocol.Tcp));
        Assert.Equal("ip6-localhost:22", Names.Endpoint(IPAddress.IPv6Loopback, 22, InetProtocol.Udp));
        Assert.Equal("*:ssh", Names.Endpoint(IPAddress.Any, 22, InetProtocol.Tcp));
        Assert.Equal("[fe80::1]:*", Names.Endpoint(IPAddress.Parse("fe80::1"), 0, InetProtocol.Tcp));
        Assert.Equal("mysql", Names.User(102));
        Assert.Equal("4242", Names.User(4242));
    }

    [Fact]
    public void Socket_names_follow_lsof()
    {
        var tcp = new InetSocket(InetProtocol.Tcp, false, IPAddress.Loopback, 33254, IPAddress.Loopback, 3306, 1, 0, 7);
        Assert.Equal("localhost:33254->localhost:mysql (ESTABLISHED)", Names.SocketName(tcp));
        var udp = new InetSocket(InetProtocol.Udp, false, IPAddress.Parse("10.0.0.2"), 5353, IPAddress.Any, 0, 7, 0, 8);
        Assert.Equal("10.0.0.2:5353 ", Names.SocketName(udp));
        var numeric = new EndpointNames(new(), new(), new(), numericHosts: true, numericPorts: true);
        Assert.Equal("127.0.0.1:33254->127.0.0.1:3306 (ESTABLISHED)", numeric.SocketName(tcp));
    }
}
