using System.CommandLine;
using Syscope.Recording;

namespace Syscope.Cli.Commands;

/// <summary>`syscope diff good.scope bad.scope [--json]`.  Parsing and wiring only.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var good = new Argument<string>("first") { Description = "the recording of the run that worked" };
        var bad = new Argument<string>("second") { Description = "the recording of the run that did not" };
        var json = new Option<bool>("--json") { Description = "one JSON object instead of text" };
        var command = new Command("diff", "compare two recordings: calls failing in one run only, the first call where they part, files touched, exit statuses") { good, bad, json };
        command.SetAction(r => CommandRunner.Run(r, stdout =>
        {
            RunSummary Load(string path)
            {
                using var reader = RecordingReader.Open(path);
                var run = RunSummary.Read(reader);
                if (run.Problem != null) r.InvocationConfiguration.Error.WriteLine($"syscope: {Text.UntrustedText.EscapeLines(run.Problem)}");
                return run;
            }
            var report = RunDiff.Compare(Load(r.GetValue(good)!), Load(r.GetValue(bad)!));
            if (r.GetValue(json))
            {
                stdout.Flush();
                using var o = Console.OpenStandardOutput();
                RunDiff.WriteJson(report, o);
                o.WriteByte((byte)'\n');
            }
            else RunDiff.WriteText(report, stdout);
            return 0;
        }));
        return command;
    }
}
