using System.Text.RegularExpressions;

namespace Syscope.Tests.Differential;

/// <summary>
/// strace's masked lines against syscope's, matched as a multiset (with -f the order in which
/// processes' lines interleave is up to the scheduler).  The share counts both ways: matched lines
/// over the longer of the two traces, so a line syscope misses and a line it adds weigh the same.
/// </summary>
public sealed partial record Comparison(int Matched, int StraceLines, int SyscopeLines, List<string> StraceOnly, List<string> SyscopeOnly)
{
    public int Longer => Math.Max(StraceLines, SyscopeLines);

    /// <summary>Matched over the longer trace; 0 when strace printed nothing (a broken workload).</summary>
    public double Share => StraceLines == 0 ? 0 : (double)Matched / Longer;

    public static Comparison Of(IReadOnlyList<string> strace, IReadOnlyList<string> syscope)
    {
        var pool = new Dictionary<string, int>();
        foreach (var l in syscope) pool[l] = pool.GetValueOrDefault(l) + 1;
        int matched = 0;
        var straceOnly = new List<string>();
        foreach (var l in strace)
        {
            if (pool.GetValueOrDefault(l) > 0) { pool[l]--; matched++; }
            else straceOnly.Add(l);
        }
        var syscopeOnly = new List<string>();
        foreach (var l in syscope)
            if (pool.GetValueOrDefault(l) > 0) { pool[l]--; syscopeOnly.Add(l); }
        return new Comparison(matched, strace.Count, syscope.Count, straceOnly, syscopeOnly);
    }

    /// <summary>Whether a line only one side has is a call a signal interrupted (a process's
    /// SIGCHLD landing inside clone, for one): where signals land is up to the scheduler, so such
    /// a run says nothing about decoding and is run again.</summary>
    public bool DiffersByARestart => StraceOnly.Concat(SyscopeOnly).Any(l => Restart().IsMatch(l));

    [GeneratedRegex(@"= \? ERESTART\w+ \(|^restart_syscall\(")]
    private static partial Regex Restart();
}
