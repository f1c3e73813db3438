using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;
using Syscope.Interop;
using Syscope.Tracing;

namespace Syscope.Inspection.Files;

/// <summary>lsof's +e/-e PATH: a mounted file system whose files are listed without stat(2) (and
/// with +e without readlink(2)), since those calls may block there (a dead NFS server).</summary>
internal sealed record Exemption(char Sign, string Dir)
{
    /// <summary>The path lies on the exempted file system, as lsof judges it: by its name.</summary>
    public bool Covers(string path) =>
        path == Dir || path.StartsWith(Dir == "/" ? "/" : Dir + "/", StringComparison.Ordinal);
}

/// <summary>What lsof leaves unread: -X the TCP and UDP tables, +e/-e the files of exempted file systems.</summary>
internal sealed record FilesReading(bool SkipInet = false, IReadOnlyList<Exemption>? Exempt = null)
{
    /// <summary>lsof's row for a file on an exempted file system: no mode, type "UNKN" and the FD
    /// kind, no size or node, and the option after the name.  null when the path is not exempted.</summary>
    public OpenFile? ExemptRow(string fd, string kind, string path, int fdNumber = -1)
    {
        if (Exempt?.FirstOrDefault(e => e.Covers(path)) is not { } e) return null;
        return new(fd, ' ', "UNKN" + kind, "UNKNOWN", "", "", $"{path} ({e.Sign}e {e.Dir})") { FdNumber = fdNumber };
    }
}

/// <summary>
/// Builds lsof's rows for a process from /proc alone: readlink and stat of /proc/PID/fd/N, its
/// fdinfo for mode and offset, /proc/PID/maps for mapped files and the socket tables for sockets.
/// Reads only: the process is never stopped or signalled.
/// </summary>
internal sealed class OpenFileReader(EndpointNames names, Func<int, SocketTables> tablesFor, FilesReading? reading = null)
{
    private readonly FilesReading _reading = reading ?? new();

    private byte[] _buffer = new byte[4096];
    private List<FileLock>? _locks;

    /// <summary>/proc/locks, read once per run and only when a regular file is met.</summary>
    private char LockOf(int pid, FileStat st)
    {
        _locks ??= ProcText.TryRead("/proc/locks") is { } text ? FileLock.Parse(text) : [];
        foreach (var l in _locks)
            if (l.Pid == pid && l.Inode == st.Inode && l.DevMajor == FileStat.Major(st.Device) && l.DevMinor == FileStat.Minor(st.Device))
                return l.Letter;
        return ' ';
    }

    /// <summary>Reads the socket tables of the process's own network namespace, once per namespace.</summary>
    public static Func<int, SocketTables> TablesPerNamespace()
    {
        var cache = new Dictionary<string, SocketTables>();
        return pid =>
        {
            string ns = FileStatus.Readlink($"/proc/{pid}/ns/net", out _) ?? "";
            if (!cache.TryGetValue(ns, out var t)) cache[ns] = t = new SocketTables($"/proc/{pid}/net");
            return t;
        };
    }

    /// <summary>The inet and UNIX socket rows of a process, for `files -i` and `-U`: only readlink for non-sockets.</summary>
    public List<OpenFile> ReadSockets(int pid)
    {
        var rows = new List<OpenFile>();
        SocketTables? tables = null;
        Func<SocketTables> once = () => tables ??= tablesFor(pid);
        foreach (int fd in ProcessTable.NumericEntries($"/proc/{pid}/fd"))
        {
            var row = Descriptor(pid, $"/proc/{pid}", fd, once, socketsOnly: true);
            if (row?.Inet != null || row?.Unix != null) rows.Add(row);
        }
        return rows;
    }

    /// <summary>null when the process exited before its files could be listed.  With a tid, the
    /// files of that thread (lsof -K's task rows), read from /proc/PID/task/TID.</summary>
    public ProcessFiles? TryRead(ProcessEntry process, int tid = 0)
    {
        int pid = process.Pid;
        string dir = tid == 0 ? $"/proc/{pid}" : $"/proc/{pid}/task/{tid}";
        var rows = new List<OpenFile> { Special(dir, "cwd", "cwd"), Special(dir, "rtd", "root") };
        var txt = Special(dir, "txt", "exe");
        rows.Add(txt);
        // lsof too lists a process whose maps it may not read, just without mem rows.
        string? maps;
        try { maps = ProcText.TryRead($"{dir}/maps"); }
        catch (UserError) { maps = null; }
        if (maps != null) AddMapped(rows, Maps.Parse(maps), txt);
        if (!Directory.Exists(dir)) return null;
        SocketTables? tables = null;
        Func<SocketTables> once = () => tables ??= tablesFor(pid);
        foreach (int fd in ProcessTable.NumericEntries($"{dir}/fd"))
        {
            var row = Descriptor(pid, dir, fd, once, socketsOnly: false);
            if (row != null) rows.Add(row);
        }
        return new ProcessFiles(process, names.User(process.Uid), rows);
    }

    /// <summary>lsof's row for a link it could not follow; a kernel thread has no exe at all
    /// (ENOENT), which lsof shows without a reason.</summary>
    private static OpenFile Unknown(string fd, string path, int errno) =>
        new(fd, ' ', "unknown", "", "", "", errno == Kernel.Errno.ENOENT ? path : $"{path} (readlink: {Kernel.Errno.Message(errno)})");

    private OpenFile Special(string dir, string fd, string link)
    {
        string path = $"{dir}/{link}";
        string? target = FileStatus.Readlink(path, out int errno);
        if (target == null) return Unknown(fd, path, errno);
        if (_reading.ExemptRow(fd, fd, target) is { } exempt) return exempt;
        if (FileStatus.Stat(path, out var st) != 0) return new(fd, ' ', "unknown", "", "", "", target);
        return new(fd, ' ', TypeName(st), Dev(st.Device), st.Size.ToString(), st.Inode.ToString(), target) { Inode = st.Inode, Links = st.Links, DeviceNumber = st.Device };
    }

    /// <summary>lsof lists each mapped file once, skipping the executable already shown as txt;
    /// a mapping of a deleted file gets the FD "DEL".</summary>
    private static void AddMapped(List<OpenFile> rows, List<MappedFile> maps, OpenFile txt)
    {
        var seen = new HashSet<(uint, uint, ulong)>();
        foreach (var m in maps)
        {
            if (!seen.Add((m.DevMajor, m.DevMinor, m.Inode))) continue;
            string dev = $"{m.DevMajor},{m.DevMinor}";
            if (m.Inode == txt.Inode && dev == txt.Device) continue;
            if (m.Deleted)
            {
                rows.Add(new("DEL", ' ', "REG", dev, "", m.Inode.ToString(), m.Path[..^MappedFile.DeletedSuffix.Length]) { Inode = m.Inode });
                continue;
            }
            // A mapping whose path does not stat (anon_inode:[io_uring], a file in another mount
            // namespace) is still listed, with the reason, as lsof lists it.
            // Stat the path's own bytes: a name that is not UTF-8 must still be found.
            int rc = FileStatus.Stat(Text.UntrustedText.ToBytes(m.Path), out var st);
            string name = rc == 0 ? m.Path : $"{m.Path} (stat: {Kernel.Errno.Message(-rc)})";
            rows.Add(new("mem", ' ', "REG", dev, rc == 0 ? st.Size.ToString() : "", m.Inode.ToString(), name) { Inode = m.Inode, Links = rc == 0 ? st.Links : null });
        }
    }

    private OpenFile? Descriptor(int pid, string dir, int fd, Func<SocketTables> tablesOnce, bool socketsOnly)
    {
        var row = DescriptorRow(pid, dir, fd, tablesOnce, socketsOnly, out var info, out var st);
        return row == null || row.Type == "unknown" || row.Device == "UNKNOWN" ? row
            : row with
            {
                Position = info?.Position ?? 0,
                Flags = info?.Flags,
                Links = row.Inet != null || row.Unix != null ? null : st.Links,
                DeviceNumber = row.Device.Contains(',') ? st.Device : null,
            };
    }

    private OpenFile? DescriptorRow(int pid, string dir, int fd, Func<SocketTables> tablesOnce, bool socketsOnly, out FdInfo? info, out FileStat st)
    {
        info = null;
        st = default;
        string path = $"{dir}/fd/{fd}";
        string? target = FileStatus.Readlink(path, out int errno);
        if (target == null)
            return errno == Kernel.Errno.ENOENT || socketsOnly ? null : Unknown(fd.ToString(), path, errno);
        bool isSocket = target.StartsWith("socket:[", StringComparison.Ordinal);
        if (socketsOnly && !isSocket) return null;
        if (!socketsOnly && _reading.ExemptRow(fd.ToString(), "fd", target, fd) is { } exempt) return exempt;
        if (FileStatus.Stat(path, out st) != 0) return null;
        info = ReadFdInfo(dir, fd);
        char mode = info?.Mode ?? ' ';
        long pos = info?.Position ?? 0;
        string fdText = fd.ToString(), ino = st.Inode.ToString();

        if (target.StartsWith("anon_inode:", StringComparison.Ordinal))
        {
            // "[eventfd]" becomes "[eventfd:1]", "[pidfd]" "[pidfd:812]", from fdinfo, as in lsof.
            string anon = target["anon_inode:".Length..];
            if (info?.AnonId is { } id && anon is "[eventfd]" or "[pidfd]") anon = $"{anon[..^1]}:{id}]";
            (EndpointKind, ulong)? eventfd = anon.StartsWith("[eventfd:", StringComparison.Ordinal) && ulong.TryParse(info!.AnonId, out ulong n) ? (EndpointKind.Eventfd, n) : null;
            return new(fdText, mode, "a_inode", Dev(st.Device), st.Size.ToString(), ino, anon) { FdNumber = fd, Inode = st.Inode, Shared = eventfd };
        }
        if (isSocket)
        {
            var tables = tablesOnce();
            if (!_reading.SkipInet && tables.Inet.TryGetValue(st.Inode, out var inet))
                return new(fdText, mode, inet.IsV6 ? "IPv6" : "IPv4", ino, Offset(pos), inet.Protocol == InetProtocol.Tcp ? "TCP" : "UDP",
                    names.SocketName(inet))
                { FdNumber = fd, Inode = st.Inode, Inet = inet, Offset = pos };
            if (tables.Unix.TryGetValue(st.Inode, out var unix))
                return new(fdText, mode, "unix", $"0x{unix.KernelAddress:x16}", Offset(pos), ino, UnixName(unix)) { FdNumber = fd, Inode = st.Inode, Unix = unix, Offset = pos };
            if (tables.Netlink.TryGetValue(st.Inode, out var nl))
                return new(fdText, mode, "netlink", "", Offset(pos), ino, nl.ProtocolName) { FdNumber = fd, Inode = st.Inode, Offset = pos };
            if (tables.Packet.TryGetValue(st.Inode, out var pk))
                return new(fdText, mode, "pack", ino, Offset(pos), pk.ProtocolName, $"type={pk.TypeName}") { FdNumber = fd, Inode = st.Inode, Offset = pos };
            // -X: lsof reads no TCP or UDP table, and says so of every socket it cannot name.
            string unnamed = _reading.SkipInet ? "can't identify protocol (-X specified)"
                : $"protocol: {FileStatus.GetXattr(path, "system.sockprotoname") ?? "unknown"}";
            return new(fdText, mode, "sock", Dev(st.Device), Offset(pos), ino, unnamed) { FdNumber = fd, Inode = st.Inode, Offset = pos };
        }
        // A queue on the mounted mqueue file system is lsof's PSXMQ; unmounted, lsof cannot tell.
        bool queue = st.Type == FileStat.S_IFREG && st.Device == MqueueDevice;
        string type = queue ? "PSXMQ" : TypeName(st);
        int? ttyIndex = info?.TtyIndex;
        var shared = queue ? (EndpointKind.Mqueue, st.Inode) : EndpointIndex.PtyOf(st, () => ttyIndex);
        bool showsSize = st.Type is FileStat.S_IFREG or FileStat.S_IFDIR;
        string dev = st.Type is FileStat.S_IFCHR or FileStat.S_IFBLK ? Dev(st.RDevice) : Dev(st.Device);
        string name = target.StartsWith("pipe:[", StringComparison.Ordinal) ? "pipe" : target;
        return new(fdText, mode, type, dev, showsSize ? st.Size.ToString() : Offset(pos), ino, name)
        { FdNumber = fd, Inode = st.Inode, Offset = showsSize ? null : pos, Lock = st.Type == FileStat.S_IFREG ? LockOf(pid, st) : ' ', Shared = shared };
    }

    private ulong? _mqueueDevice;
    private bool _mqueueRead;

    /// <summary>The mqueue file system's device, looked up once per run.</summary>
    private ulong? MqueueDevice
    {
        get
        {
            if (!_mqueueRead) (_mqueueDevice, _mqueueRead) = (MountInfo.MqueueDevice(), true);
            return _mqueueDevice;
        }
    }

    private FdInfo? ReadFdInfo(string dir, int fd)
    {
        int n = ProcText.TryRead($"{dir}/fdinfo/{fd}", ref _buffer, onePiece: true);
        if (n < 0) return null;
        Span<char> chars = n <= 4096 ? stackalloc char[n] : new char[n];
        for (int i = 0; i < n; i++) chars[i] = (char)_buffer[i];
        return FdInfo.Parse(chars);
    }

    /// <summary>Full fdinfo, epoll targets included, for `why`.</summary>
    public static FdInfo? TryReadFdInfo(int pid, int fd) =>
        ProcText.TryRead($"/proc/{pid}/fdinfo/{fd}") is { } text ? FdInfo.Parse(text) : null;

    private static string UnixName(UnixSocket u) =>
        (u.Path is { Length: > 0 } p ? p + " " : "") + $"type={u.TypeName} ({u.StateName})";

    /// <summary>lsof prints offsets as 0t&lt;decimal&gt; up to 8 digits, beyond that in hex.</summary>
    public static string Offset(long pos) => pos < 100_000_000 ? $"0t{pos}" : $"0x{pos:x}";

    private static string Dev(ulong dev) => $"{FileStat.Major(dev)},{FileStat.Minor(dev)}";

    private static string TypeName(FileStat st) => st.Type switch
    {
        FileStat.S_IFREG => "REG",
        FileStat.S_IFDIR => "DIR",
        FileStat.S_IFCHR => "CHR",
        FileStat.S_IFBLK => "BLK",
        FileStat.S_IFIFO => "FIFO",
        FileStat.S_IFLNK => "LINK",
        FileStat.S_IFSOCK => "sock",
        _ => "unknown",
    };
}
