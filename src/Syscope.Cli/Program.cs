using System.CommandLine;

namespace Syscope.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("syscope: trace system calls and inspect live processes");
        return root.Parse(args).Invoke();
    }
}
