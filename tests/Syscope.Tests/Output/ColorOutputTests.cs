using System.Text;
using System.Text.RegularExpressions;
using Syscope.Calls;
using Syscope.Output;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;
using Xunit;

namespace Syscope.Tests.Output;

/// <summary>--color: the same text as strace's once the colours are taken out, colours only where
/// a person reads (a terminal), NO_COLOR and FORCE_COLOR as their conventions say.</summary>
public partial class ColorOutputTests
{
    [GeneratedRegex("\e\\[[0-9;]*m")]
    private static partial Regex Sgr();

    public static string Strip(string text) => Sgr().Replace(text, "");

    /// <summary>Programs whose traces hold every coloured part: quoted strings with escaped quotes
    /// and backslashes, failed calls, signals, non-zero exits and kills, -T times, pid prefixes.</summary>
    public static TheoryData<string[], string[]> Runs => new()
    {
        { ["-f", "-T", "-y", "-s", "80"], ["sh", "-c", "cat /etc/hostname /nonexistent; printf 'q\"b\\\\\\\\ \\033[31mx\\n' >/dev/null; exit 3"] },
        { ["-f", "-tt", "-T", "-v", "-xx"], ["python3", "-c", "import os,signal,time; signal.signal(signal.SIGUSR1, lambda *a: None); os.kill(os.getpid(), signal.SIGUSR1); time.sleep(0.02); os.kill(os.getpid(), signal.SIGKILL)"] },
        { ["-f", "-r", "-n", "-e", "trace=%file,%process"], ["ls", "-l", "/etc/apt", "/nonexistent"] },
    };

    [NeedsTheory("root", "python3")]
    [MemberData(nameof(Runs))]
    public void Coloured_text_is_strace_text_once_the_colours_are_stripped(string[] options, string[] command)
    {
        var a = Syscope.Cli.Commands.TraceArguments.Parse([.. options, .. command]);
        var plain = a.ToOptions();
        var coloured = plain with { Color = true, SlowNs = 1_000_000 };
        var target = new TraceTarget { ExecutablePath = CommandResolver.Resolve(command[0]), Argv = command, FollowForks = a.Follow > 0, Filter = a.ToFilter() };
        var backend = TraceBackends.Create(target);
        var plainBytes = new MemoryStream();
        var colourBytes = new MemoryStream();
        var plainOut = new TraceOutput(plainBytes, false);
        var colourOut = new TraceOutput(colourBytes, false);
        var host = backend.Facts.Host;
        backend.Run(new CallAssembler(plain.Filter, plain.Decode, backend.Facts,
            new StraceFormatter(plain, plainOut, TextWriter.Null, host), new StraceFormatter(coloured, colourOut, TextWriter.Null, host)));
        plainOut.Flush();
        colourOut.Flush();

        string text = Encoding.UTF8.GetString(plainBytes.ToArray()), colour = Encoding.UTF8.GetString(colourBytes.ToArray());
        Assert.DoesNotContain("\e[", text);
        Assert.Contains("\e[1;34m", colour);
        Assert.Equal(text, Strip(colour));
        // Every colour is closed on its own line.
        foreach (string line in colour.Split('\n'))
            if (Sgr().Matches(line) is { Count: > 0 } m) Assert.Equal("\e[0m", m[^1].Value);
    }

    [NeedsFact("root", "python3")]
    public void On_a_terminal_the_trace_is_coloured_and_each_part_has_its_colour()
    {
        string screen = OnTerminal([], "trace", "-f", "-T", "--slow=15ms", "sh", "-c", "cat /nonexistent 2>/dev/null; sleep 0.03");
        Assert.Contains("\e[1;34mopenat\e[0m(AT_FDCWD, \e[2m\"/nonexistent\"\e[0m, O_RDONLY) = \e[1;31m-1 ENOENT (No such file or directory)\e[0m", screen);
        Assert.Matches("\e\\[1;34mwait4\e\\[0m.*WEXITSTATUS.*\\) = \e\\[30;43m\\d+\e\\[0m \e\\[30;43m<\\d+\\.\\d+>\e\\[0m", screen);
        Assert.Contains("\e[32m+++ exited with 0 +++\e[0m", screen);
        Assert.Contains("\e[33m--- SIGCHLD {si_signo=SIGCHLD", screen);
    }

    [NeedsFact("root", "python3")]
    public void Piped_files_NO_COLOR_and_never_are_plain_and_always_or_FORCE_COLOR_colour_a_pipe()
    {
        string file = CPrograms.TempFile("color.txt");
        try
        {
            Assert.DoesNotContain("\e[", OnTerminal(["NO_COLOR=1"], "trace", "true"));
            Assert.DoesNotContain("\e[", OnTerminal([], "trace", "--color=never", "true"));
            Assert.Contains("\e[1;34mexecve", OnTerminal(["NO_COLOR=1"], "trace", "--color=always", "true"));
            OnTerminal([], "trace", "-o", file, "true");
            Assert.StartsWith("execve(", File.ReadAllText(file));
            SyscopeCli.Run("trace", "--color=always", "-o", file, "true");
            Assert.StartsWith("\e[1;34mexecve\e[0m(", File.ReadAllText(file));

            var piped = SyscopeCli.Run("trace", "true");
            Assert.StartsWith("execve(", piped.Stderr);
            var forced = Runner.Run("env", ["FORCE_COLOR=1", SyscopeCli.Executable, "trace", "true"]);
            Assert.StartsWith("\e[1;34mexecve\e[0m(", forced.Stderr);
            var forcedOff = Runner.Run("env", ["FORCE_COLOR=0", SyscopeCli.Executable, "trace", "true"]);
            Assert.StartsWith("execve(", forcedOff.Stderr);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Bad_color_and_duration_arguments_are_usage_errors()
    {
        var r = SyscopeCli.Run("trace", "--color=sometimes", "true");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("syscope trace: invalid --color argument: 'sometimes'", r.Stderr);
        r = SyscopeCli.Run("trace", "--slow=fast", "true");
        Assert.StartsWith("syscope trace: invalid --slow argument: 'fast'", r.Stderr);
        r = SyscopeCli.Run("trace", "--min-duration=-1", "true");
        Assert.StartsWith("syscope trace: invalid --min-duration argument: '-1'", r.Stderr);
    }

    [NeedsFact("root")]
    public void Min_duration_shows_only_calls_that_took_that_long()
    {
        var r = SyscopeCli.Run("trace", "-f", "-T", "--min-duration=40ms", "sh", "-c", "sleep 0.06; /bin/true");
        var calls = r.StderrLines.Where(l => !l.Contains("+++") && !l.StartsWith("---") && !l.StartsWith("syscope:") && !l.Contains("--- SIG")).ToList();
        Assert.Contains(calls, l => l.Contains("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=60000000}"));
        // Most calls take microseconds (under load a few may pass 40 ms too): far fewer show than ran.
        var all = SyscopeCli.Run("trace", "-f", "sh", "-c", "sleep 0.06; /bin/true").StderrLines.Count(l => l.Contains(") = ") || l.Contains("resumed>"));
        Assert.True(calls.Count * 4 < all, $"{calls.Count} of {all} calls shown");
        Assert.All(calls, l => Assert.True(double.Parse(Regex.Match(l, @"<(\d+\.\d+)>$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 0.040, l));
    }

    /// <summary>Runs syscope on a pseudo-terminal and returns what the terminal showed.</summary>
    private static string OnTerminal(string[] environment, params string[] args) => PseudoTerminal.Run(environment, [SyscopeCli.Executable, .. args]);
}
