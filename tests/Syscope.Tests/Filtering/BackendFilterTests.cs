using System.Text;
using Syscope.Calls;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;
using Syscope.Tracing.Ptrace;

namespace Syscope.Tests.Filtering;

/// <summary>The backend's side of -e: which calls stop and print, seccomp-bpf, and injection,
/// driven through the library API on real programs.</summary>
public class BackendFilterTests
{
    private static (string Trace, TraceOutcome Outcome) TraceWith(TraceFilter filter, params string[] argv) => TraceWith(filter, true, argv);

    private static (string Trace, TraceOutcome Outcome) TraceWith(TraceFilter filter, bool follow, params string[] argv)
    {
        var sink = new MemoryStream();
        var output = new TraceOutput(sink, flushEachEvent: false);
        var options = new StraceOptions { OutputPath = "mem", PerProcessFiles = false, Filter = filter };
        var backend = new PtraceBackend(new TraceTarget { ExecutablePath = CommandResolver.Resolve(argv[0]), Argv = argv, Filter = filter, FollowForks = follow });
        var formatter = new StraceFormatter(options, output, TextWriter.Null, backend.Facts.Host);
        var outcome = backend.Run(new CallAssembler(filter, options.Decode, backend.Facts, formatter));
        formatter.Complete();
        return (Encoding.UTF8.GetString(sink.ToArray()), outcome);
    }

    private static SyscallSet Set(params string[] names) => new(names.Select(n => SyscallTable.ByName(n)!.Number));

    [Fact]
    public void Only_selected_calls_print_with_seccomp()
    {
        var (trace, outcome) = TraceWith(new TraceFilter { Trace = Set("openat", "close") }, "cat", "/etc/hostname");
        Assert.Equal(0, outcome.ExitCode);
        var lines = trace.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(PtraceBackend.UsesSeccomp(new TraceTarget { ExecutablePath = "/bin/cat", FollowForks = true, Filter = new TraceFilter { Trace = Set("openat") } }));
        Assert.All(lines[..^1], l => Assert.Matches(@"^(openat|close)\(", l));
        Assert.Contains(lines, l => l.StartsWith("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY)"));
        Assert.Equal("+++ exited with 0 +++", lines[^1]);
    }

    [Fact]
    public void Seccomp_and_plain_stops_show_the_same_lines()
    {
        var filter = Set("openat", "close", "read");
        var (withBpf, _) = TraceWith(new TraceFilter { Trace = filter }, "cat", "/etc/hostname");
        var (plain, _) = TraceWith(new TraceFilter { Trace = filter, SeccompBpf = false }, "cat", "/etc/hostname");
        Assert.Equal(plain, withBpf);
    }

    [NeedsFact("gcc")]
    public void Injected_error_reaches_the_program_on_the_third_write_only()
    {
        var rule = new InjectionRule { Syscalls = Set("write"), Error = 28, First = 3, Last = 3 };
        var prog = CPrograms.Path("writes");
        var psiOut = CPrograms.TempFile("writes-report");
        var (trace, outcome) = TraceWith(new TraceFilter { Trace = Set("write"), Injections = [rule] }, "sh", "-c", $"'{prog}' >/dev/null 2>'{psiOut}'");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("1:ok 2:ok 3:No space left on device 4:ok 5:ok \n", File.ReadAllText(psiOut));
        var writes = trace.Split('\n').Where(l => l.StartsWith("write(1, \"x\", 1)")).ToList();
        Assert.Equal(5, writes.Count);
        Assert.EndsWith("= -1 ENOSPC (No space left on device) (INJECTED)", writes[2]);
        Assert.All(writes.Where((_, i) => i != 2), l => Assert.EndsWith(" = 1", l));
    }

    [NeedsFact("gcc")]
    public void Injected_retval_and_signal()
    {
        var prog = CPrograms.Path("writes");
        var report = CPrograms.TempFile("writes-retval");
        var retval = new InjectionRule { Syscalls = Set("write"), Retval = 1, First = 2, Last = 2 };
        var (trace, _) = TraceWith(new TraceFilter { Trace = Set("write"), Injections = [retval] }, "sh", "-c", $"'{prog}' >/dev/full 2>'{report}'");
        // /dev/full makes every write fail with ENOSPC, except the one whose result we replaced.
        Assert.Equal("1:No space left on device 2:ok 3:No space left on device 4:No space left on device 5:No space left on device \n", File.ReadAllText(report));
        Assert.Contains(trace.Split('\n'), l => l.StartsWith("write(1, \"x\", 1)") && l.EndsWith("= 1 (INJECTED)"));
        // retval= sets a value, never an error, even one that looks like -ENOENT: strace prints it unsigned.
        var minusTwo = new InjectionRule { Syscalls = Set("write"), Retval = -2, First = 1, Last = 1 };
        var (trace3, _) = TraceWith(new TraceFilter { Trace = Set("write"), Injections = [minusTwo] }, "sh", "-c", $"'{prog}' >/dev/null 2>'{report}'");
        Assert.Contains(trace3.Split('\n'), l => l.StartsWith("write(1, \"x\", 1) ") && l.EndsWith(" = 18446744073709551614 (INJECTED)"));

        var signal = new InjectionRule { Syscalls = Set("write"), Signal = 15, First = 4, Last = 4 };
        var (trace2, outcome) = TraceWith(new TraceFilter { Trace = Set("write"), Injections = [signal] }, prog);
        Assert.Equal(15, outcome.KilledBySignal);
        Assert.Contains("--- SIGTERM {si_signo=SIGTERM, si_code=SI_KERNEL} ---\n+++ killed by SIGTERM +++", trace2);
    }

    [NeedsFact("gcc")]
    public void Delay_on_exit_makes_the_call_measurably_slower()
    {
        var prog = CPrograms.Path("writes");
        TraceWith(new TraceFilter { Trace = Set("write") }, prog);   // warm up: the first run pays for JIT
        var fast = System.Diagnostics.Stopwatch.StartNew();
        TraceWith(new TraceFilter { Trace = Set("write") }, prog);
        fast.Stop();
        var slow = System.Diagnostics.Stopwatch.StartNew();
        TraceWith(new TraceFilter { Trace = Set("write"), Injections = [new InjectionRule { Syscalls = Set("write"), DelayExitMicros = 100_000 }] }, prog);
        slow.Stop();
        // Six delayed writes (five and the report) at 100 ms each.
        Assert.True(slow.ElapsedMilliseconds - fast.ElapsedMilliseconds >= 550, $"fast {fast.ElapsedMilliseconds} ms, slow {slow.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Successful_only_and_failed_only_print_whole_lines_at_return()
    {
        var (ok, _) = TraceWith(new TraceFilter { Trace = Set("openat"), Status = StatusSet.Successful }, "cat", "/etc/hostname", "/nonexistent");
        var (failed, _) = TraceWith(new TraceFilter { Trace = Set("openat"), Status = StatusSet.Failed }, "cat", "/etc/hostname", "/nonexistent");
        var okLines = ok.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1];
        var failedLines = failed.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1];
        Assert.NotEmpty(okLines);
        Assert.All(okLines, l => Assert.Matches(@"^openat\(.*\) += \d+$", l));
        Assert.Contains(failedLines, l => l.Contains("\"/nonexistent\"") && l.EndsWith("= -1 ENOENT (No such file or directory)"));
        Assert.All(failedLines, l => Assert.Contains("= -1 ", l));
    }

    [Fact]
    public void Path_filter_keeps_only_calls_on_that_path_including_through_its_fd()
    {
        var (trace, _) = TraceWith(new TraceFilter { Paths = ["/etc/hostname"] }, false, "cat", "/etc/hostname");
        var lines = trace.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^openat\(AT_FDCWD, ""/etc/hostname"", O_RDONLY\) += (\d+)$", lines[0]);
        string fd = System.Text.RegularExpressions.Regex.Match(lines[0], @"= (\d+)$").Groups[1].Value;
        Assert.Contains(lines, l => l.StartsWith($"close({fd})"));
        Assert.All(lines[1..^1], l => Assert.Matches($@"^\w+\({fd}[,)]", l));
    }

    [Fact]
    public void Trace_fds_and_quiet_exit()
    {
        var (trace, _) = TraceWith(new TraceFilter { TraceFds = new HashSet<int> { 1 }, Quiet = QuietSet.Exit }, false, "/bin/echo", "hi");
        var lines = trace.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("write(1, \"hi\\n\", 3)"));
        Assert.All(lines, l => Assert.Matches(@"^\w+\(1[,)]", l));
    }

    [NeedsFact("gcc")]
    public void Signal_filter_hides_unselected_signals_but_still_delivers_them()
    {
        var signals = Enumerable.Repeat(true, 65).ToArray();
        signals[10] = false;   // SIGUSR1
        var (trace, outcome) = TraceWith(new TraceFilter { Signals = signals }, CPrograms.Path("signals"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("--- SIGUSR1", trace);
        Assert.Contains("write(1, \"handled\\n\", 8)", trace);
        Assert.Contains("--- SIGCHLD", trace);
    }
}
