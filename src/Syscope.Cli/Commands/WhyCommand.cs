using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Syscope.Inspection;
using Syscope.Inspection.Why;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Cli.Commands;

/// <summary>`syscope why PID|PATTERN`: what each thread is waiting for, and on whom.</summary>
internal static class WhyCommand
{
    /// <summary>The longest window a timer takes (2^32-2 ms, about 49 days).</summary>
    private const double MaxWatchSeconds = 4294967;

    public static Command Create()
    {
        var target = new Argument<string?>("target") { Description = $"PID or command-line pattern (must match one process; {ProcessFinder.PatternHelp}); none: like --all", Arity = ArgumentArity.ZeroOrOne, HelpName = "target" };
        target.CompletionSources.Add(context => CompletionWords.Processes(context.WordToComplete));
        var all = new Option<bool>("--all") { Description = "every process with a thread blocked for --min-wait or longer, grouped by what they wait on" };
        var minWait = new Option<string?>("--min-wait") { Description = $"with --all: the shortest wait shown (default {MachineWaits.DefaultMinWait:0.0})", HelpName = "SECONDS" };
        var watch = new Option<string?>("--watch") { Description = "then trace it for SECONDS and report where its wall time went", HelpName = "SECONDS" };
        var depth = new Option<int>("--depth") { Description = "follow the wait through up to N other processes (0: this one only)", DefaultValueFactory = _ => WaitChain.DefaultDepth, HelpName = "N" };
        var command = new Command("why", "explain what a process is waiting for") { target, watch, depth, all, minWait };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            double? seconds = r.GetValue(watch) is { } text ? Seconds(text, "--watch", allowZero: false) : null;
            if (r.GetValue(all) || r.GetValue(target) == null)
            {
                if (r.GetValue(target) != null || r.GetValue(watch) != null)
                    throw new UserError(r.GetValue(all) ? "--all looks at every process: give no PID, pattern or --watch with it" : "--watch needs the PID or pattern of the process to watch");
                double least = r.GetValue(minWait) is { } m ? Seconds(m, "--min-wait", allowZero: true) : MachineWaits.DefaultMinWait;
                MachineWaits.Scan(least).Write(output, least);
                return 0;
            }
            if (r.GetValue(minWait) != null) throw new UserError("--min-wait goes with --all");
            int hops = r.GetValue(depth);
            if (hops < 0) throw new UserError($"invalid --depth value {hops}: give 0 or more processes to follow");
            var process = ProcessFinder.Resolve(r.GetValue(target)!);
            WhyFormatter.Write(output, WhyReport.Build(process, hops));
            if (seconds is double window)
            {
                output.WriteLine();
                output.Flush();
                var backend = TraceBackends.Create(new TraceTarget { AttachPids = [process.Pid] });
                WatchReport report;
                using (PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; backend.RequestDetach(-1); }))
                    report = WatchReport.Run(backend, window);
                report.Write(output, process, WatchReport.FdDescriber(process));
            }
            return 0;
        }));
        return command;
    }

    /// <summary>A finite number of seconds (above 0, or 0 and above) that a timer can wait,
    /// checked before anything is inspected.</summary>
    private static double Seconds(string text, string option, bool allowZero)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && double.IsFinite(s) && (s > 0 || (allowZero && s == 0)) && s <= MaxWatchSeconds)
            return s;
        throw new UserError($"invalid {option} value {UntrustedText.Quote(text)}: give a number of seconds {(allowZero ? "of 0 or more" : "above 0")} and at most {MaxWatchSeconds}");
    }
}
