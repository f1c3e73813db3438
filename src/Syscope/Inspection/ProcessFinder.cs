using System.Text.RegularExpressions;
using Syscope.Tracing;

namespace Syscope.Inspection;

/// <summary>
/// pgrep --full semantics: a pattern is a regular expression searched in each full command line;
/// syscope's own process is never a match, as pgrep never matches itself.  A target that is all
/// digits is a PID.
/// </summary>
public static class ProcessFinder
{
    public static List<ProcessEntry> Find(string pattern)
    {
        Regex regex;
        try { regex = new Regex(pattern, RegexOptions.CultureInvariant); }
        // The parser's own message is a bare resource key under NativeAOT; its error code is not.
        catch (RegexParseException e) { throw new UserError($"invalid pattern '{pattern}' at offset {e.Offset}: {e.Error}"); }
        int self = Environment.ProcessId;
        var matches = new List<ProcessEntry>();
        foreach (int pid in ProcessTable.Pids())
        {
            if (pid == self) continue;
            ProcessEntry? p;
            // A process whose /proc files are closed to us (hidepid, LSMs) cannot match, as in pgrep.
            try { p = ProcessTable.TryRead(pid); }
            catch (UserError) { continue; }
            if (p != null && regex.IsMatch(p.MatchText)) matches.Add(p);
        }
        return matches;
    }

    public static bool IsPid(string target, out int pid) =>
        int.TryParse(target, System.Globalization.NumberStyles.None, null, out pid) && pid > 0;

    /// <summary>Every process the target names: one for a PID, all matches for a pattern.</summary>
    public static List<ProcessEntry> ResolveMany(string target)
    {
        if (IsPid(target, out int pid))
            return [ProcessTable.TryRead(pid) ?? throw new UserError($"no process with PID {pid}")];
        var found = Find(target);
        if (found.Count == 0) throw new UserError($"no process matches '{target}'");
        return found;
    }

    /// <summary>Exactly one process, for commands that inspect one.</summary>
    public static ProcessEntry Resolve(string target)
    {
        var found = ResolveMany(target);
        if (found.Count == 1) return found[0];
        var lines = found.Select(p => $"  {p.Pid} {p.DisplayCommand}");
        throw new UserError($"'{target}' matches {found.Count} processes; give one PID:\n{string.Join('\n', lines)}");
    }
}
