using Syscope.Filtering;
using Syscope.Tracing;

namespace Syscope.Output;

/// <summary>strace's -U columns, and latency percentiles (P50..P999) beside them.</summary>
internal enum SummaryColumn { TimePercent, TotalTime, MinTime, MaxTime, AvgTime, Calls, Errors, Name, P50, P90, P99, P999 }

/// <summary>The names -U and -S accept, with strace's aliases and its error wording.</summary>
internal static class SummaryColumns
{
    public static readonly IReadOnlyList<SummaryColumn> Default =
        [SummaryColumn.TimePercent, SummaryColumn.TotalTime, SummaryColumn.AvgTime, SummaryColumn.Calls, SummaryColumn.Errors, SummaryColumn.Name];

    /// <summary>strace treats '_' and '-' alike ("total_time" is "total-time").</summary>
    private static string Canonical(string name) => name.Replace('_', '-');

    /// <summary>The column names -U and -S accept, aliases included, in their canonical spelling.</summary>
    public static readonly Text.WordTable<SummaryColumn> Names = new(
        ("time-percent", SummaryColumn.TimePercent), ("time", SummaryColumn.TimePercent),
        ("total-time", SummaryColumn.TotalTime), ("time-total", SummaryColumn.TotalTime),
        ("min-time", SummaryColumn.MinTime), ("shortest", SummaryColumn.MinTime), ("time-min", SummaryColumn.MinTime),
        ("max-time", SummaryColumn.MaxTime), ("longest", SummaryColumn.MaxTime), ("time-max", SummaryColumn.MaxTime),
        ("avg-time", SummaryColumn.AvgTime), ("time-avg", SummaryColumn.AvgTime),
        ("calls", SummaryColumn.Calls), ("count", SummaryColumn.Calls),
        ("errors", SummaryColumn.Errors), ("error", SummaryColumn.Errors),
        ("name", SummaryColumn.Name), ("syscall", SummaryColumn.Name), ("syscall-name", SummaryColumn.Name),
        ("p50", SummaryColumn.P50), ("median", SummaryColumn.P50), ("p90", SummaryColumn.P90), ("p99", SummaryColumn.P99),
        ("p999", SummaryColumn.P999), ("p99.9", SummaryColumn.P999));

    public static SummaryColumn? ColumnByName(string name) => Names.Find(Canonical(name));

    /// <summary>The fraction a percentile column stands for, or 0 for strace's columns.</summary>
    public static double Percentile(SummaryColumn c) => c switch
    {
        SummaryColumn.P50 => 0.50,
        SummaryColumn.P90 => 0.90,
        SummaryColumn.P99 => 0.99,
        SummaryColumn.P999 => 0.999,
        _ => 0,
    };

    /// <summary>Whether the -U names ask for latency percentiles (so every call's latency is kept).</summary>
    public static bool WantsPercentiles(IReadOnlyList<string> names) => names.Any(n => ColumnByName(n) is { } c && Percentile(c) > 0);

    /// <summary>-U text to column names, checked; strace's wording on error.  The name column is
    /// added last when the list lacks it.</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        var seen = new List<SummaryColumn>();
        string[] items = text.Split(',');
        for (int i = 0; i < items.Length; i++)
        {
            var c = ColumnByName(items[i]) ?? throw new UserError($"unknown column name: {Text.UntrustedText.Quote(items[i])}");
            if (seen.Contains(c))
                throw new UserError($"call summary column has been provided more than once: {Text.UntrustedText.Quote(items[i])} (-U option residual: {Text.UntrustedText.Quote(string.Join(',', items[i..]))})");
            seen.Add(c);
        }
        return items;
    }

    /// <summary>Column names (already checked by Parse) to columns; empty means strace's default.</summary>
    public static IReadOnlyList<SummaryColumn> Resolve(IReadOnlyList<string> names)
    {
        if (names.Count == 0) return Default;
        var cols = names.Select(n => ColumnByName(n) ?? throw new ArgumentException($"unknown summary column '{n}'", nameof(names))).ToList();
        if (!cols.Contains(SummaryColumn.Name)) cols.Add(SummaryColumn.Name);
        return cols;
    }

    /// <summary>-S takes the column names (and aliases) plus "nothing"/"none"; both time columns
    /// sort by total time.</summary>
    public static SummarySort ParseSort(string text) => SortOf(text) ?? throw new UserError($"invalid sortby: {Text.UntrustedText.Quote(text)}");

    /// <summary>The words -S takes.</summary>
    public static IEnumerable<string> SortWords => Names.Words.Where(w => SortOf(w) != null).Concat(s_noSort);

    private static readonly string[] s_noSort = ["nothing", "none"];

    private static SummarySort? SortOf(string text) => s_noSort.Contains(Canonical(text)) ? SummarySort.Nothing : ColumnByName(text) switch
    {
        SummaryColumn.TimePercent or SummaryColumn.TotalTime => SummarySort.Time,
        SummaryColumn.MinTime => SummarySort.MinTime,
        SummaryColumn.MaxTime => SummarySort.MaxTime,
        SummaryColumn.AvgTime => SummarySort.AvgTime,
        SummaryColumn.Calls => SummarySort.Calls,
        SummaryColumn.Errors => SummarySort.Errors,
        SummaryColumn.Name => SummarySort.Name,
        _ => null,
    };
}
