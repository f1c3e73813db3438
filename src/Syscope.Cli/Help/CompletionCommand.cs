using System.CommandLine;
using Syscope.Cli.Commands;

namespace Syscope.Cli.Help;

/// <summary>`syscope completion bash|zsh`: a script to source that completes syscope's commands,
/// options, syscall and signal names and processes, by asking syscope itself (Completer).</summary>
internal static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong(CompletionScripts.Shells);
        var command = new Command("completion", "print a shell completion script: source <(syscope completion bash), or zsh") { shell };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            string binary = Environment.ProcessPath ?? throw new UserError("cannot tell where the syscope binary is (/proc/self/exe)");
            output.Write(CompletionScripts.For(r.GetValue(shell)!, binary));
            return 0;
        }));
        return command;
    }
}
