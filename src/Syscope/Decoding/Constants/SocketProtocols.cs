namespace Syscope.Decoding.Constants;

/// <summary>A socket protocol as the kernel names it in the socket's "system.sockprotoname"
/// attribute (struct proto's name: net/ipv4/tcp_ipv4.c "TCP", net/unix/af_unix.c "UNIX-STREAM"...),
/// with the sock_diag family and protocol that list its sockets.</summary>
internal readonly record struct SocketProtocol(string Name, int Family, int Protocol)
{
    public readonly byte[] NameBytes = System.Text.Encoding.ASCII.GetBytes(Name);
}

/// <summary>The protocols -yy resolves, in the order strace 6.1 tries them for a socket whose
/// protocol name it does not know.  Names the kernel spells differently ("UDP-Lite") are not
/// recognised by strace either, and such sockets print as their /proc target.</summary>
internal static class SocketProtocols
{
    private const int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
    // <linux/in.h>
    private const int IPPROTO_ICMP = 1, IPPROTO_TCP = 6, IPPROTO_UDP = 17, IPPROTO_DCCP = 33,
        IPPROTO_L2TP = 115, IPPROTO_SCTP = 132, IPPROTO_UDPLITE = 136, IPPROTO_RAW = 255;

    public static readonly SocketProtocol[] All =
    [
        new("UNIX", AF_UNIX, 0),
        new("TCP", AF_INET, IPPROTO_TCP), new("UDP", AF_INET, IPPROTO_UDP),
        new("UDPLITE", AF_INET, IPPROTO_UDPLITE), new("DCCP", AF_INET, IPPROTO_DCCP),
        new("SCTP", AF_INET, IPPROTO_SCTP), new("L2TP/IP", AF_INET, IPPROTO_L2TP),
        new("PING", AF_INET, IPPROTO_ICMP), new("RAW", AF_INET, IPPROTO_RAW),
        new("TCPv6", AF_INET6, IPPROTO_TCP), new("UDPv6", AF_INET6, IPPROTO_UDP),
        new("UDPLITEv6", AF_INET6, IPPROTO_UDPLITE), new("DCCPv6", AF_INET6, IPPROTO_DCCP),
        new("SCTPv6", AF_INET6, IPPROTO_SCTP), new("L2TP/IPv6", AF_INET6, IPPROTO_L2TP),
        new("PINGv6", AF_INET6, IPPROTO_ICMP), new("RAWv6", AF_INET6, IPPROTO_RAW),
        new("NETLINK", AF_NETLINK, 0),
        // Stream UNIX sockets have their own struct proto since Linux 5.15; strace 6.1 knows the name.
        new("UNIX-STREAM", AF_UNIX, 0),
    ];

    /// <summary>The row for a kernel protocol name; -1 when strace would not know it.</summary>
    public static int IndexOf(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < All.Length; i++)
            if (name.SequenceEqual(All[i].NameBytes)) return i;
        return -1;
    }
}
