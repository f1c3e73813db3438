using Syscope.Inspection.Files;
using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;
using Syscope.Text;

namespace Syscope.Inspection.Why;

/// <summary>Where one fd leads: a one-line description, and for sockets and pipes the remote
/// endpoint and the local process at the other end when there is one.  Description and Remote
/// are shown as they are, so the names in them are escaped when they are built.</summary>
internal sealed record FdTarget(int Fd, string Description, string? Remote = null, Endpoint? Peer = null, bool Listening = false, int OtherPeers = 0)
{
    /// <summary>"mariadbd (PID 812)", or "bash (PID 7) and 2 other processes" for a shared pipe.</summary>
    public string? PeerText => Peer is { } p
        ? $"{p.DisplayCommand} (PID {p.Pid})" + (OtherPeers switch { 0 => "", 1 => " and 1 other process", _ => $" and {OtherPeers} other processes" })
        : null;
}

/// <summary>Describes the fds a thread waits on, from the rows `files` built for the process.</summary>
internal sealed class FdTargetDescriber(ProcessFiles files, SocketTables tables, EndpointNames names)
{
    /// <summary>The describer `why` uses for one process, from its open files read now; null when the
    /// process is gone.  numericNames reads the rows; the descriptions then name hosts and ports.</summary>
    public static FdTargetDescriber? For(ProcessEntry process, EndpointNames numericNames)
    {
        var tablesFor = OpenFileReader.TablesPerNamespace();
        var files = new OpenFileReader(numericNames, tablesFor).TryRead(process);
        return files == null ? null : new FdTargetDescriber(files, tablesFor(process.Pid), EndpointNames.FromSystem());
    }

    private EndpointIndex? _index;
    private EndpointIndex Index => _index ??= EndpointIndex.Scan();
    private int Pid => files.Process.Pid;

    public FdTarget Describe(int fd)
    {
        var row = files.Files.FirstOrDefault(f => f.FdNumber == fd);
        if (row == null) return new FdTarget(fd, "not open (closed since, or never opened)");
        if (row.Inet is { } inet) return Inet(fd, inet);
        if (row.Unix is { } unix) return Unix(fd, unix);
        if (row.IsPipe) return Pipe(fd, row);
        if (row.Type is "REG" or "DIR" or "CHR" or "BLK" or "FIFO")
        {
            long pos = OpenFileReader.TryReadFdInfo(Pid, fd)?.Position ?? 0;
            string what = row.Type switch { "CHR" => "character device", "BLK" => "block device", "FIFO" => "named pipe", "DIR" => "directory", _ => "file" };
            return new FdTarget(fd, $"{what} {UntrustedText.Escape(row.Name)} at offset {pos}");
        }
        return new FdTarget(fd, $"{row.Type} {UntrustedText.Escape(row.Name)}".TrimEnd());
    }

    public string Endpoint(System.Net.IPAddress address, int port, InetProtocol protocol)
    {
        string host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        string text = $"{host}:{port}";
        return names.Service(port, protocol) is { } svc ? $"{text} ({svc})" : text;
    }

    private FdTarget Inet(int fd, InetSocket s)
    {
        string proto = s.Protocol == InetProtocol.Tcp ? "TCP" : "UDP";
        string local = Endpoint(s.LocalAddress, s.LocalPort, s.Protocol);
        if (s.State == InetSocket.TcpListen)
            return new FdTarget(fd, $"{proto} socket listening on {local}", local, Listening: true);
        if (!s.HasPeer) return new FdTarget(fd, $"{proto} socket on {local}, not connected");
        string remote = Endpoint(s.RemoteAddress, s.RemotePort, s.Protocol);
        // The other end is on this host when its socket is in our tables: the connected peer, or
        // the listener while the handshake is still under way.
        var peerSocket = tables.LocalPeer(s) ?? (s.State == 2 ? tables.Listener(s.RemoteAddress, s.RemotePort) : null);
        Endpoint? peer = peerSocket == null ? null : Index.Holders(peerSocket.Inode).Where(e => e.Pid != Pid).Cast<Endpoint?>().FirstOrDefault();
        string desc = $"{proto} {local} -> {remote} {s.StateName}";
        if (peer is { } p) desc += $", other end held by {p.DisplayCommand} (PID {p.Pid}, fd {p.Fd})";
        return new FdTarget(fd, desc, remote, peer);
    }

    private FdTarget Unix(int fd, UnixSocket u)
    {
        string? own = string.IsNullOrEmpty(u.Path) ? null : UntrustedText.Escape(u.Path);
        if (u.Listening) return new FdTarget(fd, $"UNIX socket listening on {own}", own, Listening: true);
        Endpoint? peer = null;
        string? remote = own;
        if (UnixPeers.PeerOf(u.Inode) is ulong peerInode)
        {
            peer = Index.Holders(peerInode).Where(e => e.Pid != Pid).Cast<Endpoint?>().FirstOrDefault();
            // A client's own end is unnamed; the server's end carries the path it listens on.
            if (tables.Unix.TryGetValue(peerInode, out var other) && !string.IsNullOrEmpty(other.Path)) remote = UntrustedText.Escape(other.Path);
        }
        remote ??= "an unnamed UNIX socket";
        string desc = $"UNIX {u.TypeName} socket {own ?? "(unnamed)"} -> {remote} {u.StateName}";
        if (peer is { } p) desc += $", other end held by {p.DisplayCommand} (PID {p.Pid}, fd {p.Fd})";
        return new FdTarget(fd, desc, remote, peer);
    }

    private FdTarget Pipe(int fd, OpenFile row)
    {
        var others = Index.Holders(row.Inode).Where(e => e.Pid != Pid).ToList();
        if (others.Count == 0) return new FdTarget(fd, $"pipe {row.Inode}, held by no other process");
        string list = string.Join(", ", others.Select(e => $"{e.DisplayCommand} (PID {e.Pid}, fd {e.Fd}{e.Mode})"));
        int distinct = others.Select(e => e.Pid).Distinct().Count();
        return new FdTarget(fd, $"pipe {row.Inode}, other end held by {list}", Peer: others[0], OtherPeers: distinct - 1);
    }
}
