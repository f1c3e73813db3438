using System.Net;
using Syscope.Inspection;
using Syscope.Inspection.Files;
using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;
using Syscope.Interop;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Cli.Commands;

/// <summary>
/// lsof's command line, read as lsof reads it: options start with '-' or '+', may be clustered
/// (-nPi, -iTCP:80, -p1,2), an option with an optional value takes the next word only when it
/// looks like one (-i 4, -F pcn, -r 2, -s TCP:LISTEN), and the words left are FILE names.
/// syscope's own forms are kept: a word that is no file but all digits is a PID, any other a
/// pattern over command lines; --json writes JSON.  A mistake is a UserError in lsof's words.
/// </summary>
internal sealed class FilesArguments
{
    public LsofSelection Selection { get; } = new();
    public FilesNaming Naming { get; private set; } = new();
    public LsofColumns Columns { get; private set; } = new();
    public bool Terse { get; private set; }
    public string? Fields { get; private set; }
    public bool FieldsNul { get; private set; }
    public bool Json { get; private set; }
    public bool Help { get; private set; }
    public bool Version { get; private set; }
    /// <summary>-r N (repeat until interrupted) or +r N (until nothing is listed).</summary>
    public int? RepeatSeconds { get; private set; }
    public bool RepeatUntilEmpty { get; private set; }
    /// <summary>Warnings for FILE names that could not be used; lsof prints them and exits 1.</summary>
    public List<string> Warnings { get; } = [];

    private readonly List<string> _words;
    private readonly List<string> _fileNames = [];
    private int _next;
    private bool _size, _offset;
    private EndpointNames? _names;

    private FilesArguments(string[] args) => _words = [.. args];

    public static FilesArguments Parse(string[] args)
    {
        var a = new FilesArguments(args);
        a.ParseAll();
        return a;
    }

    private void ParseAll()
    {
        while (_next < _words.Count)
        {
            string word = _words[_next++];
            if (word == "--") { _fileNames.AddRange(_words.Skip(_next)); break; }
            if (word is "--json") { Json = true; continue; }
            if (word is "--help" or "-h" or "-?") { Help = true; continue; }
            if (word.StartsWith("--", StringComparison.Ordinal)) throw new UserError($"unknown option {UntrustedText.Quote(word)}");
            // A signed number is no option: it is said to be no PID, as any number that is none.
            bool signedNumber = word.Length > 1 && word[1..].All(char.IsAsciiDigit);
            if (word.Length > 1 && word[0] is '-' or '+' && !signedNumber) Cluster(word[0], word[1..]);
            // Names may come before options too (syscope's `files PID -i`), as GNU getopt permits.
            else _fileNames.Add(word);
        }
        if (_size && _offset) throw new UserError("-o and -s are mutually exclusive");
        Columns = Columns with { SizeOff = _size ? SizeOffColumn.Size : _offset ? SizeOffColumn.Offset : SizeOffColumn.Both };
        foreach (int pid in Selection.Pids)
            if (Selection.ExcludedPids.Contains(pid)) throw new UserError($"PID {pid} has been included and excluded.");
    }

    /// <summary>Turns the names into selections: files, or PIDs and patterns when no such file
    /// exists.  Apart from parsing, since a name that matches nothing is no usage error.</summary>
    public void ResolveNames()
    {
        foreach (string name in _fileNames) Positional(name);
    }

    /// <summary>The letters of one word: flags, until an option that takes a value eats the rest.</summary>
    private void Cluster(char sign, string letters)
    {
        for (int i = 0; i < letters.Length; i++)
        {
            char c = letters[i];
            string rest = letters[(i + 1)..];
            bool plus = sign == '+';
            switch (c)
            {
                case 'a' when !plus: Selection.And = true; break;
                case 'b' or 'w' when !plus: break;   // syscope never blocks in the kernel; no warnings to silence
                case 'w': break;
                case 'l' when !plus: Columns = Columns with { NumericUids = true }; break;
                case 'n' when !plus: Naming = Naming with { NumericHosts = true }; break;
                case 'P' when !plus: Naming = Naming with { NumericPorts = true }; break;
                case 'R' when !plus: Columns = Columns with { Ppid = true }; break;
                case 't' when !plus: Terse = true; break;
                case 'U' when !plus: Selection.Unix = true; break;
                case 'v' when !plus: Version = true; break;
                case 'E':
                    Naming = Naming with { Peers = true };
                    Columns = Columns with { Peers = true };
                    break;
                case 'p' when !plus: Pids(Required(c, rest)); return;
                case 'c' when !plus: Command(Required(c, rest)); return;
                case 'c':
                    string width = Required(c, rest, sign);
                    if (!IsNumber(width) || !int.TryParse(width, out int w)) throw new UserError("+c not followed by width number");
                    // The kernel keeps 15 bytes of a process name (TASK_COMM_LEN).
                    if (w > 15) throw new UserError($"+c {w} > what system provides (15)");
                    Columns = Columns with { CommandLimit = w };
                    return;
                case 'u' when !plus: Users(Required(c, rest)); return;
                case 'd' when !plus: FdList(Required(c, rest)); return;
                case 'd' or 'D' when plus: Directory(Required(c, rest, sign), c == 'D'); return;
                case 'i' when !plus:
                    Inet(Optional(rest, w => !w.StartsWith('-') && !w.StartsWith('+')));
                    return;
                case 's' when !plus:
                    if (Optional(rest, w => w.Contains(':') && !w.StartsWith('-')) is { } states) States(states);
                    else _size = true;
                    return;
                case 'o' when !plus:
                    Optional(rest, IsNumber);   // lsof's -o N (offset digits) changes nothing here
                    _offset = true;
                    return;
                case 'g' when !plus:
                    if (Optional(rest, IsNumber) is { }) throw new UserError("-g with a PGID list is not supported; -g alone adds the PGID column");
                    Columns = Columns with { Pgid = true };
                    return;
                case 'S' when !plus: Optional(rest, IsNumber); return;   // no kernel call here can block
                case 'F' when !plus: FieldLetters(Optional(rest, w => w.All(ch => LsofFieldWriter.Known.Contains(ch) || ch == '0')) ?? ""); return;
                case 'r':
                    string? seconds = Optional(rest, IsNumber);
                    RepeatSeconds = seconds == null ? 15 : int.Parse(seconds);
                    RepeatUntilEmpty = plus;
                    return;
                default:
                    throw new UserError($"illegal option character: {UntrustedText.Escape(c.ToString())}");
            }
        }
    }

    private static bool IsNumber(string w) => w.Length > 0 && w.All(char.IsAsciiDigit);

    private string Required(char option, string rest, char sign = '-')
    {
        if (rest.Length > 0) return rest;
        if (_next < _words.Count) return _words[_next++];
        throw new UserError($"no value given for {sign}{option}");
    }

    private string? Optional(string rest, Func<string, bool> looksLikeValue)
    {
        if (rest.Length > 0) return rest;
        if (_next < _words.Count && looksLikeValue(_words[_next])) return _words[_next++];
        return null;
    }

    private void Pids(string list)
    {
        foreach (string item in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            bool exclude = item.StartsWith('^');
            string digits = exclude ? item[1..] : item;
            if (!IsNumber(digits) || !int.TryParse(digits, out int pid)) throw new UserError($"illegal process ID: {UntrustedText.Escape(item)}");
            if (exclude) Selection.ExcludedPids.Add(pid);
            else if (!Selection.Pids.Contains(pid)) Selection.Pids.Add(pid);
        }
    }

    private void Command(string value)
    {
        bool exclude = value.StartsWith('^');
        string name = exclude ? value[1..] : value;
        if (!exclude && name.Length > 2 && name[0] == '/' && name.LastIndexOf('/') > 0)
        {
            int end = name.LastIndexOf('/');
            string flags = name[(end + 1)..];
            if (flags.Any(f => f is not ('b' or 'i' or 'x'))) throw new UserError($"invalid regexp modifier: {UntrustedText.Escape(flags)}");
            string pattern = (flags.Contains('i') ? "(?i)" : "") + name[1..end];
            Selection.CommandPatterns.Add(UserPattern.TryCompile(pattern, out _)
                ?? throw new UserError($"regexp error: {UntrustedText.Escape(value)}: Invalid regular expression"));
        }
        else if (exclude) Selection.ExcludedCommands.Add(name);
        else Selection.Commands.Add(name);
    }

    private void Users(string list)
    {
        var byName = NameFiles.ParsePasswd(NameFiles.ReadOrEmpty("/etc/passwd"));
        foreach (string item in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            bool exclude = item.StartsWith('^');
            string who = exclude ? item[1..] : item;
            uint uid;
            if (IsNumber(who) && uint.TryParse(who, out uint number)) uid = number;
            else if (byName.FirstOrDefault(kv => kv.Value == who) is { Value: not null } entry) uid = entry.Key;
            else throw new UserError($"can't get UID for {UntrustedText.Escape(who)}");
            if (exclude) Selection.ExcludedUids.Add(uid);
            else if (!Selection.Uids.Contains(uid)) Selection.Uids.Add(uid);
        }
    }

    private void FdList(string list)
    {
        var names = new List<string>();
        var ranges = new List<(int, int)>();
        bool? exclude = null;
        foreach (string item in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            bool ex = item.StartsWith('^');
            if (exclude is bool before && before != ex)
                throw new UserError(before ? $"include in an exclude -d list: {UntrustedText.Escape(item)}" : $"exclude in an include -d list: {UntrustedText.Escape(item)}");
            exclude = ex;
            string fd = ex ? item[1..] : item;
            int dash = fd.IndexOf('-');
            if (IsNumber(fd)) ranges.Add((int.Parse(fd), int.Parse(fd)));
            else if (dash > 0 && IsNumber(fd[..dash]) && IsNumber(fd[(dash + 1)..]))
            {
                int low = int.Parse(fd[..dash]), high = int.Parse(fd[(dash + 1)..]);
                if (low >= high) throw new UserError($"-d FD range's low >= its high: {UntrustedText.Escape(fd)}");
                ranges.Add((low, high));
            }
            else names.Add(fd);
        }
        if (exclude == null) throw new UserError("no value given for -d");
        if (Selection.Fds is { } old)
        {
            if (old.Exclude != exclude) throw new UserError($"-d lists mix inclusion and exclusion: {UntrustedText.Escape(list)}");
            names.AddRange(old.Names);
            ranges.AddRange(old.Ranges);
        }
        Selection.Fds = new FdList(exclude.Value, names, ranges);
    }

    private void Directory(string path, bool recursive)
    {
        if (FileStatus.Stat(UntrustedText.ToBytes(path), out var st) != 0 || st.Type != FileStat.S_IFDIR)
        {
            Warnings.Add($"WARNING: can't stat({UntrustedText.Escape(path)}): No such file or directory");
            Selection.Files.Add(new FileSelector(path, "", 0, FileSelectorKind.Missing));
            return;
        }
        string full = Path.GetFullPath(path);
        if (full.Length > 1) full = full.TrimEnd('/');
        var entries = new HashSet<string> { full };
        try
        {
            foreach (string e in System.IO.Directory.EnumerateFileSystemEntries(full, "*", new EnumerationOptions
            { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = true }))
                entries.Add(e);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        Selection.Files.Add(new FileSelector(full, "", 0, recursive ? FileSelectorKind.Tree : FileSelectorKind.Directory) { Entries = entries });
    }

    /// <summary>A FILE (who has it open; a mount point stands for its file system), or syscope's
    /// PID or command-line pattern when no such file exists.</summary>
    private void Positional(string word)
    {
        int rc = FileStatus.Stat(UntrustedText.ToBytes(word), out var st);
        if (rc == 0)
        {
            bool device = st.Type is FileStat.S_IFCHR or FileStat.S_IFBLK;
            string dev = Dev(device ? st.RDevice : st.Device);
            bool mountPoint = st.Type == FileStat.S_IFDIR && IsMountPoint(word);
            Selection.Files.Add(new FileSelector(Path.GetFullPath(word), dev, st.Inode, mountPoint ? FileSelectorKind.FileSystem : FileSelectorKind.File));
            return;
        }
        if (word.Contains('/'))
        {
            Warnings.Add($"status error on {UntrustedText.Escape(word)}: {Kernel.Errno.Message(-rc)}");
            Selection.Files.Add(new FileSelector(word, "", 0, FileSelectorKind.Missing));
            return;
        }
        if (ProcessFinder.IsPid(word, out int pid)) { Selection.Pids.Add(pid); return; }
        var found = ProcessFinder.Find(word);
        if (found.Count == 0) throw new UserError($"no process matches {UntrustedText.Quote(word)}");
        foreach (var p in found)
            if (!Selection.Pids.Contains(p.Pid)) Selection.Pids.Add(p.Pid);
    }

    private static string Dev(ulong dev) => $"{FileStat.Major(dev)},{FileStat.Minor(dev)}";

    private static bool IsMountPoint(string dir)
    {
        if (FileStatus.Stat(UntrustedText.ToBytes(dir), out var here) != 0) return false;
        string parent = Path.GetFullPath(Path.Combine(dir, ".."));
        return FileStatus.Stat(UntrustedText.ToBytes(parent), out var up) != 0 || up.Device != here.Device || up.Inode == here.Inode;
    }

    private void FieldLetters(string letters)
    {
        FieldsNul = letters.Contains('0');
        letters = letters.Replace("0", "");
        Fields = letters.Length == 0 ? LsofFieldWriter.DefaultLetters : letters;
    }

    private void States(string spec)
    {
        int colon = spec.IndexOf(':');
        string protocol = spec[..colon].ToUpperInvariant();
        if (protocol == "UDP") throw new UserError($"no UDP state names available: {UntrustedText.Escape(spec)}");
        if (protocol != "TCP") throw new UserError($"unknown protocol name ({UntrustedText.Escape(spec[..colon])}) in: -s {UntrustedText.Escape(spec)}");
        foreach (string item in spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            bool exclude = item.StartsWith('^');
            string state = (exclude ? item[1..] : item).ToUpperInvariant();
            if (!SocketStates.TcpStateNames.Contains(state)) throw new UserError($"unknown TCP state name: {UntrustedText.Escape(exclude ? item[1..] : item)}");
            Selection.States.Add(InetProtocol.Tcp, state, exclude);
        }
    }

    /// <summary>-i [46][TCP|UDP][@host][:port|:service|:low-high[,...]].</summary>
    private void Inet(string? spec)
    {
        if (spec == null) { Selection.Inet.Add(new InetSelector(null, null, null, null)); return; }
        string s = spec;
        int? version = null;
        if (s.StartsWith('4') || s.StartsWith('6')) { version = s[0] - '0'; s = s[1..]; }
        int end = s.IndexOfAny(['@', ':']);
        string proto = end < 0 ? s : s[..end];
        InetProtocol? protocol = proto.ToUpperInvariant() switch
        {
            "" => null,
            "TCP" => InetProtocol.Tcp,
            "UDP" => InetProtocol.Udp,
            _ => throw new UserError($"unknown protocol name ({UntrustedText.Escape(proto)}) in: -i {UntrustedText.Escape(spec)}"),
        };
        s = end < 0 ? "" : s[end..];
        List<IPAddress>? hosts = null;
        if (s.StartsWith('@'))
        {
            string host;
            if (s.StartsWith("@[", StringComparison.Ordinal) && s.IndexOf(']') is > 0 and var close) { host = s[2..close]; s = s[(close + 1)..]; }
            else { int colon = s.IndexOf(':'); host = colon < 0 ? s[1..] : s[1..colon]; s = colon < 0 ? "" : s[colon..]; }
            hosts = IPAddress.TryParse(host, out var ip) ? [ip] : HostAddresses(host);
            if (hosts.Count == 0) throw new UserError($"unknown host name ({UntrustedText.Escape(host)}) in: -i {UntrustedText.Escape(spec)}");
        }
        List<(int, int)>? ports = null;
        if (s.StartsWith(':'))
        {
            ports = [];
            foreach (string item in s[1..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                int dash = item.IndexOf('-');
                if (IsNumber(item)) ports.Add((int.Parse(item), int.Parse(item)));
                else if (dash > 0 && IsNumber(item[..dash]) && IsNumber(item[(dash + 1)..])) ports.Add((int.Parse(item[..dash]), int.Parse(item[(dash + 1)..])));
                else if (ServicePort(item, protocol) is int port) ports.Add((port, port));
                else throw new UserError($"unknown service {UntrustedText.Escape(item)} in: -i {UntrustedText.Escape(spec)}");
            }
        }
        else if (s.Length > 0) throw new UserError($"unknown protocol name ({UntrustedText.Escape(s)}) in: -i {UntrustedText.Escape(spec)}");
        Selection.Inet.Add(new InetSelector(version, protocol, hosts, ports));
    }

    private static List<IPAddress> HostAddresses(string name)
    {
        var list = new List<IPAddress>();
        foreach (var raw in NameFiles.ReadOrEmpty("/etc/hosts").Split('\n'))
        {
            var fields = raw.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 1 && fields.Skip(1).Contains(name) && IPAddress.TryParse(fields[0], out var ip)) list.Add(ip);
        }
        return list;
    }

    private int? ServicePort(string name, InetProtocol? protocol)
    {
        _names ??= EndpointNames.FromSystem();
        for (int p = 1; p < 65536; p++)
            if (protocol != InetProtocol.Udp && _names.Service(p, InetProtocol.Tcp) == name
                || protocol != InetProtocol.Tcp && _names.Service(p, InetProtocol.Udp) == name) return p;
        return null;
    }
}
