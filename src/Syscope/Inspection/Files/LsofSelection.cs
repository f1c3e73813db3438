using System.Net;
using System.Text.RegularExpressions;
using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Files;

/// <summary>
/// Which files lsof lists, with lsof's combination rules: the selections that are given (PIDs,
/// commands, users, FDs, -i addresses, -U, file names and directories) are OR'ed, or AND'ed with
/// -a; the negated ones (^PID, ^command, ^user, ^fd) and TCP/UDP states (-s) always restrict.
/// With no selection at all every file of every process is listed.
/// </summary>
internal sealed class LsofSelection
{
    public List<int> Pids { get; } = [];
    public HashSet<int> ExcludedPids { get; } = [];
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

    private bool HasProcessSelection => Pids.Count + Commands.Count + CommandPatterns.Count + Uids.Count > 0;
    private bool HasFileSelection => Fds != null || Inet.Count > 0 || Unix || Files.Count > 0;
    public bool Empty => !HasProcessSelection && !HasFileSelection;

    /// <summary>True when only network selections are given: processes need only their sockets read.</summary>
    public bool SocketsOnly => (Inet.Count > 0 || Unix) && !HasProcessSelection && Fds is null or { Exclude: true } && Files.Count == 0 && !And;

    /// <summary>The PIDs to look at when nothing but PIDs selects (so the rest of /proc is not read).</summary>
    public IReadOnlyList<int>? OnlyPids => Pids.Count > 0 && (And || !HasFileSelection && Commands.Count + CommandPatterns.Count + Uids.Count == 0) ? Pids : null;

    /// <summary>False when a negation leaves the process out whatever its files are.</summary>
    public bool Admits(ProcessEntry p) =>
        !ExcludedPids.Contains(p.Pid) && !ExcludedUids.Contains(p.Uid) && !ExcludedCommands.Any(c => p.Comm.StartsWith(c, StringComparison.Ordinal));

    /// <summary>Whether the row is listed, and which of the given selectors matched it (for lsof's
    /// exit status: a selector that matched no listed row makes it 1).</summary>
    public bool Selects(ProcessEntry p, OpenFile f, Found found)
    {
        if (Fds is { Exclude: true } ex && ex.Matches(f)) return false;
        if (f.Inet != null && !States.Admits(f.Inet)) return false;
        if (Empty)
        {
            found.Mark(-1, -1, false, null);
            return true;
        }

        int pid = Pids.IndexOf(p.Pid);
        int command = Commands.FindIndex(c => p.Comm.StartsWith(c, StringComparison.Ordinal));
        int pattern = CommandPatterns.FindIndex(r => r.IsMatch(p.Comm));
        int uid = Uids.IndexOf(p.Uid);
        int inet = f.Inet == null ? -1 : Inet.FindIndex(i => i.Matches(f.Inet));
        int file = Files.FindIndex(s => s.Matches(f));
        // An exclusion list selects the other FDs (OR'ed like any selection), besides dropping its own.
        bool fd = Fds != null && !Fds.Exclude && Fds.Matches(f) || Fds is { Exclude: true };
        bool unix = Unix && f.Unix != null;

        bool listed;
        if (And)
        {
            listed = (Pids.Count == 0 || pid >= 0)
                && (Commands.Count + CommandPatterns.Count == 0 || command >= 0 || pattern >= 0)
                && (Uids.Count == 0 || uid >= 0)
                && (Fds is null || fd)
                && (Inet.Count == 0 || inet >= 0)
                && (!Unix || unix)
                && (Files.Count == 0 || file >= 0);
        }
        else listed = pid >= 0 || command >= 0 || pattern >= 0 || uid >= 0 || fd || inet >= 0 || unix || file >= 0;
        if (!listed) return false;
        found.Mark(inet, file, unix, Files.ElementAtOrDefault(file)?.Entries != null ? f.Name : null);
        return true;
    }

    /// <summary>Which selectors found something, for lsof's exit status.  A PID, command or user
    /// is found by a process that has it (even when -a then lists none of its files); an -i
    /// address, -U or a FILE by a listed file; +d/+D by every file in the directory.</summary>
    public sealed class Found(LsofSelection s)
    {
        private readonly bool[] _pids = new bool[s.Pids.Count], _commands = new bool[s.Commands.Count],
            _patterns = new bool[s.CommandPatterns.Count], _uids = new bool[s.Uids.Count], _inet = new bool[s.Inet.Count], _files = new bool[s.Files.Count];
        private readonly HashSet<string>[] _entries = s.Files.Select(_ => new HashSet<string>()).ToArray();
        private bool _unix, _any;

        public void MarkProcess(ProcessEntry p)
        {
            if (s.Pids.IndexOf(p.Pid) is int pid and >= 0) _pids[pid] = true;
            for (int i = 0; i < s.Commands.Count; i++) _commands[i] |= p.Comm.StartsWith(s.Commands[i], StringComparison.Ordinal);
            for (int i = 0; i < s.CommandPatterns.Count; i++) _patterns[i] |= s.CommandPatterns[i].IsMatch(p.Comm);
            if (s.Uids.IndexOf(p.Uid) is int uid and >= 0) _uids[uid] = true;
        }

        public void Mark(int inet, int file, bool unix, string? entry)
        {
            _any = true;
            if (inet >= 0) _inet[inet] = true;
            if (file >= 0) _files[file] = true;
            if (entry != null) _entries[file].Add(entry);
            _unix |= unix;
        }

        /// <summary>lsof's exit status rule: 0 only when something was listed and every PID, command,
        /// user, -i address, -U and file asked for was found.  lsof 4.95 counts a ^command as a
        /// command never found, so any -c ^NAME makes the status 1.</summary>
        public bool All => _any && s.ExcludedCommands.Count == 0 && _pids.All(b => b) && _commands.All(b => b) && _patterns.All(b => b)
            && _uids.All(b => b) && _inet.All(b => b) && _files.All(b => b) && (_unix || !s.Unix)
            && s.Files.Select((f, i) => f.Entries == null || f.Entries.IsSubsetOf(_entries[i])).All(b => b);
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
    /// <summary>For +d and +D: the path of every file in the directory (itself included); lsof
    /// exits 1 unless each is open somewhere.</summary>
    public HashSet<string>? Entries { get; init; }

    public bool Matches(OpenFile f) => Kind switch
    {
        FileSelectorKind.File => f.Inode == Inode && f.Device == Device && f.Type != "unknown",
        FileSelectorKind.FileSystem => f.Device == Device && f.Type is not ("IPv4" or "IPv6" or "unix" or "sock" or "netlink" or "pack" or "unknown"),
        FileSelectorKind.Directory => f.Name == Path || Parent(f.Name) == Path,
        FileSelectorKind.Missing => false,
        _ => f.Name == Path || f.Name.StartsWith(Path == "/" ? "/" : Path + "/", StringComparison.Ordinal),
    };

    private static string Parent(string name)
    {
        int slash = name.LastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : name[..slash];
    }
}

/// <summary>Missing: a name that could not be stat'ed; it selects nothing and makes the exit status 1.</summary>
internal enum FileSelectorKind { File, FileSystem, Directory, Tree, Missing }
