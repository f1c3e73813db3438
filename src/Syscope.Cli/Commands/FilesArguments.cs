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
    /// <summary>-X and +e/-e: what is left unread.</summary>
    public FilesReading Reading { get; private set; } = new();
    public LsofColumns Columns { get; private set; } = new();
    public bool Terse { get; private set; }
    public string? Fields { get; private set; }
    public bool FieldsNul { get; private set; }
    public bool Json { get; private set; }
    public bool Help { get; private set; }
    public bool Version { get; private set; }
    /// <summary>-r N (repeat until interrupted) or +r N (until nothing is listed); N 0 lists once.</summary>
    public int? RepeatSeconds { get; private set; }
    public bool RepeatUntilEmpty { get; private set; }
    /// <summary>-r's m&lt;fmt&gt;: the marker line as a strftime format, instead of "=======".</summary>
    public string? RepeatMarker { get; private set; }
    /// <summary>-b: lsof avoids calls that may block (stat, readlink) on FILE names and mount points, and says so.</summary>
    public bool AvoidBlocking { get; private set; }
    /// <summary>-w (and -t): no warnings.</summary>
    public bool NoWarnings { get; private set; }
    /// <summary>What lsof writes on stderr before listing, in its order, without its "lsof: " prefix
    /// (lines that begin with a space are continuations, written as they are).</summary>
    public List<string> Notices { get; } = [];
    /// <summary>A FILE or directory could not be used: lsof said so among the notices and exits 1.</summary>
    public bool FileFailed { get; private set; }
    /// <summary>The usage error, in lsof's words, when the command line is wrong.</summary>
    public string? Error { get; private set; }

    private readonly List<string> _words;
    private readonly List<string> _fileNames = [];
    private int _next;
    private bool _size, _offset, _crossFileSystems, _followLinks, _crossOver, _directory, _mountsNoted;
    private EndpointNames? _names;

    private FilesArguments(string[] args) => _words = [.. args];

    /// <summary>Never throws for a wrong command line: Error says what is wrong, after whatever
    /// Notices lsof would have written first.</summary>
    public static FilesArguments Parse(string[] args)
    {
        var a = new FilesArguments(args);
        try { a.ParseAll(); }
        catch (UserError e) { a.Error = e.Message; }
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
        if (Fields != null && Terse) throw new UserError("-F and -t are mutually exclusive");
        if (Fields != null && RepeatMarker != null && HasNewlineConversion(RepeatMarker))
            throw new UserError($"%n illegal in -r m<fmt> when -F has been specified: \"{UntrustedText.Escape(RepeatMarker)}\"");
        if (_crossOver && !_directory) throw new UserError("-x must accompany +d or +D");
        if (Reading.SkipInet && Selection.Inet.Count > 0) throw new UserError("-i is useless when -X is specified.");
        Columns = Columns with { SizeOff = _size ? SizeOffColumn.Size : _offset ? SizeOffColumn.Offset : SizeOffColumn.Both };
    }

    private static bool HasNewlineConversion(string format)
    {
        for (int i = format.IndexOf('%'); i >= 0 && i + 1 < format.Length; i = format.IndexOf('%', i + 2))
            if (format[i + 1] == 'n') return true;
        return false;
    }

    /// <summary>Turns the names into selections: files, or PIDs and patterns when no such file
    /// exists.  Apart from parsing, since a name that matches nothing is no usage error.  With -b
    /// a name is not even stat'ed, so it is a file lsof cannot use, as lsof says.</summary>
    public void ResolveNames()
    {
        foreach (string name in _fileNames)
        {
            if (!AvoidBlocking) { Positional(name); continue; }
            Avoiding("readlink", name);
            NoteMounts();
            Avoiding("stat", name);
            Notices.Add($"status error on {UntrustedText.Escape(name)}: {Kernel.Errno.Message(Kernel.Errno.EAGAIN)}");
            Selection.Files.Add(new FileSelector(name, "", 0, FileSelectorKind.Missing));
            FileFailed = true;
        }
        NoteMounts();
    }

    private void Avoiding(string call, string path)
    {
        if (!NoWarnings) Notices.Add($"avoiding {call}({UntrustedText.Escape(path)}): -b was specified.");
    }

    /// <summary>-b: lsof does not stat the mount points either, and warns once for each.</summary>
    private void NoteMounts()
    {
        if (!AvoidBlocking || NoWarnings || _mountsNoted) return;
        _mountsNoted = true;
        foreach (var (dir, type) in MountInfo.Mounts())
        {
            Avoiding("readlink", dir);
            Avoiding("stat", dir);
            Notices.Add($"WARNING: can't stat() {UntrustedText.Escape(type)} file system {UntrustedText.Escape(dir)}");
            Notices.Add("      Output information may be incomplete.");
        }
    }

    /// <summary>+e/-e PATH: PATH must be a mount point, as lsof requires.</summary>
    private void Exempt(char sign, string? path)
    {
        // lsof prints the C library's "(null)" for a value left out.
        if (path == null || path.StartsWith('-') || path.StartsWith('+'))
            throw new UserError($"{sign}e not followed by a file system path: \"{UntrustedText.Escape(path ?? "(null)")}\"");
        if (!MountInfo.Mounts().Any(m => m.Dir == path))
            throw new UserError($"\"{sign}e {UntrustedText.Escape(path)}\" is not a mounted file system.");
        Reading = Reading with { Exempt = [.. Reading.Exempt ?? [], new Exemption(sign, path)] };
    }

    /// <summary>-N: the device numbers of the NFS file systems mounted, whose files it selects.</summary>
    private static HashSet<ulong> NfsDevices()
    {
        var devices = new HashSet<ulong>();
        foreach (var (dir, type) in MountInfo.Mounts())
            if (type.StartsWith("nfs", StringComparison.Ordinal) && FileStatus.Stat(UntrustedText.ToBytes(dir), out var st) == 0) devices.Add(st.Device);
        return devices;
    }

    /// <summary>The letters of one word: flags, until an option that takes a value eats the rest.</summary>
    private void Cluster(char sign, string letters)
    {
        bool plus = sign == '+';
        for (int i = 0; i < letters.Length; i++)
        {
            char c = letters[i];
            string rest = letters[(i + 1)..];
            switch (c)
            {
                case 'a' when !plus: Selection.And = true; break;
                case 'b' when !plus: AvoidBlocking = true; break;
                case 'w': NoWarnings = !plus; break;
                case 'l' when !plus: Columns = Columns with { NumericUids = true }; break;
                case 'n' when !plus: Naming = Naming with { NumericHosts = true }; break;
                case 'P' when !plus: Naming = Naming with { NumericPorts = true }; break;
                case 'R' when !plus: Columns = Columns with { Ppid = true }; break;
                case 't' when !plus: Terse = NoWarnings = true; break;
                case 'U' when !plus: Selection.Unix = true; break;
                case 'v' when !plus: Version = true; break;
                case 'E':
                    Naming = Naming with { Peers = true, PeerFiles = plus };
                    Columns = Columns with { Peers = true };
                    break;
                case 'N' when !plus: Selection.Nfs = NfsDevices(); break;
                // -M: portmapper registrations are not shown, which is lsof's default too.
                case 'M' when !plus: break;
                case 'M': throw new UserError("+M is not supported: syscope does not ask the portmapper for registrations");
                case 'X' when !plus: Reading = Reading with { SkipInet = true }; break;
                case 'e':
                    Exempt(sign, rest.Length > 0 ? rest : _next < _words.Count ? _words[_next++] : null);
                    return;
                case 'p' when !plus: Pids(Required(rest, "no process ID specified")); return;
                case 'c' when !plus: Command(Required(rest, "missing -c option value")); return;
                case 'c':
                    string width = Required(rest, "+c not followed by width number");
                    if (!IsNumber(width) || !int.TryParse(width, out int w)) throw new UserError("+c not followed by width number");
                    // The kernel keeps 15 bytes of a process name (TASK_COMM_LEN).
                    if (w > 15) throw new UserError($"+c {w} > what system provides (15)");
                    Columns = Columns with { CommandLimit = w };
                    return;
                case 'u' when !plus: Users(Required(rest, "no UIDs specified")); return;
                case 'd' when !plus: FdList(Required(rest, "no file descriptor specified")); return;
                case 'd' or 'D' when plus:
                    // lsof says +d for +D too.
                    string dir = Required(rest, "+d not followed by a directory path");
                    if (dir.StartsWith('-') || dir.StartsWith('+')) throw new UserError("+d not followed by a directory path");
                    Directory(dir, c == 'D');
                    return;
                default:
                    if (!ValueOption(sign, c, TakeValue(rest))) throw new UserError($"illegal option character: {UntrustedText.Escape(c.ToString())}");
                    return;
            }
        }
    }

    /// <summary>lsof's options whose value may be left out (it then gives the word back): -i, -s,
    /// -o, -S, -F, -g, -K, -T, -x, -r/+r, -L/+L.  false for a letter lsof does not know.</summary>
    private bool ValueOption(char sign, char c, OptionValue v)
    {
        bool plus = sign == '+';
        bool none = v.Text is null || v.Text.StartsWith('-') || v.Text.StartsWith('+');
        int digits = none ? 0 : v.Text!.TakeWhile(char.IsAsciiDigit).Count();
        switch (c)
        {
            case 'i' when !plus:
                if (none) { Inet(null); GiveBack(sign, v, 0); }
                else Inet(v.Text!);
                return true;
            case 's' when !plus:
                if (none) { _size = true; GiveBack(sign, v, 0); }
                else States(v.Text!);
                return true;
            case 'o' when !plus:
                // -o N sets lsof's number of offset digits, which changes nothing here; -o alone the OFFSET column.
                if (digits == 0) _offset = true;
                GiveBack(sign, v, digits);
                return true;
            case 'S' when !plus:
                if (digits > 0 && int.TryParse(v.Text![..digits], out int limit) && limit < 2)
                    Notices.Add($"WARNING: -S time ({limit}) changed to 2");
                GiveBack(sign, v, digits);
                return true;
            case 'F' when !plus:
                if (none) GiveBack(sign, v, 0);
                FieldLetters(none ? "" : v.Text!);
                return true;
            case 'g':
                if (none) GiveBack(sign, v, 0);
                else ProcessGroups(v.Text!);
                Columns = Columns with { Pgid = true };
                return true;
            case 'K':
                if (none) { Selection.Tasks = true; GiveBack(sign, v, 0); }
                else if (v.Text!.Equals("i", StringComparison.OrdinalIgnoreCase)) Selection.Tasks = false;
                else throw new UserError($"-K not followed by i (but by {UntrustedText.Escape(v.Text)})");
                Columns = Columns with { Tasks = Selection.Tasks };
                return true;
            case 'T':
                if (none) { Columns = Columns with { TcpInfo = plus ? TcpInfo.State : TcpInfo.None }; GiveBack(sign, v, 0); return true; }
                var info = TcpInfo.None;
                foreach (char t in v.Text!)
                    info |= t switch
                    {
                        's' => TcpInfo.State,
                        'q' => TcpInfo.Queues,
                        'f' => TcpInfo.Flags,
                        _ => throw new UserError($"unsupported TCP/TPI info selection: {UntrustedText.Escape(t.ToString())}"),
                    };
                Columns = Columns with { TcpInfo = info };
                return true;
            case 'x':
                if (none) { _crossFileSystems = _followLinks = _crossOver = true; GiveBack(sign, v, 0); return true; }
                foreach (char x in v.Text!)
                {
                    if (x == 'f') _crossFileSystems = true;
                    else if (x == 'l') _followLinks = true;
                    else throw new UserError($"unknown cross-over option: {UntrustedText.Escape(x.ToString())}");
                }
                _crossOver = true;
                return true;
            case 'L':
                Columns = Columns with { Links = plus };
                if (digits > 0)
                {
                    if (!plus) throw new UserError("no number may follow -L");
                    Selection.LinkLimit = ulong.Parse(v.Text![..digits]);
                }
                GiveBack(sign, v, digits);
                return true;
            case 'r':
                Repeat(sign, v, digits);
                return true;
            default:
                GiveBack(sign, v, 0);
                return false;
        }
    }

    /// <summary>-r [N][m&lt;fmt&gt;] / +r: N seconds (15 when left out; 0 lists once), and the marker
    /// line as a strftime format.</summary>
    private void Repeat(char sign, OptionValue v, int digits)
    {
        RepeatUntilEmpty |= sign == '+';
        RepeatSeconds = digits > 0 && int.TryParse(v.Text![..digits], out int seconds) ? seconds : 15;
        if (v.Text is null || v.Text.StartsWith('-') || v.Text.StartsWith('+')) { GiveBack(sign, v, 0); return; }
        if (digits == v.Text.Length) return;
        int at = digits;
        while (at < v.Text.Length && v.Text[at] == ' ') at++;
        if (at == v.Text.Length || v.Text[at] != 'm') { GiveBack(sign, v, digits); return; }
        string format = v.Text[(at + 1)..];
        if (MarkerFormat.Format(format).Length == 0) throw new UserError($"illegal <fmt>: \"{UntrustedText.Escape(format)}\"");
        RepeatMarker = format;
    }

    /// <summary>An option's possible value as lsof's GetOpt finds it: the rest of the word, else the
    /// next word (never "--").  InWord tells which, for giving back what the option does not use.</summary>
    private readonly record struct OptionValue(string? Text, bool InWord);

    private OptionValue TakeValue(string rest) =>
        rest.Length > 0 ? new(rest, true)
        : _next < _words.Count && _words[_next] != "--" ? new(_words[_next++], false)
        : new(null, false);

    /// <summary>What an option leaves of its value is read again: the rest of its own word as more
    /// option letters, a next word it did not use at all as a word of its own.</summary>
    private void GiveBack(char sign, OptionValue v, int used)
    {
        if (v.Text == null || used >= v.Text.Length && v.Text.Length > 0) return;
        if (v.InWord || used > 0) Cluster(sign, v.Text[used..]);
        else _next--;
    }

    private static bool IsNumber(string w) => w.Length > 0 && w.All(char.IsAsciiDigit);

    private string Required(string rest, string missing)
    {
        if (rest.Length > 0) return rest;
        if (_next < _words.Count) return _words[_next++];
        throw new UserError(missing);
    }

    private void Pids(string list) => Ids(list, "process", "PID", Selection.Pids, Selection.ExcludedPids);

    private void ProcessGroups(string list) => Ids(list, "process group", "PGID", Selection.Pgids, Selection.ExcludedPgids);

    /// <summary>-p and -g lists: IDs, ^ID to leave one out; lsof names the whole list when one is wrong.</summary>
    private static void Ids(string list, string what, string short_, List<int> included, HashSet<int> excluded)
    {
        foreach (string item in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            bool exclude = item.StartsWith('^');
            string digits = exclude ? item[1..] : item;
            if (!IsNumber(digits) || !int.TryParse(digits, out int id)) throw new UserError($"illegal {what} ID: {UntrustedText.Escape(list)}");
            if ((exclude ? included.Contains(id) : excluded.Contains(id))) throw new UserError($"{short_} {id} has been included and excluded.");
            if (exclude) excluded.Add(id);
            else if (!included.Contains(id)) included.Add(id);
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

    /// <summary>+d/+D, entered when met, as lsof enters them: with the -x and -b given before.</summary>
    private void Directory(string path, bool recursive)
    {
        _directory = true;
        if (AvoidBlocking)
        {
            Avoiding("readlink", path);
            Avoiding("stat", path);
            throw new UserError($"WARNING: can't stat({UntrustedText.Escape(path)}): {Kernel.Errno.Message(Kernel.Errno.EAGAIN)}");
        }
        int rc = FileStatus.Stat(UntrustedText.ToBytes(path), out var st);
        if (rc != 0 || st.Type != FileStat.S_IFDIR)
        {
            if (!NoWarnings)
                Notices.Add(rc != 0 ? $"WARNING: can't stat({UntrustedText.Escape(path)}): {Kernel.Errno.Message(-rc)}" : $"WARNING: not a directory: {UntrustedText.Escape(path)}");
            Selection.Files.Add(new FileSelector(path, "", 0, FileSelectorKind.Missing));
            FileFailed = true;
            return;
        }
        string full = Path.GetFullPath(path);
        if (full.Length > 1) full = full.TrimEnd('/');
        Selection.Files.Add(new FileSelector(full, "", 0, recursive ? FileSelectorKind.Tree : FileSelectorKind.Directory)
        { Entries = DirectoryEntries.Collect(full, st, recursive, _crossFileSystems, _followLinks) });
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
            Notices.Add($"status error on {UntrustedText.Escape(word)}: {Kernel.Errno.Message(-rc)}");
            Selection.Files.Add(new FileSelector(word, "", 0, FileSelectorKind.Missing));
            FileFailed = true;
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
        foreach (char c in letters)
            if (c != '0' && !LsofFieldWriter.Known.Contains(c)) throw new UserError($"unknown field: {UntrustedText.Escape(c.ToString())}");
        FieldsNul = letters.Contains('0');
        letters = letters.Replace("0", "");
        Fields = letters.Length == 0 ? LsofFieldWriter.DefaultLetters : letters;
    }

    private void States(string spec)
    {
        int colon = spec.IndexOf(':');
        string protocol = colon < 0 ? "" : spec[..colon].ToUpperInvariant();
        if (protocol == "UDP") throw new UserError($"no UDP state names available: {UntrustedText.Escape(spec)}");
        if (protocol != "TCP") throw new UserError($"unknown -s protocol: \"{UntrustedText.Escape(spec)}\"");
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
