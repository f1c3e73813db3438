using System.CommandLine;
using Syscope.Inspection;
using Syscope.Inspection.Files;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Cli.Commands;

/// <summary>`syscope files` (alias lsof) with lsof's own options.  lsof's syntax is getopt-like
/// with '+' options and optional values (-i, -F, -s, -r), so the words are read by
/// FilesArguments, as `trace` reads strace's; System.CommandLine only prints the help.</summary>
internal static class FilesCommand
{
    private static readonly string Usage = $"""
        list open files as lsof 4.95 does, with its options and exit status:
          -p PID[,^PID]  -c NAME|/RE/|^NAME  -u USER|UID|^USER  -d FD,FD-FD|^FD  -a (AND the selections)
          -i [46][TCP|UDP][@host][:port|:service|:low-high]  -U (UNIX sockets)  -s TCP:STATE[,^STATE]
          FILE (who has it open; a mount point: its file system)  +d DIR  +D DIR
          -t (PIDs only)  -F [pgRcuLfaltGDsoikPnT][0]  -l  -n  -P  -R  -g  -s  -o  +c W  -E/+E  -r N / +r N  -S N  -b  -w  -v
          also: PID or PATTERN for a word that is no file ({ProcessFinder.PatternHelp}); --json
        """;

    public static Command Create()
    {
        var words = new Argument<string[]>("options") { Description = "lsof's options and names", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("files", Usage) { words };
        command.Aliases.Add("lsof");
        command.SetAction(r => Run(r.GetValue(words) ?? [], r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        FilesArguments a;
        try { a = FilesArguments.Parse(args); }
        catch (UserError e)
        {
            error.WriteLine($"syscope: {UntrustedText.EscapeLines(e.Message)}");
            error.WriteLine("Try 'syscope files --help' for more information.");
            return 1;
        }
        if (a.Version)
        {
            error.WriteLine("syscope files (lsof 4.95 compatible) version information:");
            error.WriteLine($"    revision: {typeof(FilesCommand).Assembly.GetName().Version?.ToString(3)}");
            return 0;
        }
        try
        {
            a.ResolveNames();
            foreach (string w in a.Warnings) error.WriteLine($"syscope: {w}");
            int code = a.RepeatSeconds is int seconds ? Repeat(a, seconds, output) : ListOnce(a, output, out _);
            return a.Warnings.Count > 0 ? 1 : code;
        }
        catch (UserError e)
        {
            output.Flush();
            error.WriteLine($"syscope: {UntrustedText.EscapeLines(e.Message)}");
            return 1;
        }
        finally { output.Flush(); }
    }

    /// <summary>lsof -r: list, print the marker, sleep, again until interrupted; +r stops after
    /// the first pass that lists nothing.</summary>
    private static int Repeat(FilesArguments a, int seconds, TextWriter output)
    {
        int code = 1;
        while (true)
        {
            int pass = ListOnce(a, output, out int listed);
            if (listed == 0 && a.RepeatUntilEmpty) return code;
            if (pass == 0) code = 0;
            output.WriteLine(a.Fields != null ? "m" : "=======");
            output.Flush();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
        }
    }

    private static int ListOnce(FilesArguments a, TextWriter output, out int listed)
    {
        var result = FilesQuery.Run(a.Selection, a.Naming);
        var processes = result.Processes;
        listed = processes.Count;
        if (a.Json)
        {
            using var buffer = new MemoryStream();
            FilesJsonWriter.Write(buffer, processes);
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (a.Terse)
            foreach (var p in processes) output.WriteLine(p.Process.Pid);
        else if (a.Fields != null) new LsofFieldWriter(a.Fields, a.FieldsNul).Write(output, processes);
        else if (processes.Count > 0) LsofFormatter.Write(output, processes, a.Columns);
        return result.AllFound ? 0 : 1;
    }
}
