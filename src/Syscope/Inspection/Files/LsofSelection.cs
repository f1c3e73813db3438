using System.Net;
using System.Text.RegularExpressions;
using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Files;

/// <summary>
/// Which files lsof lists, with lsof's combination rules: the selections that are given (PIDs,
/// PGIDs, commands, users, FDs, -i addresses, -U, file names and directories, +L link counts,
/// -K tasks) are OR'ed, or AND'ed with -a; the negated ones (^PID, ^PGID, ^command, ^user, ^fd)
/// and TCP/UDP states (-s) always restrict.  With no selection at all every file of every
/// process is listed.
/// </summary>
internal sealed class LsofSelection
{
    public List<int> Pids { get; } = [];
    public HashSet<int> ExcludedPids { get; } = [];
    /// <summary>-g PGID[,^PGID]: process groups.</summary>
    public List<int> Pgids { get; } = [];
    public HashSet<int> ExcludedPgids { get; } = [];
    /// <summary>-c NAME: command names that begin with NAME; -c /RE/: names the pattern matches.</summary>
    public List<string> Commands { get; } = [];
    public List<Regex> CommandPatterns { get; } = [];
    public List<string> ExcludedCommands { get; } = [];
    public List<uint> Uids { get; } = [];
    public HashSet<uint> ExcludedUids { get; } = [];
    public FdList? Fds { get; set; }
    /// <summary>-i with its addresses; an -i without one is a selector that matches every inet socket.</summary>
    public List<InetSelector> Inet { get; } = [];
    public SocketStates States { get; } = new();
    public bool Unix { get; set; }
    public List<FileSelector> Files { get; } = [];
    /// <summary>-a: every given selection must match.</summary>
    public bool And { get; set; }
    /// <summary>+L N: files whose link count is below N (+L1: files deleted but still open).</summary>
    public ulong? LinkLimit { get; set; }
    /// <summary>-K: processes that have threads besides the main one, each thread listed as a task.</summary>
    public bool Tasks { get; set; }
    /// <summary>-N: files on NFS, by the device numbers of the NFS file systems mounted.</summary>
    public HashSet<ulong>? Nfs { get; set; }

    private bool HasProcessSelection => Pids.Count + Pgids.Count + Commands.Count + CommandPatterns.Count + Uids.Count > 0 || Tasks;
    private bool HasFileSelection => Fds != null || Inet.Count > 0 || Unix || Files.Count > 0 || LinkLimit != null || Nfs != null;
    public bool Empty => !HasProcessSelection && !HasFileSelection;

    /// <summary>True when only network selections are given: processes need only their sockets read.</summary>
    public bool SocketsOnly => (Inet.Count > 0 || Unix) && !HasProcessSelection && Fds is null or { Exclude: true } && Files.Count == 0 && !And;

    /// <summary>The PIDs to look at when nothing but PIDs selects (so the rest of /proc is not read).</summary>
    public IReadOnlyList<int>? OnlyPids => Pids.Count > 0 && (And || !HasFileSelection && !Tasks && Pgids.Count + Commands.Count + CommandPatterns.Count + Uids.Count == 0) ? Pids : null;

    /// <summary>False when a negation leaves the process out whatever its files are.</summary>
    public bool Admits(ProcessEntry p) =>
        !ExcludedPids.Contains(p.Pid) && !ExcludedPgids.Contains(p.Pgid) && !ExcludedUids.Contains(p.Uid)
        && !ExcludedCommands.Any(c => p.Comm.StartsWith(c, StringComparison.Ordinal));

    /// <summary>Whether the process-level selections let -a examine its files at all.</summary>
    public bool ProcessPasses(ProcessEntry p, bool hasTasks) => !And
        || (Pids.Count == 0 || Pids.Contains(p.Pid)) && (Pgids.Count == 0 || Pgids.Contains(p.Pgid))
        && (Commands.Count + CommandPatterns.Count == 0 || CommandMatches(p)) && (Uids.Count == 0 || Uids.Contains(p.Uid))
        && (!Tasks || hasTasks);

    private bool CommandMatches(ProcessEntry p) =>
        Commands.Any(c => p.Comm.StartsWith(c, StringComparison.Ordinal)) || CommandPatterns.Any(r => r.IsMatch(p.Comm));

    /// <summary>Whether the row is listed; notes which selectors matched it, for lsof's exit
    /// status.  hasTasks: the process has threads besides its main one (what -K selects).</summary>
    public bool Selects(ProcessEntry p, OpenFile f, Found found, bool hasTasks)
    {
        if (Fds is { Exclude: true } ex && ex.Matches(f)) return false;
        if (f.Inet != null && !States.Admits(f.Inet)) return false;
        if (!ProcessPasses(p, hasTasks)) return false;
        // lsof notes an address, a state or a file as found when it examines the file, before -a
        // weighs the other selections (`-a -p P -d 999 -i TCP` lists nothing and exits 0).
        int inet = f.Inet == null ? -1 : Inet.FindIndex(i => i.Matches(f.Inet));
        int file = Files.FindIndex(s => s.Matches(f));
        found.MarkFile(f, inet, file);
        if (Empty) return true;

        bool pid = Pids.Contains(p.Pid), pgid = Pgids.Contains(p.Pgid), command = CommandMatches(p), uid = Uids.Contains(p.Uid);
        // An exclusion list selects the other FDs (OR'ed like any selection), besides dropping its own.
        bool fd = Fds != null && !Fds.Exclude && Fds.Matches(f) || Fds is { Exclude: true };
        bool unix = Unix && f.Unix != null;
        bool links = LinkLimit is ulong limit && f.Links is ulong n && n < limit;
        bool tasks = Tasks && hasTasks;
        bool nfs = Nfs != null && f.DeviceNumber is ulong device && Nfs.Contains(device);

        if (And)
            return (Fds is null || fd)
                && (Inet.Count == 0 || inet >= 0)
                && (!Unix || unix)
                && (Files.Count == 0 || file >= 0)
                && (LinkLimit == null || links)
                && (Nfs == null || nfs);
        return pid || pgid || command || uid || tasks || fd || inet >= 0 || unix || file >= 0 || links || nfs;
    }

    /// <summary>The row as lsof lists it: a file found in a +d/+D directory is named by the path it
    /// was found under (a followed symbolic link's, with -x l), not by the path it was opened by.</summary>
    public OpenFile Shown(OpenFile f)
    {
        foreach (var s in Files)
            if (s.Entries != null && f.Type != "unknown" && s.Entries.TryGetValue((f.Device, f.Inode), out string? path)) return f with { Name = path };
        return f;
    }

    /// <summary>Which selectors found something, for lsof's exit status.  A PID, PGID, command or
    /// user is found by a process that has it (even when -a then lists none of its files); an -i
    /// address, a TCP state or a FILE by a file of an examined process; +d/+D by every file in the
    /// directory; -K by a listed task.  Kept across the passes of -r.</summary>
    public sealed class Found(LsofSelection s)
    {
        private readonly bool[] _pids = new bool[s.Pids.Count], _pgids = new bool[s.Pgids.Count], _commands = new bool[s.Commands.Count],
            _patterns = new bool[s.CommandPatterns.Count], _uids = new bool[s.Uids.Count], _inet = new bool[s.Inet.Count], _files = new bool[s.Files.Count];
        private readonly HashSet<(string, ulong)>[] _entries = s.Files.Select(_ => new HashSet<(string, ulong)>()).ToArray();
        private readonly HashSet<string> _states = new(StringComparer.OrdinalIgnoreCase);
        private bool _task, _nfs;

        public void MarkProcess(ProcessEntry p)
        {
            if (s.Pids.IndexOf(p.Pid) is int pid and >= 0) _pids[pid] = true;
            if (s.Pgids.IndexOf(p.Pgid) is int pgid and >= 0) _pgids[pgid] = true;
            for (int i = 0; i < s.Commands.Count; i++) _commands[i] |= p.Comm.StartsWith(s.Commands[i], StringComparison.Ordinal);
            for (int i = 0; i < s.CommandPatterns.Count; i++) _patterns[i] |= s.CommandPatterns[i].IsMatch(p.Comm);
            if (s.Uids.IndexOf(p.Uid) is int uid and >= 0) _uids[uid] = true;
        }

        public void MarkFile(OpenFile f, int inet, int file)
        {
            if (inet >= 0) _inet[inet] = true;
            if (f.Inet is { Protocol: InetProtocol.Tcp }) _states.Add(f.Inet.StateName);
            if (s.Nfs != null && f.DeviceNumber is ulong device && s.Nfs.Contains(device)) _nfs = true;
            if (file < 0) return;
            _files[file] = true;
            if (s.Files[file].Entries != null) _entries[file].Add((f.Device, f.Inode));
        }

        public void MarkTask() => _task = true;

        /// <summary>lsof's exit status rule: 0 when every PID, PGID, command, user, -i address,
        /// included TCP state and file asked for was found, a task when -K asked for tasks and an NFS file for -N
        /// (nothing listed is no failure by itself: `lsof -d 999` exits 0).  lsof 4.95 counts a
        /// ^command as a command never found, so any -c ^NAME makes the status 1.</summary>
        public bool All => s.ExcludedCommands.Count == 0 && _pids.All(b => b) && _pgids.All(b => b) && _commands.All(b => b)
            && _patterns.All(b => b) && _uids.All(b => b) && _inet.All(b => b) && _files.All(b => b)
            && s.States.Included(InetProtocol.Tcp).All(_states.Contains) && (_task || !s.Tasks) && (_nfs || s.Nfs == null)
            && s.Files.Select((f, i) => f.Entries == null || f.Entries.Keys.All(_entries[i].Contains)).All(b => b);
    }
}

/// <summary>-d: FD names (cwd, txt, mem...) and numbers or ranges, all included or all excluded.</summary>
internal sealed record FdList(bool Exclude, IReadOnlyList<string> Names, IReadOnlyList<(int From, int To)> Ranges)
{
    public bool Matches(OpenFile f) =>
        f.FdNumber >= 0 ? Ranges.Any(r => f.FdNumber >= r.From && f.FdNumber <= r.To) : Names.Contains(f.Fd);
}

/// <summary>One -i address: [46][TCP|UDP][@host][:port,port-port].</summary>
internal sealed record InetSelector(int? Version, InetProtocol? Protocol, IReadOnlyList<IPAddress>? Hosts, IReadOnlyList<(int From, int To)>? Ports)
{
    public bool Matches(InetSocket s)
    {
        if (Version == 4 && s.IsV6 || Version == 6 && !s.IsV6) return false;
        if (Protocol is { } p && s.Protocol != p) return false;
        if (Hosts == null && Ports == null) return true;
        return End(s.LocalAddress, s.LocalPort) || s.HasPeer && End(s.RemoteAddress, s.RemotePort);
    }

    private bool End(IPAddress address, int port) =>
        (Hosts == null || Hosts.Any(h => h.Equals(address) || address.IsIPv4MappedToIPv6 && h.Equals(address.MapToIPv4())))
        && (Ports == null || Ports.Any(r => port >= r.From && port <= r.To));
}

/// <summary>-s TCP:LISTEN,ESTABLISHED / -s UDP:^Idle: an include list keeps only the sockets of that
/// protocol in those states (and no socket of a protocol without one); an exclude list drops them.</summary>
internal sealed class SocketStates
{
    private readonly Dictionary<InetProtocol, HashSet<string>> _include = new(), _exclude = new();

    public bool Any => _include.Count + _exclude.Count > 0;

    /// <summary>The states an include list names for one protocol (each must be found, for lsof's exit status).</summary>
    public IEnumerable<string> Included(InetProtocol protocol) => _include.TryGetValue(protocol, out var set) ? set : [];

    public void Add(InetProtocol protocol, string state, bool exclude)
    {
        var table = exclude ? _exclude : _include;
        if (!table.TryGetValue(protocol, out var set)) table[protocol] = set = new(StringComparer.OrdinalIgnoreCase);
        set.Add(state);
    }

    public bool Admits(InetSocket s)
    {
        string state = StateName(s);
        if (_exclude.TryGetValue(s.Protocol, out var ex) && ex.Contains(state)) return false;
        if (_include.Count == 0) return true;
        return _include.TryGetValue(s.Protocol, out var inc) && inc.Contains(state);
    }

    /// <summary>lsof's state names: TCP's from tcp_states.h, UDP's "Idle", "Unbound" or "ESTABLISHED"... (lsof
    /// 4.95 on Linux has none for UDP, see the parser).</summary>
    public static string StateName(InetSocket s) => s.StateName;

    public static readonly string[] TcpStateNames =
        ["ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"];
}

/// <summary>A FILE argument (the file itself, or every file of the file system it is the mount
/// point of), +d DIR (the directory and its entries) or +D DIR (everything below it).</summary>
internal sealed record FileSelector(string Path, string Device, ulong Inode, FileSelectorKind Kind)
{
    /// <summary>For +d and +D: every file found in the directory (itself included), by device and
    /// inode as lsof matches them, with its path; lsof exits 1 unless each is open somewhere.</summary>
    public Dictionary<(string Device, ulong Inode), string>? Entries { get; init; }

    public bool Matches(OpenFile f) => Kind switch
    {
        FileSelectorKind.File => f.Inode == Inode && f.Device == Device && f.Type != "unknown",
        FileSelectorKind.FileSystem => f.Device == Device && f.Type is not ("IPv4" or "IPv6" or "unix" or "sock" or "netlink" or "pack" or "unknown"),
        FileSelectorKind.Missing => false,
        _ => f.Type != "unknown" && Entries!.ContainsKey((f.Device, f.Inode)),
    };
}

/// <summary>Missing: a name that could not be stat'ed; it selects nothing and makes the exit status 1.</summary>
internal enum FileSelectorKind { File, FileSystem, Directory, Tree, Missing }
