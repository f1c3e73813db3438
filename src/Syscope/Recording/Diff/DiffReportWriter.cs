using System.Text.Json;

namespace Syscope.Recording.Diff;

/// <summary>A <see cref="DiffReport"/> as text for a person (sections in the report's order, each
/// only when it has something to say) or as one JSON object for a program (every section, empty
/// or not).</summary>
internal static class DiffReportWriter
{
    private const int MaxDivergencesShown = 5, MaxLatencyShown = 10;

    public static void WriteText(DiffReport r, TextWriter o)
    {
        if (r.Divergences.Count == 0) o.WriteLine(r.Unpaired.Count == 0 ? "The runs made the same calls." : "The processes found in both runs made the same calls.");
        for (int i = 0; i < r.Divergences.Count; i++)
        {
            var d = r.Divergences[i];
            string who = d.Leader ? $"pid {d.FirstTid} vs {d.SecondTid}" : $"thread {d.FirstTid} vs {d.SecondTid}";
            if (i >= MaxDivergencesShown)
            {
                // Past the first few, where each other pair parts is one line (--json has them whole).
                if (i == MaxDivergencesShown) o.WriteLine("Then also in:");
                o.WriteLine($"  {d.Program} ({who}), call {d.Call}");
                continue;
            }
            o.WriteLine($"{(i == 0 ? "First difference" : "Then")} in {d.Program} ({who}), call {d.Call}:");
            foreach (string line in d.Before) o.WriteLine($"    {line}");
            foreach (string line in d.OnlyFirst) o.WriteLine($"  - {line}");
            if (d.OnlyFirstMore > 0) o.WriteLine($"  - … {d.OnlyFirstMore} more");
            foreach (string line in d.OnlySecond) o.WriteLine($"  + {line}");
            if (d.OnlySecondMore > 0) o.WriteLine($"  + … {d.OnlySecondMore} more");
            foreach (string line in d.After) o.WriteLine($"    {line}");
            if (!d.Aligned) o.WriteLine("  (the calls after this differ too much to align)");
            else if (d.LaterStretches > 0) o.WriteLine($"  ({d.LaterStretches} more place{(d.LaterStretches == 1 ? "" : "s")} differ later in this {(d.Leader ? "process" : "thread")})");
        }
        if (r.Failures.Count > 0)
        {
            o.WriteLine("Calls that failed more often in one run (first run vs second):");
            foreach (var f in r.Failures) o.WriteLine($"  {f.Syscall} {f.Errno} {f.Path}: {f.First} vs {f.Second}");
        }
        List(o, "Files touched only in the first run", r.FilesOnlyFirst);
        List(o, "Files touched only in the second run", r.FilesOnlySecond);
        List(o, "Sockets only in the first run", r.SocketsOnlyFirst);
        List(o, "Sockets only in the second run", r.SocketsOnlySecond);
        if (r.Endings.Count > 0)
        {
            o.WriteLine("Processes that ended differently (first run vs second):");
            foreach (var e in r.Endings) o.WriteLine($"  {e.Program} (pid {e.FirstPid} vs {e.SecondPid}): {e.First} vs {e.Second}");
        }
        if (r.Signals.Count > 0)
        {
            o.WriteLine("Signals received (first run vs second):");
            foreach (var s in r.Signals) o.WriteLine($"  {s.Program} {s.Signal}: {s.First} vs {s.Second}");
        }
        if (r.Latency.Count > 0)
        {
            o.WriteLine($"Syscalls whose total time changed by more than {RunDiff.Milliseconds(r.LatencyThresholdNs)} (first run vs second):");
            foreach (var l in r.Latency.Take(MaxLatencyShown))
                o.WriteLine($"  {l.Syscall}: {RunDiff.Milliseconds(l.FirstNs)} vs {RunDiff.Milliseconds(l.SecondNs)} ({l.FirstCalls} vs {l.SecondCalls} calls)");
            if (r.Latency.Count > MaxLatencyShown) o.WriteLine($"  … {r.Latency.Count - MaxLatencyShown} more (--json lists them all)");
        }
        if (r.Unpaired.Count > 0)
        {
            o.WriteLine("Processes and threads in one run only:");
            foreach (string u in r.Unpaired) o.WriteLine($"  {u}");
        }
    }

    private static void List(TextWriter o, string title, List<string> items)
    {
        if (items.Count > 0) o.WriteLine($"{title}: {string.Join(", ", items)}");
    }

    public static void WriteJson(DiffReport r, Stream output)
    {
        // The lines are strace's text, already escaped: kept readable rather than \u003C-safe for HTML.
        using var j = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        j.WriteStartObject();
        // docs/JSON.md and docs/diff.schema.json describe the report; schema is its layout's version.
        j.WriteString("type", "diff");
        j.WriteNumber("schema", 1);
        j.WriteStartArray("divergences");
        foreach (var d in r.Divergences)
        {
            j.WriteStartObject();
            j.WriteString("program", d.Program);
            j.WriteNumber("first_tid", d.FirstTid);
            j.WriteNumber("second_tid", d.SecondTid);
            j.WriteBoolean("leader", d.Leader);
            j.WriteNumber("call", d.Call);
            Strings(j, "before", d.Before);
            Strings(j, "only_first", d.OnlyFirst);
            j.WriteNumber("only_first_more", d.OnlyFirstMore);
            Strings(j, "only_second", d.OnlySecond);
            j.WriteNumber("only_second_more", d.OnlySecondMore);
            Strings(j, "after", d.After);
            j.WriteNumber("later_differences", d.LaterStretches);
            j.WriteBoolean("aligned", d.Aligned);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteStartArray("failures");
        foreach (var f in r.Failures)
        {
            j.WriteStartObject();
            j.WriteString("syscall", f.Syscall);
            j.WriteString("errno", f.Errno);
            j.WriteString("path", f.Path);
            j.WriteNumber("first", f.First);
            j.WriteNumber("second", f.Second);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        Strings(j, "files_only_first", r.FilesOnlyFirst);
        Strings(j, "files_only_second", r.FilesOnlySecond);
        Strings(j, "sockets_only_first", r.SocketsOnlyFirst);
        Strings(j, "sockets_only_second", r.SocketsOnlySecond);
        j.WriteStartArray("endings");
        foreach (var e in r.Endings)
        {
            j.WriteStartObject();
            j.WriteString("program", e.Program);
            j.WriteNumber("first_pid", e.FirstPid);
            j.WriteNumber("second_pid", e.SecondPid);
            j.WriteString("first", e.First);
            j.WriteString("second", e.Second);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteStartArray("signals");
        foreach (var s in r.Signals)
        {
            j.WriteStartObject();
            j.WriteString("program", s.Program);
            j.WriteString("signal", s.Signal);
            j.WriteNumber("first", s.First);
            j.WriteNumber("second", s.Second);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteNumber("latency_threshold_ns", r.LatencyThresholdNs);
        j.WriteStartArray("latency");
        foreach (var l in r.Latency)
        {
            j.WriteStartObject();
            j.WriteString("syscall", l.Syscall);
            j.WriteNumber("first_ns", l.FirstNs);
            j.WriteNumber("second_ns", l.SecondNs);
            j.WriteNumber("first_calls", l.FirstCalls);
            j.WriteNumber("second_calls", l.SecondCalls);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        Strings(j, "unpaired", r.Unpaired);
        j.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter j, string name, List<string> items)
    {
        j.WriteStartArray(name);
        foreach (string s in items) j.WriteStringValue(s);
        j.WriteEndArray();
    }
}
