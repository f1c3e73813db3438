using System.Diagnostics;
using Syscope.Recording;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;

namespace Syscope.Bench;

/// <summary>
/// `Syscope.Bench report-browser [CALLS] [SYSCOPE]`: writes a recording of CALLS calls (the
/// <see cref="ReportBench"/> run through the real recorder, so the file holds what `record` would
/// write), runs `SYSCOPE report` on it (dist/syscope by default, the NativeAOT binary the Python
/// benchmarks use), then opens the page in
/// headless chromium over its DevTools protocol and waits for its script to finish drawing.  Prints
/// the report's time and size and the page's load time; fails when the page logs a console error,
/// asks for anything but its own file, or takes more than <see cref="LoadLimit"/> to be ready.
/// </summary>
public static class ReportBrowserBench
{
    /// <summary>The longest a report's page may take to load and draw (the target: a person opening it waits).</summary>
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(15);

    public static int Run(string[] args)
    {
        int calls = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        string syscope = args.Length > 1 ? args[1] : Path.Combine(RepoRoot(), "dist", "syscope");
        if (!File.Exists(syscope)) throw new FileNotFoundException($"{syscope}: publish it first (dotnet publish src/Syscope.Cli -c Release -o dist)");
        string dir = Directory.CreateTempSubdirectory("syscope-report-browser-").FullName;
        try
        {
            string run = Path.Combine(dir, "run.scope"), html = Path.Combine(dir, "run.html");
            Record(run, calls);

            var clock = Stopwatch.StartNew();
            using (var report = Process.Start(new ProcessStartInfo(syscope, ["report", run, "-o", html]) { RedirectStandardError = true })!)
            {
                string said = report.StandardError.ReadToEnd();
                report.WaitForExit();
                if (report.ExitCode != 0) throw new InvalidOperationException($"syscope report failed: {said}");
            }
            var reported = clock.Elapsed;

            using var browser = new Chromium();
            clock.Restart();
            browser.Open("file://" + html);
            var loaded = clock.Elapsed;
            browser.WaitFor("document.body.dataset.ready === 'true'", seconds: (int)LoadLimit.TotalSeconds);
            var ready = clock.Elapsed;
            long rows = browser.Evaluate("+document.querySelector('#syscalls tr[data-syscall=\"read\"]').dataset.calls")!.GetValue<long>();

            Console.WriteLine($"{calls} calls: recording {new FileInfo(run).Length / 1e6:0.0} MB; `syscope report` {reported.TotalSeconds:0.00} s, " +
                $"{new FileInfo(html).Length / 1e6:0.0} MB; chromium: load event {loaded.TotalSeconds:0.00} s, drawn {ready.TotalSeconds:0.00} s; " +
                $"{browser.ConsoleErrors.Count} console errors; read row {rows} calls");
            foreach (string error in browser.ConsoleErrors) Console.WriteLine("  " + error);
            var foreign = browser.Requests.Where(url => !url.StartsWith("file://")).ToList();
            foreach (string url in foreign) Console.WriteLine("  request: " + url);
            // One call in six of the mix is a read.
            bool ok = browser.ConsoleErrors.Count == 0 && foreign.Count == 0 && ready <= LoadLimit && rows == (calls + 3) / 6;
            return ok ? 0 : 1;
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The run written as `record` writes one: each event through the recorder, which
    /// decodes it with -v -yy and keeps the memory and facts its decoders read.</summary>
    private static void Record(string path, int calls)
    {
        var header = new RecordingHeader { WallClock = LiveFacts.Instance.Host.WallClock, CaptureLimit = 256, Backend = "ptrace", Command = ["bench"] };
        using var writer = new RecordingWriter(File.Create(path), path, header);
        var recorder = new TraceRecorder(writer, new RecordingFacts(LiveFacts.Instance, writer), header.CaptureLimit, live: null);
        ReportBench.Feed(recorder, calls, threads: 8);
        recorder.Complete();
        writer.End(new TraceOutcome(0, 0, false, 0));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "syscope.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("syscope.slnx not found above " + AppContext.BaseDirectory);
    }
}
