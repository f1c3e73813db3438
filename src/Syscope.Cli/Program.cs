using System.CommandLine;
using Syscope.Cli.Commands;
using Syscope.Tracing;

namespace Syscope.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("syscope: trace system calls and inspect live processes");
        root.Subcommands.Add(TraceCommand.Create());
        try
        {
            // strace's options are getopt-style (-ff, -s64, -p1,2): `trace` takes its words verbatim.
            if (args.Length > 0 && args[0] == "trace" && !(args.Length > 1 && args[1] is "-h" or "--help"))
                return TraceCommand.Run(args[1..], Console.Error);
            return root.Parse(args).Invoke();
        }
        catch (UserError e)
        {
            Console.Error.WriteLine("syscope: " + e.Message);
            return 1;
        }
    }
}
