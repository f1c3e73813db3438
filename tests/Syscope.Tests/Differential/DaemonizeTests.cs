using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// trace -D / -DD / -DDD (--daemonize): the traced command is the invoking shell's own child and
/// the tracer a detached grandchild, in the shell's process group (-D), a group of its own (-DD) or
/// a session of its own (-DDD), exactly as under Debian's strace -D; the shell gets the command's
/// exit status itself.  The command looks at its parent and at its tracer (TracerPid) from inside.
/// </summary>
public partial class DaemonizeTests(ITestOutputHelper output)
{
    /// <summary>What the traced command sees: its parent (the shell?), and its tracer's parent,
    /// process group and session compared with its own.</summary>
    private const string Probe = """
        tid=$(awk '/^TracerPid/{print $2}' /proc/$$/status)
        t=$(awk '/^Tgid/{print $2}' /proc/$tid/status)
        set -- $(ps -o pid=,ppid=,pgid=,sid= -p $t) $(ps -o pgid=,sid= -p $$)
        echo "parent_is_shell=$([ $PPID = $SHELL_PID ] && echo 1 || echo 0) tracer_parent_is_me=$([ $2 = $$ ] && echo 1 || echo 0)" \
          "tracer_group_own=$([ $1 = $3 ] && echo 1 || echo 0) tracer_group_mine=$([ $3 = $5 ] && echo 1 || echo 0)" \
          "tracer_session_own=$([ $1 = $4 ] && echo 1 || echo 0) tracer_session_mine=$([ $4 = $6 ] && echo 1 || echo 0)"
        exit 7
        """;

    [NeedsTheory(Workloads.Strace, "ps")]
    [InlineData("-D", "tracer_group_mine=1 tracer_session_own=0 tracer_session_mine=1")]
    [InlineData("--daemonize=grandchild", "tracer_group_mine=1 tracer_session_own=0 tracer_session_mine=1")]
    [InlineData("-DD", "tracer_group_own=1 tracer_group_mine=0 tracer_session_own=0 tracer_session_mine=1")]
    [InlineData("--daemonize=pgroup", "tracer_group_own=1 tracer_group_mine=0 tracer_session_own=0 tracer_session_mine=1")]
    [InlineData("-DDD", "tracer_group_own=1 tracer_group_mine=0 tracer_session_own=1 tracer_session_mine=0")]
    [InlineData("--daemonize=session", "tracer_group_own=1 tracer_group_mine=0 tracer_session_own=1 tracer_session_mine=0")]
    public void The_command_is_the_shells_child_and_the_tracer_detached(string option, string tracerPlace)
    {
        string probe = CPrograms.TempFile("daemonize-probe.sh");
        File.WriteAllText(probe, Probe);
        try
        {
            string strace = RunUnderShell("strace", $"{option} -e signal=none -e trace=execve,exit_group sh {probe}");
            string syscope = RunUnderShell(SyscopeCli.Executable + " trace", $"{option} -e signal=none -e trace=execve,exit_group sh {probe}");
            output.WriteLine($"strace:\n{strace}\nsyscope:\n{syscope}");
            Assert.Equal(strace, syscope);
            Assert.Contains("parent_is_shell=1 tracer_parent_is_me=0", syscope);
            Assert.Contains(tracerPlace, syscope);
            Assert.Contains("status=7", syscope);
            Assert.Contains("+++ exited with 7 +++", syscope);
        }
        finally { File.Delete(probe); }
    }

    /// <summary>-D needs a command, takes at most three D's and strace's three words.</summary>
    [NeedsTheory(Workloads.Strace)]
    [InlineData("-D -p 1")]
    [InlineData("-DDDD true")]
    [InlineData("--daemonize=bogus true")]
    [InlineData("-D /nonexistent/program")]
    public void Mistakes_are_said_as_strace_says_them(string line)
    {
        var strace = Runner.Run("strace", line.Split(' '));
        var syscope = SyscopeCli.Run(["trace", .. line.Split(' ')]);
        Assert.Equal(strace.ExitCode, syscope.ExitCode);
        Assert.Equal(Mask(strace.Stderr), Mask(syscope.Stderr));
    }

    /// <summary>The tracer's trace of a command run from a shell that waits for it and prints its
    /// status: stdout and stderr together once every writer (the detached tracer too) is done.</summary>
    private static string RunUnderShell(string tracer, string arguments)
    {
        var r = Runner.Run("sh", ["-c", $"SHELL_PID=$$; export SHELL_PID; {tracer} {arguments}; echo status=$?"]);
        return Mask($"exit {r.ExitCode}\n{r.Stdout}{r.Stderr}");
    }

    private static string Mask(string text)
    {
        text = Tracer().Replace(text, "TRACER");
        text = Regex.Replace(text, @"0x[0-9a-f]{6,}", "0xADDR");
        return Regex.Replace(text, @"\d{3,}", "N");
    }

    [GeneratedRegex(@"\b(strace|syscope trace|syscope)\b(?=: |\s+-h)")] private static partial Regex Tracer();
}
