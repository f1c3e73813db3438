using Syscope.Calls;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Output;

namespace Syscope.Cli.Commands;

/// <summary>The outputs strace's options ask for (text, --json, the -c table, the failure digest,
/// the HTML report's collector) behind one call
/// assembler: what `trace` shows live and `replay` shows from a recording, built the same way.</summary>
internal sealed class TracePipeline : IDisposable
{
    private readonly StraceFormatter? _text;
    private readonly JsonFormatter? _json;
    private readonly TraceOutput? _shared;

    public CallAssembler Assembler { get; }

    /// <param name="console">The stream the trace goes to without -o (stderr live, stdout in replay).</param>
    /// <param name="flushConsole">Flush the console at every stop (live, so lines show as they happen).</param>
    /// <param name="flushFile">Flush -o FILE at every stop too (-I1: a fatal signal ends syscope at
    /// once, and the file must hold what had been printed, as strace's does).</param>
    /// <param name="openFile">Opens -o FILE (and FILE.PID for -ff).</param>
    /// <param name="report">--report: the HTML report's collector; the text trace then goes only to -o FILE.</param>
    public TracePipeline(StraceOptions options, TraceFacts facts, TextWriter stderr, bool json, ColorChoice color, Func<Stream> console, bool flushConsole, Func<string, Stream> openFile,
        Output.Report.ReportCollector? report = null, bool jsonEntries = false, bool flushFile = false)
    {
        Stream? sharedStream = null;
        if (!options.PerProcessFiles)
        {
            sharedStream = options.OutputPath == null ? console() : openFile(options.OutputPath);
            _shared = new TraceOutput(sharedStream, flushEachEvent: options.OutputPath == null ? flushConsole : flushFile);
        }
        // JSON is for programs: never coloured.  -ff files are files: coloured only when asked.
        options = options with { Color = !json && TraceColors.Enabled(color, (sharedStream as DescriptorStream)?.IsTerminal ?? false, Environment.GetEnvironmentVariable) };
        var filter = options.Filter;
        var host = facts.Host;
        _text = json || filter.Summary == SummaryMode.Only || report != null && options.OutputPath == null ? null
            : new StraceFormatter(options, _shared, stderr, host, pid => openFile($"{options.OutputPath}.{pid}"));
        _json = json && filter.Summary != SummaryMode.Only ? new JsonFormatter(_shared!, stderr, host, jsonEntries) : null;
        var renderers = new List<ITraceRenderer>();
        if (_text != null) renderers.Add(_text);
        if (_json != null) renderers.Add(_json);
        // The table and the digest go where the trace would: -o FILE, else the console, after any trace lines.
        Stream SummaryOutput()
        {
            stderr.Flush();
            return _shared?.FlushedStream() ?? console();
        }
        if (filter.Summary != SummaryMode.None)
        {
            renderers.Add(new SummaryRenderer(filter, SummaryOutput, json));
            if (filter.Summary == SummaryMode.Only) renderers.Add(new MessageRenderer(stderr));
        }
        if (filter.FailureDigest) renderers.Add(new FailureDigest(host, SummaryOutput, json));
        if (report != null)
        {
            renderers.Add(report);
            if (_text == null && _json == null && filter.Summary != SummaryMode.Only) renderers.Add(new MessageRenderer(stderr));
        }
        Assembler = new CallAssembler(filter, options.Decode, facts, [.. renderers]);
    }

    public void Dispose()
    {
        _text?.Dispose();
        _json?.Dispose();
        _shared?.Dispose();
    }
}
