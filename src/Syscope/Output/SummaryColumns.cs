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

    public static SummaryColumn? ColumnByName(string name) => Canonical(name) switch
    {
        "time-percent" or "time" => SummaryColumn.TimePercent,
        "total-time" or "time-total" => SummaryColumn.TotalTime,
        "min-time" or "shortest" or "time-min" => SummaryColumn.MinTime,
        "max-time" or "longest" or "time-max" => SummaryColumn.MaxTime,
        "avg-time" or "time-avg" => SummaryColumn.AvgTime,
        "calls" or "count" => SummaryColumn.Calls,
        "errors" or "error" => SummaryColumn.Errors,
        "name" or "syscall" or "syscall-name" => SummaryColumn.Name,
        "p50" or "median" => SummaryColumn.P50,
        "p90" => SummaryColumn.P90,
        "p99" => SummaryColumn.P99,
        "p999" or "p99.9" => SummaryColumn.P999,
        _ => null,
    };

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
    public static SummarySort ParseSort(string text) => Canonical(text) is "nothing" or "none" ? SummarySort.Nothing : ColumnByName(text) switch
    {
        SummaryColumn.TimePercent or SummaryColumn.TotalTime => SummarySort.Time,
        SummaryColumn.MinTime => SummarySort.MinTime,
        SummaryColumn.MaxTime => SummarySort.MaxTime,
        SummaryColumn.AvgTime => SummarySort.AvgTime,
        SummaryColumn.Calls => SummarySort.Calls,
        SummaryColumn.Errors => SummarySort.Errors,
        SummaryColumn.Name => SummarySort.Name,
        _ => throw new UserError($"invalid sortby: {Text.UntrustedText.Quote(text)}"),
    };
}
