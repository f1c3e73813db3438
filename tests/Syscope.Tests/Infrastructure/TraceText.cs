using System.Text.RegularExpressions;

namespace Syscope.Tests.Infrastructure;

/// <summary>Masks what changes from run to run (addresses, pids, times) so two traces compare
/// line by line, and nothing else.</summary>
public static partial class TraceText
{
    [GeneratedRegex(@"0x[0-9a-f]{6,}")] private static partial Regex Address();
    [GeneratedRegex(@"^\d+ +")] private static partial Regex FilePidPrefix();
    [GeneratedRegex(@"\[pid +\d+\] ")] private static partial Regex PidPrefix();
    [GeneratedRegex(@" <\d+\.\d+>$")] private static partial Regex Duration();

    public static string Mask(string line, IReadOnlyDictionary<string, string>? pids = null)
    {
        line = Address().Replace(line, "0xADDR");
        line = FilePidPrefix().Replace(line, "PID ");
        line = PidPrefix().Replace(line, "[pid PID] ");
        line = Duration().Replace(line, " <T>");
        if (pids != null) foreach (var (pid, name) in pids) line = Regex.Replace(line, $@"\b{pid}\b", name);
        return line;
    }

    /// <summary>The lines between the tracee's start marker (a getppid() call) and its exit.</summary>
    public static List<string> AfterMarker(IEnumerable<string> lines) =>
        lines.SkipWhile(l => !l.Contains("getppid()")).Skip(1).ToList();
}
