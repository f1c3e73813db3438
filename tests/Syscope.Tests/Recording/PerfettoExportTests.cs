using System.Text.Json;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>
/// `export --format=perfetto` writes Chrome's trace-event JSON: the test records a real program
/// that starts a thread, forks, opens files and takes a signal, exports it, and checks the file the
/// way a viewer reads it: every event has the fields its phase needs, slices on one thread never
/// overlap and come in time order, every flow starts inside its parent's fork and ends at its
/// child's first call, counters advance in time, every thread is named, and there is exactly one
/// slice per call (as many as `replay --json` prints).  Headless Chromium then parses the file.
/// </summary>
public class PerfettoExportTests
{
    private const string Program = """
        import os, signal, threading
        signal.signal(signal.SIGUSR1, lambda *a: None)
        os.kill(os.getpid(), signal.SIGUSR1)
        t = threading.Thread(target=lambda: open('/etc/hostname').read()); t.start(); t.join()
        pid = os.fork()
        if pid == 0:
            open('/etc/issue').close(); os._exit(0)
        os.waitpid(pid, 0)
        """;

    [NeedsFact("root", "python3")]
    public void The_export_is_a_well_formed_trace_with_one_slice_per_call()
    {
        string dir = RunFolder.RunScoped("perfetto-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string scope = Path.Combine(dir, "run.scope"), json = Path.Combine(dir, "trace.json");
            var rec = SyscopeCli.Run("record", "-o", scope, "-f", "python3", "-c", Program);
            Assert.True(rec.ExitCode == 0, rec.Stderr);
            var export = SyscopeCli.Run("export", "--format=perfetto", scope, "-o", json);
            Assert.True(export.ExitCode == 0, export.Stderr);

            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
            var slices = new Dictionary<(int, int), List<(double Ts, double End)>>();
            var counters = new Dictionary<int, double>();
            var named = new HashSet<int>();
            var flowStarts = new Dictionary<long, (int Tid, double Ts)>();
            var flowEnds = new Dictionary<long, (int Tid, double Ts)>();
            int signals = 0;
            foreach (var e in events)
            {
                string ph = e.GetProperty("ph").GetString()!;
                Assert.False(string.IsNullOrEmpty(e.GetProperty("name").GetString()), e.ToString());
                int pid = e.GetProperty("pid").GetInt32();
                if (ph == "C")
                {
                    double ts = e.GetProperty("ts").GetDouble();
                    Assert.True(ts >= counters.GetValueOrDefault(pid), $"counter of {pid} goes back in time: {e}");
                    counters[pid] = ts;
                    Assert.True(e.GetProperty("args").EnumerateObject().Single().Value.ValueKind == JsonValueKind.Number, e.ToString());
                    continue;
                }
                int tid = e.GetProperty("tid").GetInt32();
                switch (ph)
                {
                    case "M":
                        Assert.Contains(e.GetProperty("name").GetString(), new[] { "process_name", "thread_name" });
                        Assert.False(string.IsNullOrEmpty(e.GetProperty("args").GetProperty("name").GetString()));
                        if (e.GetProperty("name").GetString() == "thread_name") named.Add(tid);
                        break;
                    case "X":
                        double ts = e.GetProperty("ts").GetDouble(), dur = e.GetProperty("dur").GetDouble();
                        Assert.True(dur >= 0, e.ToString());
                        Assert.Equal("syscall", e.GetProperty("cat").GetString());
                        Assert.Equal(JsonValueKind.String, e.GetProperty("args").GetProperty("args").ValueKind);
                        if (!slices.TryGetValue((pid, tid), out var list)) slices[(pid, tid)] = list = [];
                        list.Add((ts, ts + dur));
                        break;
                    case "i":
                        Assert.Equal("t", e.GetProperty("s").GetString());
                        e.GetProperty("ts").GetDouble();
                        signals++;
                        break;
                    case "s":
                        flowStarts.Add(e.GetProperty("id").GetInt64(), (tid, e.GetProperty("ts").GetDouble()));
                        break;
                    case "f":
                        Assert.Equal("e", e.GetProperty("bp").GetString());
                        flowEnds.Add(e.GetProperty("id").GetInt64(), (tid, e.GetProperty("ts").GetDouble()));
                        break;
                    default:
                        Assert.Fail($"unexpected phase {ph}: {e}");
                        break;
                }
            }
            // Slices of one thread: in time order, none starting before the previous one ended.
            foreach (var ((pid, tid), list) in slices)
            {
                for (int i = 1; i < list.Count; i++)
                    Assert.True(list[i].Ts >= list[i - 1].End - 0.002, $"tid {tid}: slice at {list[i].Ts} starts before the one at {list[i - 1].Ts} ends ({list[i - 1].End})");
                Assert.Contains(tid, named);
            }
            Assert.True(slices.Count >= 3, $"{slices.Count} threads with calls (main, thread, child expected)");
            // Flows: matched, starting inside a fork-family slice of the parent, ending at a child's call.
            Assert.NotEmpty(flowStarts);
            Assert.Equal(flowStarts.Keys.Order(), flowEnds.Keys.Order());
            var slicesOfTid = slices.GroupBy(kv => kv.Key.Item2).ToDictionary(g => g.Key, g => g.SelectMany(kv => kv.Value).ToList());
            foreach (var (id, start) in flowStarts)
            {
                Assert.Contains(slicesOfTid[start.Tid], s => s.Ts <= start.Ts && start.Ts <= s.End);
                var end = flowEnds[id];
                Assert.Contains(slicesOfTid[end.Tid], s => Math.Abs(s.Ts - end.Ts) < 0.001);
            }
            Assert.True(signals >= 1, "no signal instant");
            Assert.NotEmpty(counters);

            // One slice per call: as many as replay's JSON has call objects.
            var replay = SyscopeCli.Run("replay", scope, "-f", "--json");
            int calls = replay.Stdout.Split('\n').Count(l => l.StartsWith("{\"type\":\"syscall\""));
            Assert.Equal(calls, slices.Values.Sum(l => l.Count));

            if (Machine.Find("chromium") is { } chromium) ParsesInChromium(chromium, dir, json, events.Count);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Chromium's own JSON.parse reads the file (a page that embeds it and prints the count).</summary>
    private static void ParsesInChromium(string chromium, string dir, string json, int count)
    {
        string page = Path.Combine(dir, "load.html");
        string escaped = File.ReadAllText(json).Replace("</", "<\\/");
        File.WriteAllText(page, "<html><body><script id=t type=\"application/json\">" + escaped +
            "</script><script>try { const t = JSON.parse(document.getElementById('t').textContent); document.body.setAttribute('data-parsed', 'events=' + t.traceEvents.length); }" +
            " catch (e) { document.body.setAttribute('data-parsed', 'error ' + e); }</script></body></html>");
        var r = Runner.Run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + Path.Combine(dir, "profile"), "--dump-dom", "file://" + page], timeoutMs: 120_000);
        Assert.Contains($"data-parsed=\"events={count}\"", r.Stdout);
    }
}
