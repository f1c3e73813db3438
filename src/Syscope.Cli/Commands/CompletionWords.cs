using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Cli.Commands;

/// <summary>
/// The words a shell may offer for a value, from the tables that decide what the value means:
/// syscall names from the syscall rows, classes from SyscallClasses, signal names from the signal
/// table, processes from /proc.  Lists ("open,clo", "!SIGCHLD,SIGT") are completed at their last
/// item, keeping what comes before it.
/// </summary>
internal static class CompletionWords
{
    /// <summary>-e trace=VALUE: syscall names, %classes, behind '!', ',' and '?'.</summary>
    public static IEnumerable<string> Syscalls(string value)
    {
        var (lead, item) = LastItem(value);
        if (item.StartsWith('?')) (lead, item) = (lead + "?", item[1..]);
        var classes = SyscallClasses.Names.Select(c => "%" + c);
        IEnumerable<string> words = item.StartsWith('%') ? classes
            : item.StartsWith('/') ? []
            : SyscallTable.All.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).Concat(item.Length == 0 ? classes : []);
        return Matching(lead, item, words);
    }

    /// <summary>-e signal=VALUE, pkill --signal: SIGNAMEs, and names without SIG once a letter is typed that is not SIG's.</summary>
    public static IEnumerable<string> Signals(string value, bool list = true)
    {
        var (lead, item) = list ? LastItem(value) : ("", value);
        var names = SignalNamesList();
        bool bare = item.Length > 0 && !"SIG".StartsWith(item.Length > 3 ? item[..3] : item, StringComparison.Ordinal);
        return Matching(lead, item, bare ? names.Select(n => n[3..]) : names);
    }

    /// <summary>"SIGHUP".."SIGSYS" and SIGRTMIN, in number order.</summary>
    public static IReadOnlyList<string> SignalNamesList() =>
        [.. Enumerable.Range(1, SignalNames.SIGRTMIN).Select(SignalNames.Name).Where(n => n.StartsWith("SIG", StringComparison.Ordinal))];

    /// <summary>-p VALUE: the PIDs of running processes, then their names (those a shell can take
    /// as they are: a name with blanks, quotes or control bytes is left out, never printed).</summary>
    public static IEnumerable<string> Processes(string value, bool names = true)
    {
        var (lead, item) = LastItem(value);
        var pids = new List<int>();
        var comms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId) continue;
            pids.Add(pid);
            if (names && Inspection.Procfs.ProcText.TryRead($"/proc/{pid}/comm")?.TrimEnd('\n') is { Length: > 0 } comm && comm.All(ShellSafe)) comms.Add(comm);
        }
        pids.Sort();
        return Matching(lead, item, pids.Select(p => p.ToString()).Concat(comms));
    }

    /// <summary>A value that is one of the words.</summary>
    public static IEnumerable<string> Word(string value, IEnumerable<string> words) => Matching("", value, words);

    /// <summary>A list of the words ("successful,fa", "!attach"): its last item.</summary>
    public static IEnumerable<string> Items(string value, IEnumerable<string> words)
    {
        var (lead, item) = LastItem(value);
        return Matching(lead, item, words);
    }

    /// <summary>Characters a completion may hold without quoting.</summary>
    private static bool ShellSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or ':' or '@' or '%';

    /// <summary>"!open,clo" is ("!open,", "clo"): a leading '!' and the items before the last one stay.</summary>
    private static (string Lead, string Item) LastItem(string value)
    {
        int comma = value.LastIndexOf(',');
        if (comma >= 0) return (value[..(comma + 1)], value[(comma + 1)..]);
        return value.StartsWith('!') ? ("!", value[1..]) : ("", value);
    }

    private static IEnumerable<string> Matching(string lead, string item, IEnumerable<string> words) =>
        words.Where(w => w.StartsWith(item, StringComparison.Ordinal)).Select(w => lead + w);
}
