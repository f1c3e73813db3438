using System.Globalization;
using System.Text.Json;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Output;

/// <summary>-U p50,p90,p99,p999: latency percentiles from a fixed-memory histogram, within its
/// stated precision of the exact nearest-rank percentiles.</summary>
public class PercentileTests
{
    private static readonly double[] Fractions = [0.5, 0.9, 0.99, 0.999, 1.0];

    /// <summary>The ceil(p·n)-th smallest value: the definition the histogram approximates.</summary>
    private static long Exact(List<long> sorted, double p) => sorted[(int)Math.Max(1, Math.Ceiling(p * sorted.Count)) - 1];

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 100_000)]
    [InlineData(3, 3)]
    public void Histogram_percentiles_are_within_its_precision_of_the_exact_ones(int seed, int count)
    {
        var random = new Random(seed);
        var h = new LatencyHistogram();
        var values = new List<long>();
        for (int i = 0; i < count; i++)
        {
            // Spread over nine orders of magnitude, as syscall latencies are.
            long v = (long)Math.Pow(10, random.NextDouble() * 9);
            values.Add(v);
            h.Record(v);
        }
        values.Sort();
        foreach (double p in Fractions)
        {
            long exact = Exact(values, p), estimate = h.Percentile(p);
            Assert.True(Math.Abs(estimate - exact) <= exact * LatencyHistogram.RelativePrecision, $"p{p}: {estimate} vs {exact}");
        }
        Assert.Equal(values[^1], h.Percentile(1.0));
        Assert.Equal(count, h.Count);
    }

    [Fact]
    public void Buckets_cover_every_value_once_and_values_under_128ns_are_exact()
    {
        for (long v = 0; v < 1 << 20; v += 1 + v / 50)
        {
            var (low, width) = LatencyHistogram.Bucket(LatencyHistogram.Index(v));
            Assert.InRange(v, low, low + width - 1);
            Assert.True(width <= Math.Max(1, low / 64), $"{v}: {low}+{width}");
        }
        Assert.Equal((127L, 1L), LatencyHistogram.Bucket(LatencyHistogram.Index(127)));
        Assert.Equal(LatencyHistogram.BucketCount - 1, LatencyHistogram.Index(long.MaxValue));
    }

    [Fact]
    public void Percentile_columns_in_the_table_with_strace_columns_beside_them()
    {
        var t = new SummaryTable(percentiles: true);
        int read = SyscallTable.ByName("read")!.Number, openat = SyscallTable.ByName("openat")!.Number;
        for (int i = 1; i <= 100; i++) t.Record(read, 1000, false, latencyNs: i * 1000);
        t.Record(openat, 5000, true, latencyNs: 120);
        var w = new StringWriter();
        t.Write(w, SummarySort.Calls, SummaryColumns.Parse("name,calls,errors,p50,p90,p99,p999,max-time"));
        Assert.Equal("""
            syscall              calls    errors       p50       p90       p99      p999  longest
            ---------------- --------- --------- --------- --------- --------- --------- --------
            read                   100            0.000050  0.000090  0.000099  0.000100 0.000001
            openat                   1         1  0.000000  0.000000  0.000000  0.000000 0.000005
            ---------------- --------- --------- --------- --------- --------- --------- --------
            total                  101         1  0.000050  0.000090  0.000099  0.000100 0.000005

            """.Replace("\r", ""), w.ToString());
    }

    [Fact]
    public void Percentile_names_are_columns_but_not_sort_keys()
    {
        Assert.Equal(SummaryColumn.P999, SummaryColumns.ColumnByName("p999"));
        Assert.True(SummaryColumns.WantsPercentiles(["calls", "p50"]));
        Assert.False(SummaryColumns.WantsPercentiles(["calls", "max-time"]));
        Assert.Throws<UserError>(() => SummaryColumns.ParseSort("p99"));
    }

    /// <summary>One run, its calls and its table in one JSON stream (-C --json): every syscall's
    /// percentiles in the table are within the histogram's precision of the exact percentiles of
    /// the durations the call lines carry (microseconds: one more of slack).</summary>
    [NeedsFact("root", "python3")]
    public void Table_percentiles_match_the_exact_percentiles_of_the_json_durations() => PercentilesMatchJsonDurations([]);

    /// <summary>The check of <see cref="Table_percentiles_match_the_exact_percentiles_of_the_json_durations"/>
    /// with the backend options given (the eBPF tests pass --ebpf); returns the table's rows and
    /// each syscall's durations in microseconds, sorted.</summary>
    internal static (List<JsonElement> Rows, Dictionary<string, List<long>> Durations) PercentilesMatchJsonDurations(string[] backend)
    {
        string json = CPrograms.TempFile("percentiles.json");
        try
        {
            var r = SyscopeCli.Run(["trace", .. backend, "-f", "-C", "--json", "-U", "calls,p50,p90,p99,p999", "-o", json,
                "python3", "-c", "import os\nfor i in range(3000): os.stat('/etc/hostname'); os.getppid()\nos.listdir('/usr/lib')"]);
            Assert.Equal(0, r.ExitCode);
            var lines = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var durations = lines.Where(e => e.GetProperty("type").GetString() == "syscall" && e.TryGetProperty("duration_ns", out _))
                .GroupBy(e => e.GetProperty("syscall").GetString()!)
                .ToDictionary(g => g.Key, g => g.Select(e => (long)Math.Round(e.GetProperty("duration_ns").GetInt64() / 1e3)).Order().ToList());
            var summary = lines.Single(e => e.GetProperty("type").GetString() == "summary");
            var rows = summary.GetProperty("syscalls").EnumerateArray().ToList();
            foreach (var row in rows)
            {
                string name = row.GetProperty("syscall").GetString()!;
                var us = durations[name];
                Assert.Equal(row.GetProperty("calls").GetInt64(), us.Count);
                foreach (var (field, p) in new[] { ("p50_seconds", 0.5), ("p90_seconds", 0.9), ("p99_seconds", 0.99), ("p999_seconds", 0.999) })
                {
                    double estimate = row.GetProperty(field).GetDouble() * 1e6, exact = Exact(us, p);
                    Assert.True(Math.Abs(estimate - exact) <= exact * LatencyHistogram.RelativePrecision + 1, $"{name} {field}: {estimate} vs {exact}");
                }
            }
            Assert.True(durations["newfstatat"].Count >= 3000 && rows.Count > 10);
            return (rows, durations);
        }
        finally { File.Delete(json); }
    }

    /// <summary>Both work from a recording: `trace --record` shows the table and the digest while
    /// it records, and `replay` of the recording with the same options prints them byte for byte.</summary>
    [NeedsFact("root")]
    public void Percentiles_and_the_failure_digest_replay_as_they_showed_live() => ReplayAsLive([]);

    /// <summary>The check of <see cref="Percentiles_and_the_failure_digest_replay_as_they_showed_live"/>
    /// with the backend options given.</summary>
    internal static void ReplayAsLive(string[] backend)
    {
        string live = CPrograms.TempFile("live.txt"), run = CPrograms.TempFile("run.scope");
        try
        {
            string[] shown = ["-f", "-c", "-U", "name,calls,errors,p50,p90,p99,p999,max-time", "--summary=failures"];
            Assert.Equal(0, SyscopeCli.Run(["trace", .. backend, "--record", run, .. shown, "-o", live, "sh", "-c", "for i in 1 2 3; do cat /etc/hostname /nonexistent; done >/dev/null 2>&1; true"]).ExitCode);
            string table = File.ReadAllText(live);
            Assert.StartsWith("syscall              calls    errors       p50       p90       p99      p999  longest\n", table);
            Assert.Matches(@"\n +3 openat +ENOENT +\d\d:\d\d:\d\d\.\d{6} \d\d:\d\d:\d\d\.\d{6} ""/nonexistent""\n", table);
            var replayed = SyscopeCli.Run(["replay", run, .. shown]);
            Assert.Equal(0, replayed.ExitCode);
            Assert.Equal(table, replayed.Stdout);
        }
        finally { File.Delete(live); File.Delete(run); }
    }

    [NeedsFact("root")]
    public void Failure_digest_groups_failed_calls_by_syscall_errno_and_path() => FailureDigestGroups([]);

    /// <summary>The check of <see cref="Failure_digest_groups_failed_calls_by_syscall_errno_and_path"/>
    /// with the backend options given.</summary>
    internal static void FailureDigestGroups(string[] backend)
    {
        var r = SyscopeCli.Run(["trace", .. backend, "-f", "-e", "trace=openat,access", "--summary=failures", "sh", "-c",
            "cat /nonexistent /nonexistent /etc/hostname >/dev/null 2>&1; cat /nope 2>/dev/null; test -w /proc/version"]);
        var digest = r.StderrLines.SkipWhile(l => !l.StartsWith("failed calls:")).ToList();
        Assert.NotEmpty(digest);
        string Masked(string l) => System.Text.RegularExpressions.Regex.Replace(l, @"\d\d:\d\d:\d\d\.\d{6}", "TIME");
        Assert.Equal("    calls syscall          errno          first           last            path or peer", digest[1]);
        Assert.Contains("        2 openat           ENOENT         TIME TIME \"/nonexistent\"", digest.Select(Masked));
        Assert.Contains("        1 openat           ENOENT         TIME TIME \"/nope\"", digest.Select(Masked));
        // The trace before it is strace's, unchanged.
        Assert.Contains(r.StderrLines, l => l.EndsWith("openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT (No such file or directory)"));
        var first = digest.Select(Masked).Single(l => l.Contains("/nonexistent"));
        var times = System.Text.RegularExpressions.Regex.Matches(digest.Single(l => l.Contains("/nonexistent")), @"\d\d:\d\d:\d\d\.\d{6}");
        Assert.True(string.CompareOrdinal(times[0].Value, times[1].Value) < 0, first);
        Assert.StartsWith("failed calls: ", digest[0]);
    }
}
