using System.CommandLine;
using Syscope.Decoding;
using Syscope.Recording;

namespace Syscope.Cli.Commands;

/// <summary>`syscope export --format=perfetto FILE -o OUT`: a recording for timeline viewers.
/// Parsing and wiring only.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("recording") { Description = "a recording made by syscope record or trace --record" };
        var format = new Option<string>("--format") { Description = "perfetto: Chrome trace-event JSON, which ui.perfetto.dev and chrome://tracing open", DefaultValueFactory = _ => "perfetto" };
        var output = new Option<string?>("--output", "-o") { Description = "write to this file instead of stdout" };
        var strings = new Option<int>("--string-limit", "-s") { Description = "bytes of each string shown in a call's arguments (default 64)", DefaultValueFactory = _ => 64 };
        var command = new Command("export", "convert a recording for other tools (Perfetto, chrome://tracing)") { file, format, output, strings };
        command.SetAction(r => CommandRunner.Run(r, stdout =>
        {
            if (r.GetValue(format) != "perfetto")
                throw new UserError($"unknown export format {Text.UntrustedText.Quote(r.GetValue(format) ?? "")} (perfetto)");
            using var reader = RecordingReader.Open(r.GetValue(file)!);
            string? path = r.GetValue(output);
            using var sink = path == null ? Console.OpenStandardOutput() : OpenForWriting(path);
            var counts = PerfettoExport.Write(reader, sink, new DecodeOptions { StringLimit = Math.Max(0, r.GetValue(strings)), FdPaths = FdDecoding.Path });
            if (reader.Problem != null) r.InvocationConfiguration.Error.WriteLine($"syscope: {Text.UntrustedText.EscapeLines(reader.Problem)}");
            if (path != null)
                r.InvocationConfiguration.Error.WriteLine($"syscope: {counts.Calls} calls, {counts.Signals} signals, {counts.Flows} forks of {counts.Threads} threads in {Text.UntrustedText.Escape(path)}");
            return reader.Problem != null ? 1 : 0;
        }));
        return command;
    }

    private static Stream OpenForWriting(string path) =>
        new FileStream(Interop.Descriptors.CreateForWriting(path, out int errno)
            ?? throw new UserError($"{Text.UntrustedText.Escape(path)}: {Kernel.Errno.Message(errno)}"), FileAccess.Write, 1 << 16);
}
