using System.Globalization;
using System.Net;

namespace Syscope.Inspection.Procfs;

internal enum InetProtocol : byte { Tcp, Udp }

/// <summary>One row of /proc/net/tcp, tcp6, udp or udp6.</summary>
internal sealed record InetSocket(
    InetProtocol Protocol, bool IsV6, IPAddress LocalAddress, int LocalPort,
    IPAddress RemoteAddress, int RemotePort, int State, uint Uid, ulong Inode)
{
    public const int TcpEstablished = 1, TcpListen = 10, UdpUnconnected = 7;

    /// <summary>include/net/tcp_states.h, in the spelling lsof and netstat use.</summary>
    public string StateName => State switch
    {
        1 => "ESTABLISHED",
        2 => "SYN_SENT",
        3 => "SYN_RECV",
        4 => "FIN_WAIT1",
        5 => "FIN_WAIT2",
        6 => "TIME_WAIT",
        7 => "CLOSE",
        8 => "CLOSE_WAIT",
        9 => "LAST_ACK",
        10 => "LISTEN",
        11 => "CLOSING",
        12 => "NEW_SYN_RECV",
        _ => $"UNKNOWN_{State}",
    };

    public bool HasPeer => RemotePort != 0;

    /// <summary>tx_queue and rx_queue: bytes not yet sent or acknowledged, and not yet read (lsof -F's TQS and TQR).</summary>
    public long SendQueue { get; init; }
    public long ReceiveQueue { get; init; }
}

/// <summary>One row of /proc/net/unix.</summary>
internal sealed record UnixSocket(ulong KernelAddress, int Flags, int Type, int State, ulong Inode, string? Path)
{
    private const int SO_ACCEPTCON = 0x10000;

    public bool Listening => (Flags & SO_ACCEPTCON) != 0;

    public string TypeName => Type switch { 1 => "STREAM", 2 => "DGRAM", 3 => "RAW", 4 => "RDM", 5 => "SEQPACKET", _ => $"{Type}" };

    /// <summary>lsof's words: LISTEN for a listener, else the socket_state of linux/net.h.</summary>
    public string StateName => Listening ? "LISTEN" : State switch
    {
        1 => "UNCONNECTED",
        2 => "CONNECTING",
        3 => "CONNECTED",
        4 => "DISCONNECTING",
        _ => "UNKNOWN",
    };
}

/// <summary>One row of /proc/net/netlink.</summary>
internal sealed record NetlinkSocket(ulong KernelAddress, int Protocol, uint PortId, ulong Inode)
{
    /// <summary>linux/netlink.h, as lsof names them.</summary>
    public string ProtocolName => Protocol switch
    {
        0 => "ROUTE",
        1 => "UNUSED",
        2 => "USERSOCK",
        3 => "FIREWALL",
        4 => "SOCK_DIAG",
        5 => "NFLOG",
        6 => "XFRM",
        7 => "SELINUX",
        8 => "ISCSI",
        9 => "AUDIT",
        10 => "FIB_LOOKUP",
        11 => "CONNECTOR",
        12 => "NETFILTER",
        13 => "IP6_FW",
        14 => "DNRTMSG",
        15 => "KOBJECT_UEVENT",
        16 => "GENERIC",
        18 => "SCSITRANSPORT",
        19 => "ECRYPTFS",
        20 => "RDMA",
        21 => "CRYPTO",
        22 => "SMC",
        _ => Protocol.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One row of /proc/net/packet (AF_PACKET sockets).</summary>
internal sealed record PacketSocket(int Type, int Protocol, ulong Inode)
{
    public string TypeName => Type switch { 2 => "SOCK_DGRAM", 3 => "SOCK_RAW", 10 => "SOCK_PACKET", _ => $"{Type}" };

    /// <summary>The ETH_P_* name lsof prints in NODE (linux/if_ether.h), else the decimal number.</summary>
    public string ProtocolName => Protocol switch
    {
        0x0003 => "ALL",
        0x0800 => "IP",
        0x0806 => "ARP",
        0x8035 => "RARP",
        0x86DD => "IPV6",
        _ => Protocol.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Pure parsers for the socket tables under /proc/net.</summary>
internal static class NetTable
{
    /// <summary>One data row of a /proc/net table: the line and its space-separated fields (the
    /// last field holds the rest of the line when there are more than fit).</summary>
    private delegate T? RowParser<T>(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields) where T : class;

    /// <summary>Every table starts with a header line; rows with fewer than minFields are skipped,
    /// as are rows the parser rejects (it returns null).</summary>
    private static List<T> Rows<T>(ReadOnlySpan<char> text, int maxFields, int minFields, RowParser<T> parse) where T : class
    {
        var list = new List<T>();
        Span<Range> f = stackalloc Range[maxFields];
        bool header = true;
        // Only '\n' ends a line: a UNIX socket path may hold '\r', '\f' or U+2028.
        foreach (var lineRange in text.Split('\n'))
        {
            var line = text[lineRange];
            if (header) { header = false; continue; }
            int n = line.SplitAny(f, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (n >= minFields && parse(line, f[..n]) is { } row) list.Add(row);
        }
        return list;
    }

    /// <summary>sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...</summary>
    public static List<InetSocket> ParseInet(ReadOnlySpan<char> text, InetProtocol protocol, bool v6) =>
        Rows(text, 20, 10, (line, f) =>
        {
            if (!TryEndpoint(line[f[1]], out var la, out int lp) || !TryEndpoint(line[f[2]], out var ra, out int rp)) return null;
            if (!int.TryParse(line[f[3]], NumberStyles.HexNumber, null, out int st)) return null;
            uint.TryParse(line[f[7]], out uint uid);
            ulong.TryParse(line[f[9]], out ulong inode);
            var queues = line[f[4]];
            int colon = queues.IndexOf(':');
            long.TryParse(queues[..Math.Max(colon, 0)], NumberStyles.HexNumber, null, out long tx);
            long.TryParse(queues[(colon + 1)..], NumberStyles.HexNumber, null, out long rx);
            return new InetSocket(protocol, v6, la, lp, ra, rp, st, uid, inode) { SendQueue = tx, ReceiveQueue = rx };
        });

    /// <summary>"0100007F:0CEA": the address is the kernel's __be32 words printed as host-order
    /// (little-endian) integers, so each 4-byte group is reversed; the port is plain hex.</summary>
    public static bool TryEndpoint(ReadOnlySpan<char> s, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;
        int colon = s.IndexOf(':');
        if (colon < 0 || (colon != 8 && colon != 32)) return false;
        if (!int.TryParse(s[(colon + 1)..], NumberStyles.HexNumber, null, out port)) return false;
        Span<byte> bytes = stackalloc byte[colon / 2];
        for (int word = 0; word < colon / 8; word++)
        {
            if (!uint.TryParse(s.Slice(word * 8, 8), NumberStyles.HexNumber, null, out uint v)) return false;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(word * 4, 4), v);
        }
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>Num: RefCount Protocol Flags Type St Inode [Path].  The kernel prints the path's
    /// bytes as they are; like lsof, the path is the one field up to a space or tab.</summary>
    public static List<UnixSocket> ParseUnix(ReadOnlySpan<char> text) =>
        Rows(text, 9, 7, (line, f) =>
        {
            if (!ulong.TryParse(line[f[0]].TrimEnd(':'), NumberStyles.HexNumber, null, out ulong addr)) return null;
            int.TryParse(line[f[3]], NumberStyles.HexNumber, null, out int flags);
            int.TryParse(line[f[4]], NumberStyles.HexNumber, null, out int type);
            int.TryParse(line[f[5]], NumberStyles.HexNumber, null, out int st);
            ulong.TryParse(line[f[6]], out ulong inode);
            string? path = f.Length > 7 ? line[f[7]].ToString() : null;
            return new UnixSocket(addr, flags, type, st, inode, path);
        });

    /// <summary>sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode.</summary>
    public static List<NetlinkSocket> ParseNetlink(ReadOnlySpan<char> text) =>
        Rows(text, 12, 10, (line, f) =>
        {
            if (!ulong.TryParse(line[f[0]], NumberStyles.HexNumber, null, out ulong sk)) return null;
            int.TryParse(line[f[1]], out int proto);
            uint.TryParse(line[f[2]], out uint portId);
            ulong.TryParse(line[f[9]], out ulong inode);
            return new NetlinkSocket(sk, proto, portId, inode);
        });

    /// <summary>sk RefCnt Type Proto Iface R Rmem User Inode; Proto is the host-order ETH_P_* in hex.</summary>
    public static List<PacketSocket> ParsePacket(ReadOnlySpan<char> text) =>
        Rows(text, 10, 9, (line, f) =>
        {
            if (!int.TryParse(line[f[2]], out int type) || !int.TryParse(line[f[3]], NumberStyles.HexNumber, null, out int proto)) return null;
            ulong.TryParse(line[f[8]], out ulong inode);
            return new PacketSocket(type, proto, inode);
        });
}
