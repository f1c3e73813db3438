using System.Diagnostics;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>
/// How a trace ends on a signal: syscope lets go (or passes the signal to the command it ran)
/// and then dies of that signal, exactly as strace 6.1 does, even when it was started in the
/// background with SIGINT and SIGQUIT ignored, even while an injected delay holds a tracee, and
/// when the pipe it writes the trace to closes (SIGPIPE).
/// </summary>
public class EndingSignalTests
{
    public static readonly TheoryData<string, int> Endings = new()
    {
        { "launched", 2 }, { "attached", 2 }, { "attached", 15 }, { "attached", 1 }, { "attached", 3 },
    };

    [NeedsTheory("gcc", "strace")]
    [MemberData(nameof(Endings))]
    public void Ended_by_a_signal_syscope_dies_of_it_as_strace_does(string mode, int sig)
    {
        foreach (var tracer in new[] { SyscopeCli.Executable, "strace" })
        {
            string[] pre = tracer == "strace" ? [] : ["trace"];
            TestProcess? sleeper = mode == "attached" ? Runner.Start("sleep", ["300"]) : null;
            int sleeping = 0;
            try
            {
                string[] args = sleeper != null ? [.. pre, "-p", sleeper.Id.ToString()] : [.. pre, "sleep", "300"];
                using var run = ChildStatus.Start(null, tracer, args);
                sleeping = sleeper?.Id ?? AttachTests.FindChild(run.Pid, "sleep");
                AttachTests.WaitUntil(() => ErrorTests.TracerPid(sleeping) != "0");
                Thread.Sleep(200);
                AttachTests.Kill(run.Pid, sig);
                Assert.Equal($"signaled {sig}", run.Wait());
                if (sleeper != null)
                {
                    AttachTests.WaitUntil(() => ErrorTests.TracerPid(sleeping) == "0");
                    AttachTests.WaitForState(sleeping, "S");   // sleeping on, not stopped
                }
                else AttachTests.WaitUntil(() => TracerDeathTests.Dead(sleeping));   // it got the signal too
            }
            finally
            {
                if (sleeping != 0) AttachTests.Kill(sleeping, 9);
                sleeper?.Dispose();
            }
        }
    }

    /// <summary>A non-interactive shell starts background jobs with SIGINT and SIGQUIT ignored; the
    /// runtime keeps inherited ignores, so syscope must set them back itself or kill -INT does nothing.</summary>
    [NeedsTheory("gcc")]
    [InlineData(2)]
    [InlineData(3)]
    public void Started_in_the_background_of_a_script_a_signal_still_detaches(int sig)
    {
        using var target = Runner.Start("sleep", ["300"]);
        string log = CPrograms.TempFile("background");
        using var shell = Runner.Start("bash", ["-c", "\"$0\" trace -p \"$1\" 2>\"$2\" & echo $!; sleep 300 & echo $!; wait %1; echo $?",
            SyscopeCli.Executable, target.Id.ToString(), log]);
        int syscope = int.Parse(shell.StandardOutput.ReadLine()!), sibling = int.Parse(shell.StandardOutput.ReadLine()!);
        try
        {
            // What the shell gave its background jobs: SIGINT and SIGQUIT ignored.
            AttachTests.WaitUntil(() => File.ReadAllText($"/proc/{sibling}/comm") == "sleep\n");
            Assert.Equal(0x6UL, SigIgn(sibling) & 0x6);
            AttachTests.WaitUntil(() => ErrorTests.TracerPid(target.Id) != "0");
            Assert.Equal(0UL, SigIgn(syscope) & 0x6);
            Thread.Sleep(200);
            AttachTests.Kill(syscope, sig);
            Assert.Equal((128 + sig).ToString(), shell.StandardOutput.ReadLine(10_000));   // else: ignored
            Assert.Equal("0", ErrorTests.TracerPid(target.Id));
            AttachTests.WaitForState(target.Id, "S");
            Assert.EndsWith($"syscope: Process {target.Id} detached\n <detached ...>\n", File.ReadAllText(log));
        }
        finally
        {
            AttachTests.Kill(syscope, 9);
            AttachTests.Kill(sibling, 9);
            target.Kill();
            shell.Kill();
        }
    }

    /// <summary>Signals blocked when syscope started stay blocked in the command it runs, as the
    /// command of strace inherits strace's mask (strace 6.1's sigblock test): SIGHUP and SIGUSR1 here.</summary>
    [NeedsFact("strace")]
    public void A_launched_command_inherits_the_signals_blocked_at_the_start_as_under_strace()
    {
        const string blockThenExec = "import os, signal, sys\nsignal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP, signal.SIGUSR1})\nos.execvp(sys.argv[1], sys.argv[1:])";
        string[] command = ["-e", "trace=none", "grep", "SigBlk", "/proc/self/status"];
        var ours = Runner.Run("python3", ["-c", blockThenExec, SyscopeCli.Executable, "trace", .. command]);
        var theirs = Runner.Run("python3", ["-c", blockThenExec, "strace", .. command]);
        Assert.Equal("SigBlk:\t0000000000000201\n", ours.Stdout);
        Assert.Equal(theirs.Stdout, ours.Stdout);
    }

    /// <summary>A command killed by a signal that syscope was started with blocked: syscope still
    /// dies of it, as strace does (strace 6.1's termsig test), rather than exit as if nothing happened.</summary>
    [Fact]
    public void Syscope_dies_of_the_commands_signal_even_when_started_with_it_blocked()
    {
        const string blockThenExec = "import os, signal, sys\nsignal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})\nos.execvp(sys.argv[1], sys.argv[1:])";
        string[] command = ["-e", "trace=kill", "python3", "-c", "import os, signal\nsignal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})\nos.kill(os.getpid(), signal.SIGTERM)"];
        var ours = Runner.Run("python3", ["-c", blockThenExec, SyscopeCli.Executable, "trace", .. command]);
        Assert.Equal(128 + 15, ours.ExitCode);
        Assert.Matches(@"^kill\(\d+, SIGTERM\) += 0\n--- SIGTERM \{si_signo=SIGTERM, si_code=SI_USER, si_pid=\d+, si_uid=0\} ---\n\+\+\+ killed by SIGTERM \+\+\+\n$", ours.Stderr);
    }

    /// <summary>The command syscope launches still inherits the ignores, as it would without syscope.</summary>
    [Fact]
    public void A_command_launched_in_the_background_keeps_its_inherited_ignores()
    {
        using var shell = Runner.Start("bash", ["-c", "\"$0\" trace -o /dev/null sleep 300 & echo $!; wait", SyscopeCli.Executable]);
        int syscope = int.Parse(shell.StandardOutput.ReadLine()!);
        int sleeping = 0;
        try
        {
            sleeping = AttachTests.FindChild(syscope, "sleep");
            AttachTests.WaitUntil(() => ErrorTests.TracerPid(sleeping) != "0");
            Assert.Equal(0x6UL, SigIgn(sleeping) & 0x6);
        }
        finally
        {
            AttachTests.Kill(syscope, 9);
            if (sleeping != 0) AttachTests.Kill(sleeping, 9);
            shell.Kill();
        }
    }

    [NeedsFact("gcc")]
    public void SIGTERM_detaches_at_once_while_an_injected_delay_holds_the_tracee()
    {
        using var tracee = Runner.Start(CPrograms.Path("reopen"), ["30"]);
        var (parent, child) = TracerDeathTests.Ready(tracee.StandardOutput);
        string log = CPrograms.TempFile("delay");
        try
        {
            using var run = ChildStatus.Start(log, SyscopeCli.Executable, "trace", "-e", "inject=openat:delay_enter=100000000", "-p", parent.ToString());
            AttachTests.WaitUntil(() => File.ReadAllText(log).EndsWith("O_RDONLY"));
            Thread.Sleep(200);
            var clock = Stopwatch.StartNew();
            AttachTests.Kill(run.Pid, 15);
            Assert.Equal("signaled 15", run.Wait(10_000));
            Assert.True(clock.ElapsedMilliseconds < 3000, $"took {clock.ElapsedMilliseconds} ms");
            Assert.Equal("0", ErrorTests.TracerPid(parent));
            Assert.EndsWith($"openat(AT_FDCWD, \"/dev/null\", O_RDONLYsyscope: Process {parent} detached\n <detached ...>\n", File.ReadAllText(log));
            Assert.Contains(ErrorTests.ProcState(parent), new[] { "R", "S" });
        }
        finally { TracerDeathTests.KillAll(parent, child); }
    }

    /// <summary>-c -p: one "detached" line per thread, in strace's order (strace needs -f to attach
    /// to every thread; syscope always does).</summary>
    [NeedsFact("strace")]
    public void Summary_of_an_attached_process_ended_by_SIGINT_says_each_thread_detached_as_strace()
    {
        using var threads = Runner.Start("python3", ["-c", "import threading, time\n"
            + "for i in range(2): threading.Thread(target=time.sleep, args=(300,), daemon=True).start()\n"
            + "print('ready', flush=True)\ntime.sleep(300)"]);
        Assert.Equal("ready", threads.StandardOutput.ReadLine());
        try
        {
            var messages = new List<string[]>();
            foreach (var (tracer, args) in new[] { (SyscopeCli.Executable, new[] { "trace", "-c" }), ("strace", new[] { "-f", "-c" }) })
            {
                string log = CPrograms.TempFile("cp");
                using var run = ChildStatus.Start(log, tracer, [.. args, "-p", threads.Id.ToString()]);
                AttachTests.WaitUntil(() => File.ReadAllText(log).Contains("attached"));
                Thread.Sleep(300);
                AttachTests.Kill(run.Pid, 2);
                Assert.Equal("signaled 2", run.Wait());
                messages.Add(File.ReadAllLines(log).Where(l => l.StartsWith(tracer == "strace" ? "strace: " : "syscope: "))
                    .Select(l => l[(l.IndexOf(':') + 2)..]).ToArray());
            }
            var tids = Directory.GetDirectories($"/proc/{threads.Id}/task").Select(d => int.Parse(Path.GetFileName(d))).Order().ToList();
            Assert.Equal(3, tids.Count);
            Assert.Equal([$"Process {threads.Id} attached with 3 threads", .. tids.Select(t => $"Process {t} detached")], messages[1]);
            Assert.Equal(messages[1], messages[0]);
        }
        finally { threads.Kill(); }
    }

    public static readonly TheoryData<string, string> Pipes = new()
    {
        // (where the trace goes, what is traced): the reader of the pipe takes one byte and leaves.
        { "stderr", "attached" }, { "-o pipe", "attached" }, { "stderr", "launched" },
    };

    /// <summary>A closed output pipe ends the trace at once, as SIGPIPE ends strace: an attached
    /// process is let go and runs on, a launched one gets SIGPIPE; the tracer dies of it (141).</summary>
    [NeedsTheory("gcc", "strace")]
    [MemberData(nameof(Pipes))]
    public void A_closed_output_pipe_ends_the_trace_as_it_ends_strace(string output, string mode)
    {
        foreach (var tracer in new[] { SyscopeCli.Executable, "strace" })
        {
            using var tracee = mode == "attached" ? Runner.Start(CPrograms.Path("reopen"), ["30"]) : null;
            var (parent, child) = tracee != null ? TracerDeathTests.Ready(tracee.StandardOutput) : (0, 0);
            string marker = "pipe-test-" + Guid.NewGuid().ToString("N");
            try
            {
                string traced = tracee != null ? $"-p {parent}" : $"sh -c 'while :; do cat /dev/null; done' {marker}";
                string o = output == "stderr" ? "" : "-o /dev/stderr";
                string sub = tracer == "strace" ? "" : "trace";
                var r = Runner.Run("bash", ["-c", $"\"$0\" {sub} {o} {traced} 2>&1 >/dev/null | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}", tracer], 30_000);
                Assert.Equal("141", r.Stdout.Trim());
                if (tracee == null) continue;
                AttachTests.WaitUntil(() => TracerDeathTests.Field(parent, "TracerPid") == "0");
                Assert.Contains(ErrorTests.ProcState(parent), new[] { "R", "S" });
            }
            finally
            {
                if (tracee != null) TracerDeathTests.KillAll(parent, child);
                KillMarked(marker);
            }
        }
    }

    /// <summary>With -o FILE PROG (-I 3) strace 6.1 blocks SIGPIPE and runs the command traced to its
    /// end with the trace thrown away; syscope ends it as it does with stderr.</summary>
    [Fact]
    public void A_closed_o_pipe_ends_a_launched_command_too()
    {
        string marker = "pipe-test-" + Guid.NewGuid().ToString("N");
        try
        {
            var r = Runner.Run("bash", ["-c", "\"$0\" trace -o /dev/stderr sh -c 'exec >/dev/null; while :; do cat /dev/null; done' \"$1\" 2>&1 | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}",
                SyscopeCli.Executable, marker], 30_000);
            Assert.Equal("141", r.Stdout.Trim());
        }
        finally { KillMarked(marker); }
    }

    /// <summary>Kills, by pid, the processes whose command line holds marker (a launched tracee that
    /// a failing run would leave behind).</summary>
    private static void KillMarked(string marker)
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try { if (File.ReadAllText($"{dir}/cmdline").Contains(marker)) AttachTests.Kill(pid, 9); }
            catch (IOException) { }
        }
    }

    private static ulong SigIgn(int pid) => Convert.ToUInt64(TracerDeathTests.Field(pid, "SigIgn"), 16);
}
