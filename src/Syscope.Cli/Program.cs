using System.CommandLine;
using Syscope.Cli.Commands;

namespace Syscope.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Console.Out flushes every line; a 10,000-row lsof screen wants one buffered stream.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        return BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = stdout });
    }

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
