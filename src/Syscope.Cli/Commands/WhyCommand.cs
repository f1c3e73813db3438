using System.CommandLine;
using Syscope.Inspection;
using Syscope.Inspection.Why;

namespace Syscope.Cli.Commands;

/// <summary>`syscope why PID|PATTERN`: what each thread is waiting for, and on whom.</summary>
public static class WhyCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "PID or command-line pattern (must match one process)" };
        var command = new Command("why", "explain what a process is waiting for") { target };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            var process = ProcessFinder.Resolve(r.GetValue(target)!);
            WhyFormatter.Write(output, Diagnoser.Run(process));
            return 0;
        }));
        return command;
    }
}
