using System.CommandLine;
using Syscope.Cli.Commands;
using Syscope.Text;

namespace Syscope.Cli.Help;

/// <summary>`syscope man [COMMAND]`: the man page in roff on stdout, so that `syscope man trace |
/// man -l -` shows it without installing anything; `syscope man --write DIR`: every page into
/// DIR/man1 (the publish step writes dist/man so; install-links installs them too).</summary>
internal static class ManCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("command") { Description = "the command whose page to print; none: syscope(1)", Arity = ArgumentArity.ZeroOrOne, HelpName = "command" };
        name.CompletionSources.Add(context => ManPages.CommandNames((RootCommand)context.ParseResult.RootCommandResult.Command));
        var write = new Option<string?>("--write") { Description = "write every page into DIR/man1 instead (DIR is made if missing), e.g. beside the binary", HelpName = "DIR" };
        var command = new Command("man", "print a man page in roff (syscope man trace | man -l -), or write them all (--write DIR)") { name, write };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            var root = (RootCommand)r.RootCommandResult.Command;
            if (r.GetValue(write) is { } dir)
            {
                if (r.GetValue(name) != null) throw new UserError("--write writes every page: it takes no command");
                return InstallLinksCommand.InstallPages(root, dir, output, r.InvocationConfiguration.Error) == 0 ? 0 : 1;
            }
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
