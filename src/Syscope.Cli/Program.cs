using System.CommandLine;
using Syscope.Cli.Commands;
using Syscope.Tracing;

namespace Syscope.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            // strace's options are getopt-style (-ff, -s64, -p1,2): `trace` takes its words verbatim.
            if (args.Length > 0 && args[0] == "trace" && !(args.Length > 1 && args[1] is "-h" or "--help"))
                return TraceCommand.Run(args[1..], Console.Error);
        }
        catch (UserError e)
        {
            Console.Error.WriteLine("syscope: " + e.Message);
            return 1;
        }
        catch (Interop.SyscallException e)
        {
            // The kernel refused something syscope needs; say what, not where in the code.
            Console.Error.WriteLine("syscope: " + e.Message);
            return 1;
        }
        // Console.Out flushes every line; a 10,000-row lsof screen wants one buffered stream.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        return BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = stdout });
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("syscope: trace system calls and inspect live processes");
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(PsCommand.Create());
        root.Subcommands.Add(FilesCommand.Create());
        root.Subcommands.Add(WhyCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        return root;
    }
}
