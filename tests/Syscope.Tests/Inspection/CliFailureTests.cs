using Syscope.Interop;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>
/// Every failure is said once, in plain words, with exit code 1: odd arguments (huge, negative,
/// not numbers) are no stack trace, no .NET resource key or type name, and a number is a PID or
/// an error, never a pattern.  All run the real binary, whose .NET messages are bare resource
/// keys (UseSystemResourceKeys), as users run it.
/// </summary>
public sealed class CliFailureTests : IDisposable
{
    private readonly LiveProcesses _live = new();

    private const string WatchWords = "give a number of seconds above 0 and at most 4294967";

    [Theory]
    [InlineData("99999999999")]
    [InlineData("1e308")]
    [InlineData("-1e308")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("")]
    public void Why_watch_takes_a_number_of_seconds_or_says_which_it_needs(string seconds)
    {
        // Checked before anything is inspected: PID 1 is never read.
        var r = SyscopeCli.Run("why", "--watch", seconds, "1");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"syscope: invalid --watch value '{seconds}': {WatchWords}\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("syscope: illegal process ID: 0\n", "files", "0")]
    [InlineData("syscope: illegal process ID: -5\n", "files", "-5")]
    [InlineData("syscope: illegal process ID: +5\n", "files", "+5")]
    [InlineData("syscope: illegal process ID: 99999999999\n", "why", "99999999999")]
    [InlineData("syscope: illegal process ID: 2147483648\n", "files", "-i", "-n", "2147483648")]
    [InlineData("syscope: illegal process ID: 0\n", "why", "0")]
    [InlineData("syscope: Invalid process id: '-1'\n", "trace", "-p", "-1")]
    [InlineData("syscope: Invalid process id: '0'\n", "trace", "-p", "0")]
    [InlineData("syscope: Invalid process id: ''\n", "trace", "-p", "1,,2")]
    [InlineData("syscope: Invalid process id: '99999999999'\n", "trace", "-p", "99999999999")]
    [InlineData("syscope: Invalid process id: '42.'\n", "trace", "-p", "42.")]
    [InlineData("syscope: Invalid process id: 'a'\n", "trace", "-p", "1,a")]
    public void A_number_is_a_pid_or_an_error_never_a_pattern(string expected, params string[] args)
    {
        var r = SyscopeCli.Run(args);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(expected, r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("syscope: invalid pattern '[abc': Unmatched [, [^, [:, [., or [=\n", "ps", "[abc")]
    [InlineData("syscope: invalid pattern '(': Unmatched ( or \\(\n", "why", "(")]
    [InlineData("syscope: invalid pattern 'a)': Unmatched ) or \\)\n", "files", "a)")]
    [InlineData("syscope: invalid pattern '*': Invalid preceding regular expression\n", "ps", "*")]
    [InlineData("syscope: invalid pattern 'a{2,1}': Invalid content of \\{\\}\n", "ps", "a{2,1}")]
    [InlineData("syscope: invalid pattern 'x\\\\': Trailing backslash\n", "trace", "-p", "x\\")]
    [InlineData("syscope: regcomp: [abc: Unmatched [, [^, [:, [., or [=\n", "trace", "-e", "trace=/[abc", "true")]
    [InlineData("syscope: regcomp: (: Unmatched ( or \\(\n", "trace", "-e", "trace=?/(", "true")]
    [InlineData("syscope: Required argument 'pattern' missing for command: 'ps'.\nTry 'syscope ps --help' for more information.\n", "ps")]
    [InlineData("syscope: illegal option character: j\nTry 'syscope files --help' for more information.\n", "files", "-j")]
    [InlineData("syscope: no process matches '@no-such-response-file'\n", "why", "@no-such-response-file")]
    public void Bad_arguments_are_said_in_plain_words_once(string expected, params string[] args)
    {
        var r = SyscopeCli.Run(args);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(expected, r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [NeedsFact("root")]
    public void A_pattern_skips_the_commands_that_only_run_syscope()
    {
        var sleeper = _live.Start("sleep", "3007");
        LiveProcesses.WaitUntilBlocked(sleeper.Id, 35, 230);
        // timeout's own command line holds "sleep 3007" too: without the exclusion the pattern
        // names two processes.
        // Time enough for the JIT build to start and attach on a loaded machine before the TERM.
        using var traced = Runner.Start("timeout", ["-s", "TERM", "5", SyscopeCli.Executable, "trace", "-p", "sleep 3007"]);
        Assert.Equal($"syscope: Process {sleeper.Id} attached", traced.StandardError.ReadLine());
        Assert.True(traced.WaitForExit(20_000));
        Assert.EndsWith($"syscope: Process {sleeper.Id} detached\n <detached ...>\n", traced.StandardError.ReadToEnd());

        var why = Runner.Run("timeout", ["20", SyscopeCli.Executable, "why", "sleep 3007"]);
        Assert.Equal(0, why.ExitCode);
        Assert.StartsWith($"PID {sleeper.Id} (sleep): sleep 3007\n", why.Stdout);

        var ps = Runner.Run("/bin/sh", ["-c", "\"$0\" ps 'sleep 3007'; exit $?", SyscopeCli.Executable]);
        Assert.Equal(0, ps.ExitCode);
        var rows = ps.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.EndsWith(" sleep 3007", rows[1]);
    }

    [NeedsFact("root", "setpriv", "strace")]
    public void A_program_in_a_closed_folder_is_said_as_strace_says_it()
    {
        // The live folder is mode 700: another user cannot even look inside.
        string program = Path.Combine(_live.Dir, "prog");
        File.WriteAllText(program, "");
        string[] asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups"];
        var strace = Runner.Run("setpriv", [.. asNobody, "strace", program]);
        var ours = Runner.Run("setpriv", [.. asNobody, SyscopeCli.Executable, "trace", program]);
        Assert.Equal($"strace: Can't stat '{program}': Permission denied\n", strace.Stderr);
        Assert.Equal(1, ours.ExitCode);
        Assert.Equal(strace.Stderr.Replace("strace:", "syscope:"), ours.Stderr);
    }

    [Fact]
    public void A_pattern_that_backtracks_without_end_fails_instead_of_hanging()
    {
        // A command line of 40 'a's and a '!': (a+)+$ tries every way to split the a's.  The
        // patterns start with a word of this test's own, so no other process (another test's
        // child whose command line ends in 'a') can match them.
        string own = $"backtrack{Environment.ProcessId}x{Guid.NewGuid():N}";
        var victim = _live.Start("/bin/sh", "-c", "read line", own, new string('a', 40) + "!");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = SyscopeCli.Run("why", own + " (a+)+$");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"syscope: pattern '{own} (a+)+$' takes too long to match (it backtracks without end); simplify it\n", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        // ps matches as pgrep does, with glibc's POSIX regex, which does not backtrack here.
        clock.Restart();
        Assert.Equal((1, "", ""), SyscopeCli.Run("ps", own + " (a+)+$") is var ps ? (ps.ExitCode, ps.Stdout, ps.Stderr) : default);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"ps took {clock.Elapsed}");
        Assert.False(victim.HasExited);
    }

    [Theory]
    [InlineData("ps")]
    [InlineData("files")]
    [InlineData("why")]
    public void The_help_says_what_a_pattern_never_matches(string command)
    {
        var r = Cli.Run(command, "--help");
        Assert.Contains("never matches syscope itself nor the commands that run it", System.Text.RegularExpressions.Regex.Replace(r.Output, @"\s+", " "));
    }

    [Fact]
    public void Trace_help_says_what_a_pattern_never_matches() =>
        Assert.Contains("never matches syscope itself nor the commands that run it", Syscope.Cli.Commands.TraceCommand.Description);

    public void Dispose() => _live.Dispose();
}
