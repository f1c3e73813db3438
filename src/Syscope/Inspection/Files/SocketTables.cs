using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Files;

/// <summary>
/// The socket tables of one network namespace, indexed by inode, read once per run and only when
/// the first socket is met.  They are read through a process's /proc/PID/net so a process in
/// another namespace is described by its own tables.
/// </summary>
internal sealed class SocketTables
{
    private readonly string _netDir;
    private Dictionary<ulong, InetSocket>? _inet;
    private Dictionary<ulong, UnixSocket>? _unix;
    private Dictionary<ulong, NetlinkSocket>? _netlink;
    private Dictionary<ulong, PacketSocket>? _packet;

    private Dictionary<(System.Net.IPAddress, int, System.Net.IPAddress, int), InetSocket>? _byEndpoints;

    public SocketTables(string netDir) => _netDir = netDir;

    public IReadOnlyDictionary<ulong, InetSocket> Inet => _inet ??= LoadInet();
    public IReadOnlyDictionary<ulong, UnixSocket> Unix => _unix ??= Index(NetTable.ParseUnix(Read("unix")), u => u.Inode);
    public IReadOnlyDictionary<ulong, NetlinkSocket> Netlink => _netlink ??= Index(NetTable.ParseNetlink(Read("netlink")), n => n.Inode);
    public IReadOnlyDictionary<ulong, PacketSocket> Packet => _packet ??= Index(NetTable.ParsePacket(Read("packet")), p => p.Inode);

    /// <summary>All inet sockets, for `files -i` and for finding the other end of a connection.</summary>
    public IEnumerable<InetSocket> AllInet => Inet.Values;

    private Dictionary<ulong, InetSocket> LoadInet()
    {
        var all = new List<InetSocket>();
        all.AddRange(NetTable.ParseInet(Read("tcp"), InetProtocol.Tcp, v6: false));
        all.AddRange(NetTable.ParseInet(Read("tcp6"), InetProtocol.Tcp, v6: true));
        all.AddRange(NetTable.ParseInet(Read("udp"), InetProtocol.Udp, v6: false));
        all.AddRange(NetTable.ParseInet(Read("udp6"), InetProtocol.Udp, v6: true));
        // TIME_WAIT rows have inode 0 and belong to no file.
        return Index(all.Where(s => s.Inode != 0), s => s.Inode);
    }

    private string Read(string table) => ProcText.TryRead(Path.Combine(_netDir, table)) ?? "";

    private static Dictionary<ulong, T> Index<T>(IEnumerable<T> rows, Func<T, ulong> key)
    {
        var d = new Dictionary<ulong, T>();
        foreach (var r in rows) d.TryAdd(key(r), r);
        return d;
    }

    /// <summary>The socket at the other end of a TCP connection when both ends are on this host:
    /// the row whose local and remote endpoints are ours swapped.</summary>
    public InetSocket? LocalPeer(InetSocket s)
    {
        if (!s.HasPeer || s.Protocol != InetProtocol.Tcp) return null;
        if (_byEndpoints == null)
        {
            _byEndpoints = new();
            foreach (var t in Inet.Values)
                if (t.Protocol == InetProtocol.Tcp && t.HasPeer)
                    _byEndpoints.TryAdd((t.LocalAddress, t.LocalPort, t.RemoteAddress, t.RemotePort), t);
        }
        return _byEndpoints.GetValueOrDefault((s.RemoteAddress, s.RemotePort, s.LocalAddress, s.LocalPort));
    }

    /// <summary>The listening socket that accepts connections to this endpoint (for a client that
    /// is still connecting, or for naming the server).</summary>
    public InetSocket? Listener(System.Net.IPAddress address, int port)
    {
        foreach (var other in Inet.Values)
            if (other.State == InetSocket.TcpListen && other.LocalPort == port
                && (other.LocalAddress.Equals(address) || other.LocalAddress.Equals(System.Net.IPAddress.Any)
                    || other.LocalAddress.Equals(System.Net.IPAddress.IPv6Any)))
                return other;
        return null;
    }
}
