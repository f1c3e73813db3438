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

/// <summary>
/// Who holds each pipe and socket on the machine: one pass over every /proc/PID/fd, keeping only
/// "pipe:[N]" and "socket:[N]" links.  The mode comes from the link's own permission bits
/// (r-x, -wx, rwx), which saves reading every fdinfo.  syscope's own process is left out.
/// </summary>
internal sealed class EndpointIndex
{
    private readonly Dictionary<ulong, List<Endpoint>> _byInode = new();

    public static EndpointIndex Scan()
    {
        var index = new EndpointIndex();
        int self = Environment.ProcessId;
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
                if (target == null || !TryInode(target, out ulong inode)) continue;
                char mode = FileStatus.Lstat(link, out var st) == 0 ? ModeOf(st.Mode) : ' ';
                index.Add(inode, new Endpoint(pid, comm, fd, mode));
            }
        }
        return index;
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

    public void Add(ulong inode, Endpoint e)
    {
        if (!_byInode.TryGetValue(inode, out var list)) _byInode[inode] = list = [];
        list.Add(e);
    }

    public IReadOnlyList<Endpoint> Holders(ulong inode) =>
        _byInode.TryGetValue(inode, out var list) ? list : [];

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
