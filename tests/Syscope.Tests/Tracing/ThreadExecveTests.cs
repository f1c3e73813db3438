using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>
/// An execve in a thread that is not the leader, the two ways strace 6.1's threads-execve test
/// checks: the leader gone before the exec (the exec'ing thread's line is still open, and strace
/// ends it with the id it goes on under), and the leader inside a call whose decoder waits for its
/// exit (nanosleep's remainder), which never comes.  Debian's strace is the oracle.
/// </summary>
public class ThreadExecveTests
{
    /// <summary>What follows the cut: the leader superseded, the execve returning under its id.</summary>
    private static readonly string[] s_execveGoesOn =
        ["L +++ superseded by execve in pid T +++", "L <... execve resumed>) = 0", "L +++ exited with 0 +++"];

    [NeedsFact("gcc", "strace")]
    public void An_open_execve_line_ends_with_the_pid_it_changes_to()
    {
        var (theirs, ours) = Both("exit");
        Assert.Equal(
        [
            "L exit(0) = ?",
            "T execve(\"/bin/true\", [\"/bin/true\"], 0xADDR /* N vars */ <pid changed to L ...>",
            .. s_execveGoesOn,
        ], ours);
        Assert.Equal(theirs, ours);
    }

    [NeedsFact("gcc", "strace")]
    public void A_cut_call_whose_exit_would_print_more_says_unfinished_inside()
    {
        var (theirs, ours) = Both("sleep");
        Assert.Equal(
        [
            "L nanosleep({tv_sec=30, tv_nsec=0}, <unfinished ...>",
            "T execve(\"/bin/true\", [\"/bin/true\"], 0xADDR /* N vars */ <unfinished ...>",
            "L <... nanosleep resumed> <unfinished ...>) = ?",
            .. s_execveGoesOn,
        ], ours);
        Assert.Equal(theirs, ours);
    }

    /// <summary>With a status filter the cut call prints whole at once, the same words inside.</summary>
    [NeedsFact("gcc", "strace")]
    public void A_held_cut_call_prints_unfinished_inside_its_arguments()
    {
        var (theirs, ours) = Both("sleep", "-e", "status=unfinished");
        Assert.Equal(
        [
            "PID nanosleep({tv_sec=30, tv_nsec=0}, <unfinished ...>) = ?",
            "PID +++ superseded by execve in pid T +++",
            "PID +++ exited with 0 +++",
        ], ours);
        Assert.Equal(theirs, ours);
    }

    private static (List<string> Theirs, List<string> Ours) Both(string mode, params string[] extra)
    {
        string prog = CPrograms.Path("threadexec_leader");
        string[] flags = ["-f", "-e", "trace=getppid,nanosleep,exit,execve", .. extra];
        string a = CPrograms.TempFile($"threadexec_leader-{mode}.strace"), b = CPrograms.TempFile($"threadexec_leader-{mode}.syscope");
        Runner.Run("strace", [.. flags, "-o", a, prog, mode]);
        SyscopeCli.Run(["trace", .. flags, "-o", b, prog, mode]);
        return extra.Length == 0 ? (ByRole(File.ReadAllLines(a)), ByRole(File.ReadAllLines(b))) : (Masked(a), Masked(b));
    }

    /// <summary>Lines with every pid masked (a status filter leaves out the marker that tells the
    /// leader), the thread's pid in the superseded line too.</summary>
    private static List<string> Masked(string file) =>
        File.ReadAllLines(file).Select(l => Regex.Replace(Regex.Replace(TraceText.Mask(l), @"pid \d+", "pid T"), " +", " ")).ToList();

    /// <summary>Leader and thread by their parts, addresses and the environment's size masked,
    /// the padding of the pid column and of " = " collapsed.</summary>
    private static List<string> ByRole(string[] lines)
    {
        string leader = lines.First(l => l.Contains("getppid()")).Split(' ')[0];
        string thread = lines.First(l => l.Contains("execve(\"/bin/true\"")).Split(' ')[0];
        string Role(string l) => Regex.Replace(Regex.Replace(l, $@"\b{leader}\b", "L"), $@"\b{thread}\b", "T");
        return TraceText.AfterMarker(lines)
            .Select(l => Regex.Replace(Regex.Replace(TraceText.Mask(Role(l)), @"/\* \d+ vars \*/", "/* N vars */"), " +", " ")).ToList();
    }
}
