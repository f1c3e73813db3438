using System.Globalization;
using System.Net;

namespace Syscope.Inspection.Procfs;

public enum InetProtocol : byte { Tcp, Udp }

/// <summary>One row of /proc/net/tcp, tcp6, udp or udp6.</summary>
public sealed record InetSocket(
    InetProtocol Protocol, bool IsV6, IPAddress LocalAddress, int LocalPort,
    IPAddress RemoteAddress, int RemotePort, int State, uint Uid, ulong Inode)
{
    public const int TcpEstablished = 1, TcpListen = 10, UdpUnconnected = 7;

    /// <summary>include/net/tcp_states.h, in the spelling lsof and netstat use.</summary>
    public string StateName => State switch
    {
        1 => "ESTABLISHED", 2 => "SYN_SENT", 3 => "SYN_RECV", 4 => "FIN_WAIT1", 5 => "FIN_WAIT2",
        6 => "TIME_WAIT", 7 => "CLOSE", 8 => "CLOSE_WAIT", 9 => "LAST_ACK", 10 => "LISTEN",
        11 => "CLOSING", 12 => "NEW_SYN_RECV", _ => $"UNKNOWN_{State}",
    };

    public bool HasPeer => RemotePort != 0;
}

/// <summary>One row of /proc/net/unix.</summary>
public sealed record UnixSocket(ulong KernelAddress, int Flags, int Type, int State, ulong Inode, string? Path)
{
    private const int SO_ACCEPTCON = 0x10000;

    public bool Listening => (Flags & SO_ACCEPTCON) != 0;

    public string TypeName => Type switch { 1 => "STREAM", 2 => "DGRAM", 3 => "RAW", 4 => "RDM", 5 => "SEQPACKET", _ => $"{Type}" };

    /// <summary>lsof's words: LISTEN for a listener, else the socket_state of linux/net.h.</summary>
    public string StateName => Listening ? "LISTEN" : State switch
    {
        1 => "UNCONNECTED", 2 => "CONNECTING", 3 => "CONNECTED", 4 => "DISCONNECTING", _ => "UNKNOWN",
    };
}

/// <summary>One row of /proc/net/netlink.</summary>
public sealed record NetlinkSocket(ulong KernelAddress, int Protocol, uint PortId, ulong Inode)
{
    /// <summary>linux/netlink.h, as lsof names them.</summary>
    public string ProtocolName => Protocol switch
    {
        0 => "ROUTE", 1 => "UNUSED", 2 => "USERSOCK", 3 => "FIREWALL", 4 => "SOCK_DIAG", 5 => "NFLOG",
        6 => "XFRM", 7 => "SELINUX", 8 => "ISCSI", 9 => "AUDIT", 10 => "FIB_LOOKUP", 11 => "CONNECTOR",
        12 => "NETFILTER", 13 => "IP6_FW", 14 => "DNRTMSG", 15 => "KOBJECT_UEVENT", 16 => "GENERIC",
        18 => "SCSITRANSPORT", 19 => "ECRYPTFS", 20 => "RDMA", 21 => "CRYPTO", 22 => "SMC",
        _ => Protocol.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Pure parsers for the socket tables under /proc/net.</summary>
public static class NetTable
{
    public static List<InetSocket> ParseInet(ReadOnlySpan<char> text, InetProtocol protocol, bool v6)
    {
        var list = new List<InetSocket>();
        Span<Range> f = stackalloc Range[20];
        bool header = true;
        foreach (var line in text.EnumerateLines())
        {
            if (header) { header = false; continue; }
            int n = line.Split(f, ' ', StringSplitOptions.RemoveEmptyEntries);
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
            if (n < 10) continue;
            if (!TryEndpoint(line[f[1]], out var la, out int lp) || !TryEndpoint(line[f[2]], out var ra, out int rp)) continue;
            if (!int.TryParse(line[f[3]], NumberStyles.HexNumber, null, out int st)) continue;
            uint.TryParse(line[f[7]], out uint uid);
            ulong.TryParse(line[f[9]], out ulong inode);
            list.Add(new InetSocket(protocol, v6, la, lp, ra, rp, st, uid, inode));
        }
        return list;
    }

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

    public static List<UnixSocket> ParseUnix(ReadOnlySpan<char> text)
    {
        var list = new List<UnixSocket>();
        Span<Range> f = stackalloc Range[8];
        bool header = true;
        foreach (var line in text.EnumerateLines())
        {
            if (header) { header = false; continue; }
            // Num: RefCount Protocol Flags Type St Inode [Path]; the path may contain spaces.
            int n = line.Split(f, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (n < 7) continue;
            var num = line[f[0]].TrimEnd(':');
            if (!ulong.TryParse(num, NumberStyles.HexNumber, null, out ulong addr)) continue;
            int.TryParse(line[f[3]], NumberStyles.HexNumber, null, out int flags);
            int.TryParse(line[f[4]], NumberStyles.HexNumber, null, out int type);
            int.TryParse(line[f[5]], NumberStyles.HexNumber, null, out int st);
            ulong.TryParse(line[f[6]], out ulong inode);
            string? path = n > 7 ? line[f[7].Start..].ToString() : null;
            list.Add(new UnixSocket(addr, flags, type, st, inode, path));
        }
        return list;
    }

    public static List<NetlinkSocket> ParseNetlink(ReadOnlySpan<char> text)
    {
        var list = new List<NetlinkSocket>();
        Span<Range> f = stackalloc Range[12];
        bool header = true;
        foreach (var line in text.EnumerateLines())
        {
            if (header) { header = false; continue; }
            // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
            int n = line.Split(f, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (n < 10) continue;
            if (!ulong.TryParse(line[f[0]], NumberStyles.HexNumber, null, out ulong sk)) continue;
            int.TryParse(line[f[1]], out int proto);
            uint.TryParse(line[f[2]], out uint portId);
            ulong.TryParse(line[f[9]], out ulong inode);
            list.Add(new NetlinkSocket(sk, proto, portId, inode));
        }
        return list;
    }
}
