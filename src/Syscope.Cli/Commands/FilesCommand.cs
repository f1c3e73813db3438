using System.CommandLine;
using Syscope.Inspection;
using Syscope.Inspection.Files;
using Syscope.Inspection.Naming;

namespace Syscope.Cli.Commands;

/// <summary>`syscope files PID|PATTERN` (alias lsof) and `syscope files -i [:PORT]`.</summary>
public static class FilesCommand
{
    public static Command Create()
    {
        var target = new Argument<string?>("target") { Description = $"PID or command-line pattern ({ProcessFinder.PatternHelp})", Arity = ArgumentArity.ZeroOrOne };
        var inet = new Option<string?>("-i") { Description = "network files only; all processes unless a target is given; :PORT keeps those with that port at either end", Arity = ArgumentArity.ZeroOrOne, HelpName = ":PORT" };
        var numericHosts = new Option<bool>("-n") { Description = "do not name hosts" };
        var numericPorts = new Option<bool>("-P") { Description = "do not name ports" };
        var peers = new Option<bool>("-E") { Description = "show the processes at the other end of pipes and sockets (lsof +E)" };
        var json = new Option<bool>("--json") { Description = "JSON output for scripts" };
        var command = new Command("files", "list the open files of a process as lsof does") { target, inet, numericHosts, numericPorts, peers, json };
        command.Aliases.Add("lsof");
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            var request = new FilesRequest(
                r.GetValue(target), r.GetResult(inet) != null, r.GetValue(inet),
                r.GetValue(numericHosts), r.GetValue(numericPorts), r.GetValue(peers));
            var processes = FilesQuery.Run(request);
            if (r.GetValue(json))
            {
                using var buffer = new MemoryStream();
                FilesJsonWriter.Write(buffer, processes);
                output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else if (processes.Count > 0) LsofFormatter.Write(output, processes, request.Peers);
            return processes.Count > 0 ? 0 : 1;
        }));
        return command;
    }
}
