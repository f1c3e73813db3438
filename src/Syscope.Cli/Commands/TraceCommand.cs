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
    public const string Usage = "usage: syscope trace [-ACdffhiqqqrtttTvVwxxyyzZn] [-I N] [-b execve] [-e EXPR]... [-a COLUMN] [-o FILE] [-s STRSIZE] [-X FORMAT] [-O OVERHEAD] [-S SORTBY] [-P PATH]... [-p PID|PATTERN]... [-U COLUMNS] [--seccomp-bpf] {-p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS]}";

    /// <summary>What -h and --help print: every option `trace` accepts.</summary>
    public const string Description = """
        Trace system calls and signals, as strace 6.1 does (same options, same output).
        Long options may be shortened to any unambiguous prefix, as strace's getopt allows.
        Starting:
          PROG [ARGS]   run PROG and trace it; -E VAR=VAL / -E VAR, --env: set or remove a variable for it
          -p PID[,PID], --attach=PID   attach to running processes (all their threads); Ctrl-C detaches
          -p PATTERN    attach to the one process whose command line matches; a pattern
                        never matches syscope itself nor the commands that run it (sudo, timeout, sh -c ...)
          -u USER, --user=USER   run PROG as USER
          -f, --follow-forks   follow forks, vforks and clones (-F: the same, deprecated)
          -b execve, --detach-on=execve   let a process go when it calls execve
          -D, --daemonize[=grandchild]   PROG stays the shell's own child; the tracer runs as a
                        detached grandchild (-DD, --daemonize=pgroup: in a process group of its
                        own; -DDD, --daemonize=session: in a session of its own); not with -u,
                        and without the seccomp program
          -ff, --output-separately   with -o, write FILE.PID per process
          -I N, --interruptible=1|2|3|4 or anywhere|waiting|never|never_tstp   when Ctrl-C and
                        other fatal signals may end the trace
          --seccomp-bpf  only traced calls stop the command (default with -f and -e trace=);
                        implies --kill-on-exit, since a command left with the filter and no
                        tracer would see ENOSYS from every traced call; never for -p
          --kill-on-exit  the traced processes are killed, not let go, when syscope ends or is
                        killed (even by kill -9)
          --syscall-limit=N   detach after N traced calls
        Filtering:
          -e trace=SET, --trace=SET   only these calls: names, numbers, classes (%file %process
                        %network %signal %ipc %desc %memory %creds %clock %stat %lstat %fstat
                        %%stat %statfs %fstatfs %%statfs %pure; file, desc, process, network, memory,
                        ipc and signal also without %), /regex, ?name, !negation, all, none, and a
                        personality suffix @64 (@32 and @x32 select nothing: x86_64 only)
          -e signal=SET, --signal=SET   which signals show
          -e status=SET, --status=SET   successful, failed, unfinished, unavailable, detached
          -z, --successful-only; -Z, --failed-only   only successful / only failed calls
          -P PATH, --trace-path=PATH   only calls touching PATH
          -e trace-fds=SET, --trace-fds=SET   only calls on these descriptors
        Output:
          -o FILE, --output=FILE   write the trace to FILE instead of stderr; -o '|command' or
                        -o '!command' pipes it into sh -c command
          -A, --output-append-mode   append to -o FILE
          -a N, --columns=N   align return values at column N (default 40)
          -s N, --string-limit=N   show at most N bytes of each string (default 32)
          -t, -tt, -ttt   wall-clock time, with microseconds, as seconds since the epoch
          --timestamps[=[format:]time|unix|none][,[precision:]s|ms|us|ns], --absolute-timestamps=...
          -r, --relative-timestamps[=s|ms|us|ns]   time since the previous line
          -T, --syscall-times[=s|ms|us|ns]   time spent in each call
          -i, --instruction-pointer   the instruction pointer before each line
          -n, --syscall-number   syscall numbers before names
          -v, --no-abbrev   structures and arrays in full
          -x, -xx, --strings-in-hex[=all|non-ascii|non-ascii-chars|none]   strings in hex
          -X raw|abbrev|verbose, --const-print-style=...   constants as numbers, names or both
          -y, --decode-fds[=path]   paths behind descriptors; -yy, --decode-fds=SET: also socket
                        endpoints, device numbers, pidfd pids (path,socket,dev,pidfd,all,none)
          -Y, --decode-pids=comm   the name of the process after each pid ("1234<sh>"), in the
                        [pid N<comm>] prefixes too
          --decode-pids=pidns, --pidns-translation   a pid seen in a tracee's own pid namespace is
                        followed by its number in syscope's ("1 /* 1234 in strace's PID NS */");
                        -e decode-pids=SET (comm,pidns,all,none): a later one replaces an earlier one
          -e abbrev=SET, verbose=SET, raw=SET (--abbrev= --verbose= --raw=)   abbreviated,
                        dereferenced, undecoded calls
          -e read=SET, write=SET (--read= --write=)   hex dumps of data read from / written to fds
          -e kvm=vcpu, --kvm=vcpu   why each KVM_RUN returned ("= 0 (KVM_EXIT_IO)")
          -q, -qq, -qqq, -e quiet=SET, --quiet[=SET], --silent=SET, --silence=SET   fewer messages (attach,
                        exit, personality, path-resolution, thread-execve, all)
          --json[=entries]   JSON Lines instead of strace text (docs/JSON.md): one object per
                        call with typed arguments, signal, fork, exec, exit; =entries adds one
                        at each call's entry; with -c/-C the summary is one JSON object
          --color=WHEN, --colour=WHEN  colour the trace: auto (the default: on a terminal, unless NO_COLOR is
                        set; FORCE_COLOR forces it), always, never.  Failed calls in red, slow
                        calls (--slow=DURATION, default 10ms) highlighted, -T times graded
          --min-duration=D  show only calls that took at least D (10ms, 1.5s, 200us; a bare
                        number is milliseconds); -c still counts every call
          -k, --stack-traces   each call's user-space stack after it, as strace -k; frames named
                        from .symtab, debug info (build-id, .gnu_debuglink) and JIT perf maps
                        (/tmp/perf-PID.map); --no-demangle keeps C++ and Rust names raw;
                        -kk adds " at FILE:LINE" to frames whose module has DWARF line tables
          --record FILE  also record the run into FILE, for syscope replay, export, report and diff
                        (every call: -e trace= only chooses what shows)
          --report FILE  write a one-file HTML report (timeline, per-syscall latencies and
                        histograms, slowest calls, files and sockets, failures, signals, search);
                        the trace itself then goes only to -o FILE; decodes as -yy unless -y is given
        Statistics:
          -c, --summary-only; -C, --summary   count calls and print a summary (-C: with the trace)
          -S SORTBY, --summary-sort-by=SORTBY; -U COLUMNS, --summary-columns=COLUMNS
                        -U also takes p50, p90, p99, p999: percentiles of each call's latency
                        (entry to return), within 1/128 of the exact value
          --summary=failures  after the trace, the failed calls grouped by syscall, errno and
                        path or peer, with counts and the first and last time
          -w, --summary-wall-clock   latency instead of system time
          -O N[s|ms|us|ns], --summary-syscall-overhead=N   subtract N (default unit us) from each call
        Tampering:
          -e inject=SET:error=E|retval=N[:signal=S][:syscall=NAME][:delay_enter=T][:delay_exit=T]
                        [:poke_enter=@argN=HEX][:poke_exit=@argN=HEX][:when=W], --inject=...
          -e fault=SET[:error=E][:when=W], --fault=...   make calls fail (ENOSYS by default)
        Backends:
          --ebpf        trace with eBPF: the command is never stopped (--backend=ptrace|ebpf|auto;
                        --buffer-size=SIZE sets its ring buffer, default 8M)
          --system-wide  every process but syscope (eBPF); --cgroup PATH only a cgroup v2 and those
                        below it, --comm NAME only processes of that name; lines start "[pid N NAME] ";
                        until Ctrl-C, or while PROG runs if one is given
        Miscellaneous:
          -d, --debug   syscope's own account of what it does, on stderr
          --tips[=[id:]N|random][,[format:]none|compact|full]   a tip at the end
          --secontext[=full|mismatch], -e secontext=   SELinux contexts: not printed; refused,
                        as strace built without libselinux refuses them
          -h, --help    this help
          -V, --version   strace's version line, for scripts
        When syscope is interrupted (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, even if started in the
        background with them ignored) it lets go of attached processes, passes the signal to a
        command it started, and dies of that signal; if the trace output is a pipe that closed
        (| head) it does the same with SIGPIPE.
        """;

    /// <summary>-V: strace's first line, "NAME -- version 6.1", so that scripts reading strace's
    /// version read the strace release whose options and output syscope gives.</summary>
    public const string VersionText = """
        syscope -- version 6.1
        syscope traces with strace 6.1's options and output (syscope trace, or called as strace).

        Optional features enabled: (none)
        """;

    public static Command Create() =>
        new GetoptCommand("trace", "Trace system calls and signals with strace's options and output (syscope trace -h lists them all)",
            Usage, TraceArguments.Getopt, "strace options, then the command to run", args => Run(args, Console.Error), Description);

    /// <param name="recordOnly">`syscope record`: -o names the recording and no trace is shown.</param>
    public static int Run(IReadOnlyList<string> argv, TextWriter stderr, bool recordOnly = false)
    {
        string name = recordOnly ? "record" : "trace", usage = recordOnly ? RecordCommand.Usage : Usage;
        TraceArguments a;
        try { a = TraceArguments.Parse(argv); }
        catch (UsageError e) { return UsageFailure(stderr, name, e.Message); }
        catch (UserError e) { stderr.WriteLine($"syscope: {UntrustedText.EscapeLines(e.Message)}"); return 1; }
        if (a.Help || a.Version)
        {
            Console.Out.Write(a.Version ? VersionText + "\n" : recordOnly ? $"{usage}\n\n{RecordCommand.Description}\n" : $"{Usage}\n\n{Description}\n");
            Console.Out.Flush();
            return 0;
        }
        foreach (string warning in a.Warnings) stderr.WriteLine($"syscope {name}: {warning}");
        TraceScope? scope;
        try { scope = a.ToScope(); }
        catch (UsageError e) { return UsageFailure(stderr, name, e.Message); }
        if (scope != null) a.Backend = BackendKind.Ebpf;
        if (recordOnly)
        {
            if (a.OutputPath == null) return UsageFailure(stderr, name, "-o FILE names the recording");
            (a.RecordPath, a.OutputPath) = (a.OutputPath, null);
        }
        if (a.Daemonize > 0 && a.Backend != BackendKind.Ptrace) return UsageFailure(stderr, name, "-D/--daemonize traces with ptrace: it cannot be combined with --ebpf or a scope");
        if (a.Daemonize > 0 && a.DaemonOf == null)
        {
            // -D: this process becomes the command, a detached copy of syscope traces it.
            ApplyEnvironment(a);
            return TraceDaemon.BecomeTracedCommand(CommandResolver.Resolve(a.Command[0]), a.Command, [.. argv.Take(argv.Count - a.Command.Count)]);
        }
        if (a.DaemonOf != null) TraceDaemon.Detach(a.Daemonize);
        // strace opens -o FILE before it looks for the program, so a failed start still leaves it.
        int piped = 0;
        if (a.OutputPath is ['|' or '!', ..] && a.Follow >= 2) return UsageFailure(stderr, name, "piping the output and -ff/--output-separately are mutually exclusive");
        // -ff adds ".PID": a name that leaves no room for one (strace keeps 12 bytes) fails now, in strace's words.
        if (a.OutputPath != null && a.Follow >= 2 && System.Text.Encoding.UTF8.GetByteCount(a.OutputPath) >= PathLimits.PathMax - 12)
            throw new UserError($"{UntrustedText.Escape(a.OutputPath)}: {Errno.Message(Errno.ENAMETOOLONG)}");
        SafeFileHandle? outputFile = a.OutputPath is ['|' or '!', .. var pipeCommand] ? PipeTo(pipeCommand, out piped)
            : a.OutputPath != null && a.Follow < 2 ? OpenFile(a.OutputPath, a.Append) : null;
        ApplyEnvironment(a);
        int self = Environment.ProcessId;
        foreach (int pid in a.Pids)
        {
            if (pid == self) throw new UserError($"cannot trace syscope itself (PID {pid})");
            // strace's words under ptrace; eBPF never calls ptrace, so it does not name it.
            if (!Directory.Exists($"/proc/{pid}"))
                throw new UserError(a.Backend == BackendKind.Ebpf ? $"attach: {pid}: No such process" : $"attach: ptrace(PTRACE_SEIZE, {pid}): No such process");
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
            StackTraces = a.StackTraces > 0 ? new StackTraceSettings(!a.NoDemangle, SourceLines: a.StackTraces > 1,
                Debug: a.Debug ? line => stderr.WriteLine($"syscope trace: debug: {line}") : null) : null,
            DetachOnExecve = a.DetachOnExecve,
            DaemonParent = a.DaemonOf?.Pid ?? 0,
            DaemonReady = a.DaemonOf is { } daemon ? () => TraceDaemon.Ready(daemon.Fd) : null,
            // As strace: a command that closes its stdin or stdout (sh -c 'exec <&- >&-') must close
            // the pipe for the process at the other end; syscope's own copies would keep it open.
            // The trace never goes to stdout (-o /dev/stdout was opened before).
            Launched = () => Descriptors.PointAtNull(0, 1),
        };
        if (a.UserName != null && a.Command.Count == 0) throw new UserError("-u applies to a command to run, not to -p");
        var options = a.ToOptions();
        if (a.Debug) Debug(stderr, a, target);
        // strace -D ignores fatal signals and ^Z (-I 4): they are the command's, from its terminal.
        int interruptible = a.Interruptible != 0 ? a.Interruptible : a.DaemonOf != null ? 4 : target.Launches && a.OutputPath != null ? 3 : 2;
        var backend = TraceBackends.Create(target, a.Backend, new Tracing.Ebpf.EbpfSettings(a.BufferSize, a.RecordPath != null ? Math.Max(a.StringLimit, TraceRecording.DefaultCapture) : options.Decode.StringLimit,
            WholeBuffers: options.Decode.ReadDumps != null || options.Decode.WriteDumps != null,
            // -e kvm=vcpu: the vcpu's descriptor says a KVM_RUN is one (strace's check), with or without -y.
            FdPaths: a.RecordPath != null || options.Decode.FdPaths != Decoding.FdDecoding.None || target.Filter.Paths.Count > 0 || target.Filter.TraceFds != null || a.KvmExits,
            KvmExits: a.KvmExits), notice => stderr.WriteLine($"syscope: {notice}"));
        var recording = a.RecordPath == null ? null : new TraceRecording(a.RecordPath, new Recording.RecordingHeader
        {
            CaptureLimit = Math.Max(a.StringLimit, TraceRecording.DefaultCapture),
            ManyProcesses = a.ManyProcesses,
            Command = a.Command,
            Options = [.. argv.Take(argv.Count - a.Command.Count)],
        }, showsTrace: !recordOnly, seesEveryCall: target.Filter.Trace.IsAll);
        int status = Trace(target, backend, options, stderr, interruptible, a.Json, a.Color, recording, a.ReportPath, outputFile, a.JsonEntries);
        // strace's pclose: the command reading the trace has all of it before syscope returns.
        if (piped > 0) Wait.For(piped, out _, 0);
        if (a.Tips) TraceTips.Print(stderr);
        return status;
    }

    /// <summary>-E VAR=VAL / -E VAR: the command's environment only.  The command is still found
    /// by syscope's own PATH (the runtime's copy of the environment is left as it was), as strace
    /// finds it by its own: `-E PATH=/ true` runs /usr/bin/true.</summary>
    private static void ApplyEnvironment(TraceArguments a)
    {
        foreach (string change in a.EnvironmentChanges)
        {
            int eq = change.IndexOf('=');
            string variable = eq < 0 ? change : change[..eq];
            string? value = eq < 0 ? null : change[(eq + 1)..];
            Spawn.SetEnvironment(variable, value);
        }
    }

    /// <summary>-o '|command' or -o '!command': the trace is written into a pipe that `sh -c
    /// command` reads as its standard input, as strace's popen does.</summary>
    private static SafeFileHandle PipeTo(string command, out int pid)
    {
        var (read, write) = Descriptors.Pipe();
        using (read) pid = Spawn.Start("/bin/sh", ["sh", "-c", command], LauncherStub.RuntimeIgnoredSignals, (int)read.DangerousGetHandle());
        return write;
    }

    /// <summary>A malformed command line: strace's two lines, the second pointing at -h.</summary>
    private static int UsageFailure(TextWriter stderr, string command, string message)
    {
        stderr.WriteLine($"syscope {command}: {UntrustedText.EscapeLines(message)}\nTry 'syscope {command} -h' for more information.");
        return 1;
    }

    /// <summary>-d: what syscope understood and is about to do, one "syscope trace: debug:" line each.</summary>
    private static void Debug(TextWriter stderr, TraceArguments a, TraceTarget target)
    {
        var f = target.Filter;
        stderr.WriteLine($"syscope trace: debug: backend {a.Backend}, {(target.Launches ? $"launching {UntrustedText.Quote(target.ExecutablePath ?? "")}" : $"attaching to {string.Join(",", target.AttachPids)}")}");
        stderr.WriteLine($"syscope trace: debug: follow forks {target.FollowForks}, trace set {(f.Trace.IsAll ? "all" : "filtered")}, seccomp-bpf {(f.SeccompBpf?.ToString() ?? "where the filter allows")}, interruptible {a.Interruptible}");
        stderr.WriteLine($"syscope trace: debug: output {(a.OutputPath == null ? "stderr" : UntrustedText.Quote(a.OutputPath))}{(a.Append ? " (append)" : "")}, summary {f.Summary}, injections {f.Injections.Count}");
        stderr.Flush();
    }

    /// <param name="outputFile">-o FILE without -ff, opened before anything started.</param>
    private static int Trace(TraceTarget target, ITraceBackend backend, StraceOptions options, TextWriter stderr, int interruptible, bool json, ColorChoice color, TraceRecording? recording = null, string? reportPath = null, SafeFileHandle? outputFile = null, bool jsonEntries = false)
    {
        var failures = new OutputFailures(stderr, backend, target.Launches);
        Stream Stderr() => new DescriptorStream(new SafeFileHandle(2, ownsHandle: false), "stderr", failures.Report);
        // Opened first, so that a report that cannot be written fails before anything runs.
        using var reportFile = reportPath != null ? OpenOutput(reportPath, failures) : null;
        var facts = recording?.Start(backend, failures.Report) ?? backend.Facts;
        var report = reportFile != null ? new Output.Report.ReportCollector(facts.Host) : null;
        var pipeline = recording?.ShowsTrace == false ? null
            : new TracePipeline(options, facts, stderr, json, color, Stderr, flushConsole: true,
                path => path == options.OutputPath && outputFile != null ? new DescriptorStream(outputFile, path, failures.Report) : OpenOutput(path, failures), report, jsonEntries,
                flushFile: interruptible == 1);
        ITraceConsumer consumer = recording?.Consumer(pipeline?.Assembler) ?? pipeline!.Assembler;

        // -I: 2 lets fatal signals end the trace (detaching cleanly); 3 ignores them while the
        // command runs (strace's default with -o FILE PROG); 4 also ignores Ctrl-Z.  1 leaves them
        // as they are by default, as strace does: syscope dies at once, and the kernel lets the
        // tracees go (or kills them, with --kill-on-exit).
        var registrations = new List<PosixSignalRegistration>();
        foreach (var (posix, number) in new[] { (PosixSignal.SIGINT, SignalNames.SIGINT), (PosixSignal.SIGTERM, SignalNames.SIGTERM), (PosixSignal.SIGHUP, SignalNames.SIGHUP), (PosixSignal.SIGQUIT, SignalNames.SIGQUIT) })
            if (interruptible == 1)
            {
                Signals.SetDefault(number);
                Signals.Unblock(number);
            }
            else registrations.Add(PosixSignalRegistration.Create(posix, ctx => { ctx.Cancel = true; if (interruptible < 3) backend.RequestDetach(number); }));
        if (interruptible >= 4) registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTSTP, ctx => ctx.Cancel = true));

        TraceOutcome outcome;
        try
        {
            // A launched command shares the terminal: a bar would be drawn across what it prints (or
            // over its full-screen display), so only a recording of processes syscope did not start
            // shows one.  Nothing is known of its end: it says what has been written.
            bool progress = recording is { ShowsTrace: false } && !target.Launches && TerminalProgress.Allowed(outputOnStdout: false);
            outcome = TerminalProgress.Recording(progress, () => recording!.Written, () => backend.Run(consumer));
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

    private static DescriptorStream OpenOutput(string path, OutputFailures failures) => new(OpenFile(path, append: false), path, failures.Report);

    /// <summary>strace opens -o FILE before it looks for the program, so a failed start still
    /// leaves the (empty) file; -A appends.</summary>
    private static SafeFileHandle OpenFile(string path, bool append) =>
        Descriptors.CreateForWriting(path, out int errno, append) ?? throw new UserError($"Can't fopen '{UntrustedText.Escape(path)}': {Errno.Message(errno)}");

    /// <summary>A command killed by a signal makes syscope die of the same signal, as strace does, so
    /// shells and scripts see the same status.  No core of syscope itself is written.</summary>
    private static void RaiseOnSelf(int sig)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Limits.Set(Limits.RLIMIT_CORE, 0, 0);
        Signals.SetDefault(sig);
        Signals.Unblock(sig);   // blocked since the start, it would never come
        Signals.Kill(Environment.ProcessId, sig);
    }
}
