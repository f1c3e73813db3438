using Syscope.Inspection.Files;
using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;
using Syscope.Text;

namespace Syscope.Inspection.Why;

/// <summary>Where one fd leads: a one-line description, and for sockets and pipes the remote
/// endpoint and the local process at the other end when there is one.  Description and Remote
/// are shown as they are, so the names in them are escaped when they are built.  Link names the
/// connection in a chain or deadlock sentence: "pipe", "TCP 127.0.0.1:5000", "UNIX socket /run/x.sock".</summary>
internal sealed record FdTarget(int Fd, string Description, string? Remote = null, Endpoint? Peer = null, bool Listening = false, int OtherPeers = 0)
{
    public string? Link { get; init; }

    /// <summary>"mariadbd (PID 812)", or "bash (PID 7) and 2 other processes" for a shared pipe.</summary>
    public string? PeerText => Peer is { } p
        ? $"{p.DisplayCommand} (PID {p.Pid})" + (OtherPeers switch { 0 => "", 1 => " and 1 other process", _ => $" and {OtherPeers} other processes" })
        : null;
}

/// <summary>Describes the fds a thread waits on, from the rows `files` built for the process.</summary>
internal sealed class FdTargetDescriber(ProcessFiles files, SocketTables tables, WhySession session)
{
    /// <summary>The describer `why` uses for one process, from its open files read now; null when the
    /// process is gone.</summary>
    public static FdTargetDescriber? For(ProcessEntry process, WhySession session)
    {
        var files = new OpenFileReader(session.NumericNames, session.Tables).TryRead(process);
        return files == null ? null : new FdTargetDescriber(files, session.Tables(process.Pid), session);
    }

    private EndpointIndex Index => session.Index;
    private int Pid => files.Process.Pid;
    private EndpointNames names => session.Names;

    /// <summary>The open-file row of an fd, or null when it is not open.</summary>
    public OpenFile? Row(int fd) => files.Files.FirstOrDefault(f => f.FdNumber == fd);

    public FdTarget Describe(int fd)
    {
        var row = Row(fd);
        if (row == null) return new FdTarget(fd, "not open (closed since, or never opened)");
        if (row.Inet is { } inet) return Inet(fd, inet);
        if (row.Unix is { } unix) return Unix(fd, unix);
        if (row.IsPipe) return Pipe(fd, row);
        if (row.Type == "FIFO") return NamedPipe(fd, row);
        if (row.Type is "REG" or "DIR" or "CHR" or "BLK")
        {
            long pos = OpenFileReader.TryReadFdInfo(Pid, fd)?.Position ?? 0;
            string what = row.Type switch { "CHR" => "character device", "BLK" => "block device", "DIR" => "directory", _ => "file" };
            return new FdTarget(fd, $"{what} {UntrustedText.Escape(row.Name)} at offset {pos}{MountedFrom(row)}");
        }
        return new FdTarget(fd, $"{row.Type} {UntrustedText.Escape(row.Name)}".TrimEnd());
    }

    /// <summary>" on /dev/sda1 (ext4)" for a file or directory: the disk a wait in disk I/O is for.
    /// Device files live on devtmpfs, which says nothing about the device they name.</summary>
    private string MountedFrom(OpenFile row) =>
        row.Type is "REG" or "DIR" && row.DeviceNumber is ulong dev && MountInfo.Of(Pid, dev) is var (source, type)
            ? $" on {UntrustedText.Escape(source)} ({UntrustedText.Escape(type)})"
            : "";

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
        return new FdTarget(fd, desc, remote, peer) { Link = $"{proto} {remote}" };
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
        return new FdTarget(fd, desc, remote, peer) { Link = remote == "an unnamed UNIX socket" ? "UNIX socket" : $"UNIX socket {remote}" };
    }

    private FdTarget Pipe(int fd, OpenFile row) =>
        HeldElsewhere(fd, row, $"pipe {row.Inode}", "pipe", Index.Holders(row.Inode).Where(e => e.Pid != Pid).ToList());

    /// <summary>A FIFO in the file system: its holders are found by the file's identity, since
    /// their fd links name the path rather than an inode.</summary>
    private FdTarget NamedPipe(int fd, OpenFile row)
    {
        string name = $"named pipe {UntrustedText.Escape(row.Name)}";
        var others = row.DeviceNumber is ulong dev ? EndpointIndex.HoldersOfFile(row.Name, dev, row.Inode).Where(e => e.Pid != Pid).ToList() : [];
        return HeldElsewhere(fd, row, name, name, others);
    }

    private static FdTarget HeldElsewhere(int fd, OpenFile row, string name, string link, List<Endpoint> others)
    {
        if (others.Count == 0) return new FdTarget(fd, $"{name}, held by no other process");
        string list = string.Join(", ", others.Select(e => $"{e.DisplayCommand} (PID {e.Pid}, fd {e.Fd}{e.Mode})"));
        var ends = OtherEnds(others, row.Mode);
        return new FdTarget(fd, $"{name}, other end held by {list}", Peer: ends[0], OtherPeers: ends.Select(e => e.Pid).Distinct().Count() - 1) { Link = link };
    }

    /// <summary>A reader waits for writers and a writer for readers: the holders of the opposite
    /// mode (or both), else every holder.</summary>
    private static List<Endpoint> OtherEnds(List<Endpoint> holders, char ownMode)
    {
        char wanted = ownMode == 'r' ? 'w' : ownMode == 'w' ? 'r' : ' ';
        var ends = holders.Where(e => e.Mode == wanted || (wanted != ' ' && e.Mode == 'u')).ToList();
        return ends.Count > 0 ? ends : holders;
    }
}
