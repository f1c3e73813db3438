using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>Children syscope did not ask for (strace's clone_ptrace and clone_parent tests): a
/// CLONE_PTRACE child is born traced by its parent's tracer and stopped, so without -f it must be
/// let go at once or a parent waiting for it hangs the trace; with CLONE_UNTRACED no fork event
/// announces it; a CLONE_PARENT child of the launcher ends as syscope's own child.</summary>
public class ClonePtraceTests
{
    [NeedsTheory("gcc", "strace")]
    [InlineData("ptrace", false, new[] { "syscope: Detached unknown pid N", SigchldKilled, "+++ exited with 0 +++" })]
    [InlineData("untraced", false, new[] { "syscope: Detached unknown pid N", SigchldKilled, "+++ exited with 0 +++" })]
    [InlineData("parent", false, new[] { "syscope: Exit of unknown pid N ignored", "+++ exited with 0 +++" })]
    [InlineData("ptrace", true, new[] { "syscope: Process N attached", SigusrLine, "[pid N] +++ killed by SIGUSR1 +++", SigchldKilled, "+++ exited with 0 +++" })]
    [InlineData("untraced", true, new[] { "syscope: Process N attached", SigusrLine, "[pid N] +++ killed by SIGUSR1 +++", SigchldKilled, "+++ exited with 0 +++" })]
    [InlineData("parent", true, new[] { "syscope: Process N attached", "[pid N] +++ exited with 42 +++", "+++ exited with 0 +++" })]
    public void Finishes_with_straces_lines(string mode, bool follow, string[] expected)
    {
        string prog = CPrograms.Path("cloneptrace");
        string[] args = [.. follow ? new[] { "-f" } : [], "-e", "trace=none", prog, mode];
        var ours = Runner.Run(SyscopeCli.Executable, ["trace", .. args], timeoutMs: 20_000);
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(expected, Masked(ours.StderrLines));
        var theirs = Runner.Run("strace", args, timeoutMs: 20_000);
        Assert.Equal(expected, Masked(theirs.StderrLines));
    }

    [NeedsFact("gcc")]
    public void Quiet_attach_and_exit_silence_the_unknown_pids()
    {
        string prog = CPrograms.Path("cloneptrace");
        var detached = Runner.Run(SyscopeCli.Executable, ["trace", "-e", "trace=none", "--quiet=attach", prog, "ptrace"], timeoutMs: 20_000);
        Assert.Equal([SigchldKilled, "+++ exited with 0 +++"], Masked(detached.StderrLines));
        var ended = Runner.Run(SyscopeCli.Executable, ["trace", "-e", "trace=none", "-qq", prog, "parent"], timeoutMs: 20_000);
        Assert.Equal([], Masked(ended.StderrLines));
    }

    private const string SigchldKilled = "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=N, si_uid=0, si_status=SIGUSR1, si_utime=0, si_stime=0} ---";
    private const string SigusrLine = "[pid N] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=N, si_uid=0} ---";

    /// <summary>Pids as N, strace's name as syscope's, the child's CPU ticks (0 unless the machine is slow) as 0.</summary>
    private static string[] Masked(string[] lines) => lines.Select(l =>
    {
        l = Regex.Replace(l, @"^strace: ", "syscope: ");
        l = Regex.Replace(l, @"\[pid +\d+\]", "[pid N]");
        l = Regex.Replace(l, @"si_utime=\d+, si_stime=\d+", "si_utime=0, si_stime=0");
        return Regex.Replace(l, @"(?<=pid |pid=|Process )\d+", "N");
    }).ToArray();
}
