using System.Globalization;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Filtering;

/// <summary>-c against Debian's strace on real workloads: with the time columns left out (-U) the
/// tables must be identical; with them, the counts must agree and the shares add up to 100 %.</summary>
public class SummaryDifferentialTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "name,calls,errors", "calls" },
        { "calls,errors,name", "name" },
        { "errors,name,calls", "errors" },
        { "name,calls", "nothing" },
    };

    private static (string[] Theirs, string[] Ours) Both(params string[] options)
    {
        string a = CPrograms.TempFile("c-strace"), b = CPrograms.TempFile("c-syscope");
        string[] workload = ["ls", "-l", "/etc/apt"];
        Runner.Run("env", ["--default-signal=PIPE", "strace", .. options, "-o", a, .. workload]);
        Runner.Run("env", ["--default-signal=PIPE", SyscopeCli.Executable, "trace", .. options, "-o", b, .. workload]);
        return (File.ReadAllLines(a), File.ReadAllLines(b));
    }

    [NeedsTheory("strace")]
    [MemberData(nameof(Cases))]
    public void Count_columns_equal_straces(string columns, string sort)
    {
        var (theirs, ours) = Both("-c", "-U", columns, "-S", sort);
        Assert.True(theirs.Length > 5);
        Assert.Equal(theirs, ours);
    }

    /// <summary>-P selects what is counted, as it selects what prints; -Z does not (strace counts
    /// every call under -c whatever the status filter).</summary>
    [NeedsTheory("strace")]
    [InlineData("-P", "/etc/apt")]
    [InlineData("-Z", "-e", "trace=%file")]
    public void Selection_applies_to_the_counts_as_straces_does(params string[] selection)
    {
        var (theirs, ours) = Both(["-c", "-U", "name,calls,errors", "-S", "name", .. selection]);
        Assert.True(theirs.Length > 5);
        Assert.Equal(theirs, ours);
    }

    [NeedsFact("strace")]
    public void Default_table_has_straces_rows_and_shares_that_sum_to_100()
    {
        var (theirs, ours) = Both("-c", "-w");
        Assert.Equal(theirs[0], ours[0]);
        Assert.Equal(theirs[1], ours[1]);
        static Dictionary<string, (string Calls, string Errors)> Counts(string[] t) =>
            t.Skip(2).Where(l => !l.StartsWith("---")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
             .ToDictionary(f => f[^1], f => (f[3], f.Length == 6 ? f[4] : ""));
        Assert.Equal(Counts(theirs).OrderBy(kv => kv.Key), Counts(ours).OrderBy(kv => kv.Key));
        double sum = ours.Skip(2).Where(l => !l.StartsWith("---") && !l.EndsWith(" total"))
            .Sum(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture));
        Assert.InRange(sum, 99.0, 101.0);
        Assert.StartsWith("100.00 ", ours[^1]);
    }
}
