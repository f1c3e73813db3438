using System.CommandLine;
using Syscope.Inspection;
using Syscope.Inspection.Reference;
using Syscope.Tracing;

namespace Syscope.Cli.Commands;

/// <summary>`syscope explain NAME|NUMBER` and `syscope explain --list [CLASS]`.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var syscall = new Argument<string?>("syscall") { Description = "name or number; with --list, a class", Arity = ArgumentArity.ZeroOrOne, HelpName = "syscall" };
        syscall.CompletionSources.Add(context => CompletionWords.Syscalls(context.WordToComplete).Where(w => w[0] != '%'));
        var list = new Option<bool>("--list") { Description = "list system calls, all or of one class" };
        var command = new Command("explain", "built-in reference for a system call") { syscall, list };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            string? arg = r.GetValue(syscall);
            if (r.GetValue(list)) ExplainFormatter.WriteList(output, arg);
            else if (arg == null) throw new UserError("explain needs a system call name or number, or --list");
            else ExplainFormatter.Write(output, ExplainFormatter.Lookup(arg), ExplainFormatter.ManPageInstalled);
            return 0;
        }));
        return command;
    }
}
