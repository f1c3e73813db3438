using System.CommandLine;
using System.Runtime.InteropServices;
using Syscope.Inspection;
using Syscope.Inspection.Why;
using Syscope.Tracing;

namespace Syscope.Cli.Commands;

/// <summary>`syscope why PID|PATTERN`: what each thread is waiting for, and on whom.</summary>
public static class WhyCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "PID or command-line pattern (must match one process)" };
        var watch = new Option<double?>("--watch") { Description = "then trace it for SECONDS and report where its wall time went", HelpName = "SECONDS" };
        var command = new Command("why", "explain what a process is waiting for") { target, watch };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            var process = ProcessFinder.Resolve(r.GetValue(target)!);
            WhyFormatter.Write(output, Diagnoser.Run(process));
            if (r.GetValue(watch) is double seconds)
            {
                if (seconds <= 0 || double.IsNaN(seconds)) throw new UserError("--watch needs a positive number of seconds");
                output.WriteLine();
                output.Flush();
                var backend = TraceBackends.Create(new TraceTarget { AttachPids = [process.Pid] });
                WatchReport report;
                using (PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; backend.RequestDetach(-1); }))
                    report = WatchReport.Run(backend, seconds);
                report.Write(output, process, WatchReport.FdDescriber(process));
            }
            return 0;
        }));
        return command;
    }
}
