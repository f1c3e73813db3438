using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Inspection;

/// <summary>
/// One invocation run under Debian's lsof and under `syscope files` with the same words, scored
/// row by row: the rows lsof printed that syscope did not (missing) and the reverse (extra), the
/// exit statuses and lsof's first error line (syscope must say the same after "syscope: ").
/// Identical means all of those agree and the rows come in the same order.
/// </summary>
public sealed record LsofComparison(string[] Args, RunResult Lsof, RunResult Syscope, List<string> Missing, List<string> Extra)
{
    public static LsofComparison Run(params string[] args) => RunUnder([], args);

    /// <summary>Both run by the same wrapper command (WRAPPER... lsof ARGS), e.g. in a namespace of their own.</summary>
    public static LsofComparison RunUnder(string[] wrapper, string[] args)
    {
        var theirs = wrapper.Length == 0 ? Runner.Run("lsof", args) : Runner.Run(wrapper[0], [.. wrapper[1..], "lsof", .. args]);
        var ours = wrapper.Length == 0 ? SyscopeCli.Run(["files", .. args]) : Runner.Run(wrapper[0], [.. wrapper[1..], SyscopeCli.Executable, "files", .. args]);
        return new LsofComparison(args, theirs, ours, Subtract(Rows(theirs.Stdout), Rows(ours.Stdout)), Subtract(Rows(ours.Stdout), Rows(theirs.Stdout)));
    }

    /// <summary>lsof's error line: the first that is neither a warning nor -b's notice (lsof then prints its usage).</summary>
    public string LsofError => Lsof.StderrLines.FirstOrDefault(l => l.StartsWith("lsof: ") && !l.Contains("avoiding") && !l.Contains("WARNING")) ?? "";
    public string SyscopeError => Syscope.StderrLines.FirstOrDefault(l => !l.Contains("avoiding") && !l.Contains("WARNING") && !l.StartsWith(' ')
        && !l.StartsWith("Try 'syscope files")) ?? "";

    public bool SameError => LsofError == "" ? SyscopeError == "" : SyscopeError == "syscope: " + LsofError["lsof: ".Length..];

    public bool Identical => Lsof.ExitCode == Syscope.ExitCode && Lsof.Stdout == Syscope.Stdout && SameError;

    /// <summary>The whole of stderr, lsof's prefix made syscope's and its usage text left out.</summary>
    public bool SameStderr => LsofStderr.SequenceEqual(Syscope.StderrLines.Where(l => !l.StartsWith("Try 'syscope files")));

    public IEnumerable<string> LsofStderr => Lsof.StderrLines.TakeWhile(l => !l.StartsWith("lsof 4."))
        .Select(l => l.StartsWith("lsof: ") ? "syscope: " + l["lsof: ".Length..] : l);

    public string Describe() =>
        $"lsof {string.Join(' ', Args)}: exit {Lsof.ExitCode} vs {Syscope.ExitCode}, error '{LsofError}' vs '{SyscopeError}', "
        + $"{Missing.Count} missing, {Extra.Count} extra\n"
        + string.Concat(Missing.Take(3).Select(r => $"  missing: {r}\n")) + string.Concat(Extra.Take(3).Select(r => $"  extra:   {r}\n"))
        + FirstDifference(Lsof.Stdout, Syscope.Stdout);

    /// <summary>The first line where the outputs part, with its neighbour, so a failure reads at once.</summary>
    public static string FirstDifference(string theirs, string ours)
    {
        string[] a = theirs.Split('\n'), b = ours.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "(end)", y = i < b.Length ? b[i] : "(end)";
            if (x != y) return $"  line {i + 1}\n  lsof:    {x}\n  syscope: {y}";
        }
        return "  (same stdout)";
    }

    private static List<string> Rows(string stdout) => [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The rows of a that b lacks, counting repeats (a multiset difference).</summary>
    private static List<string> Subtract(List<string> a, List<string> b)
    {
        var left = b.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<string>();
        foreach (string r in a)
            if (left.TryGetValue(r, out int n) && n > 0) left[r] = n - 1;
            else result.Add(r);
        return result;
    }
}
