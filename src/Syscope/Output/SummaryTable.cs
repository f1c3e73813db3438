using System.Globalization;
using System.Text;
using Syscope.Filtering;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>
/// strace's -c / -C call summary: per-syscall counts and times, printed as strace 6.1 prints them
/// (columns chosen by -U, rows ordered by -S, ties kept in syscall-number order as strace's stable
/// sort leaves them).  Record is allocation-free for every number in the table.  With
/// percentiles, each call's latency also goes into its syscall's <see cref="LatencyHistogram"/>
/// (made at the syscall's first call) for the p50..p999 columns.
/// </summary>
internal sealed class SummaryTable(bool percentiles = false)
{
    private const int Size = SyscallTable.MaxNumber + 1;
    private readonly long[] _calls = new long[Size], _errors = new long[Size], _totalNs = new long[Size];
    private readonly long[] _minNs = new long[Size], _maxNs = new long[Size];
    /// <summary>Numbers past the table (a newer kernel's calls): rare, so a dictionary is fine.</summary>
    private readonly Dictionary<int, int> _extraSlots = new();
    private readonly List<(int Nr, long[] Stats)> _extra = [];
    private readonly Dictionary<int, LatencyHistogram> _latency = new();
    private readonly LatencyHistogram?[] _latencyByNumber = new LatencyHistogram?[Size];

    /// <param name="latencyNs">The call's latency, entry to return, for the percentile columns.</param>
    public void Record(int syscallNumber, long nanoseconds, bool failed, long latencyNs = 0)
    {
        if (percentiles) Latency(syscallNumber).Record(latencyNs);
        if (syscallNumber is >= 0 and < Size)
            Add(ref _calls[syscallNumber], ref _errors[syscallNumber], ref _totalNs[syscallNumber],
                ref _minNs[syscallNumber], ref _maxNs[syscallNumber], nanoseconds, failed);
        else
        {
            long[] s = ExtraRow(syscallNumber);
            Add(ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], nanoseconds, failed);
        }
    }

    private LatencyHistogram Latency(int nr)
    {
        if (nr is >= 0 and < Size && _latencyByNumber[nr] is { } known) return known;
        if (!_latency.TryGetValue(nr, out var h)) _latency[nr] = h = new LatencyHistogram();
        if (nr is >= 0 and < Size) _latencyByNumber[nr] = h;
        return h;
    }

    private long[] ExtraRow(int syscallNumber)
    {
        if (!_extraSlots.TryGetValue(syscallNumber, out int slot))
        {
            _extraSlots[syscallNumber] = slot = _extra.Count;
            _extra.Add((syscallNumber, new long[5]));
        }
        return _extra[slot].Stats;
    }

    /// <summary>Calls counted elsewhere (in the kernel), summed into the row of syscallNumber.</summary>
    public void Add(int syscallNumber, in Events.CallTotals t)
    {
        if (t.Calls == 0) return;
        if (syscallNumber is >= 0 and < Size)
            Add(ref _calls[syscallNumber], ref _errors[syscallNumber], ref _totalNs[syscallNumber],
                ref _minNs[syscallNumber], ref _maxNs[syscallNumber], t);
        else
        {
            long[] s = ExtraRow(syscallNumber);
            Add(ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], t);
        }
    }

    private static void Add(ref long calls, ref long errors, ref long total, ref long min, ref long max, in Events.CallTotals t)
    {
        min = calls == 0 ? t.MinNs : Math.Min(min, t.MinNs);
        max = Math.Max(max, t.MaxNs);
        calls += t.Calls;
        errors += t.Errors;
        total += t.TotalNs;
    }

    private static void Add(ref long calls, ref long errors, ref long total, ref long min, ref long max, long ns, bool failed)
    {
        if (calls == 0 || ns < min) min = ns;
        if (ns > max) max = ns;
        calls++;
        total += ns;
        if (failed) errors++;
    }

    public readonly record struct Row(int Nr, string Name, long Calls, long Errors, long TotalNs, long MinNs, long MaxNs, LatencyHistogram? Latency = null);

    public IEnumerable<Row> Rows()
    {
        for (int nr = 0; nr < Size; nr++)
            if (_calls[nr] > 0)
                yield return new Row(nr, SyscallTable.Resolve(nr).Name, _calls[nr], _errors[nr], _totalNs[nr], _minNs[nr], _maxNs[nr], _latency.GetValueOrDefault(nr));
        foreach (var (nr, s) in _extra.OrderBy(e => (uint)e.Nr))
            yield return new Row(nr, SyscallTable.Resolve(nr).Name, s[0], s[1], s[2], s[3], s[4], _latency.GetValueOrDefault(nr));
    }

    /// <summary>Every syscall's latencies together, for the total line.</summary>
    private static LatencyHistogram? AllLatencies(List<Row> rows)
    {
        if (rows.All(r => r.Latency == null)) return null;
        var all = new LatencyHistogram();
        foreach (var r in rows) if (r.Latency != null) all.Add(r.Latency);
        return all;
    }

    public void Write(Stream stream, SummarySort sort, IReadOnlyList<string> columns)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true);
        Write(w, sort, columns);
    }

    /// <param name="columns">-U names (empty for strace's default set); see <see cref="SummaryColumns"/>.</param>
    public void Write(TextWriter w, SummarySort sort, IReadOnlyList<string> columns)
    {
        var rows = Rows().ToList();
        // strace prints nothing at all when no call was counted.
        if (rows.Count == 0) return;
        var cols = SummaryColumns.Resolve(columns);
        var total = new Row(-1, "total", rows.Sum(r => r.Calls), rows.Sum(r => r.Errors), rows.Sum(r => r.TotalNs),
            rows.Min(r => r.MinNs), rows.Max(r => r.MaxNs), AllLatencies(rows));
        var line = new StringBuilder();
        void Emit(Func<SummaryColumn, int, string> cell)
        {
            line.Clear();
            for (int i = 0; i < cols.Count; i++)
            {
                if (i > 0) line.Append(' ');
                string text = cell(cols[i], i);
                bool last = i == cols.Count - 1;
                // The name is the only left-aligned column, and is not padded when it ends the line.
                line.Append(cols[i] == SummaryColumn.Name ? (last ? text : text.PadRight(16)) : text.PadLeft(Width(cols[i])));
            }
            w.Write(line.Append('\n'));
        }
        Emit((c, _) => Header(c));
        Emit((c, _) => new string('-', Width(c)));
        foreach (var r in Sorted(rows, sort)) Emit((c, _) => Cell(c, r, total.TotalNs, isTotal: false));
        Emit((c, _) => new string('-', Width(c)));
        Emit((c, _) => Cell(c, total, total.TotalNs, isTotal: true));
    }

    /// <summary>--json with -c/-C: the table as one JSON Lines object, rows in -S order, times in
    /// seconds, so that the JSON stream stays JSON ({"type":"summary","syscalls":[...],"total":{...}}).
    /// Nothing when no call was counted, as the text table, unless events were lost: then
    /// "lost":{"events":N,"buffer_size":BYTES} says how many, since the counts fall short.</summary>
    public void WriteJson(Stream stream, SummarySort sort, Events.EventLoss lost = default)
    {
        var rows = Rows().ToList();
        if (rows.Count == 0 && lost.Events == 0) return;
        long allNs = rows.Sum(r => r.TotalNs);
        using (var w = new System.Text.Json.Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "summary");
            w.WriteNumber("schema", JsonFormatter.Schema);
            w.WriteStartArray("syscalls");
            foreach (var r in Sorted(rows, sort))
            {
                w.WriteStartObject();
                w.WriteString("syscall", r.Name);
                w.WriteNumber("nr", r.Nr);
                w.WriteNumber("calls", r.Calls);
                w.WriteNumber("errors", r.Errors);
                w.WriteNumber("seconds", r.TotalNs / 1e9);
                w.WriteNumber("min_seconds", r.MinNs / 1e9);
                w.WriteNumber("max_seconds", r.MaxNs / 1e9);
                w.WriteNumber("percent", allNs == 0 ? 0.0 : Math.Round(100.0 * r.TotalNs / allNs, 2));
                if (r.Latency is { Count: > 0 } h)
                    foreach (var (name, p) in JsonPercentiles) w.WriteNumber(name, h.Percentile(p) / 1e9);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("total");
            w.WriteNumber("calls", rows.Sum(r => r.Calls));
            w.WriteNumber("errors", rows.Sum(r => r.Errors));
            w.WriteNumber("seconds", allNs / 1e9);
            w.WriteEndObject();
            if (lost.Events > 0)
            {
                w.WriteStartObject("lost");
                w.WriteNumber("events", lost.Events);
                w.WriteNumber("buffer_size", lost.BufferBytes);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static readonly (string Name, double P)[] JsonPercentiles =
        [("p50_seconds", 0.50), ("p90_seconds", 0.90), ("p99_seconds", 0.99), ("p999_seconds", 0.999)];

    private static IEnumerable<Row> Sorted(List<Row> rows, SummarySort sort) => sort switch
    {
        SummarySort.Time => rows.OrderByDescending(r => r.TotalNs),
        SummarySort.Calls => rows.OrderByDescending(r => r.Calls),
        SummarySort.Errors => rows.OrderByDescending(r => r.Errors),
        SummarySort.Name => rows.OrderBy(r => r.Name, StringComparer.Ordinal),
        SummarySort.MinTime => rows.OrderByDescending(r => r.MinNs),
        SummarySort.MaxTime => rows.OrderByDescending(r => r.MaxNs),
        SummarySort.AvgTime => rows.OrderByDescending(r => r.TotalNs / r.Calls),
        _ => rows,
    };

    private static int Width(SummaryColumn c) => c switch
    {
        SummaryColumn.TimePercent => 6,
        SummaryColumn.TotalTime or SummaryColumn.AvgTime => 11,
        SummaryColumn.MinTime or SummaryColumn.MaxTime => 8,
        SummaryColumn.Calls or SummaryColumn.Errors => 9,
        SummaryColumn.P50 or SummaryColumn.P90 or SummaryColumn.P99 or SummaryColumn.P999 => 9,
        _ => 16,
    };

    private static string Header(SummaryColumn c) => c switch
    {
        SummaryColumn.TimePercent => "% time",
        SummaryColumn.TotalTime => "seconds",
        SummaryColumn.MinTime => "shortest",
        SummaryColumn.MaxTime => "longest",
        SummaryColumn.AvgTime => "usecs/call",
        SummaryColumn.Calls => "calls",
        SummaryColumn.Errors => "errors",
        SummaryColumn.P50 => "p50",
        SummaryColumn.P90 => "p90",
        SummaryColumn.P99 => "p99",
        SummaryColumn.P999 => "p999",
        _ => "syscall",
    };

    private static string Cell(SummaryColumn c, Row r, long allNs, bool isTotal) => c switch
    {
        SummaryColumn.TimePercent => (isTotal ? 100.0 : allNs == 0 ? 0.0 : 100.0 * r.TotalNs / allNs).ToString("F2", CultureInfo.InvariantCulture),
        SummaryColumn.TotalTime => Seconds(r.TotalNs),
        SummaryColumn.MinTime => Seconds(r.MinNs),
        SummaryColumn.MaxTime => Seconds(r.MaxNs),
        // Microseconds truncated, as strace divides integer nanoseconds.
        SummaryColumn.AvgTime => (r.TotalNs / r.Calls / 1000).ToString(CultureInfo.InvariantCulture),
        SummaryColumn.Calls => r.Calls.ToString(CultureInfo.InvariantCulture),
        SummaryColumn.Errors => r.Errors == 0 ? "" : r.Errors.ToString(CultureInfo.InvariantCulture),
        // Calls counted in the kernel (--ebpf -c) have no latencies of their own.
        SummaryColumn.P50 or SummaryColumn.P90 or SummaryColumn.P99 or SummaryColumn.P999 =>
            r.Latency is { Count: > 0 } h ? Seconds(h.Percentile(SummaryColumns.Percentile(c))) : "-",
        _ => r.Name,
    };

    /// <summary>Seconds with six decimals, rounded from the exact double as printf's %.6f does.</summary>
    private static string Seconds(long ns) => (ns / 1e9).ToString("F6", CultureInfo.InvariantCulture);
}
