using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Output;
using Syscope.Text;
using Syscope.Tracing;
using Syscope.Tracing.Ptrace;

namespace Syscope.Cli.Commands;

/// <summary>`syscope trace`: strace's job with strace's options.  Parsing and wiring only.</summary>
internal static class TraceCommand
{
    public const string Usage = "usage: syscope trace [-cCfqrtTvwxyzZn] [-o FILE] [-p PID]... [-s STRSIZE] [-e EXPR]... [-P PATH]... [-S SORT] [-U COLS] {-p PID | PROG [ARGS]}";

    public const string Description = """
        Trace system calls and signals, as strace does (same options, same output).
          -f            follow forks, vforks and clones; -ff with -o writes FILE.PID per process
          -o FILE       write the trace to FILE instead of stderr
          -p PID[,PID]  attach to running processes (all their threads); Ctrl-C detaches
          -p PATTERN    attach to the one process whose command line matches; a pattern
                        never matches syscope itself nor the commands that run it (sudo, timeout, sh -c ...)
          -s N          show at most N bytes of each string (default 32)
          -t, -tt, -ttt wall-clock time, with microseconds, as seconds since the epoch
          -r            time since the previous line;  -T  time spent in each call
          -v            print structures and arrays in full;  -x, -xx  strings in hex
          -y            show paths behind file descriptors;  -n  show syscall numbers
          -yy           also socket endpoints, device numbers, pidfd pids (--decode-fds=SET:
                        path,socket,dev,pidfd,all,none)
          -X FORMAT     constants as names (abbrev), numbers (raw) or both (verbose)
          -e raw=SET, abbrev=SET, verbose=SET   undecoded, abbreviated, dereferenced calls
          --json        JSON Lines (one object per call, signal and exit) instead of strace text;
                        with -c/-C the summary is one JSON object ("type":"summary")
          --color=WHEN  colour the trace: auto (the default: on a terminal, unless NO_COLOR is
                        set; FORCE_COLOR forces it), always, never.  Failed calls in red, slow
                        calls (--slow=DURATION, default 10ms) highlighted, -T times graded
          --min-duration=D  show only calls that took at least D (10ms, 1.5s, 200us; a bare
                        number is milliseconds); -c still counts every call
          -k            print each call's user-space stack after it, as strace -k (--stack-traces);
                        frames named from .symtab, debug info (build-id, .gnu_debuglink) and
                        JIT perf maps (/tmp/perf-PID.map); --no-demangle keeps C++ names raw
          --report FILE write a one-file HTML report (timeline, per-syscall latencies and
                        histograms, slowest calls, files and sockets, failures, signals, search);
                        the trace itself then goes only to -o FILE; decodes as -yy unless -y is given
          --ebpf        trace with eBPF: the command is never stopped (--backend=ptrace|ebpf|auto;
                        --buffer-size=SIZE sets its ring buffer, default 8M)
          --system-wide every process but syscope (eBPF); --cgroup PATH only a cgroup v2 and those
                        below it, --comm NAME only processes of that name; lines start "[pid N NAME] ";
                        until Ctrl-C, or while PROG runs if one is given
          -q            do not report attaching and detaching (-qq: nor exits; -qqq: nothing)
          -e trace=SET  only these calls: names, numbers, %file %process %network %signal %ipc %desc
                        %memory %creds %clock %stat..., /regex, ?name, !negation, all, none
          -e signal=SET, status=SET, quiet=SET, trace-fds=SET   what else to show
          -e read=SET, write=SET   hex dumps of the data read from / written to these fds
          -e inject=SET:error=E|retval=N[:signal=S][:delay_enter=T][:delay_exit=T][:when=W]
          -e fault=SET[:error=E][:when=W]   make calls fail (ENOSYS by default)
          -z, -Z        only successful / only failed calls;  -P PATH  only calls touching PATH
          -c, -C        count calls and print a summary (-C: with the trace); -S SORT, -U COLS, -w;
                        -U also takes p50, p90, p99, p999: percentiles of each call's latency
                        (entry to return), within 1/128 of the exact value
          --summary=failures  after the trace, the failed calls grouped by syscall, errno and
                        path or peer, with counts and the first and last time
          --seccomp-bpf only traced calls stop the command (default with -f and -e trace=);
                        implies --kill-on-exit, since a command left with the filter and no
                        tracer would see ENOSYS from every traced call; never for -p
          --kill-on-exit  the traced processes are killed, not let go, when syscope ends or is
                        killed (even by kill -9)
        When syscope is interrupted (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, even if started in the
        background with them ignored) it lets go of attached processes, passes the signal to a
        command it started, and dies of that signal; if the trace output is a pipe that closed
        (| head) it does the same with SIGPIPE.
        """;

    public static Command Create()
    {
        var args = new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore, Description = "strace options, then the command to run" };
        var command = new Command("trace", Description) { args };
        command.SetAction(parse => Run(parse.GetValue(args) ?? [], Console.Error));
        return command;
    }

    /// <param name="recordOnly">`syscope record`: -o names the recording and no trace is shown.</param>
    public static int Run(IReadOnlyList<string> argv, TextWriter stderr, bool recordOnly = false)
    {
        string name = recordOnly ? "record" : "trace", usage = recordOnly ? RecordCommand.Usage : Usage;
        TraceArguments a;
        try { a = TraceArguments.Parse(argv); }
        catch (UsageError e) { stderr.WriteLine($"syscope {name}: {UntrustedText.EscapeLines(e.Message)}\n{usage}"); return 1; }
        catch (UserError e) { stderr.WriteLine($"syscope: {UntrustedText.EscapeLines(e.Message)}"); return 1; }
        foreach (string warning in a.Warnings) stderr.WriteLine($"syscope {name}: {warning}");
        TraceScope? scope;
        try { scope = a.ToScope(); }
        catch (UsageError e) { stderr.WriteLine($"syscope {name}: {UntrustedText.EscapeLines(e.Message)}\n{usage}"); return 1; }
        if (scope != null) a.Backend = BackendKind.Ebpf;
        if (a.Command.Count == 0 && a.Pids.Count == 0 && scope == null)
        {
            stderr.WriteLine($"syscope {name}: must have PROG [ARGS] or -p PID\n{usage}");
            return 1;
        }
        if (recordOnly)
        {
            if (a.OutputPath == null) { stderr.WriteLine($"syscope record: -o FILE names the recording\n{usage}"); return 1; }
            (a.RecordPath, a.OutputPath) = (a.OutputPath, null);
        }
        if (a.Command.Count > 0 && a.Pids.Count > 0) throw new UserError("give either a command or -p PID, not both");
        int self = Environment.ProcessId;
        foreach (int pid in a.Pids)
        {
            if (pid == self) throw new UserError($"cannot trace syscope itself (PID {pid})");
            if (!Directory.Exists($"/proc/{pid}")) throw new UserError($"attach: ptrace(PTRACE_SEIZE, {pid}): No such process");
        }
        var target = new TraceTarget
        {
            ExecutablePath = a.Command.Count > 0 ? CommandResolver.Resolve(a.Command[0]) : null,
            Argv = a.Command,
            AttachPids = a.Pids,
            FollowForks = a.Follow > 0,
            Filter = a.RecordPath != null ? RecordCommand.BackendFilter(a.ToFilter(), keepTraceSet: recordOnly) : a.ToFilter(),
            ChargeSystemTime = a.RecordPath != null,
            RunAs = a.UserName != null && a.Command.Count > 0
                ? new RunAs((uint)a.Uid!.Value, (uint)a.Gid!.Value, Passwd.Groups(a.UserName, a.Gid.Value)) : null,
            KillOnExit = a.KillOnExit,
            Scope = scope,
            StackTraces = a.StackTraces > 0 ? new StackTraceSettings(!a.NoDemangle) : null,
        };
        if (a.UserName != null && a.Command.Count == 0) throw new UserError("-u applies to a command to run, not to -p");
        var options = a.ToOptions();
        // (--seccomp-bpf without -f is refused with a warning by the argument parser.)
        if (a.Backend != BackendKind.Ebpf && !target.Launches && !target.Filter.Trace.IsAll && target.Filter.SeccompBpf != false)
            stderr.WriteLine("syscope: seccomp-bpf filtering is only for launched commands: attached processes stop at every call");
        int interruptible = a.Interruptible != 0 ? a.Interruptible : target.Launches && a.OutputPath != null ? 3 : 2;
        var backend = TraceBackends.Create(target, a.Backend, new Tracing.Ebpf.EbpfSettings(a.BufferSize, a.RecordPath != null ? Math.Max(a.StringLimit, TraceRecording.DefaultCapture) : options.Decode.StringLimit,
            WholeBuffers: options.Decode.ReadDumps != null || options.Decode.WriteDumps != null,
            FdPaths: a.RecordPath != null || options.Decode.FdPaths != Decoding.FdDecoding.None || target.Filter.Paths.Count > 0 || target.Filter.TraceFds != null), notice => stderr.WriteLine($"syscope: {notice}"));
        var recording = a.RecordPath == null ? null : new TraceRecording(a.RecordPath, new Recording.RecordingHeader
        {
            CaptureLimit = Math.Max(a.StringLimit, TraceRecording.DefaultCapture),
            ManyProcesses = a.Pids.Count > 1,
            Command = a.Command,
            Options = [.. argv.Take(argv.Count - a.Command.Count)],
        }, showsTrace: !recordOnly);
        return Trace(target, backend, options, stderr, interruptible, a.Json, a.Color, recording, a.ReportPath);
    }

    private static int Trace(TraceTarget target, ITraceBackend backend, StraceOptions options, TextWriter stderr, int interruptible, bool json, ColorChoice color, TraceRecording? recording = null, string? reportPath = null)
    {
        var failures = new OutputFailures(stderr, backend, target.Launches);
        Stream Stderr() => new DescriptorStream(new SafeFileHandle(2, ownsHandle: false), "stderr", failures.Report);
        // Opened first, so that a report that cannot be written fails before anything runs.
        using var reportFile = reportPath != null ? OpenOutput(reportPath, failures) : null;
        var facts = recording?.Start(backend, failures.Report) ?? backend.Facts;
        var report = reportFile != null ? new Output.Report.ReportCollector(facts.Host) : null;
        var pipeline = recording?.ShowsTrace == false ? null
            : new TracePipeline(options, facts, stderr, json, color, Stderr, flushConsole: true, path => OpenOutput(path, failures), report);
        ITraceConsumer consumer = recording?.Consumer(pipeline?.Assembler) ?? pipeline!.Assembler;

        // -I: 1 and 2 let fatal signals end the trace (detaching cleanly); 3 ignores them while the
        // command runs (strace's default with -o FILE PROG); 4 also ignores Ctrl-Z.
        var registrations = new List<PosixSignalRegistration>();
        foreach (var (posix, number) in new[] { (PosixSignal.SIGINT, SignalNames.SIGINT), (PosixSignal.SIGTERM, SignalNames.SIGTERM), (PosixSignal.SIGHUP, SignalNames.SIGHUP), (PosixSignal.SIGQUIT, SignalNames.SIGQUIT) })
            registrations.Add(PosixSignalRegistration.Create(posix, ctx => { ctx.Cancel = true; if (interruptible < 3) backend.RequestDetach(number); }));
        if (interruptible >= 4) registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTSTP, ctx => ctx.Cancel = true));

        TraceOutcome outcome;
        try
        {
            outcome = backend.Run(consumer);
            recording?.End(outcome);
        }
        finally
        {
            foreach (var r in registrations) r.Dispose();
            pipeline?.Dispose();
            recording?.Dispose();
        }
        recording?.Report(stderr);
        if (report != null) Output.Report.HtmlReport.Write(reportFile!, report, ReportTitle(target), stderr, reportPath!);
        if (outcome.KilledBySignal != 0) RaiseOnSelf(outcome.KilledBySignal);
        // Ended by a signal (or a closed output pipe): syscope dies of it, as strace does, so that a
        // shell loop around it stops on Ctrl-C.
        if (outcome.DetachedBySignal > 0) RaiseOnSelf(outcome.DetachedBySignal);
        if (failures.BrokenPipe) RaiseOnSelf(SignalNames.SIGPIPE);
        int status = target.Launches ? outcome.ExitCode : 0;
        // A trace that could not be written whole is a failure even when the command succeeded.
        return failures.WriteFailed && status == 0 ? 1 : status;
    }

    private static string ReportTitle(TraceTarget target) =>
        target.Argv.Count > 0 ? string.Join(' ', target.Argv) : target.AttachPids.Count > 0 ? string.Join(' ', target.AttachPids.Select(p => $"-p {p}")) : "system-wide";

    /// <summary>
    /// What a failed write of the trace does.  A closed pipe (`| head`) ends the trace at once as
    /// SIGPIPE ends strace: attached processes are let go, a launched command gets SIGPIPE, and
    /// syscope dies of it.  Any other error (a full disk) is said once, as strace says it
    /// ("FILE: No space left on device"), and makes the exit status non-zero; a launched command
    /// runs on to its end, attached processes are let go since nothing more can be recorded.
    /// </summary>
    private sealed class OutputFailures(TextWriter stderr, ITraceBackend backend, bool launches)
    {
        public volatile bool BrokenPipe, WriteFailed;

        public void Report(string name, int errno)
        {
            if (errno == Errno.EPIPE)
            {
                BrokenPipe = true;
                backend.RequestDetach(SignalNames.SIGPIPE);
                return;
            }
            WriteFailed = true;
            stderr.WriteLine($"syscope: {name}: {Errno.Message(errno)}");
            stderr.Flush();
            if (!launches) backend.RequestDetach(-1);
        }
    }

    private static DescriptorStream OpenOutput(string path, OutputFailures failures)
    {
        var file = Descriptors.CreateForWriting(path, out int errno)
            ?? throw new UserError($"Can't fopen '{UntrustedText.Escape(path)}': {Errno.Message(errno)}");
        return new DescriptorStream(file, path, failures.Report);
    }

    /// <summary>A command killed by a signal makes syscope die of the same signal, as strace does, so
    /// shells and scripts see the same status.  No core of syscope itself is written.</summary>
    private static void RaiseOnSelf(int sig)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Limits.Set(Limits.RLIMIT_CORE, 0, 0);
        Signals.SetDefault(sig);
        Signals.Kill(Environment.ProcessId, sig);
    }
}
