using System.CommandLine;
using Syscope.Cli.Commands;

namespace Syscope.Cli;

public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("syscope: trace system calls and inspect live processes");
        root.Subcommands.Add(PsCommand.Create());
        root.Subcommands.Add(FilesCommand.Create());
        root.Subcommands.Add(WhyCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        return root;
    }
}
