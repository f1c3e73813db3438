using System.CommandLine;
using Syscope.Recording.Diff;

namespace Syscope.Cli.Commands;

/// <summary>`syscope diff good.scope bad.scope [--json] [--latency-threshold=DURATION]`.  Parsing
/// and wiring only.</summary>
internal static class DiffCommand
{
    public const string Description = """
        Compare two recordings (syscope record) of a program that worked and failed: the first call
        where the runs part (with the calls around it), calls failing more often in one run (by
        syscall, errno and path), files and sockets touched in one run only, processes that ended
        differently and signals received, and syscalls whose total time changed by more than the
        latency threshold (default 10ms) and by more than half.  Processes are paired along the
        fork/exec tree, then each thread's calls are aligned; addresses, descriptor numbers (named
        by their target), the runs' own pids and times in structures are masked before comparing,
        and an exec is compared by its program.
        """;

    public static Command Create()
    {
        var good = new Argument<string>("first") { Description = "the recording of the run that worked" };
        var bad = new Argument<string>("second") { Description = "the recording of the run that did not" };
        var json = new Option<bool>("--json") { Description = "one JSON object instead of text" };
        var threshold = new Option<string>("--latency-threshold")
        {
            Description = "report syscalls whose total time changed by more than this (10ms, 1.5s, 200us; a bare number is ms)",
            DefaultValueFactory = _ => "10ms",
        };
        var command = new Command("diff", Description) { good, bad, json, threshold };
        command.SetAction(r => CommandRunner.Run(r, stdout =>
        {
            string value = r.GetValue(threshold)!;
            if (!Filtering.TimeSpec.TryParseNanos(value, Filtering.TimeSpec.Millisecond, out long thresholdNs))
                throw new UserError($"invalid --latency-threshold {Text.UntrustedText.Quote(value)} (a duration: 10ms, 1.5s, 200us)");
            var report = RunDiff.Compare(r.GetValue(good)!, r.GetValue(bad)!, thresholdNs);
            foreach (string problem in report.Problems) r.InvocationConfiguration.Error.WriteLine($"syscope: {Text.UntrustedText.EscapeLines(problem)}");
            if (r.GetValue(json))
            {
                stdout.Flush();
                using var o = Console.OpenStandardOutput();
                DiffReportWriter.WriteJson(report, o);
                o.WriteByte((byte)'\n');
            }
            else DiffReportWriter.WriteText(report, stdout);
            return 0;
        }));
        return command;
    }
}
