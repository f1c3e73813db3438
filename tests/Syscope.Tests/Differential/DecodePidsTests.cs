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

    /// <summary>Runs strace and syscope with the same arguments and asserts the masked outputs (and
    /// the -o file when given) are equal; returns both.</summary>
    private (string Strace, string Syscope) Same(string[] args, string? outFile = null)
    {
        string strace = Masked(Runner.Run("strace", args), outFile);
        string syscope = Masked(SyscopeCli.Run(["trace", .. args]), outFile);
        output.WriteLine($"strace:\n{strace}\nsyscope:\n{syscope}");
        Assert.Equal(strace, syscope);
        return (strace, syscope);
    }

    private static string Masked(RunResult r, string? outFile)
    {
        string text = $"exit {r.ExitCode}\n{r.Stdout}{r.Stderr}{(outFile != null ? File.ReadAllText(outFile) : "")}";
        text = Tracer().Replace(text, m => m.Groups[1].Value + "TRACER" + m.Groups[2].Value);
        // Pids of different lengths move the " = " column: compare the text, not its alignment.
        return Regex.Replace(Number().Replace(Address().Replace(text, "0xADDR"), "N"), " {2,}", " ");
    }

    /// <summary>The tracer's name in its messages and as the traced command's parent.</summary>
    [GeneratedRegex(@"(^|<|\b)(?:strace|syscope)(:|>)", RegexOptions.Multiline)] private static partial Regex Tracer();
    [GeneratedRegex(@"0x[0-9a-f]{6,}")] private static partial Regex Address();
    /// <summary>Pids, and the numbers that follow them (process groups, sessions, shm ids).</summary>
    [GeneratedRegex(@"\d{3,}")] private static partial Regex Number();
}
