using System.CommandLine;
using Syscope.Inspection;
using Syscope.Inspection.Naming;

namespace Syscope.Cli.Commands;

/// <summary>`syscope ps PATTERN`: processes whose full command line matches (pgrep -f).</summary>
public static class PsCommand
{
    public static Command Create()
    {
        var pattern = new Argument<string>("pattern") { Description = $"regular expression searched in each full command line; {ProcessFinder.PatternHelp}" };
        var command = new Command("ps", "list processes whose command line matches a pattern") { pattern };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            var found = ProcessFinder.Find(r.GetValue(pattern)!);
            if (found.Count == 0) return 1;
            ProcessList.Write(output, found, EndpointNames.FromSystem());
            return 0;
        }));
        return command;
    }
}
