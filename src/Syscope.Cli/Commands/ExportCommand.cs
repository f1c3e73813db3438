using System.CommandLine;
using Syscope.Decoding;
using Syscope.Recording;

namespace Syscope.Cli.Commands;

/// <summary>`syscope export --format=perfetto|otlp-json FILE -o OUT [--min-duration=D]`: a recording
/// for timeline viewers and tracing back ends.  Parsing and wiring only.</summary>
internal static class ExportCommand
{
    /// <summary>What --format takes.</summary>
    private static readonly string[] Formats = ["perfetto", "otlp-json"];

    public static Command Create()
    {
        var file = new Argument<string>("recording") { Description = "a recording made by syscope record or trace --record" };
        var format = new Option<string>("--format") { Description = "perfetto: Chrome trace-event JSON, which ui.perfetto.dev and chrome://tracing open; otlp-json: OpenTelemetry spans (OTLP/JSON) for Jaeger, Tempo or a collector", DefaultValueFactory = _ => "perfetto" };
        format.CompletionSources.Add(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "write to this file instead of stdout" };
        var strings = new Option<int>("--string-limit", "-s") { Description = "bytes of each string shown in a call's arguments (default 64)", DefaultValueFactory = _ => 64 };
        var minDuration = new Option<string?>("--min-duration") { Description = "otlp-json: only calls that took at least this long (500us, 2ms, 0.1s; a bare number is seconds)" };
        var command = new Command("export", "convert a recording for other tools (Perfetto, chrome://tracing, OpenTelemetry)") { file, format, output, strings, minDuration };
        command.SetAction(r => CommandRunner.Run(r, stdout =>
        {
            string kind = r.GetValue(format) ?? "";
            if (!Formats.Contains(kind))
                throw new UserError($"unknown export format {Text.UntrustedText.Quote(kind)} ({string.Join(", ", Formats)})");
            string? min = r.GetValue(minDuration);
            if (min != null && kind != "otlp-json") throw new UserError("--min-duration is for --format=otlp-json");
            long minNs = min == null ? 0 : DurationNs(min);
            using var reader = RecordingReader.Open(r.GetValue(file)!);
            string? path = r.GetValue(output);
            using var sink = path == null ? Console.OpenStandardOutput() : OpenForWriting(path);
            var options = new DecodeOptions { StringLimit = Math.Max(0, r.GetValue(strings)), FdPaths = FdDecoding.Path };
            string summary = TerminalProgress.Reading(TerminalProgress.Allowed(outputOnStdout: path == null), reader, $"reading {Text.UntrustedText.Escape(r.GetValue(file)!)}", r.InvocationConfiguration.Error, _ =>
            {
                if (kind != "perfetto") return $"{OtlpExport.Write(reader, sink, options, minNs)} spans";
                var counts = PerfettoExport.Write(reader, sink, options);
                return $"{counts.Calls} calls, {counts.Signals} signals, {counts.Flows} forks of {counts.Threads} threads";
            });
            if (reader.Problem != null) r.InvocationConfiguration.Error.WriteLine($"syscope: {Text.UntrustedText.EscapeLines(reader.Problem)}");
            if (path != null) r.InvocationConfiguration.Error.WriteLine($"syscope: {summary} in {Text.UntrustedText.Escape(path)}");
            return reader.Problem != null ? 1 : 0;
        }));
        return command;
    }

    /// <summary>"500us", "2ms", "0.1s", "1500ns", or a bare number of seconds, in nanoseconds.</summary>
    private static long DurationNs(string text)
    {
        (string number, double scale) = text switch
        {
            _ when text.EndsWith("ns", StringComparison.Ordinal) => (text[..^2], 1.0),
            _ when text.EndsWith("us", StringComparison.Ordinal) => (text[..^2], 1e3),
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 1e6),
            _ when text.EndsWith('s') => (text[..^1], 1e9),
            _ => (text, 1e9),
        };
        if (!double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double value) || value * scale > long.MaxValue)
            throw new UserError($"--min-duration: {Text.UntrustedText.Quote(text)} is not a duration (500us, 2ms, 0.1s)");
        return (long)Math.Round(value * scale);
    }

    private static Stream OpenForWriting(string path) =>
        new FileStream(Interop.Descriptors.CreateForWriting(path, out int errno)
            ?? throw new UserError($"{Text.UntrustedText.Escape(path)}: {Kernel.Errno.Message(errno)}"), FileAccess.Write, 1 << 16);
}
