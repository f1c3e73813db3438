using System.CommandLine;
using Syscope.Cli.Commands;
using Syscope.Cli.Help;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        // A shell starts a background job of a script with SIGINT and SIGQUIT ignored (nohup:
        // SIGHUP).  The runtime keeps an inherited SIG_IGN and would never call the handlers that
        // make `trace` let go of its tracees, so kill -INT would do nothing.  strace installs its
        // handlers regardless; so does syscope, first of all, before anything starts the runtime's
        // signal handling.  A launched command still inherits them ignored (Spawn).
        Interop.Signals.UnignoreAtStart([Kernel.SignalNames.SIGINT, Kernel.SignalNames.SIGQUIT, Kernel.SignalNames.SIGHUP, Kernel.SignalNames.SIGTERM]);
        Interop.Signals.RememberStartMask();
        string argv0 = ArgvZero();
        switch (Path.GetFileName(argv0))
        {
            // Called by another tool's name (a link made by install-links): be that tool.
            // strace names itself as it was called (its program_invocation_name: "/usr/bin/strace:"
            // when run by path), and scripts match its messages by that name.
            case "strace":
                CallMessagesBy(argv0, "trace");
                TakeName("strace");
                args = ["trace", .. args];
                break;
            case "lsof":
                CallMessagesBy("lsof", "files");
                args = ["files", .. args];
                break;
            case "pgrep" or "pkill":
                return RunBuffered(stdout => PgrepCommand.Run(Path.GetFileName(argv0) == "pkill", args, argv0, stdout, Console.Error));
        }
        // The shell completion scripts ask here what to offer; the words are the user's, any at all.
        if (args.Length > 0 && args[0] == Completer.Verb) return RunBuffered(stdout => Completer.Run(BuildRoot(), args[1..], stdout));
        return Run(args);
    }

    /// <summary>Runs a command line (without the program's name).</summary>
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "strace") args = ["trace", .. args[1..]];
        try
        {
            // strace's options are getopt-style (-ff, -s64, -p1,2): `trace` takes its words verbatim.
            // -h and --help too: they print trace's own help wherever they stand, as strace's do.
            if (args.Length > 0 && args[0] == "trace")
                return TraceCommand.Run(args[1..], Console.Error);
            if (args.Length > 0 && args[0] is "record" or "replay" or "report" && !(args.Length > 1 && args[1] is "-h" or "--help"))
                return args[0] == "record" ? TraceCommand.Run(args[1..], Console.Error, recordOnly: true)
                    : ReplayCommand.Run(args[1..], Console.Error, report: args[0] == "report");
            // pgrep's and pkill's options are getopt's too, with procps's messages and exit statuses.
            if (args.Length > 0 && args[0] is "pgrep" or "pkill")
                return RunBuffered(stdout => PgrepCommand.Run(args[0] == "pkill", args[1..], args[0], stdout, Console.Error));
        }
        catch (UserError e)
        {
            Console.Error.WriteLine("syscope: " + UntrustedText.EscapeLines(e.Message));
            return 1;
        }
        catch (Interop.SyscallException e)
        {
            // The kernel refused something syscope needs; say what, not where in the code.
            Console.Error.WriteLine("syscope: " + UntrustedText.EscapeLines(e.Message));
            return 1;
        }
        // Console.Out flushes every line; a 10,000-row lsof screen wants one buffered stream.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        return Invoke(args, new InvocationConfiguration { Output = stdout });
    }

    private static void CallMessagesBy(string name, string command)
    {
        Console.SetError(new ProgramNameWriter(Console.Error, name, command));
        // A message not ended by a newline is still in the writer at exit.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Error.Flush();
    }

    /// <summary>Our process's name (its comm) becomes the tool's, as the tool's own would be: a
    /// wrapper that runs syscope by another path (exec -a strace) leaves it "syscope", and -Y shows
    /// the tracer's name as a traced child's parent ("getppid() = 42&lt;strace&gt;").  Best effort.</summary>
    private static void TakeName(string name)
    {
        try { File.WriteAllText("/proc/self/comm", name); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>argv[0] as the caller passed it, from the kernel's copy: the runtime's own idea
    /// of it is the binary's resolved path (apphost) rather than the name typed.</summary>
    private static string ArgvZero()
    {
        string? cmdline = Syscope.Inspection.Procfs.ProcText.TryRead("/proc/self/cmdline");
        return cmdline == null ? "" : cmdline.Split('\0')[0];
    }

    private static int RunBuffered(Func<TextWriter, int> body)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        return body(stdout);
    }

    /// <summary>Parses and runs a command.  A malformed command line is said in one line, its
    /// words escaped, with a pointer to the help (not the whole help after the error).</summary>
    public static int Invoke(string[] args, InvocationConfiguration config)
    {
        // lsof's options are getopt-style with '+' options and optional values: `files` takes
        // its words verbatim too (its --help still comes from System.CommandLine).
        if (args.Length > 0 && args[0] is "files" or "lsof" && !args.Skip(1).Any(w => w is "-h" or "--help" or "-?"))
            return FilesCommand.Run(args[1..], config.Output, config.Error);
        // "@name" is a pattern or a path here, never a response file to expand.
        var result = BuildRoot().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count == 0) return result.Invoke(config);
        config.Error.WriteLine($"syscope: {UntrustedText.Escape(result.Errors[0].Message)}");
        string command = result.CommandResult.Command is RootCommand ? "syscope" : $"syscope {result.CommandResult.Command.Name}";
        config.Error.WriteLine($"Try '{command} --help' for more information.");
        return 1;
    }

    /// <summary>`syscope help COMMAND` is `syscope COMMAND --help`; `syscope help` the overview.</summary>
    private static Command HelpCommand()
    {
        var name = new Argument<string?>("command") { Description = "the command whose help to show", Arity = ArgumentArity.ZeroOrOne, HelpName = "command" };
        name.CompletionSources.Add(context => ManPages.CommandNames((RootCommand)context.ParseResult.RootCommandResult.Command));
        var command = new Command("help", "show the help of a command (syscope help trace), or this overview") { name };
        command.SetAction(r => Run(r.GetValue(name) is { } c ? [c, "--help"] : ["--help"]));
        return command;
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("syscope: trace system calls and inspect live processes");
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ReplayCommand.CreateReport());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(PsCommand.Create());
        root.Subcommands.Add(FilesCommand.Create());
        root.Subcommands.Add(WhyCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(PgrepCommand.Create(pkill: false));
        root.Subcommands.Add(PgrepCommand.Create(pkill: true));
        root.Subcommands.Add(InstallLinksCommand.Create());
        root.Subcommands.Add(HelpCommand());
        root.Subcommands.Add(ManCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create());
        // The root is named after argv[0] in the native binary: linked as lsof, it would clash
        // with files' alias lsof (System.CommandLine throws on the duplicate token).
        foreach (var command in root.Subcommands) command.Aliases.Remove(root.Name);
        return root;
    }
}
