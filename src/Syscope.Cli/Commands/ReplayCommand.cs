using System.CommandLine;
using Microsoft.Win32.SafeHandles;
using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Output;
using Syscope.Recording;
using Syscope.Text;

namespace Syscope.Cli.Commands;

/// <summary>`syscope replay FILE [output options]`: a recording shown as `trace` showed it, or
/// with other options.  Parsing and wiring only.</summary>
internal static class ReplayCommand
{
    public const string Usage = "usage: syscope replay FILE [-cCfkqrtTvwxyzZn] [-o OUT] [-s STRSIZE] [-e EXPR]... [-P PATH]... [--json] [--no-demangle]";

    public const string Description = """
        Show a recording (syscope record) with trace's output options, on stdout or in -o OUT: the
        same options print what the live trace printed, byte for byte; others decode it again
        (-e trace=, -P, -y/-yy, -s up to what was kept, -x, -v, -T, -tt, -f, -c, --json).  Only the
        calls that were recorded can show; -k shows the stacks of a recording made with -k, as they
        were resolved then (-kk with their source lines, if it was made with -kk), demangled
        unless --no-demangle.
        """;

    public static Command Create() =>
        new GetoptCommand("replay", Description, Usage, TraceArguments.Getopt, "the recording, then trace's output options", args => Run(args, Console.Error));

    /// <summary>The options the recording was made with, as trace read them; null when this
    /// syscope does not read them.</summary>
    private static TraceArguments? Recorded(RecordingHeader header)
    {
        try { return TraceArguments.Parse(header.Options, needsTarget: false); }
        catch (Exception e) when (e is UsageError or UserError) { return null; }
    }

    public const string ReportUsage = "usage: syscope report FILE [-o OUT.html] [-e EXPR]... [-P PATH]... [-y|-yy]";

    public const string ReportDescription = """
        Write a recording (syscope record) as one self-contained HTML report: a zoomable timeline
        of threads with the fork/exec tree, per-syscall latencies and histograms, the slowest
        calls, files and sockets, failures, signals and exits, and a search over every decoded
        line.  OUT defaults to FILE with .html in place of its extension.
        """;

    public static Command CreateReport() =>
        new GetoptCommand("report", ReportDescription, ReportUsage, TraceArguments.Getopt, "the recording, then -o OUT.html and trace's selection options",
            args => Run(args, Console.Error, report: true));

    /// <param name="report">`syscope report`: -o names the HTML report, and no trace is shown.</param>
    public static int Run(IReadOnlyList<string> argv, TextWriter stderr, bool report = false)
    {
        string name = report ? "report" : "replay", usage = report ? ReportUsage : Usage;
        string? path;
        TraceArguments a;
        try
        {
            // The file first (`replay run.scope -f`), or after the options (`replay -f run.scope`).
            path = argv.Count > 0 && !argv[0].StartsWith('-') ? argv[0] : null;
            a = TraceArguments.Parse(path != null ? argv.Skip(1).ToList() : argv, needsTarget: false);
            if (path == null && a.Command.Count == 1) path = a.Command[0];
            else if (a.Command.Count > 0) throw new UsageError($"one recording to replay, not {UntrustedText.Escape(string.Join(' ', a.Command))}");
            if (path == null) throw new UsageError($"which recording? (syscope {name} FILE)");
            if (a.Pids.Count > 0 || a.RecordPath != null) throw new UsageError("-p and --record are for trace and record, not replay");
        }
        catch (UsageError e) { stderr.WriteLine($"syscope {name}: {UntrustedText.EscapeLines(e.Message)}\n{usage}"); return 1; }
        foreach (string warning in a.Warnings) stderr.WriteLine($"syscope {name}: {warning}");
        if (report) (a.ReportPath, a.OutputPath) = (a.OutputPath ?? Path.ChangeExtension(path, ".html"), null);
        if (a.ReportPath != null && Path.GetFullPath(a.ReportPath) == Path.GetFullPath(path))
            throw new UserError($"the report would overwrite the recording {UntrustedText.Escape(path)}");

        using var reader = RecordingReader.Open(path);
        reader.Stacks = a.StackTraces;
        var recorded = Recorded(reader.Header);
        reader.SymbolNames = a.NoDemangle ? RecordedSymbolNames.Raw
            : recorded?.NoDemangle == true ? RecordedSymbolNames.Demangled : RecordedSymbolNames.AsRecorded;
        if (reader.Header.Command.Count > 0) a.ReplayingLaunch();
        var options = a.ToOptions(manyProcesses: reader.Header.ManyProcesses);
        // Processes picked by a scope (--system-wide, --cgroup, --comm) are named on every line, as live.
        if (recorded?.Scoped == true) options = options with { ProcessNames = true };
        bool writeFailed = false;
        void Failed(string name, int errno)
        {
            if (errno != Errno.EPIPE && !writeFailed) stderr.WriteLine($"syscope: {name}: {Errno.Message(errno)}");
            writeFailed = true;
        }
        Stream Stdout() => new DescriptorStream(new SafeFileHandle(1, ownsHandle: false), "stdout", Failed);
        Stream Open(string file) => new DescriptorStream(Descriptors.CreateForWriting(file, out int errno)
            ?? throw new UserError($"Can't fopen '{UntrustedText.Escape(file)}': {Errno.Message(errno)}"), file, Failed);
        // Opened before the recording is read, so that an unwritable report fails first.
        using var reportFile = a.ReportPath != null ? Open(a.ReportPath) : null;
        var collector = reportFile != null ? new Output.Report.ReportCollector(reader.Facts.Host) : null;
        // A bar while the recording is read, unless the trace itself goes to stdout meanwhile; the
        // summaries are written once it is gone.
        bool streams = a.OutputPath == null && a.ReportPath == null && options.Filter.Summary != Filtering.SummaryMode.Only;
        var pipeline = TerminalProgress.Reading(TerminalProgress.Allowed(outputOnStdout: streams), reader, $"reading {UntrustedText.Escape(path)}", stderr, messages =>
        {
            var pipeline = new TracePipeline(options, reader.Facts, messages, a.Json, a.Color, Stdout, flushConsole: false, Open, collector, a.JsonEntries);
            reader.Feed(pipeline.Assembler);
            return pipeline;
        });
        using (pipeline) pipeline.Assembler.Complete();
        if (collector != null)
            Output.Report.HtmlReport.Write(reportFile!, collector, reader.Header.Command.Count > 0 ? string.Join(' ', reader.Header.Command) : path, stderr, a.ReportPath!);
        if (reader.Problem != null) stderr.WriteLine($"syscope: {UntrustedText.EscapeLines(reader.Problem)}");
        return reader.Problem != null || writeFailed ? 1 : 0;
    }
}
