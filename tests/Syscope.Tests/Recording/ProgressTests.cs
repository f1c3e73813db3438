using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Recording;

/// <summary>Progress bars of long work: on a terminal's stderr while record, replay, report and
/// export work, never in their output, and nothing at all when stderr is not a terminal.</summary>
public class ProgressTests
{
    /// <summary>What Spectre.Console draws while a bar shows: the cursor hidden, then shown again.</summary>
    private const string HideCursor = "\e[?25l", ShowCursor = "\e[?25h";

    private const string Workload = "for i in 1 2 3 4 5 6 7 8; do cat /etc/hostname /nonexistent; done >/dev/null 2>&1; ls -l /etc/apt >/dev/null";

    [NeedsFact("root", "python3")]
    public void Report_replay_and_export_draw_a_bar_on_a_terminal_and_change_nothing_they_write()
    {
        string dir = Directory.CreateTempSubdirectory("syscope-progress-").FullName;
        try
        {
            string run = Path.Combine(dir, "run.scope");
            Assert.Equal(0, SyscopeCli.Run("record", "-f", "-o", run, "sh", "-c", Workload).ExitCode);
            string Sh(string command) => PseudoTerminal.Run([], "sh", "-c", $"cd {dir} && exec {SyscopeCli.Executable} {command}");

            // report: the bar while the recording is read, gone before the last line; the same page.
            var piped = SyscopeCli.Run("report", run, "-o", Path.Combine(dir, "piped.html"));
            Assert.Matches(@"\nsyscope: report written to \S+piped\.html \(\d+ calls\)\n$", piped.Stderr);
            Assert.Equal("", piped.Stdout);
            string screen = Sh("report run.scope -o shown.html");
            AssertBar(screen);
            Assert.EndsWith(ShowCursor + piped.StderrLines[^1].Replace(Path.Combine(dir, "piped.html"), "shown.html") + "\n", screen);
            // What the replay says meanwhile (-f: "Process N attached") is written above the bar, whole.
            Assert.Equal(piped.StderrLines[..^1], piped.StderrLines[..^1].Where(l => screen.Contains(l + "\n")));
            Assert.True(piped.StderrLines.Length > 2);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "piped.html")), File.ReadAllBytes(Path.Combine(dir, "shown.html")));

            // replay into a file: the bar on the terminal, the file as replay writes it into a pipe
            // (-q: no "Process N attached" on stderr).
            var replayed = SyscopeCli.Run("replay", run, "-f", "-q");
            Assert.Equal("", replayed.Stderr);
            Assert.Contains("openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT", replayed.Stdout);
            AssertBar(Sh("replay run.scope -f -q > replayed.txt"));
            Assert.Equal(replayed.Stdout, File.ReadAllText(Path.Combine(dir, "replayed.txt")));
            // On the terminal itself the trace (coloured there) is the output: no bar across it.
            screen = Sh("replay run.scope -f -q");
            Assert.DoesNotContain(HideCursor, screen);
            Assert.Equal(replayed.Stdout, Output.ColorOutputTests.Strip(screen));
            // -c prints only at the end: the bar first, then the table.
            var counted = SyscopeCli.Run("replay", run, "-c");
            screen = Sh("replay run.scope -c");
            AssertBar(screen);
            Assert.EndsWith(ShowCursor + counted.Stdout, screen);

            // export: the bar with -o FILE or stdout in a file; the JSON the same as into a pipe.
            var exported = SyscopeCli.Run("export", run);
            Assert.Equal("", exported.Stderr);
            AssertBar(Sh("export run.scope > exported.json"));
            Assert.Equal(exported.Stdout, File.ReadAllText(Path.Combine(dir, "exported.json")));
            AssertBar(Sh("export run.scope -o file.json"));
            Assert.Equal(exported.Stdout, File.ReadAllText(Path.Combine(dir, "file.json")));
            Assert.DoesNotContain(HideCursor, Sh("export run.scope | cat"));

            // stderr elsewhere, or a dumb terminal: nothing drawn.
            Assert.Equal(piped.Stderr.Replace(Path.Combine(dir, "piped.html"), "quiet.html"), File.ReadAllText(WriteErr(dir, "report run.scope -o quiet.html")));
            Assert.DoesNotContain(HideCursor, PseudoTerminal.Run(["TERM=dumb"], SyscopeCli.Executable, "report", run, "-o", Path.Combine(dir, "dumb.html")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>record of a process it attached to shows what it has written; record of a command
    /// it launches shows nothing, since the command prints on the same terminal.</summary>
    [NeedsFact("root", "python3")]
    public void Record_shows_progress_for_an_attached_process_and_never_over_a_launched_command()
    {
        string dir = Directory.CreateTempSubdirectory("syscope-progress-").FullName;
        try
        {
            string run = Path.Combine(dir, "run.scope");
            string screen = PseudoTerminal.Run([], SyscopeCli.Executable, "record", "-o", run, "sh", "-c", "echo from the command; ls /etc/apt >/dev/null");
            Assert.DoesNotContain(HideCursor, screen);
            Assert.Contains("from the command\n", screen);
            Assert.Matches(@"syscope: recorded \d+ events in \S+run\.scope \(\d+ bytes\)\n$", screen);

            using var sleeper = Runner.Start("sleep", ["3"]);   // long enough to be attached on a loaded machine
            screen = PseudoTerminal.Run([], SyscopeCli.Executable, "record", "-o", run, "-p", sleeper.Id.ToString());
            Assert.Contains(HideCursor, screen);
            Assert.Matches(@" \d+ events, \d+\.\d MB in \S+run\.scope", screen);
            Assert.Matches(Regex.Escape(ShowCursor) + @"syscope: recorded \d+ events in \S+run\.scope \(\d+ bytes\)\n$", screen);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>A bar that read the whole recording, drawn and then cleared.</summary>
    private static void AssertBar(string screen)
    {
        Assert.Contains(HideCursor, screen);
        Assert.Matches(@"reading run\.scope .+ 100% [\d.]+ \w+ ", Output.ColorOutputTests.Strip(screen));
        Assert.Contains(ShowCursor, screen);
    }

    /// <summary>Runs syscope with stdout and stdin on a terminal but stderr into a file; the file.</summary>
    private static string WriteErr(string dir, string command)
    {
        string err = Path.Combine(dir, "stderr.txt");
        PseudoTerminal.Run([], "sh", "-c", $"cd {dir} && exec {SyscopeCli.Executable} {command} 2>{err}");
        return err;
    }
}
