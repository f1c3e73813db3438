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
          -p PID[,^PID]  -g [PGID[,^PGID]]  -c NAME|/RE/|^NAME  -u USER|UID|^USER  -d FD,FD-FD|^FD  -a (AND the selections)
          -i [46][TCP|UDP][@host][:port|:service|:low-high]  -U (UNIX sockets)  -s TCP:STATE[,^STATE]
          FILE (who has it open; a mount point: its file system)  +d DIR  +D DIR  -x [fl] (cross mounts, follow links)
          -K [i] (tasks)  +L [N] (link counts; +L1: deleted files)  -T [fqs] (TCP/TPI info)
          -t (PIDs only)  -F [pKMgRcuLfaltGDsoikPnT][0]  -l  -n  -P  -R  -s  -o  +c W  -E/+E
          -r [N][m<fmt>] / +r  -S N  -b  -w  -v
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
        var a = FilesArguments.Parse(args);
        WriteNotices(a, error);
        if (a.Error != null)
        {
            error.WriteLine($"syscope: {UntrustedText.EscapeLines(a.Error)}");
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
            int noticed = a.Notices.Count;
            a.ResolveNames();
            WriteNotices(a, error, noticed);
            var found = new LsofSelection.Found(a.Selection);
            bool listed = a.RepeatSeconds is int seconds and > 0 ? Repeat(a, seconds, output, found) : ListOnce(a, output, found) > 0;
            // lsof's rule: 1 when anything asked for was never found; else with +r, 1 when no pass
            // listed anything (+r 0 lists once and always says 1).
            if (a.FileFailed || !found.All) return 1;
            return a.RepeatUntilEmpty && (!listed || a.RepeatSeconds == 0) ? 1 : 0;
        }
        catch (UserError e)
        {
            output.Flush();
            error.WriteLine($"syscope: {UntrustedText.EscapeLines(e.Message)}");
            return 1;
        }
        finally { output.Flush(); }
    }

    /// <summary>lsof's warnings, in its order: "syscope: " where lsof writes "lsof: ", continuation lines as they are.</summary>
    private static void WriteNotices(FilesArguments a, TextWriter error, int from = 0)
    {
        foreach (string n in a.Notices.Skip(from)) error.WriteLine(n.StartsWith(' ') ? n : $"syscope: {n}");
    }

    /// <summary>lsof -r: list, write the marker line, sleep, again until interrupted; +r stops at
    /// the first pass that lists nothing.  Whether any pass listed something.</summary>
    private static bool Repeat(FilesArguments a, int seconds, TextWriter output, LsofSelection.Found found)
    {
        bool listed = false;
        while (true)
        {
            int processes = ListOnce(a, output, found);
            if (processes == 0 && a.RepeatUntilEmpty) return listed;
            listed |= processes > 0;
            string marker = a.RepeatMarker is { } format ? MarkerFormat.Format(format) : "";
            if (a.Fields != null) output.Write(a.FieldsNul ? $"m{marker}\0\n" : $"m{marker}\n");
            else output.WriteLine(a.RepeatMarker != null ? marker : "=======");
            output.Flush();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
        }
    }

    /// <summary>One listing; the number of processes (and tasks) listed.</summary>
    private static int ListOnce(FilesArguments a, TextWriter output, LsofSelection.Found found)
    {
        var processes = FilesQuery.Run(a.Selection, a.Naming, found, a.Reading).Processes;
        if (a.Json)
        {
            using var buffer = new MemoryStream();
            FilesJsonWriter.Write(buffer, processes);
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (a.Terse)
            foreach (int pid in processes.Select(p => p.Process.Pid).Distinct()) output.WriteLine(pid);
        else if (a.Fields != null) new LsofFieldWriter(a.Fields, a.FieldsNul).Write(output, processes);
        else if (processes.Count > 0) LsofFormatter.Write(output, processes, a.Columns);
        return processes.Count;
    }
}
