using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Files;

/// <summary>One lsof row.  The text columns are kept exactly as lsof prints them; the typed fields
/// (fd number, inode, socket rows) are for `why` and for JSON.</summary>
internal sealed record OpenFile(string Fd, char Mode, string Type, string Device, string SizeOff, string Node, string Name)
{
    /// <summary>The descriptor number, or -1 for cwd, rtd, txt and mem rows.</summary>
    public int FdNumber { get; init; } = -1;
    public ulong Inode { get; init; }
    /// <summary>lsof's offset column value when the row shows one (pipes, sockets, devices).</summary>
    public long? Offset { get; init; }
    /// <summary>The file position of an fd row (lsof -o), whatever the row's SIZE/OFF shows.</summary>
    public long? Position { get; init; }
    /// <summary>The open flags of an fd row (fdinfo "flags:"), for lsof -F's G field.</summary>
    public int? Flags { get; init; }
    /// <summary>st_dev of the file (for a device node, the file system it lives on, where DEVICE
    /// shows the node's own number): lsof -F's D field.</summary>
    public ulong? DeviceNumber { get; init; }
    /// <summary>The link count (lsof -F's k field) when the file was stat'ed.</summary>
    public ulong? Links { get; init; }
    public InetSocket? Inet { get; init; }
    public UnixSocket? Unix { get; init; }
    /// <summary>lsof's lock letter (W, w, R, r) from /proc/locks, blank when unlocked.</summary>
    public char Lock { get; init; } = ' ';
    /// <summary>What the descriptor is an endpoint of besides pipes and sockets (a pseudo-terminal's
    /// end, an eventfd, a message queue), for lsof -E.</summary>
    public (EndpointKind Kind, ulong Id)? Shared { get; init; }
    /// <summary>For a pipe or socket with -E: the other ends, as "PID,COMMAND,FDmode".</summary>
    public string? Peers { get; init; }

    public bool IsPipe => Type == "FIFO" && Name == "pipe";

    /// <summary>NAME without its TCP/TPI part: a socket's "(STATE)" and UDP's trailing space, which
    /// lsof -F puts in T fields and -T chooses to show.</summary>
    public string BareName
    {
        get
        {
            if (Inet == null && Unix == null) return Name;
            string name = Name.TrimEnd(' ');
            int paren = name.LastIndexOf(" (", StringComparison.Ordinal);
            return paren > 0 && name.EndsWith(')') ? name[..paren] : name;
        }
    }

    /// <summary>NAME as lsof -T shows it for a socket: the state (TCP's, a UNIX socket's) and an
    /// inet socket's queue lengths as asked for, in one pair of parentheses ("(LISTEN QR=0 QS=0)")
    /// after a space; the space alone when it asks for something the socket has none of (UDP's
    /// state, -Tf), nothing at all after -T alone.  Other files keep their NAME.</summary>
    public string NameWithTcpInfo(TcpInfo info)
    {
        if (Inet == null && Unix == null || info == TcpInfo.State) return Name;
        var parts = new List<string>(3);
        if (info.HasFlag(TcpInfo.State) && Inet is { Protocol: InetProtocol.Tcp } tcp) parts.Add(tcp.StateName);
        if (info.HasFlag(TcpInfo.State) && Unix is { } unix) parts.Add(unix.StateName);
        if (info.HasFlag(TcpInfo.Queues) && Inet is { } s) { parts.Add($"QR={s.ReceiveQueue}"); parts.Add($"QS={s.SendQueue}"); }
        return info == TcpInfo.None ? BareName : parts.Count == 0 ? BareName + " " : $"{BareName} ({string.Join(' ', parts)})";
    }

    /// <summary>The FD column text: "3u", "cwd".</summary>
    public string FdText => Mode == ' ' ? Fd : Fd + Mode;

    /// <summary>NAME with lsof +E's endpoint notation spliced in before the state: for pipes
    /// "pipe 12,cat,1w", for sockets "a->b 12,cat,3u (ESTABLISHED)".</summary>
    public string NameWithPeers
    {
        get
        {
            if (string.IsNullOrEmpty(Peers)) return Name;
            int paren = Name.LastIndexOf(" (", StringComparison.Ordinal);
            if (Type is "IPv4" or "IPv6" or "unix" && paren > 0 && Name.EndsWith(')'))
                return Name[..paren] + " " + Peers + Name[paren..];
            return Name + " " + Peers;
        }
    }
}

/// <summary>lsof -T: which TCP/TPI facts NAME shows (state by default; -T alone none; -Tqs...).
/// -Tf (socket options and flags) is accepted and shows nothing more, as in lsof 4.95 on Linux.</summary>
[Flags]
internal enum TcpInfo { None = 0, State = 1, Queues = 2, Flags = 4 }

/// <summary>The open files of one process, in lsof's order: cwd, rtd, txt, mem, then fds.  For a
/// task row of lsof -K: the thread's id and name (0 and null for the process itself).</summary>
internal sealed record ProcessFiles(ProcessEntry Process, string User, IReadOnlyList<OpenFile> Files)
{
    public int Tid { get; init; }
    public string? TaskCommand { get; init; }
}
