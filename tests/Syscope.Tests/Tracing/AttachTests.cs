using System.Diagnostics;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>-p attach, detach on SIGINT/SIGTERM, and job control of a traced process.</summary>
public class AttachTests
{
    [NeedsFact("gcc")]
    public void Attach_to_blocked_read_then_SIGINT_detaches_and_the_read_still_succeeds()
    {
        using var tracee = Runner.Start(CPrograms.Path("blockread"), [], redirectStdin: true);
        Assert.Equal("ready", tracee.StandardError.ReadLine());
        WaitForState(tracee.Id, "S");
        using var syscope = SyscopeCli.Start("trace", "-p", tracee.Id.ToString());
        var stderr = syscope.StandardError;
        Assert.Equal($"syscope: Process {tracee.Id} attached", stderr.ReadLine());
        WaitUntil(() => ErrorTests.TracerPid(tracee.Id) != "0");
        Thread.Sleep(200);
        Assert.Equal(0, Kill(syscope.Id, 2));
        syscope.AssertExits(10_000, "after SIGINT");
        string rest = stderr.ReadToEnd();
        // strace's order: the message cuts into the open line, which then ends " <detached ...>".
        Assert.Equal($"read(0, syscope: Process {tracee.Id} detached\n <detached ...>\n", rest);
        Assert.Equal("0", ErrorTests.TracerPid(tracee.Id));
        Assert.NotEqual("T", ErrorTests.ProcState(tracee.Id));
        Assert.NotEqual("t", ErrorTests.ProcState(tracee.Id));
        tracee.StandardInput.Write("hello");
        tracee.StandardInput.Close();
        tracee.AssertExits(10_000);
        Assert.Equal("read returned 5: hello\n", tracee.StandardOutput.ReadToEnd());
    }

    [NeedsFact("python3")]
    public void A_command_and_a_pid_are_traced_together_as_strace_does() => CommandAndPid("--backend=ptrace");

    [NeedsFact("ebpf", "python3")]
    public void A_command_and_a_pid_are_traced_together_under_ebpf() => CommandAndPid("--ebpf");

    private static void CommandAndPid(string backend)
    {
        // The attached process makes its calls only once it is traced: it waits for a line on stdin.
        using var waiter = Runner.Start("python3", ["-c", "import os,sys; sys.stdin.readline(); os.chdir('/tmp'); os.chdir('/tmp')"], redirectStdin: true);
        WaitForState(waiter.Id, "S");
        using var syscope = SyscopeCli.Start("trace", backend, "-e", "trace=chdir", "-p", waiter.Id.ToString(),
            "python3", "-c", "import os; os.chdir('/'); os.chdir('/nonexistent')");
        Assert.Equal($"syscope: Process {waiter.Id} attached", syscope.StandardError.ReadLine());
        waiter.StandardInput.WriteLine();
        waiter.StandardInput.Close();
        syscope.AssertExits(30_000);
        waiter.AssertExits(10_000);
        Assert.Equal(1, syscope.ExitCode);   // the command's status, as strace gives
        string output = syscope.StandardError.ReadToEnd();
        // strace prefixes "[pid N]" only while more than one process is traced, so which lines carry
        // it depends on which process ends first: compare each process's calls with the prefix off.
        // A call cut by another process's line ("chdir(\"/tmp\" <unfinished ...>", later "<... chdir
        // resumed>) = 0") is joined back into one, as it would have printed alone.
        var calls = new List<(int? Pid, string Line)>();
        var open = new Dictionary<int, string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^(?:\[pid +(\d+)\] )?(.*?)(?: += (.*))?$");
            int? pid = m.Groups[1].Success ? int.Parse(m.Groups[1].Value) : null;
            string text = m.Groups[3].Success ? m.Groups[2].Value + " = " + m.Groups[3].Value : m.Groups[2].Value;
            if (text.EndsWith(" <unfinished ...>")) { open[pid ?? 0] = text[..^" <unfinished ...>".Length]; continue; }
            var resumed = System.Text.RegularExpressions.Regex.Match(text, @"^<\.\.\. \w+ resumed>(.*)$");
            if (resumed.Success && open.Remove(pid ?? 0, out var start)) text = start + resumed.Groups[1].Value;
            if (text.StartsWith("chdir(") || text.StartsWith("+++")) calls.Add((pid, text));
        }
        var attached = calls.Where(c => c.Line.Contains("/tmp") || c.Line.Contains("exited with 0")).ToList();
        Assert.True(new[] { "chdir(\"/tmp\") = 0", "chdir(\"/tmp\") = 0", "+++ exited with 0 +++" }.SequenceEqual(attached.Select(c => c.Line)), output);
        Assert.All(attached, c => Assert.True(c.Pid is null || c.Pid == waiter.Id, output));
        var command = calls.Except(attached).ToList();
        Assert.True(new[] { "chdir(\"/\") = 0", "chdir(\"/nonexistent\") = -1 ENOENT (No such file or directory)", "+++ exited with 1 +++" }
            .SequenceEqual(command.Select(c => c.Line)), output);
        Assert.All(command, c => Assert.NotEqual(waiter.Id, c.Pid));
    }

    [NeedsFact("gcc")]
    public void SIGTERM_detaches_from_a_sleeping_process_that_then_runs_on()
    {
        using var sleeper = Runner.Start("sleep", ["30"]);
        WaitForState(sleeper.Id, "S");
        using var syscope = SyscopeCli.Start("trace", "-p", sleeper.Id.ToString());
        Assert.Equal($"syscope: Process {sleeper.Id} attached", syscope.StandardError.ReadLine());
        Thread.Sleep(300);
        Kill(syscope.Id, 15);
        syscope.AssertExits(10_000);
        string rest = syscope.StandardError.ReadToEnd();
        Assert.Equal($"restart_syscall(<... resuming interrupted clock_nanosleep ...>syscope: Process {sleeper.Id} detached\n <detached ...>\n", rest);
        Assert.Equal(128 + 15, syscope.ExitCode);   // it dies of SIGTERM, as strace does
        Assert.Equal("S", ErrorTests.ProcState(sleeper.Id));
        Assert.Equal("0", ErrorTests.TracerPid(sleeper.Id));
        sleeper.Kill();
    }

    [NeedsFact("gcc")]
    public void Stop_and_continue_of_a_traced_process_work_as_untraced()
    {
        string outFile = CPrograms.TempFile("ticker");
        using var syscope = SyscopeCli.Start("trace", "-o", outFile, CPrograms.Path("ticker"));
        Assert.Equal("tick 0", syscope.StandardOutput.ReadLine());
        int tracee = FindChild(syscope.Id, "ticker");
        Kill(tracee, 19);
        WaitUntil(() => ErrorTests.ProcState(tracee) is "t" or "T");
        Thread.Sleep(400);
        Assert.Equal(0, Kill(tracee, 18));
        syscope.AssertExits(20_000);
        Assert.Equal(0, syscope.ExitCode);
        string output = "tick 0\n" + syscope.StandardOutput.ReadToEnd();
        Assert.Equal(string.Concat(Enumerable.Range(0, 8).Select(i => $"tick {i}\n")), output);
        var lines = File.ReadAllLines(outFile);
        int stop = Array.FindIndex(lines, l => l.StartsWith("--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER, si_pid="));
        Assert.True(stop > 0, "no SIGSTOP line");
        Assert.Equal("--- stopped by SIGSTOP ---", lines[stop + 1]);
        Assert.StartsWith("--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=", lines[stop + 2]);
        // Stopped inside its sleep, the call comes back as restart_syscall; stopped between calls
        // (it happens under load), the next call simply follows.
        if (lines[stop - 1].EndsWith("= ? ERESTART_RESTARTBLOCK (Interrupted by signal)"))
            Assert.StartsWith("restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0", lines[stop + 3]);
        else
            Assert.DoesNotContain(lines, l => l.StartsWith("restart_syscall("));
    }

    internal static int FindChild(int parent, string comm)
    {
        for (int i = 0; i < 200; i++)
        {
            foreach (var dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
                try
                {
                    string stat = File.ReadAllText($"{dir}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(fields[1]) == parent && File.ReadAllText($"{dir}/comm").Trim() == comm) return pid;
                }
                catch (IOException) { }
            }
            Thread.Sleep(20);
        }
        throw new InvalidOperationException($"no child of {parent}");
    }

    internal static void WaitForState(int pid, string state) => WaitUntil(() => ErrorTests.ProcState(pid) == state);

    internal static void WaitUntil(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.ElapsedMilliseconds > 10_000) throw new TimeoutException("condition not met in 10 s");
            Thread.Sleep(20);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    internal static extern int Kill(int pid, int sig);
}
