using Syscope.Inspection.Procfs;
using Syscope.Interop;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Inspection.Files;

/// <summary>One holder of a pipe or socket: which process has it open, under which fd.</summary>
internal readonly record struct Endpoint(int Pid, string Command, int Fd, char Mode)
{
    /// <summary>The holder's name as `why` shows it, escaped.</summary>
    public string DisplayCommand => UntrustedText.Escape(Command);

    /// <summary>lsof +E notation, command cut as lsof cuts it there (its first 9 bytes, before
    /// the whole NAME is escaped): "812,mariadbd,33u".</summary>
    public override string ToString() => $"{Pid},{UntrustedText.FirstBytes(Command, LsofFormatter.CommandLimit)},{Fd}{Mode}";
}

/// <summary>What an endpoint is shared by: a pipe's or socket's inode, a pseudo-terminal's
/// index (its master and its slave apart), an eventfd's id, a message queue's inode.</summary>
internal enum EndpointKind : byte { Inode, PtyMaster, PtySlave, Eventfd, Mqueue }

/// <summary>
/// Who holds each pipe, socket, pseudo-terminal, eventfd and POSIX message queue on the machine:
/// one pass over every /proc/PID/fd, keeping only the links that name one ("pipe:[N]",
/// "socket:[N]", /dev/ptmx and /dev/pts/N, "anon_inode:[eventfd]", a queue on the mqueue file
/// system); only those are stat'ed or have their fdinfo read.  The mode comes from the link's own
/// permission bits (r-x, -wx, rwx), which saves reading every fdinfo.  syscope's own process is
/// left out.
/// </summary>
internal sealed class EndpointIndex
{
    private readonly Dictionary<(EndpointKind, ulong), List<Endpoint>> _byKey = new();

    /// <summary>Unix98 pseudo-terminal slaves: majors 136 to 143, 256 minors each.</summary>
    private const uint PtySlaveMajor = 136, PtySlaveMajors = 8;

    public static EndpointIndex Scan()
    {
        var index = new EndpointIndex();
        int self = Environment.ProcessId;
        ulong? mqueue = MountInfo.MqueueDevice();
        foreach (int pid in ProcessTable.Pids())
        {
            // Like lsof, the inspector leaves itself out: it holds only what it inherited.
            if (pid == self) continue;
            string? comm;
            List<int> fds;
            try
            {
                comm = Comm(pid);
                fds = ProcessTable.NumericEntries($"/proc/{pid}/fd");
            }
            catch (UserError) { continue; }
            if (comm == null) continue;
            foreach (int fd in fds)
            {
                string link = $"/proc/{pid}/fd/{fd}";
                string? target = FileStatus.Readlink(link, out _);
                if (target == null || KeyOf(pid, fd, link, target, mqueue) is not { } key) continue;
                char mode = FileStatus.Lstat(link, out var st) == 0 ? ModeOf(st.Mode) : ' ';
                index.Add(key.Kind, key.Id, new Endpoint(pid, comm, fd, mode));
            }
        }
        return index;
    }

    /// <summary>What the descriptor is an endpoint of, from its link text first, so that other
    /// files cost no more than the readlink.</summary>
    private static (EndpointKind Kind, ulong Id)? KeyOf(int pid, int fd, string link, string target, ulong? mqueue)
    {
        if (TryInode(target, out ulong inode)) return (EndpointKind.Inode, inode);
        if (target == "anon_inode:[eventfd]")
            return OpenFileReader.TryReadFdInfo(pid, fd)?.AnonId is { } id && ulong.TryParse(id, out ulong n) ? (EndpointKind.Eventfd, n) : null;
        bool pty = target == "/dev/ptmx" || target.StartsWith("/dev/pts/", StringComparison.Ordinal);
        // A queue is named "/NAME" on its own file system.
        bool queue = mqueue != null && target.Length > 1 && target[0] == '/' && target.IndexOf('/', 1) < 0;
        if (!pty && !queue || FileStatus.Stat(link, out var st) != 0) return null;
        if (queue) return st.Device == mqueue ? (EndpointKind.Mqueue, st.Inode) : null;
        return PtyOf(st, () => OpenFileReader.TryReadFdInfo(pid, fd)?.TtyIndex);
    }

    /// <summary>A pseudo-terminal end by its device: a slave by its number, the master (ptmx) by
    /// the index its fdinfo gives.  null for any other file.</summary>
    public static (EndpointKind Kind, ulong Index)? PtyOf(FileStat st, Func<int?> ttyIndex)
    {
        if (st.Type != FileStat.S_IFCHR) return null;
        uint major = FileStat.Major(st.RDevice), minor = FileStat.Minor(st.RDevice);
        if (major >= PtySlaveMajor && major < PtySlaveMajor + PtySlaveMajors) return (EndpointKind.PtySlave, (major - PtySlaveMajor) * 256 + minor);
        if (major == 5 && minor == 2 && ttyIndex() is int index) return (EndpointKind.PtyMaster, (ulong)index);
        return null;
    }

    /// <summary>Every holder of one file in the file system (a named pipe): fd links that name its
    /// path, confirmed by device and inode, since a path can be replaced or reused.</summary>
    public static List<Endpoint> HoldersOfFile(string path, ulong device, ulong inode)
    {
        var holders = new List<Endpoint>();
        int self = Environment.ProcessId;
        foreach (int pid in ProcessTable.Pids())
        {
            if (pid == self) continue;
            List<int> fds;
            try { fds = ProcessTable.NumericEntries($"/proc/{pid}/fd"); }
            catch (UserError) { continue; }
            string? comm = null;
            foreach (int fd in fds)
            {
                string link = $"/proc/{pid}/fd/{fd}";
                if (FileStatus.Readlink(link, out _) != path || FileStatus.Stat(link, out var st) != 0 || st.Device != device || st.Inode != inode) continue;
                comm ??= Comm(pid) ?? "";
                holders.Add(new Endpoint(pid, comm, fd, FileStatus.Lstat(link, out var lst) == 0 ? ModeOf(lst.Mode) : ' '));
            }
        }
        return holders;
    }

    /// <summary>The name of a process, or of one of its threads.  The kernel adds one newline to
    /// comm; a name may end in newlines of its own.</summary>
    public static string? Comm(int pid, int tid = 0) =>
        ProcText.TryRead(tid == 0 ? $"/proc/{pid}/comm" : $"/proc/{pid}/task/{tid}/comm") is { } c ? (c.EndsWith('\n') ? c[..^1] : c) : null;

    public void Add(EndpointKind kind, ulong id, Endpoint e)
    {
        if (!_byKey.TryGetValue((kind, id), out var list)) _byKey[(kind, id)] = list = [];
        list.Add(e);
    }

    /// <summary>The holders of a pipe or socket.</summary>
    public IReadOnlyList<Endpoint> Holders(ulong inode) => Holders(EndpointKind.Inode, inode);

    public IReadOnlyList<Endpoint> Holders(EndpointKind kind, ulong id) =>
        _byKey.TryGetValue((kind, id), out var list) ? list : [];

    /// <summary>"pipe:[123]" or "socket:[123]" → 123.</summary>
    public static bool TryInode(string target, out ulong inode)
    {
        inode = 0;
        int open = target.IndexOf(":[", StringComparison.Ordinal);
        if (open < 0 || !target.EndsWith(']')) return false;
        var kind = target.AsSpan(0, open);
        if (kind is not ("pipe" or "socket")) return false;
        return ulong.TryParse(target.AsSpan(open + 2, target.Length - open - 3), out inode);
    }

    private static char ModeOf(uint mode) => (mode & 0x180) switch
    {
        0x180 => 'u',
        0x080 => 'w',
        _ => 'r',
    };
}
