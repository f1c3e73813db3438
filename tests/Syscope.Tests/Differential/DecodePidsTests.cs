using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// -Y / --decode-pids=comm and --decode-pids=pidns / --pidns-translation against Debian's strace:
/// Programs/pidnames.c makes every call whose pids strace 6.1 names, each while the process it
/// names is alive, so both tracers print the same lines; only the pids' digits and the tracer's
/// own name (the parent of the traced command) are masked.
/// </summary>
// In the eBPF collection: one of its tests loads syscope's BPF programs in this process, which the
// eBPF tests that count the process's BPF objects must not see.
[Collection(Ebpf.EbpfCollection.Name)]
public partial class DecodePidsTests(ITestOutputHelper output)
{
    private const string Calls = "getpid,getppid,gettid,kill,tkill,tgkill,getpgid,getsid,getpriority,ioprio_get,sched_getaffinity," +
        "sched_getscheduler,prlimit64,pidfd_open,pidfd_send_signal,kcmp,capget,fcntl,clone,sendmsg,shmctl,wait4,waitid";

    public static TheoryData<string> NameOptions() => new()
    {
        "-Y", "--decode-pids=comm", "-e decode-pids=comm", "-e decode-pids=all", "--pidns-translation -Y",
        // A later set replaces an earlier one, as strace's does: these name nothing.
        "-Y -e decode-pids=none", "-Y --pidns-translation", "-e decode-pids=!comm",
    };

    [NeedsTheory(Workloads.Strace, Workloads.Gcc)]
    [MemberData(nameof(NameOptions))]
    public void Pids_are_named_where_strace_names_them(string options)
    {
        string program = CPrograms.Path("pidnames");
        Same([.. options.Split(' '), "-e", "trace=" + Calls, program]);
    }

    /// <summary>-yy's pidfd and -Y together: "3&lt;pid:1234&lt;pidnames&gt;&gt;".</summary>
    [NeedsFact(Workloads.Strace, Workloads.Gcc)]
    public void Pidfd_targets_are_named() =>
        Same(["-yy", "-Y", "-e", "trace=pidfd_open,pidfd_send_signal", CPrograms.Path("pidnames")]);

    /// <summary>A child that execs and ends at once, with no line of its own after the exec: its
    /// "+++ exited" line carries the name the exec gave it ("exe"), though its parent has reaped it
    /// by the time the line is written (the line once showed the name from before the exec).</summary>
    [NeedsFact(Workloads.Strace, Workloads.Gcc)]
    public void The_exit_line_of_a_child_that_execd_names_its_new_program()
    {
        for (int run = 0; run < 5; run++)
        {
            var (_, syscope) = Same(["-f", "-Y", "-q", "-e", "signal=none", "-e", "trace=getppid", CPrograms.Path("pidnames"), "exec"]);
            Assert.Contains("<exe>] +++ exited with 0 +++", syscope);
        }
    }

    /// <summary>The "[pid N&lt;comm&gt;]" prefixes of -f, on stderr and in -o FILE ("N&lt;comm&gt; "): a
    /// child renamed by prctl shows its new name from the next line on.</summary>
    [NeedsTheory(Workloads.Strace, Workloads.Gcc)]
    [InlineData(false)]
    [InlineData(true)]
    public void Prefixes_carry_the_name_the_thread_has(bool toFile)
    {
        string file = CPrograms.TempFile("pidnames-out");
        try
        {
            string[] o = toFile ? ["-o", file] : [];
            var (strace, syscope) = Same([.. o, "-f", "-Y", "-e", "signal=none", "-e", "trace=execve,prctl,getppid,exit_group", CPrograms.Path("pidnames"), "rename"],
                toFile ? file : null);
            Assert.Contains("<renamed>", syscope);
            Assert.Contains(toFile ? "<TRACER> execve(" : "] prctl(PR_SET_NAME", syscope);
        }
        finally { File.Delete(file); }
    }

    /// <summary>Under eBPF the lines are written after the fact: the names of traced processes are
    /// those the kernel told when the calls were made (a rename by prctl followed from the next line
    /// on, as ptrace shows it), not their names when syscope got round to the line, and a process
    /// already gone is still known to live in syscope's pid namespace.</summary>
    [NeedsTheory(Workloads.Strace, Workloads.Gcc, "ebpf")]
    [InlineData("rename", "trace=execve,prctl,getppid,exit_group")]
    // Only the traced process and syscope are named surely: other processes (pidnames' children)
    // may be gone when a line is written, and only their live names are known.
    [InlineData(null, "trace=getpid,getppid,gettid")]
    public void Ebpf_names_are_those_the_process_had_then(string? mode, string calls)
    {
        var (_, syscope) = Same([.. mode != null ? new[] { "-f" } : [], "-Y", "-e", "signal=none", "-e", calls, CPrograms.Path("pidnames"), .. mode != null ? new[] { mode } : []],
            syscopeOnly: ["--ebpf"]);
        Assert.Contains("<pidnames>", syscope);
    }

    /// <summary>Processes that are not traced (pidnames' children, without -f) and are killed and
    /// reaped before syscope writes the lines naming them: under eBPF their names are those the
    /// kernel kept when they ended, for the calls made while they were there (a zombie's too), and
    /// none for wait4's return, which reaped it, as strace shows them under ptrace.</summary>
    [NeedsFact(Workloads.Strace, Workloads.Gcc, "ebpf")]
    public void Ebpf_names_untraced_processes_gone_before_the_line_is_written()
    {
        var (_, syscope) = Same(["-Y", "-e", "signal=none", "-e", "trace=kill,wait4,waitid", CPrograms.Path("pidnames")], syscopeOnly: ["--ebpf"]);
        Assert.Contains("waitid(P_PID, N<pidnames>, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=N<pidnames>,", syscope);
        Assert.Contains("wait4(N<pidnames>, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = N\n", syscope);
    }

    /// <summary>In a pid namespace of its own (unshare --pid --fork), the process sees itself as pid
    /// 1: --pidns-translation adds the pid syscope's namespace knows it by, -Y names it from there.</summary>
    [NeedsTheory(Workloads.Strace, Workloads.Gcc, "unshare", "root")]
    [InlineData("--pidns-translation")]
    [InlineData("--decode-pids=pidns,comm")]
    [InlineData("-Y")]
    public void A_child_pid_namespace_is_translated(string options)
    {
        Assert.Equal(0, Runner.Run("unshare", ["--pid", "--fork", "true"]).ExitCode);
        var (_, syscope) = Same(["-f", options, "-e", "trace=getpid,kill,getppid", "unshare", "--pid", "--fork", CPrograms.Path("pidnames"), "self"]);
        Assert.Contains(options == "-Y" ? "getpid() = 1<pidnames>" : "getpid() = 1", Regex.Replace(syscope, " +", " "));
        if (options != "-Y") Assert.Contains("in strace's PID NS */", syscope);
    }

    /// <summary>syscope itself in a pid namespace under the outer /proc (unshare -Urpf, as strace's
    /// own pidns tests run it): its pid there is not /proc's, which must not keep it from starting
    /// the command, with or without a seccomp filter to hand over.</summary>
    [NeedsTheory(Workloads.Strace, Workloads.Gcc, "unshare", "root")]
    [InlineData("--decode-pids=pidns")]
    [InlineData("--seccomp-bpf")]
    public void Syscope_in_a_pid_namespace_of_its_own_starts_the_command(string option)
    {
        string[] args = [option, "-f", "-e", "trace=getppid", CPrograms.Path("ringflood"), "2"];
        string strace = Masked(Runner.Run("unshare", ["-Urpf", "strace", .. args]), null);
        string syscope = Masked(Runner.Run("unshare", ["-Urpf", SyscopeCli.Executable, "trace", .. args]), null);
        Assert.Equal("exit 3\ngetppid() = N\ngetppid() = N\n+++ exited with 3 +++\n", Regex.Replace(strace, @"\d+", "N").Replace("exit N", "exit 3").Replace("with N", "with 3"));
        Assert.Equal(strace, syscope);
    }

    /// <summary>--pidns-translation from a pid namespace of syscope's own whose /proc is the outer
    /// one's (strace's pidns tests run so): a tracee in a namespace below syscope's is found in /proc
    /// by its id at syscope's depth, and its ids are said as syscope's namespace numbers them.</summary>
    [NeedsFact(Workloads.Strace, Workloads.Gcc, "unshare", "root")]
    public void Translation_works_under_a_proc_of_the_outer_namespace()
    {
        string[] args = ["--pidns-translation", "-f", "-e", "trace=getpid,getppid", "unshare", "--pid", "--fork", CPrograms.Path("pidnames"), "self"];
        var strace = Runner.Run("unshare", ["-Urpf", "strace", .. args], timeoutMs: 20_000);
        var syscope = Runner.Run("unshare", ["-Urpf", SyscopeCli.Executable, "trace", .. args], timeoutMs: 20_000);
        Assert.Contains("in strace's PID NS */", syscope.Stderr);
        // Pids in the namespace are small (and syscope's threads take some): every number is masked.
        Assert.Equal(Regex.Replace(Masked(strace, null), @"\d+", "N"), Regex.Replace(Masked(syscope, null), @"\d+", "N"));
    }

    /// <summary>As a pid namespace's init, syscope inherits the namespace's orphans: here the tracees
    /// of a nested namespace whose init exits first, which the kernel kills and which that init's end
    /// waits for until someone reaps them.  syscope reaps them, as strace does, and ends.</summary>
    [NeedsFact(Workloads.Strace, "unshare", "root")]
    public void Syscope_as_a_pid_namespace_init_reaps_the_orphans()
    {
        string[] args = ["-f", "-e", "trace=none", "unshare", "--pid", "--fork", "sh", "-c", "sleep 30 & exit 0"];
        var strace = Runner.Run("unshare", ["-Urpf", "strace", .. args], timeoutMs: 20_000);
        var syscope = Runner.Run("unshare", ["-Urpf", SyscopeCli.Executable, "trace", .. args], timeoutMs: 20_000);
        // Pids in the namespace are small (and syscope's threads take some): every number is masked,
        // and so is the seconds comment a CPU time gets only when it reached a clock tick.
        static string Loose(string s) => Regex.Replace(s, @"\d+", "N").Replace(" /* N.N s */", "");
        Assert.Equal(Loose(Masked(strace, null)), Loose(Masked(syscope, null)));
        Assert.Contains("+++ killed by SIGKILL +++", syscope.Stderr);
    }

    /// <summary>Runs strace and syscope with the same arguments and asserts the masked outputs (and
    /// the -o file when given) are equal; returns both.</summary>
    private (string Strace, string Syscope) Same(string[] args, string? outFile = null, string[]? syscopeOnly = null)
    {
        string strace = Masked(Runner.Run("strace", args), outFile);
        string syscope = Masked(SyscopeCli.Run(["trace", .. syscopeOnly ?? [], .. args]), outFile);
        output.WriteLine($"strace:\n{strace}\nsyscope:\n{syscope}");
        Assert.Equal(strace, syscope);
        return (strace, syscope);
    }

    private static string Masked(RunResult r, string? outFile)
    {
        string text = $"exit {r.ExitCode}\n{r.Stdout}{r.Stderr}{(outFile != null ? File.ReadAllText(outFile) : "")}";
        text = Tracer().Replace(text, m => m.Groups[1].Value + "TRACER" + m.Groups[2].Value);
        // Pids of different lengths move the " = " column: compare the text, not its alignment.
        // Shm ids count up from 0 after boot: on a fresh machine they have fewer digits than Number masks.
        text = ShmId().Replace(text, "ID");
        return Regex.Replace(Number().Replace(Address().Replace(text, "0xADDR"), "N"), " {2,}", " ");
    }

    /// <summary>The tracer's name in its messages and as the traced command's parent.</summary>
    [GeneratedRegex(@"(^|<|\b)(?:strace|syscope)(:|>)", RegexOptions.Multiline)] private static partial Regex Tracer();
    [GeneratedRegex(@"0x[0-9a-f]{6,}")] private static partial Regex Address();
    [GeneratedRegex(@"(?<=shmctl\()\d+|(?<=shmget\(.*\) += )\d+")] private static partial Regex ShmId();
    /// <summary>Pids, and the numbers that follow them (process groups, sessions, shm ids).</summary>
    [GeneratedRegex(@"\d{3,}")] private static partial Regex Number();
}
