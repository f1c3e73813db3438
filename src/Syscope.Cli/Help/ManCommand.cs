using System.CommandLine;
using Syscope.Cli.Commands;
using Syscope.Text;

namespace Syscope.Cli.Help;

/// <summary>`syscope man [COMMAND]`: the man page in roff on stdout, so that `syscope man trace |
/// man -l -` shows it without installing anything (install-links --man-dir installs them all).</summary>
internal static class ManCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("command") { Description = "the command whose page to print; none: syscope(1)", Arity = ArgumentArity.ZeroOrOne, HelpName = "command" };
        name.CompletionSources.Add(context => ManPages.CommandNames((RootCommand)context.ParseResult.RootCommandResult.Command));
        var command = new Command("man", "print a man page in roff (syscope man trace | man -l -)") { name };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            var root = (RootCommand)r.RootCommandResult.Command;
            if (r.GetValue(name) is not { } wanted)
            {
                output.Write(ManPages.Overview(root));
                return 0;
            }
            var found = ManPages.Find(root, wanted)
                ?? throw new UserError($"no command {UntrustedText.Quote(wanted)} (the commands: {string.Join(", ", ManPages.CommandNames(root))})");
            output.Write(ManPages.Page(found));
            return 0;
        }));
        return command;
    }
}
