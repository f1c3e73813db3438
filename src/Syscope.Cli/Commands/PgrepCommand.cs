using System.CommandLine;
using Syscope.Inspection;
using Syscope.Inspection.Procfs;
using Syscope.Inspection.Selection;
using Syscope.Interop;
using Syscope.Text;

namespace Syscope.Cli.Commands;

/// <summary>
/// `syscope pgrep` and `syscope pkill` (and the binary called as pgrep or pkill): procps-ng
/// 4.0.2's command lines, output, messages and exit statuses (0 matched, 1 nothing matched or
/// signalled, 2 usage, 3 fatal).  Only parsing and output live here; selecting is
/// Inspection/Selection.  Every name and command line printed goes through UntrustedText.Escape.
/// </summary>
internal static class PgrepCommand
{
    private const int ExitUsage = 2, ExitFatal = 3;
    private const char Signal = '\u0100', Cgroup = '\u0101', Ns = '\u0102', NsList = '\u0103';

    // getopt_long's table, in procps's order (it decides the order of "possibilities").
    private static readonly (string, bool, char)[] s_long =
    [
        ("signal", true, Signal), ("ignore-ancestors", false, 'A'), ("count", false, 'c'), ("cgroup", true, Cgroup),
        ("delimiter", true, 'd'), ("list-name", false, 'l'), ("list-full", false, 'a'), ("full", false, 'f'),
        ("pgroup", true, 'g'), ("group", true, 'G'), ("ignore-case", false, 'i'), ("newest", false, 'n'),
        ("oldest", false, 'o'), ("older", true, 'O'), ("parent", true, 'P'), ("session", true, 's'),
        ("terminal", true, 't'), ("euid", true, 'u'), ("uid", true, 'U'), ("inverse", false, 'v'),
        ("lightweight", false, 'w'), ("exact", false, 'x'), ("pidfile", true, 'F'), ("logpidfile", false, 'L'),
        ("echo", false, 'e'), ("ns", true, Ns), ("nslist", true, NsList), ("queue", true, 'q'),
        ("runstates", true, 'r'), ("help", false, 'h'), ("version", false, 'V'),
    ];

    /// <summary>procps's option string and table (pkill's own letters, or pgrep's), which help, man
    /// pages and shell completion read too.</summary>
    public static GetoptParser Getopt(bool pkill) => new((pkill ? "eq:" : "lad:vw") + "LF:cfinoxP:O:g:s:u:U:G:t:r:Vh" + "A", s_long);

    /// <summary>`syscope pgrep` and `syscope pkill` in the command tree (Program runs them before
    /// System.CommandLine parses anything, as their getopt reads every word).</summary>
    public static Command Create(bool pkill)
    {
        string name = pkill ? "pkill" : "pgrep";
        string what = pkill ? "signal processes selected by name and other attributes, as procps-ng's pkill"
            : "list the PIDs of processes selected by name and other attributes, as procps-ng's pgrep";
        return new GetoptCommand(name, what, $"usage: syscope {name} [options] <pattern>", Getopt(pkill), "procps's options, then the pattern",
            args => Run(pkill, args, name, Console.Out, Console.Error), PgrepUsage.Text(pkill) + PgrepUsage.EscapingNote);
    }

    /// <summary>Ends the command with an exit status (procps's exit() from deep in parsing).</summary>
    private sealed class Exit(int code) : Exception
    {
        public int Code { get; } = code;
    }

    /// <summary>What a command line asks for besides the selection.</summary>
    private sealed class Request
    {
        public ProcessSelection Selection = new();
        public bool Count, ListName, ListFull, Echo, Queue;
        public string Delimiter = "\n";
        public int SignalNumber = SignalNamesProcps.SIGTERM, QueueValue;
        public string? PidFile;
        public bool Lock;
    }

    /// <summary>Runs pgrep (pkill: false) or pkill.  program: the name getopt's messages start
    /// with (argv[0] as called); procps's own messages say pgrep: or pkill:.</summary>
    public static int Run(bool pkill, string[] args, string program, TextWriter output, TextWriter error)
    {
        string name = pkill ? "pkill" : "pgrep";
        t_name = name;
        try
        {
            var request = Parse(pkill, [.. args], program, name, output, error);
            using var selector = ProcessSelector.TryCreate(request.Selection, out string problem);
            if (selector == null)
            {
                error.WriteLine($"{name}: regex error: {problem}");
                return ExitUsage;
            }
            var s = request.Selection;
            var found = selector.Select(ProcessFinder.SelfAndWrappers());
            // procps says so only when nothing matched.
            if (found.Count == 0 && s.Pattern != null && !s.Full && UntrustedText.ToBytes(s.Pattern).Length > 15)
                error.WriteLine($"{name}: pattern that searches for process name longer than 15 characters will result in zero matches\n" +
                    $"Try `{name} -f' option to match against the complete command line.");
            int code = pkill ? Kill(request, found, output, error) : List(request, found, output);
            output.Flush();
            return code;
        }
        catch (Exit e)
        {
            output.Flush();
            return e.Code;
        }
    }

    private static int List(Request r, List<SelectedProcess> found, TextWriter output)
    {
        if (r.Count) output.Write($"{found.Count}\n");
        else
            for (int i = 0; i < found.Count; i++)
            {
                var p = found[i];
                output.Write(p.Pid);
                if (r.ListName || r.ListFull) output.Write(" " + UntrustedText.Escape(r.ListFull ? p.CommandLine : p.Name));
                output.Write(i + 1 < found.Count ? r.Delimiter : "\n");
            }
        return found.Count > 0 ? 0 : 1;
    }

    private static int Kill(Request r, List<SelectedProcess> found, TextWriter output, TextWriter error)
    {
        int killed = 0;
        foreach (var p in found)
        {
            int rc = r.Queue ? Signals.Queue(p.Pid, r.SignalNumber, r.QueueValue) : Signals.Kill(p.Pid, r.SignalNumber);
            if (rc == 0)
            {
                if (r.Echo)
                {
                    // procps echoes the name it read for matching: none without -l/-a or a pattern.
                    string shown = r.ListFull ? p.CommandLine : r.ListName || r.Selection.Pattern != null ? p.Name : "";
                    output.Write($"{UntrustedText.Escape(shown)} killed (pid {p.Pid})\n");
                }
                killed++;
            }
            else if (-rc != Kernel.Errno.ESRCH)
            {
                output.Flush();
                error.WriteLine($"pkill: killing pid {p.Pid} failed: {Kernel.Errno.Message(-rc)}");
            }
        }
        if (r.Count) output.Write($"{found.Count}\n");
        return killed > 0 ? 0 : 1;
    }

    private static Request Parse(bool pkill, List<string> args, string program, string name, TextWriter output, TextWriter error)
    {
        var r = new Request();
        if (pkill && TakeSignalWord(args) is int word) r.SignalNumber = word;
        var parsed = Getopt(pkill).Parse(args, program, out string? problem);
        if (parsed == null)
        {
            error.WriteLine(problem);
            throw Usage(pkill, error, help: false);
        }
        var s = r.Selection;
        int criteria = 0;
        foreach (var (key, arg) in parsed.Value.Options)
        {
            string a = arg ?? "";
            switch (key)
            {
                case Signal:
                    r.SignalNumber = SignalNamesProcps.Number(a);
                    if (r.SignalNumber == -1 && a.Length > 0 && char.IsAsciiDigit(a[0])) r.SignalNumber = Atoi(a);
                    break;
                case 'e': r.Echo = true; break;
                case 'F': r.PidFile = a; criteria++; break;
                case 'L': r.Lock = true; break;
                case 'G': s = s with { RealGids = List(a, pkill, error, Group) }; criteria++; break;
                case 'P': s = s with { ParentPids = List(a, pkill, error, Number) }; criteria++; break;
                case 'U': s = s with { RealUids = List(a, pkill, error, User) }; criteria++; break;
                case 'u': s = s with { EffectiveUids = List(a, pkill, error, User) }; criteria++; break;
                case 'g': s = s with { ProcessGroups = List(a, pkill, error, ProcessGroup) }; criteria++; break;
                case 's': s = s with { Sessions = List(a, pkill, error, Session) }; criteria++; break;
                case 't': s = s with { Terminals = Names(a, pkill, error, (t, _) => t) }; criteria++; break;
                case Cgroup: s = s with { Cgroups = Names(a, pkill, error, (t, _) => t) }; criteria++; break;
                case 'V':
                    output.Write($"{name} from procps-ng 4.0.2 (syscope)\n");
                    throw new Exit(0);
                case 'c': r.Count = true; break;
                case 'd': r.Delimiter = a; break;
                case 'f': s = s with { Full = true }; break;
                case 'i':
                    if (s.IgnoreCase) throw Usage(pkill, output, help: true);
                    s = s with { IgnoreCase = true };
                    break;
                case 'l': r.ListName = true; break;
                case 'a': r.ListFull = true; break;
                case 'n' or 'o' or 'v':
                    if (s.Newest || s.Oldest || s.Inverse) throw Usage(pkill, error, help: false);
                    s = key == 'n' ? s with { Newest = true } : key == 'o' ? s with { Oldest = true } : s with { Inverse = true };
                    if (key != 'v') criteria++;
                    break;
                case 'O': s = s with { OlderSeconds = Atoi(a) }; criteria++; break;
                case 'w': s = s with { Threads = !pkill }; break;
                case 'x': s = s with { Exact = true }; break;
                case 'A': s = s with { IgnoreAncestors = true }; break;
                case 'r': s = s with { RunStates = a }; criteria++; break;
                case Ns: s = s with { NamespacePid = Atoi(a) }; criteria++; break;
                case NsList:
                    var kinds = Names(a, pkill, error, (k, _) => ProcessSelection.AllNamespaceKinds.Contains(k) ? k : null);
                    s = s with { NamespaceKinds = [.. ProcessSelection.AllNamespaceKinds.Where(kinds.Contains)] };
                    break;
                case 'q': r.QueueValue = Atoi(a); r.Queue = true; break;
                case 'h': throw Usage(pkill, output, help: true);
            }
        }
        if (r.Lock && r.PidFile == null) throw Fail(error, ExitUsage, $"{name}: -L without -F makes no sense\nTry `{name} --help' for more information.");
        if (r.PidFile != null)
            s = s with { Pids = [ReadPidFile(r.PidFile, r.Lock) ?? throw Fail(error, 1, $"{name}: pidfile not valid\nTry `{name} --help' for more information.")] };
        var operands = parsed.Value.Operands;
        if (operands.Count == 1) s = s with { Pattern = operands[0] };
        else if (operands.Count > 1) throw Fail(error, ExitUsage, $"{name}: only one pattern can be provided\nTry `{name} --help' for more information.");
        else if (criteria == 0) throw Fail(error, ExitUsage, $"{name}: no matching criteria specified\nTry `{name} --help' for more information.");
        r.Selection = s;
        return r;
    }

    private static Exit Fail(TextWriter error, int code, string message)
    {
        error.WriteLine(message);
        return new Exit(code);
    }

    private static Exit Usage(bool pkill, TextWriter to, bool help)
    {
        to.Write(PgrepUsage.Text(pkill));
        if (help) to.Write(PgrepUsage.EscapingNote);
        return new Exit(help ? 0 : ExitUsage);
    }

    /// <summary>pkill's first word that is '-' and a signal (-9, -KILL, -SIGHUP) is the signal and
    /// leaves the command line before getopt reads it, wherever it stands.</summary>
    private static int? TakeSignalWord(List<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i].Length == 0 || args[i][0] != '-') continue;
            int sig = SignalNamesProcps.Number(args[i][1..]);
            if (sig < 0) continue;
            args.RemoveAt(i);
            return sig;
        }
        return null;
    }

    /// <summary>A comma-separated list, each item converted; an empty list is a usage error, an
    /// item that does not convert ends the command with status 2 (after the converter's message).</summary>
    private static List<long> List(string text, bool pkill, TextWriter error, Func<string, TextWriter, long?> convert) =>
        Names(text, pkill, error, (item, e) => convert(item, e)?.ToString()).ConvertAll(long.Parse);

    private static List<string> Names(string text, bool pkill, TextWriter error, Func<string, TextWriter, string?> convert)
    {
        if (text.Length == 0) throw Usage(pkill, error, help: false);
        var list = new List<string>();
        foreach (string item in text.Split(','))
            list.Add(convert(item, error) ?? throw new Exit(ExitUsage));
        return list;
    }

    private static long? Number(string text, TextWriter error) =>
        IdWords.Number(text) ?? Warn<long>(error, $"not a number: {text}");

    private static long? User(string text, TextWriter error) =>
        IdWords.User(text) ?? Warn<long>(error, $"invalid user name: {text}");

    private static long? Group(string text, TextWriter error) =>
        IdWords.Group(text) ?? Warn<long>(error, $"invalid group name: {text}");

    private static long? ProcessGroup(string text, TextWriter error) =>
        IdWords.ProcessGroup(text) ?? Warn<long>(error, $"invalid process group: {text}");

    private static long? Session(string text, TextWriter error) =>
        IdWords.Session(text) ?? Warn<long>(error, $"invalid session id: {text}");

    private static T? Warn<T>(TextWriter error, string message) where T : struct
    {
        // The program name of procps's xwarnx is the command's own; escaped, as any quoted argument.
        error.WriteLine(UntrustedText.EscapeLines($"{CurrentName}: {message}"));
        return null;
    }

    [ThreadStatic] private static string? t_name;
    private static string CurrentName => t_name ?? "pgrep";

    /// <summary>C's atoi: leading blanks, a sign, digits up to the first other character.</summary>
    private static int Atoi(string text)
    {
        var t = text.AsSpan().TrimStart(" \t\n\v\f\r");
        int sign = 1, i = 0;
        if (i < t.Length && t[i] is '+' or '-') sign = t[i++] == '-' ? -1 : 1;
        long value = 0;
        for (; i < t.Length && char.IsAsciiDigit(t[i]) && value < int.MaxValue; i++) value = value * 10 + (t[i] - '0');
        return (int)Math.Clamp(sign * value, int.MinValue, int.MaxValue);
    }

    /// <summary>procps's read_pidfile: a regular, non-empty file whose first 11 bytes start with a
    /// positive number followed by a blank or nothing; with -L it must be locked.</summary>
    private static long? ReadPidFile(string path, bool mustBeLocked)
    {
        if (FileStatus.Stat(path, out var st) != 0 || st.Type != FileStat.S_IFREG || st.Size < 1) return null;
        if (mustBeLocked && !FileLock.Parse(ProcText.TryRead("/proc/locks") ?? "").Any(l =>
                l.Inode == st.Inode && l.DevMajor == FileStat.Major(st.Device) && l.DevMinor == FileStat.Minor(st.Device))) return null;
        byte[] head;
        try
        {
            using var f = File.OpenRead(path);
            head = new byte[11];
            head = head[..f.Read(head)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        int i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r') i++;
        if (i < head.Length && head[i] is (byte)'+' or (byte)'-') i++;
        int start = i;
        long pid = 0;
        for (; i < head.Length && head[i] is >= (byte)'0' and <= (byte)'9'; i++) pid = pid * 10 + head[i] - '0';
        if (i == start || (int)pid < 1) return null;
        if (i < head.Length && head[i] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r' or 0)) return null;
        return pid;
    }
}
