using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Syscope.Syscalls;

namespace Syscope.Output.Report;

/// <summary>
/// The one-file HTML report: styles, script and data inline, charts drawn as inline SVG here,
/// nothing fetched, so it opens from a file:// URL anywhere.  Tables (syscalls with latency
/// percentiles and histograms, slowest calls, files and sockets, failures, signals and exits, the
/// process tree) are written as HTML; every call, with its decoded line, goes into one gzip'd JSON
/// blob that the page's script unpacks for the zoomable timeline, the search box and the calls of
/// a clicked syscall.  Every text a tracee controls is HTML-escaped (decoders already escaped
/// its bytes to ASCII).
/// </summary>
internal static class HtmlReport
{
    /// <summary>Trace classes for the timeline's colours, first match wins; the script's palette
    /// has one colour per name, in this order, and "other" last.</summary>
    private static readonly (string Name, SyscallClass Classes)[] Classes =
    [
        ("network", SyscallClass.Network),
        ("file", SyscallClass.File | SyscallClass.AnyStat | SyscallClass.AnyStatfs),
        ("process", SyscallClass.Process),
        ("signal", SyscallClass.Signal),
        ("memory", SyscallClass.Memory),
        ("ipc", SyscallClass.Ipc),
        ("desc", SyscallClass.Desc),
        ("clock", SyscallClass.Clock),
    ];

    private const int TargetsShown = 300, FailuresShown = 300, SignalsShown = 1000;

    /// <summary>Writes the report and says so on stderr, with the number of calls in it.</summary>
    public static void Write(Stream stream, ReportCollector data, string title, TextWriter stderr, string path)
    {
        Write(stream, data, title);
        stream.Flush();
        stderr.WriteLine($"syscope: report written to {Text.UntrustedText.Escape(path)} ({data.CallCount} calls)");
    }

    public static void Write(Stream stream, ReportCollector data, string title)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var rows = data.Syscalls.Rows().OrderByDescending(r => r.TotalNs).ToList();
        long calls = rows.Sum(r => r.Calls), errors = rows.Sum(r => r.Errors);
        var threads = data.Threads.ToList();
        int processes = threads.Count(t => t.Tid == t.Tgid);
        long span = data.LastNs > data.FirstNs ? data.LastNs - data.FirstNs : 0;

        w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">");
        w.Write($"<title>syscope: {H(title)}</title><style>{Resource("report.css")}</style></head><body>\n");
        w.Write($"<header><h1>syscope report</h1><p class=\"cmd\">{H(title)}</p>");
        w.Write($"<p class=\"stats\"><b>{calls:N0}</b> calls, <b>{errors:N0}</b> failed, <b>{rows.Count}</b> syscalls, <b>{processes}</b> processes, <b>{threads.Count}</b> threads, <b>{Duration(span)}</b> traced from {Clock(data, data.FirstNs)}</p>");
        w.Write("<nav><a href=\"#timeline-section\">timeline</a> <a href=\"#syscalls-section\">syscalls</a> <a href=\"#calls-section\">search</a> <a href=\"#slowest-section\">slowest</a> <a href=\"#files-section\">files and sockets</a> <a href=\"#failures-section\">failures</a> <a href=\"#signals-section\">signals and exits</a></nav></header>\n");

        w.Write("<section id=\"timeline-section\"><h2>Timeline</h2><div class=\"toolbar\"><button id=\"zoom-in\" title=\"zoom in (or the mouse wheel)\">+</button><button id=\"zoom-out\">&minus;</button><button id=\"zoom-reset\">whole trace</button> <span id=\"legend\">");
        foreach (var (name, _) in Classes) w.Write($"<span class=\"key c-{name}\">{name}</span>");
        w.Write("<span class=\"key c-other\">other</span><span class=\"key failed\">failed</span></span> <span id=\"view\"></span></div>");
        w.Write("<canvas id=\"timeline\" height=\"100\"></canvas><div id=\"picked\">Click a bar to see its call; drag to pan, wheel to zoom.</div>\n");
        w.Write("<h3>Processes</h3>");
        ProcessTree(w, data, threads);
        w.Write("</section>\n");

        w.Write("<section id=\"syscalls-section\"><h2>System calls</h2><p class=\"hint\">Times are each call's latency (entry to return). Click a syscall to see its calls and only its histogram.</p>");
        w.Write("<table id=\"syscalls\" class=\"data\"><thead><tr><th>syscall</th><th>calls</th><th>errors</th><th>total</th><th>p50</th><th>p90</th><th>p99</th><th>max</th></tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            var h = r.Latency;
            w.Write($"<tr data-syscall=\"{H(r.Name)}\" data-calls=\"{r.Calls}\"><td>{H(r.Name)}</td><td>{r.Calls}</td><td>{(r.Errors > 0 ? r.Errors.ToString(CultureInfo.InvariantCulture) : "")}</td><td>{Duration(r.TotalNs)}</td>");
            foreach (double p in new[] { 0.5, 0.9, 0.99 }) w.Write($"<td>{(h is { Count: > 0 } ? Duration(h.Percentile(p)) : "-")}</td>");
            w.Write($"<td>{Duration(r.MaxNs)}</td></tr>\n");
        }
        w.Write("</tbody></table><div id=\"histograms\">");
        foreach (var r in rows) if (r.Latency is { Count: > 0 } h) Histogram(w, r.Name, h);
        w.Write("</div></section>\n");

        w.Write("<section id=\"calls-section\"><h2>Calls</h2><div class=\"toolbar\"><input id=\"search\" type=\"search\" placeholder=\"search the decoded lines (a path, an errno, a syscall...)\" size=\"60\"> <button id=\"show-all\">clear</button></div>");
        w.Write("<p id=\"calls-caption\">Loading the calls&hellip;</p><table id=\"calls\" class=\"data lines\"><thead><tr><th>time</th><th>pid</th><th>duration</th><th>call</th></tr></thead><tbody></tbody></table></section>\n");

        w.Write("<section id=\"slowest-section\"><h2>Slowest calls</h2><table id=\"slowest\" class=\"data lines\"><thead><tr><th>duration</th><th>time</th><th>pid</th><th>call</th></tr></thead><tbody>\n");
        foreach (var (c, stack) in data.Slowest())
        {
            w.Write($"<tr data-syscall=\"{H(SyscallTable.Resolve(c.Number).Name)}\"><td>{Duration(c.DurationNs)}</td><td>{Offset(c.StartNs - data.FirstNs)}</td><td>{c.Tid}</td><td class=\"line\">{H(data.Line(c))}");
            if (stack != null) w.Write($"<pre class=\"stack\">{H(stack)}</pre>");
            w.Write("</td></tr>\n");
        }
        w.Write("</tbody></table></section>\n");

        w.Write("<section id=\"files-section\"><h2>Files and sockets</h2><table id=\"files\" class=\"data\"><thead><tr><th>file or socket</th><th>calls</th><th>read</th><th>written</th><th>time</th><th>errors</th></tr></thead><tbody>\n");
        foreach (var t in data.Targets.OrderByDescending(t => t.TimeNs).Take(TargetsShown))
            w.Write($"<tr><td class=\"line\">{H(t.Name)}</td><td>{t.Calls}</td><td>{Bytes(t.BytesRead)}</td><td>{Bytes(t.BytesWritten)}</td><td>{Duration(t.TimeNs)}</td><td>{(t.Errors > 0 ? t.Errors.ToString(CultureInfo.InvariantCulture) : "")}</td></tr>\n");
        w.Write("</tbody></table></section>\n");

        w.Write("<section id=\"failures-section\"><h2>Failures</h2><table id=\"failures\" class=\"data\"><thead><tr><th>calls</th><th>syscall</th><th>errno</th><th>first</th><th>last</th><th>path or peer</th></tr></thead><tbody>\n");
        foreach (var g in data.Failures.Groups.Take(FailuresShown))
            w.Write($"<tr data-syscall=\"{H(g.Syscall)}\"><td>{g.Calls}</td><td>{H(g.Syscall)}</td><td>{H(g.ErrnoName)}</td><td>{Offset(g.FirstNs - data.FirstNs)}</td><td>{Offset(g.LastNs - data.FirstNs)}</td><td class=\"line\">{H(g.Target)}</td></tr>\n");
        w.Write("</tbody></table></section>\n");

        w.Write("<section id=\"signals-section\"><h2>Signals and exits</h2><table id=\"signals\" class=\"data\"><thead><tr><th>time</th><th>pid</th><th>signal</th><th>siginfo</th></tr></thead><tbody>\n");
        foreach (var s in data.Signals.Take(SignalsShown))
            w.Write($"<tr><td>{Offset(s.TimeNs - data.FirstNs)}</td><td>{s.Tid}</td><td>{H(s.Signal)}</td><td class=\"line\">{H(s.Info)}</td></tr>\n");
        w.Write("</tbody></table><table id=\"exits\" class=\"data\"><thead><tr><th>time</th><th>pid</th><th>program</th><th>end</th></tr></thead><tbody>\n");
        foreach (var t in threads.Where(t => t.End != null && t.Tid == t.Tgid))
            w.Write($"<tr class=\"{(t.End == "exited with 0" ? "ok" : "bad")}\"><td>{Offset(t.EndNs - data.FirstNs)}</td><td>{t.Tid}</td><td class=\"line\">{H(string.Join(" → ", Programs(threads, t)))}</td><td>{H(t.End!)}</td></tr>\n");
        w.Write("</tbody></table></section>\n");

        w.Write("<script id=\"data\" type=\"application/octet-stream\">");
        w.Flush();
        WriteData(stream, data, threads);
        w.Write($"</script>\n<script>{Resource("report.js")}</script>\n</body></html>\n");
    }

    private static void ProcessTree(StreamWriter w, ReportCollector data, List<ReportCollector.Thread> threads)
    {
        var byTid = threads.ToDictionary(t => t.Tid);
        var processes = threads.Where(t => t.Tid == t.Tgid).ToList();
        int ParentProcess(ReportCollector.Thread p) => p.Parent != 0 && byTid.TryGetValue(p.Parent, out var f) ? f.Tgid : 0;
        var children = processes.ToLookup(ParentProcess);
        void Node(ReportCollector.Thread p)
        {
            var own = threads.Where(t => t.Tgid == p.Tid && t.Tid != p.Tid).Select(t => t.Tid.ToString(CultureInfo.InvariantCulture)).ToList();
            w.Write($"<li data-pid=\"{p.Tid}\"><b>{p.Tid}</b> <span class=\"line\">{H(string.Join(" → ", Programs(threads, p)))}</span>");
            if (own.Count > 0) w.Write($" <span class=\"threads\">threads {string.Join(", ", own)}</span>");
            if (p.End != null) w.Write($" <span class=\"{(p.End == "exited with 0" ? "ok" : "bad")}\">{H(p.End)}</span>");
            var kids = children[p.Tid].ToList();
            if (kids.Count > 0)
            {
                w.Write("<ul>");
                foreach (var k in kids) Node(k);
                w.Write("</ul>");
            }
            w.Write("</li>");
        }
        w.Write("<ul id=\"tree\" class=\"tree\">");
        foreach (var root in children[0]) Node(root);
        w.Write("</ul>\n");
    }

    /// <summary>The programs a process ran (its execve calls, its threads' included).</summary>
    private static IEnumerable<string> Programs(List<ReportCollector.Thread> threads, ReportCollector.Thread p)
    {
        var programs = threads.Where(t => t.Tgid == p.Tid).SelectMany(t => t.Programs).ToList();
        return programs.Count > 0 ? programs : ["(forked)"];
    }

    /// <summary>A latency histogram as an SVG bar chart: one bar per power of two of nanoseconds
    /// between the fastest and the slowest call, each bar's count in data-count.</summary>
    private static void Histogram(StreamWriter w, string name, LatencyHistogram h)
    {
        var octaves = new SortedDictionary<int, long>();
        for (int i = 0; i < LatencyHistogram.BucketCount; i++)
        {
            long n = h.CountAt(i);
            if (n == 0) continue;
            int octave = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, LatencyHistogram.Bucket(i).Low));
            octaves[octave] = octaves.GetValueOrDefault(octave) + n;
        }
        int first = octaves.Keys.First(), last = octaves.Keys.Last(), bars = last - first + 1;
        long most = octaves.Values.Max();
        const int Width = 300, Height = 90, Top = 14, Bottom = 16;
        double barWidth = (double)Width / bars;
        w.Write($"<figure class=\"hist\" data-syscall=\"{H(name)}\"><figcaption>{H(name)} <span>{h.Count} calls</span></figcaption>");
        w.Write($"<svg class=\"hist\" data-syscall=\"{H(name)}\" data-calls=\"{h.Count}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"latency histogram of {H(name)}\">");
        for (int o = first; o <= last; o++)
        {
            long n = octaves.GetValueOrDefault(o);
            double bh = n == 0 ? 0 : Math.Max(1, (Height - Top - Bottom) * Math.Log(1 + n) / Math.Log(1 + most));
            double x = (o - first) * barWidth;
            w.Write(FormattableString.Invariant($"<rect x=\"{x + 0.5:0.#}\" y=\"{Height - Bottom - bh:0.#}\" width=\"{Math.Max(1, barWidth - 1):0.#}\" height=\"{bh:0.#}\" data-count=\"{n}\" data-from-ns=\"{1L << o}\"><title>{Duration(1L << o)} to {Duration(2L << o)}: {n} calls</title></rect>"));
        }
        w.Write($"<text x=\"0\" y=\"{Height - 3}\">{Duration(1L << first)}</text><text x=\"{Width}\" y=\"{Height - 3}\" text-anchor=\"end\">{Duration(2L << last)}</text>");
        w.Write($"<text x=\"0\" y=\"10\">{most} max</text></svg></figure>");
    }

    /// <summary>The calls as columns in gzip'd JSON, base64 (the page unpacks it with the browser's
    /// DecompressionStream): lanes (threads), syscall names and classes, and per call its lane,
    /// syscall, start and duration in ns from the first event, errno and decoded line.</summary>
    private static void WriteData(Stream stream, ReportCollector data, List<ReportCollector.Thread> threads)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        using (var j = new Utf8JsonWriter(gzip))
        {
            // Threads under their process, processes in the order they appeared.
            var started = threads.Where(t => t.Tid == t.Tgid).ToDictionary(t => t.Tid, t => t.FirstNs);
            var lanes = threads.OrderBy(t => started.GetValueOrDefault(t.Tgid, t.FirstNs)).ThenBy(t => t.Tgid).ThenBy(t => t.FirstNs).ToList();
            var laneOf = new Dictionary<int, int>();
            j.WriteStartObject();
            j.WriteNumber("t0", data.FirstNs);
            j.WriteNumber("span", Math.Max(1, data.LastNs - data.FirstNs));
            j.WriteStartArray("lanes");
            foreach (var t in lanes)
            {
                laneOf[t.Tid] = laneOf.Count;
                j.WriteStartObject();
                j.WriteNumber("tid", t.Tid);
                j.WriteNumber("pid", t.Tgid);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            var names = new Dictionary<int, int>();
            var calls = data.Calls;
            foreach (var c in calls) names.TryAdd(c.Number, names.Count);
            j.WriteStartArray("names");
            foreach (var nr in names.Keys) j.WriteStringValue(SyscallTable.Resolve(nr).Name);
            j.WriteEndArray();
            j.WriteStartArray("cls");
            foreach (var nr in names.Keys) j.WriteNumberValue(ClassOf(SyscallTable.Resolve(nr).Classes));
            j.WriteEndArray();
            void Column(string name, Func<ReportCollector.Call, long> value)
            {
                j.WriteStartArray(name);
                foreach (var c in data.Calls) j.WriteNumberValue(value(c));
                j.WriteEndArray();
            }
            long t0 = data.FirstNs;
            Column("lane", c => laneOf.TryGetValue(c.Tid, out int l) ? l : 0);
            Column("nr", c => names[c.Number]);
            Column("t", c => c.StartNs - t0);
            Column("d", c => c.DurationNs);
            Column("e", c => c.Errno);
            j.WriteStartArray("lines");
            foreach (var c in calls) j.WriteStringValue(data.Line(c));
            j.WriteEndArray();
            j.WriteEndObject();
        }
        // Base64 in chunks of whole 3-byte groups, straight into the page.
        var bytes = packed.GetBuffer().AsSpan(0, (int)packed.Length);
        var chunk = new byte[4 * 16384];
        for (int at = 0; at < bytes.Length; at += 3 * 16384)
        {
            var part = bytes.Slice(at, Math.Min(3 * 16384, bytes.Length - at));
            System.Buffers.Text.Base64.EncodeToUtf8(part, chunk, out _, out int written);
            stream.Write(chunk, 0, written);
        }
    }

    private static int ClassOf(SyscallClass classes)
    {
        for (int i = 0; i < Classes.Length; i++) if ((classes & Classes[i].Classes) != 0) return i;
        return Classes.Length;
    }

    private static string Resource(string name)
    {
        using var s = typeof(HtmlReport).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded");
        return new StreamReader(s).ReadToEnd();
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private static string H(ReadOnlySpan<byte> text) => WebUtility.HtmlEncode(Encoding.Latin1.GetString(text));

    /// <summary>A duration in the unit that keeps it short: 850 ns, 12.3 µs, 4.56 ms, 1.23 s.</summary>
    public static string Duration(long ns) => ns switch
    {
        < 1_000 => FormattableString.Invariant($"{ns} ns"),
        < 1_000_000 => FormattableString.Invariant($"{ns / 1e3:0.##} µs"),
        < 1_000_000_000 => FormattableString.Invariant($"{ns / 1e6:0.##} ms"),
        _ => FormattableString.Invariant($"{ns / 1e9:0.###} s"),
    };

    private static string Offset(long ns) => FormattableString.Invariant($"+{ns / 1e9:0.000000}");

    private static string Bytes(long n) => n == 0 ? "" : n < 10_000 ? n.ToString(CultureInfo.InvariantCulture) + " B"
        : n < 10_000_000 ? FormattableString.Invariant($"{n / 1024.0:0.#} KiB") : FormattableString.Invariant($"{n / 1048576.0:0.#} MiB");

    private static string Clock(ReportCollector data, long ns)
    {
        long us = data.WallClock.UnixMicros(ns);
        return DateTimeOffset.FromUnixTimeMilliseconds(us / 1000).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
