using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>
/// syscope killed with SIGKILL mid-trace, in each mode.  Under the seccomp program (a launched
/// command with -f and a filter) the tracees must die with it (PTRACE_O_EXITKILL): left with the
/// program and no tracer, every traced call would fail with ENOSYS forever.  Otherwise they run on
/// untouched, not stopped and not killed, as strace leaves them; an attached process never gets
/// the program at all.
/// </summary>
public class TracerDeathTests
{
    [NeedsFact("gcc")]
    public void Killed_under_seccomp_the_launched_processes_die_with_syscope()
    {
        using var syscope = SyscopeCli.Start("trace", "-f", "-e", "trace=openat", "-o", "/dev/null", CPrograms.Path("reopen"), "30");
        var (parent, child) = Ready(syscope.StandardOutput);
        try
        {
            AttachTests.WaitUntil(() => Field(parent, "Seccomp") == "2" && Field(child, "Seccomp") == "2");
            Assert.NotEqual("0", Field(child, "TracerPid"));
            KillTracer(syscope);
            AttachTests.WaitUntil(() => Dead(parent) && Dead(child));
        }
        finally { KillAll(parent, child); }
    }

    [NeedsFact("gcc", "strace")]
    public void Killed_without_seccomp_the_launched_processes_run_on_untouched_as_under_strace()
    {
        foreach (var tracer in new[] { SyscopeCli.Executable, "strace" })
        {
            string[] args = ["-f", "-o", "/dev/null", CPrograms.Path("reopen"), "30"];
            using var proc = tracer == "strace" ? Runner.Start("strace", args) : SyscopeCli.Start(["trace", .. args]);
            var (parent, child) = Ready(proc.StandardOutput);
            try
            {
                AttachTests.WaitUntil(() => Field(child, "TracerPid") != "0");
                KillTracer(proc);
                AssertRunsOnUntraced(parent, child, tracer);
            }
            finally { KillAll(parent, child); }
        }
    }

    [NeedsFact("gcc")]
    public void Killed_while_attached_with_a_filter_the_processes_never_had_the_program_and_run_on()
    {
        using var tracee = Runner.Start(CPrograms.Path("reopen"), ["30"]);
        var (parent, child) = Ready(tracee.StandardOutput);
        try
        {
            using var syscope = SyscopeCli.Start("trace", "-f", "-e", "trace=openat", "-o", "/dev/null", "-p", $"{parent},{child}");
            AttachTests.WaitUntil(() => Field(parent, "TracerPid") != "0" && Field(child, "TracerPid") != "0");
            Thread.Sleep(200);
            Assert.Equal("0", Field(parent, "Seccomp"));
            Assert.Equal("0", Field(child, "Seccomp"));
            KillTracer(syscope);
            AssertRunsOnUntraced(parent, child, "syscope -p");
        }
        finally { KillAll(parent, child); }
    }

    [NeedsFact("gcc")]
    public void With_kill_on_exit_the_launched_processes_die_with_syscope_without_seccomp_too()
    {
        using var syscope = SyscopeCli.Start("trace", "--kill-on-exit", "-f", "-o", "/dev/null", CPrograms.Path("reopen"), "30");
        var (parent, child) = Ready(syscope.StandardOutput);
        try
        {
            AttachTests.WaitUntil(() => Field(child, "TracerPid") != "0");
            Assert.Equal("0", Field(parent, "Seccomp"));
            KillTracer(syscope);
            AttachTests.WaitUntil(() => Dead(parent) && Dead(child));
        }
        finally { KillAll(parent, child); }
    }

    /// <summary>--syscall-limit lets the tracees go, but not from under the seccomp program: they would
    /// get ENOSYS from every traced call.  They are served, unreported, to their end.</summary>
    [Fact]
    public void Syscall_limit_under_seccomp_leaves_no_process_with_the_filter_and_no_tracer()
    {
        string file = CPrograms.TempFile("limit");
        var r = SyscopeCli.Run("trace", "-f", "-e", "trace=openat", "--syscall-limit=2", "-o", file,
            "sh", "-c", "for i in 1 2 3; do cat /dev/null || echo failed; done; echo done");
        Assert.Equal("done\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(2, File.ReadAllLines(file).Length);
    }

    /// <summary>Still alive 300 ms after the tracer died, running or sleeping (never stopped), with no
    /// tracer and no seccomp program, and its opens still succeed (nothing on its stderr).</summary>
    private static void AssertRunsOnUntraced(int parent, int child, string tracer)
    {
        AttachTests.WaitUntil(() => Field(parent, "TracerPid") == "0" && Field(child, "TracerPid") == "0");
        Thread.Sleep(300);
        foreach (int pid in new[] { parent, child })
        {
            Assert.True(!Dead(pid), $"{pid} died with {tracer}");
            Assert.Contains(ErrorTests.ProcState(pid), new[] { "R", "S" });
            Assert.Equal("0", Field(pid, "Seccomp"));
        }
    }

    /// <summary>SIGKILL to the tracer alone (not its process tree: its tracees are what the test watches).</summary>
    private static void KillTracer(TestProcess tracer)
    {
        AttachTests.Kill(tracer.Id, 9);
        tracer.AssertExits(10_000);
    }

    internal static (int Parent, int Child) Ready(OutputPipe stdout)
    {
        var parts = (stdout.ReadLine(20_000) ?? "").Split(' ');
        Assert.Equal("ready", parts[0]);
        return (int.Parse(parts[1]), int.Parse(parts[2]));
    }

    internal static string Field(int pid, string name)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(name + ":"))[(name.Length + 1)..].Trim();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { return ""; }
    }

    /// <summary>Gone, or a zombie nobody reaped yet.</summary>
    internal static bool Dead(int pid) => Field(pid, "State") is "" or ['Z', ..];

    internal static void KillAll(params int[] pids)
    {
        foreach (int pid in pids) AttachTests.Kill(pid, 9);
    }
}
