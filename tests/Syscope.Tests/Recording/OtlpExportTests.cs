using System.Globalization;
using System.Text.Json;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>
/// `export --format=otlp-json` writes OpenTelemetry's ExportTraceServiceRequest in its JSON
/// mapping.  The test records a real program that forks, sleeps and fails an open, exports it with
/// and without a threshold, and checks every span the way a collector reads it: the fields OTLP
/// requires, ids of the right length in hex, unique and not zero, one trace id, start not after end,
/// typed attributes, an error status exactly on failed calls, one resource per process named by its
/// comm; and one span per call of at least the threshold, as counted from `replay --json`.
/// </summary>
public class OtlpExportTests
{
    private const string Program = """
        import os, time
        for i in range(3): time.sleep(0.02)
        try: open('/nonexistent/otlp')
        except OSError: pass
        pid = os.fork()
        if pid == 0:
            time.sleep(0.02); os._exit(0)
        os.waitpid(pid, 0)
        """;

    [NeedsFact("root", "python3")]
    public void Every_call_over_the_threshold_is_one_well_formed_span()
    {
        string dir = RunFolder.RunScoped("otlp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string scope = Path.Combine(dir, "run.scope");
            var rec = SyscopeCli.Run("record", "-o", scope, "-f", "python3", "-c", Program);
            Assert.True(rec.ExitCode == 0, rec.Stderr);
            var durations = CallDurations(scope);

            foreach (var (option, minNs) in new[] { ("0", 0L), ("10ms", 10_000_000L) })
            {
                string json = Path.Combine(dir, $"spans-{option}.json");
                var export = SyscopeCli.Run("export", "--format=otlp-json", scope, "-o", json, "--min-duration=" + option);
                Assert.True(export.ExitCode == 0, export.Stderr);
                int spans = CheckRequest(File.ReadAllText(json), out bool failedOpen, out var services);
                Assert.Equal(durations.Count(d => d >= minNs), spans);
                Assert.Contains("python3", services);
                if (minNs == 0) Assert.True(failedOpen, "no error span for the failed open");
                else Assert.True(spans >= 4, $"{spans} spans of 10 ms or more (3 sleeps and a wait expected)");
            }

            var bad = SyscopeCli.Run("export", "--format=otlp-json", scope, "--min-duration=soon");
            Assert.Equal(1, bad.ExitCode);
            Assert.Equal("syscope: --min-duration: 'soon' is not a duration (500us, 2ms, 0.1s)\n", bad.Stderr);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Durations of the calls that returned, from replay's JSON.</summary>
    private static List<long> CallDurations(string scope)
    {
        var replay = SyscopeCli.Run("replay", scope, "-f", "--json");
        Assert.Equal(0, replay.ExitCode);
        var list = new List<long>();
        foreach (var line in replay.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.GetProperty("type").GetString() == "syscall" && r.TryGetProperty("duration_ns", out var d)) list.Add(d.GetInt64());
        }
        Assert.NotEmpty(list);
        return list;
    }

    /// <summary>Checks the whole request; returns the number of spans.</summary>
    private static int CheckRequest(string text, out bool failedOpen, out HashSet<string> services)
    {
        using var doc = JsonDocument.Parse(text);
        var ids = new HashSet<string>();
        var traceIds = new HashSet<string>();
        var pids = new HashSet<long>();
        services = [];
        failedOpen = false;
        int spans = 0;
        foreach (var resourceSpans in doc.RootElement.GetProperty("resourceSpans").EnumerateArray())
        {
            var resource = Attributes(resourceSpans.GetProperty("resource"));
            services.Add(resource["service.name"].GetProperty("stringValue").GetString()!);
            Assert.True(pids.Add(long.Parse(resource["process.pid"].GetProperty("intValue").GetString()!, CultureInfo.InvariantCulture)), "two resources for one process");
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                Assert.Equal("syscope", scopeSpans.GetProperty("scope").GetProperty("name").GetString());
                foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                {
                    spans++;
                    string traceId = span.GetProperty("traceId").GetString()!, spanId = span.GetProperty("spanId").GetString()!;
                    Assert.Matches("^[0-9a-f]{32}$", traceId);
                    Assert.Matches("^[0-9a-f]{16}$", spanId);
                    Assert.DoesNotMatch("^0+$", traceId);
                    Assert.DoesNotMatch("^0+$", spanId);
                    traceIds.Add(traceId);
                    Assert.True(ids.Add(spanId), $"span id {spanId} twice");
                    Assert.False(span.TryGetProperty("parentSpanId", out _));
                    Assert.Matches("^[a-z0-9_]+$", span.GetProperty("name").GetString()!);
                    Assert.Equal(1, span.GetProperty("kind").GetInt32());
                    ulong start = ulong.Parse(span.GetProperty("startTimeUnixNano").GetString()!, CultureInfo.InvariantCulture);
                    ulong end = ulong.Parse(span.GetProperty("endTimeUnixNano").GetString()!, CultureInfo.InvariantCulture);
                    Assert.True(start <= end, span.ToString());
                    Assert.InRange(start, 1_600_000_000UL * 1_000_000_000, 4_000_000_000UL * 1_000_000_000);
                    var attributes = Attributes(span);
                    Assert.Equal(JsonValueKind.String, attributes["syscall.args"].GetProperty("stringValue").ValueKind);
                    long retval = long.Parse(attributes["syscall.retval"].GetProperty("intValue").GetString()!, CultureInfo.InvariantCulture);
                    long.Parse(attributes["thread.id"].GetProperty("intValue").GetString()!, CultureInfo.InvariantCulture);
                    var status = span.GetProperty("status");
                    bool failed = attributes.TryGetValue("syscall.errno", out var errno);
                    Assert.Equal(failed, status.TryGetProperty("code", out var code));
                    if (failed)
                    {
                        Assert.Equal(2, code.GetInt32());
                        Assert.Equal(-1, retval);
                        Assert.Matches("^E[A-Z0-9]+$", errno.GetProperty("stringValue").GetString()!);
                        if (attributes["syscall.args"].GetProperty("stringValue").GetString()!.Contains("/nonexistent/otlp"))
                        {
                            Assert.Equal("ENOENT", errno.GetProperty("stringValue").GetString());
                            Assert.Equal("ENOENT (No such file or directory)", status.GetProperty("message").GetString());
                            failedOpen = true;
                        }
                    }
                }
            }
        }
        Assert.True(spans == 0 || traceIds.Count == 1, $"{traceIds.Count} trace ids in one run");
        return spans;
    }

    /// <summary>An OTLP attribute list by key; each value has exactly one typed member.</summary>
    private static Dictionary<string, JsonElement> Attributes(JsonElement owner)
    {
        var map = new Dictionary<string, JsonElement>();
        foreach (var a in owner.GetProperty("attributes").EnumerateArray())
        {
            var value = a.GetProperty("value");
            Assert.Single(value.EnumerateObject());
            Assert.Contains(value.EnumerateObject().Single().Name, new[] { "stringValue", "intValue", "boolValue", "doubleValue" });
            Assert.True(map.TryAdd(a.GetProperty("key").GetString()!, value), $"attribute {a} twice");
        }
        return map;
    }
}
