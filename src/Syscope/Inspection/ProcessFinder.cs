using System.Text.RegularExpressions;
using Syscope.Inspection.Procfs;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Inspection;

/// <summary>
/// pgrep --full semantics: a pattern is a regular expression searched in each full command line.
/// Like pgrep, syscope never matches itself, nor the commands that exist only to run it (sudo,
/// timeout, env, sh -c ...), whose command lines hold the pattern only because they hold
/// syscope's.  A target that looks like a number is a PID or an error, never a pattern.
/// </summary>
internal static class ProcessFinder
{
    /// <summary>What the help of each command that takes a pattern says about it.</summary>
    public const string PatternHelp =
        "a pattern never matches syscope itself nor the commands that run it (sudo, timeout, sh -c ...)";

    public static List<ProcessEntry> Find(string pattern)
    {
        var regex = UserPattern.TryCompile(pattern, out string problem)
            ?? throw new UserError($"invalid pattern {UntrustedText.Quote(pattern)}: {problem}");
        var excluded = SelfAndWrappers();
        var matches = new List<ProcessEntry>();
        foreach (int pid in ProcessTable.Pids())
        {
            if (excluded.Contains(pid)) continue;
            ProcessEntry? p;
            // A process whose /proc files are closed to us (hidepid, LSMs) cannot match, as in pgrep.
            try { p = ProcessTable.TryRead(pid); }
            catch (UserError) { continue; }
            if (p != null && IsMatch(regex, p.MatchText, pattern)) matches.Add(p);
        }
        return matches;
    }

    private static bool IsMatch(Regex regex, string text, string pattern)
    {
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException)
        {
            throw new UserError($"pattern {UntrustedText.Quote(pattern)} takes too long to match (it backtracks without end); simplify it");
        }
    }

    /// <summary>
    /// syscope's PID and its parents while each one's command line holds syscope's arguments
    /// in order (sudo syscope why x, timeout 5 syscope trace -p x, sh -c 'syscope ps x'): those
    /// match a pattern only because they run syscope.  The walk stops at the first parent that
    /// does not, such as the user's shell.
    /// </summary>
    public static HashSet<int> SelfAndWrappers()
    {
        int self = Environment.ProcessId;
        var set = new HashSet<int> { self };
        string[] args = (ProcText.TryRead("/proc/self/cmdline") ?? "").TrimEnd('\0').Split('\0')[1..];
        if (args.All(a => a.Length == 0)) return set;
        int pid = self;
        while (ProcStat.TryRead($"/proc/{pid}/stat", out var stat) && stat.Ppid > 1 && set.Count < 64)
        {
            string? parent = ProcessTable.TryReadCommandLine(stat.Ppid);
            if (parent == null || !HoldsInOrder(parent, args)) break;
            set.Add(stat.Ppid);
            pid = stat.Ppid;
        }
        return set;
    }

    private static bool HoldsInOrder(string text, string[] parts)
    {
        int at = 0;
        foreach (string part in parts)
        {
            int found = text.IndexOf(part, at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + part.Length;
        }
        return true;
    }

    /// <summary>True for a PID; false for a pattern.  A target that looks like a number (digits,
    /// with or without a sign) but is no valid PID is an error, as lsof's -p says.</summary>
    public static bool IsPid(string target, out int pid)
    {
        pid = 0;
        string digits = target.Length > 0 && target[0] is '+' or '-' ? target[1..] : target;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        if (target[0] is '+' or '-' || !int.TryParse(digits, out pid) || pid <= 0)
            throw new UserError($"illegal process ID: {target}");
        return true;
    }

    /// <summary>Every process the target names: one for a PID, all matches for a pattern.</summary>
    public static List<ProcessEntry> ResolveMany(string target)
    {
        if (IsPid(target, out int pid))
            return [ProcessTable.TryRead(pid) ?? throw new UserError($"no process with PID {pid}")];
        var found = Find(target);
        if (found.Count == 0) throw new UserError($"no process matches {UntrustedText.Quote(target)}");
        return found;
    }

    /// <summary>Exactly one process, for commands that inspect one.</summary>
    public static ProcessEntry Resolve(string target)
    {
        var found = ResolveMany(target);
        if (found.Count == 1) return found[0];
        var lines = found.Select(p => $"  {p.Pid} {p.DisplayCommand}");
        throw new UserError($"{UntrustedText.Quote(target)} matches {found.Count} processes; give one PID:\n{string.Join('\n', lines)}");
    }
}
