using Syscope.Cli.Commands;
using Syscope.Decoding;
using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Tests.Filtering;

/// <summary>strace's filtering options on the command line, down to the TraceFilter they build.</summary>
public class TraceArgumentsFilterTests
{
    private static TraceArguments Args(params string[] argv) => TraceArguments.Parse([.. argv, "true"]);

    private static TraceFilter Filter(params string[] argv) => Args(argv).ToFilter();

    private static int Nr(string name) => SyscallTable.ByName(name)!.Number;

    [Fact]
    public void Defaults_trace_everything()
    {
        var f = Filter();
        Assert.True(f.StopsEveryCall);
        Assert.Equal(StatusSet.All, f.Status);
        Assert.Equal(SummaryMode.None, f.Summary);
        Assert.All(f.Signals, Assert.True);
        Assert.Equal(["true"], Args().Command);
    }

    [Theory]
    [InlineData("-e", "trace=open")]
    [InlineData("-e", "t=open")]
    [InlineData("-e", "open")]
    [InlineData("-eopen")]
    [InlineData("--trace=open")]
    [InlineData("--trace", "open")]
    public void Trace_set_spellings(params string[] argv)
    {
        var f = Filter(argv);
        Assert.Equal([Nr("open")], f.Trace.Members);
    }

    [Fact]
    public void A_later_trace_replaces_an_earlier_one_as_in_strace() =>
        Assert.Equal([Nr("close")], Filter("-e", "trace=openat", "-e", "trace=close").Trace.Members);

    [Fact]
    public void Signal_status_quiet_and_fds()
    {
        var f = Filter("-e", "s=INT", "-e", "status=failed", "-e", "silent=exit", "-e", "trace-fds=3");
        Assert.Equal([SignalNames.SIGINT], Enumerable.Range(0, f.Signals.Length).Where(i => f.Signals[i]));
        Assert.Equal(StatusSet.Failed, f.Status);
        Assert.Equal(QuietSet.Exit, f.Quiet);
        Assert.Equal([3], f.TraceFds!);
        Assert.False(f.StopsEveryCall);
        var g = Filter("--signal=!SIGCHLD", "--status=successful", "--quiet=attach", "--trace-fds=1");
        Assert.False(g.Signals[SignalNames.SIGCHLD]);
        Assert.Equal(StatusSet.Successful, g.Status);
        Assert.Equal(QuietSet.Attach, g.Quiet);
    }

    [Fact]
    public void Z_flags_are_status_shortcuts_and_the_last_wins_with_straces_warning()
    {
        Assert.Equal(StatusSet.Successful, Filter("-z").Status);
        Assert.Equal(StatusSet.Failed, Filter("--failed-only").Status);
        var a = Args("-z", "-Z");
        Assert.Equal(StatusSet.Failed, a.ToFilter().Status);
        Assert.Equal(["Only the last of -z/--successful-only/-Z/--failed-only options will take effect. See status qualifier for more complex filters."], a.Warnings);
        Assert.Equal(StatusSet.Successful, Filter("-e", "status=failed", "--successful-only").Status);
    }

    [Fact]
    public void Q_counts_map_to_quiet_sets()
    {
        Assert.Equal(QuietSet.Attach | QuietSet.Personality, Filter("-q").Quiet);
        Assert.Equal(QuietSet.Attach | QuietSet.Personality | QuietSet.Exit, Filter("-qq").Quiet);
        Assert.Equal(FilterSets.AllQuiet, Filter("-qqq").Quiet);
        Assert.Equal(QuietSet.Attach, Filter("-e", "quiet=attach").Quiet);
        Assert.Equal(QuietSet.Exit, Filter("-e", "quiet=exit").Quiet);
    }

    [Fact]
    public void Injection_and_fault_rules_accumulate()
    {
        var f = Filter("-e", "inject=openat:error=ENOENT:when=3+", "--fault=read", "-e", "fault=write:error=EIO");
        Assert.Equal(3, f.Injections.Count);
        Assert.Equal((Errno.ENOENT, 3L, long.MaxValue), (f.Injections[0].Error, f.Injections[0].First, f.Injections[0].Last));
        Assert.Equal(Errno.ENOSYS, f.Injections[1].Error);
        Assert.Equal(Errno.EIO, f.Injections[2].Error);
        Assert.True(f.Injections[2].Syscalls.Contains(Nr("write")));
    }

    [Fact]
    public void Summary_options()
    {
        var f = Filter("-c", "-S", "calls", "-U", "name,calls", "-w");
        Assert.Equal((SummaryMode.Only, SummarySort.Calls, true), (f.Summary, f.SummarySort, f.SummaryWallClock));
        Assert.Equal(["name", "calls"], f.SummaryColumns);
        var g = Filter("--summary", "--summary-sort-by=name", "--summary-columns=errors", "--summary-wall-clock");
        Assert.Equal((SummaryMode.WithTrace, SummarySort.Name, true), (g.Summary, g.SummarySort, g.SummaryWallClock));
        Assert.Equal(SummaryMode.Only, Filter("--summary-only").Summary);
        Assert.Equal(SummaryMode.WithTrace, Filter("-C").Summary);
    }

    [Fact]
    public void Paths_limit_interruptible_user_and_seccomp()
    {
        var a = Args("-f", "-P", "/etc/passwd", "--trace-path=/tmp", "--syscall-limit=5", "-I", "3", "-u", "root", "--seccomp-bpf");
        var f = a.ToFilter();
        Assert.Equal(["/etc/passwd", "/tmp"], f.Paths);
        Assert.Equal(5, f.SyscallLimit);
        Assert.Equal(true, f.SeccompBpf);
        Assert.Equal((3, "root", 0, 0), (a.Interruptible, a.UserName, a.Uid, a.Gid));
        Assert.False(f.StopsEveryCall);
        var b = Args("--seccomp-bpf");
        Assert.Null(b.ToFilter().SeccompBpf);
        Assert.Equal(["--seccomp-bpf cannot be used without -f/--follow-forks, disabling"], b.Warnings);
    }

    [Fact]
    public void Options_reach_StraceOptions() =>
        Assert.Equal([Nr("close")], Args("-e", "close").ToOptions().Filter.Trace.Members);

    [Theory]
    [InlineData("invalid system call 'foo'", "-e", "foo")]
    [InlineData("invalid system call 'bogus=1'", "-e", "bogus=1")]
    [InlineData("invalid signal 'FOO'", "-e", "signal=FOO")]
    [InlineData("invalid status 'x'", "-e", "status=x")]
    [InlineData("invalid quiet 'x'", "--quiet=x")]
    [InlineData("invalid inject argument 'open'", "-e", "inject=open")]
    [InlineData("invalid fault argument 'open:retval=1'", "-e", "fault=open:retval=1")]
    [InlineData("Cannot find user 'no-such-user-here'", "-u", "no-such-user-here")]
    [InlineData("invalid system call 'bogus'", "-e", "raw=bogus")]
    [InlineData("invalid system call 'bogus'", "-e", "abbrev=bogus")]
    [InlineData("invalid system call 'bogus'", "-e", "verbose=bogus")]
    public void Bad_values_are_user_errors_in_straces_words(string message, params string[] argv) =>
        Assert.Equal(message, Assert.Throws<UserError>(() => Args(argv)).Message);

    [Theory]
    [InlineData("invalid -I argument: '5'", "-I", "5")]
    [InlineData("invalid sortby: 'bogus'", "-c", "-S", "bogus")]
    [InlineData("unknown column name: 'x'", "-c", "-U", "x")]
    [InlineData("-c/--summary-only and -C/--summary are mutually exclusive", "-c", "-C")]
    [InlineData("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)", "-w")]
    [InlineData("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)", "-U", "calls")]
    [InlineData("invalid --syscall-limit argument: '0'", "--syscall-limit=0")]
    [InlineData("invalid -X argument: 'bogus'", "-X", "bogus")]
    [InlineData("invalid -X argument: 'RAW'", "-XRAW")]
    [InlineData("invalid -X argument: ''", "-X", "")]
    [InlineData("invalid --const-print-style argument: 'x'", "--const-print-style=x")]
    public void Misuse_is_a_usage_error(string message, params string[] argv) =>
        Assert.Equal(message, Assert.Throws<UsageError>(() => Args(argv)).Message);

    [Fact]
    public void Sort_without_summary_only_warns() =>
        Assert.Equal(["-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)"], Args("-S", "calls").Warnings);

    [Fact]
    public void The_command_reports_bad_expressions_and_exits_1()
    {
        var r = Infrastructure.SyscopeCli.Run("trace", "-e", "trace=foo", "true");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope: invalid system call 'foo'"], r.StderrLines);
        r = Infrastructure.SyscopeCli.Run("trace", "-c", "-S", "bogus", "true");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope trace: invalid sortby: 'bogus'", Tracing.ErrorTests.TryHelp], r.StderrLines);
    }

    [Theory]
    [InlineData(ConstStyle.Abbrev)]
    [InlineData(ConstStyle.Raw, "-X", "raw")]
    [InlineData(ConstStyle.Verbose, "-Xverbose")]
    [InlineData(ConstStyle.Verbose, "--const-print-style=verbose")]
    [InlineData(ConstStyle.Raw, "--const-print-style", "raw")]
    [InlineData(ConstStyle.Abbrev, "-X", "raw", "-X", "abbrev")]
    public void Const_print_style(ConstStyle expected, params string[] argv) =>
        Assert.Equal(expected, Args(argv).ToOptions().Decode.ConstStyle);

    [Fact]
    public void Raw_abbrev_and_verbose_sets_apply_per_call_and_the_last_one_wins()
    {
        var d = Args("-e", "raw=openat,read", "-e", "verbose=!fstat", "-e", "a=none").ToOptions().Decode;
        Assert.True(d.RawCalls.Contains(Nr("openat")) && d.RawCalls.Contains(Nr("read")) && !d.RawCalls.Contains(Nr("write")));
        Assert.True(!d.Dereferenced.Contains(Nr("fstat")) && d.Dereferenced.Contains(Nr("stat")));
        Assert.False(d.Abbreviated.Contains(Nr("stat")));
        var v = Args("-v", "-e", "abbrev=stat").ToOptions().Decode;
        Assert.True(v.Abbreviated.Contains(Nr("stat")) && !v.Abbreviated.Contains(Nr("fstat")));
        Assert.False(Args("-e", "abbrev=stat", "-v").ToOptions().Decode.Abbreviated.Contains(Nr("stat")));
        var defaults = Args().ToOptions().Decode;
        Assert.True(defaults.Abbreviated.IsAll && defaults.Dereferenced.IsAll && !defaults.RawCalls.Contains(Nr("read")));
    }

    // --decode-fds (branch fds): the sets strace 6.1 accepts, and its refusals, checked against
    // /usr/bin/strace on this machine.
    [Theory]
    [InlineData(FdDecoding.None)]
    [InlineData(FdDecoding.Path, "-y")]
    [InlineData(FdDecoding.All, "-yy")]
    [InlineData(FdDecoding.All, "-yyy")]
    [InlineData(FdDecoding.Path, "--decode-fds")]
    [InlineData(FdDecoding.All, "--decode-fds=all")]
    [InlineData(FdDecoding.None, "--decode-fds=none")]
    [InlineData(FdDecoding.None, "--decode-fds=!all")]
    [InlineData(FdDecoding.Socket | FdDecoding.Dev, "--decode-fds=socket,DEV")]
    [InlineData(FdDecoding.Path, "--decode-fds=,path,")]
    [InlineData(FdDecoding.Socket | FdDecoding.Dev | FdDecoding.Pidfd, "-e", "decode-fds=!path")]
    [InlineData(FdDecoding.Dev, "-e", "decode-fds=pidfd", "-e", "decode-fd=dev")]
    [InlineData(FdDecoding.Socket, "--decode-fds=path", "--decode-fds=socket")]
    public void Decode_fds_sets(FdDecoding expected, params string[] argv) =>
        Assert.Equal(expected, Args(argv).ToOptions().Decode.FdPaths);

    [Theory]
    [InlineData("invalid decode-fds 'bogus'", "--decode-fds=bogus")]
    [InlineData("invalid decode-fds 'bogus'", "--decode-fds=path,bogus")]
    [InlineData("invalid decode-fds 'all'", "--decode-fds=all,!socket")]
    [InlineData("invalid decode-fds '!socket'", "--decode-fds=path,!socket")]
    [InlineData("invalid decode-fds 'All'", "--decode-fds=All")]
    [InlineData("invalid decode-fds 'none'", "--decode-fds=none,path")]
    [InlineData("invalid decode-fds ','", "--decode-fds=,")]
    [InlineData("invalid decode-fds '!'", "--decode-fds=!")]
    [InlineData("invalid decode-fds ''", "-e", "decode-fds=")]
    [InlineData("-y and --decode-fds cannot be provided simultaneously", "-y", "--decode-fds=all")]
    [InlineData("-y and --decode-fds cannot be provided simultaneously", "--decode-fds=path", "-yy")]
    [InlineData("-y and --decode-fds cannot be provided simultaneously", "-e", "decode-fds=dev", "-y")]
    public void Bad_decode_fds_are_user_errors(string message, params string[] argv) =>
        Assert.Equal(message, Assert.Throws<UserError>(() => Args(argv)).Message);
}
