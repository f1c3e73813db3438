using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>`syscope trace PROG`: exact lines, exit status, signals, timing options.</summary>
public class LaunchTests
{
    private static string[] TraceLines(string file) => File.ReadAllLines(file);

    /// <summary>strace's layout: the call padded to 39 columns, then " = " and the result.</summary>
    internal static string Line(string call, string result) => call.PadRight(39) + " = " + result;

    [NeedsFact("gcc")]
    public void Basic_program_gives_exact_lines_and_its_exit_status()
    {
        string prog = CPrograms.Path("basic"), outFile = CPrograms.TempFile("basic");
        var r = SyscopeCli.Run("trace", "-o", outFile, prog);
        Assert.Equal(3, r.ExitCode);
        Assert.Equal("hi\n\x1b[31mred\x1b[0m\t\\\"\n", r.Stdout);
        var lines = TraceLines(outFile);
        Assert.Matches(new Regex($"^execve\\(\"{Regex.Escape(prog)}\", \\[\"{Regex.Escape(prog)}\"\\], 0x[0-9a-f]+ /\\* \\d+ vars \\*/\\) = 0$"), lines[0]);
        var tail = TraceText.AfterMarker(lines);
        int pid = int.Parse(Regex.Match(tail[2], @"= (\d+)$").Groups[1].Value);
        Assert.Equal(new[]
        {
            Line("write(1, \"hi\\n\", 3)", "3"),
            Line("close(99)", "-1 EBADF (Bad file descriptor)"),
            Line("getpid()", pid.ToString()),
            Line("write(1, \"\\33[31mred\\33[0m\\t\\\\\\\"\\n\", 16)", "16"),
            Line("exit_group(3)", "?"),
            "+++ exited with 3 +++",
        }, tail);
    }

    [NeedsFact("gcc")]
    public void Launcher_is_invisible_and_trace_goes_to_stderr_without_o()
    {
        var r = SyscopeCli.Run("trace", CPrograms.Path("basic"));
        Assert.StartsWith("execve(\"" + CPrograms.Path("basic") + "\"", r.StderrLines[0]);
        Assert.DoesNotContain(r.StderrLines, l => l.Contains("syscope-launcher") || l.Contains("kill(") || l.Contains("SIGSTOP"));
        Assert.Equal("+++ exited with 3 +++", r.StderrLines[^1]);
    }

    [NeedsFact("gcc")]
    public void Killed_tracee_makes_syscope_die_of_the_same_signal()
    {
        string outFile = CPrograms.TempFile("segv");
        var r = SyscopeCli.Run("trace", "-o", outFile, CPrograms.Path("segv"));
        Assert.Equal(128 + 11, r.ExitCode);
        var lines = TraceLines(outFile);
        Assert.Matches(@"^--- SIGSEGV \{si_signo=SIGSEGV, si_code=SI_TKILL, si_pid=\d+, si_uid=0\} ---$", lines[^2]);
        Assert.Equal("+++ killed by SIGSEGV +++", lines[^1]);
    }

    [NeedsFact("gcc")]
    public void Signal_reaches_its_handler_and_shows_as_strace_shows_it()
    {
        string outFile = CPrograms.TempFile("signals");
        var r = SyscopeCli.Run("trace", "-f", "-o", outFile, CPrograms.Path("signals"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("handled\n", r.Stdout);
        var lines = TraceLines(outFile).Select(l => TraceText.Mask(l)).ToList();
        Assert.Contains("PID --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=", string.Join('\n', lines));
        Assert.Contains(lines, l => l.StartsWith("PID write(1, \"handled\\n\", 8)") && l.EndsWith("= 8"));
        Assert.Contains(lines, l => l.StartsWith("PID rt_sigreturn("));
        Assert.Contains("PID +++ exited with 7 +++", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^PID --- SIGCHLD \{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=\d+, si_uid=0, si_status=7, si_utime=\d+, si_stime=\d+\} ---$"));
        Assert.Equal("PID +++ exited with 0 +++", lines[^1]);
    }

    [Fact]
    public void Timestamps_and_durations_have_straces_formats()
    {
        var tt = SyscopeCli.Run("trace", "-tt", "-T", "true");
        Assert.All(tt.StderrLines.Where(l => !l.Contains("+++")), l => Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{6} \w+\(.*\) += .*( <\d+\.\d{6}>)?$", l));
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{6} \w+\(.* <\d+\.\d{6}>$", tt.StderrLines[0]);
        var t = SyscopeCli.Run("trace", "-t", "true");
        Assert.Matches(@"^\d\d:\d\d:\d\d execve\(", t.StderrLines[0]);
        var ttt = SyscopeCli.Run("trace", "-ttt", "true");
        Assert.Matches(@"^\d{10}\.\d{6} execve\(", ttt.StderrLines[0]);
        var rel = SyscopeCli.Run("trace", "-r", "true");
        Assert.Matches(@"^ +0\.000000 execve\(", rel.StderrLines[0]);
        Assert.Matches(@"^ +\d+\.\d{6} brk\(", rel.StderrLines[1]);
    }

    [Fact]
    public void String_limit_cuts_buffers_with_an_ellipsis()
    {
        string outFile = CPrograms.TempFile("echo");
        SyscopeCli.Run("trace", "-s", "4", "-o", outFile, "/bin/echo", "abcdefgh");
        Assert.Contains(Line("write(1, \"abcd\"..., 9)", "9"), File.ReadAllLines(outFile));
        SyscopeCli.Run("trace", "-s6", "-o", outFile, "/bin/echo", "abcdefgh");
        Assert.Contains(Line("write(1, \"abcdef\"..., 9)", "9"), File.ReadAllLines(outFile));
    }

    [Fact]
    public void Traced_program_inherits_the_signal_dispositions_it_would_have_untraced()
    {
        // Both start as from a shell's foreground (see TestProcess), whatever the test host ignores.
        var plain = Runner.Run("grep", ["-E", "SigIgn|SigBlk", "/proc/self/status"]);
        var traced = SyscopeCli.Run("trace", "-o", "/dev/null", "grep", "-E", "SigIgn|SigBlk", "/proc/self/status");
        Assert.Equal(plain.Stdout, traced.Stdout);
    }

    [Fact]
    public void Run_as_another_user_with_u() => RunAs([]);

    [Fact]
    public void Run_as_another_user_with_u_under_seccomp_bpf() => RunAs(["-f", "-e", "trace=execve,getuid"]);

    private static void RunAs(string[] flags)
    {
        var r = SyscopeCli.Run(["trace", .. flags, "-u", "nobody", "-o", "/dev/null", "sh", "-c", "id -u; id -g; id -G"]);
        Assert.Equal(0, r.ExitCode);
        var id = Runner.Run("id", ["nobody"]).Stdout;
        string gid = System.Text.RegularExpressions.Regex.Match(id, @"gid=(\d+)").Groups[1].Value;
        Assert.Equal($"65534\n{gid}\n{gid}\n", r.Stdout);
    }

    [NeedsFact("gcc")]
    public void Child_exit_lines_keep_their_pid_prefix()
    {
        var r = SyscopeCli.Run("trace", "-f", "-e", "trace=exit_group", CPrograms.Path("signals"));
        var lines = r.StderrLines.Where(l => !l.StartsWith("syscope:") && !l.StartsWith("---")).ToArray();
        Assert.Matches(@"^\[pid +\d+\] exit_group\(7\) += \?$", lines[0]);
        Assert.Matches(@"^\[pid +\d+\] \+\+\+ exited with 7 \+\+\+$", lines[1]);
        Assert.Equal("exit_group(0)                           = ?", lines[2]);
        Assert.Equal("+++ exited with 0 +++", lines[3]);
    }
}
