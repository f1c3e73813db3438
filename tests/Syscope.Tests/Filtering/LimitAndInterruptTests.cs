using Syscope.Tests.Infrastructure;
using Syscope.Tests.Tracing;

namespace Syscope.Tests.Filtering;

/// <summary>--syscall-limit lets go after N calls; -I decides whether Ctrl-C ends the trace.</summary>
public class LimitAndInterruptTests
{
    [NeedsFact("gcc")]
    public void Syscall_limit_detaches_after_n_calls_and_the_program_runs_to_its_end()
    {
        string outFile = CPrograms.TempFile("limit");
        using var syscope = SyscopeCli.Start("trace", "--syscall-limit=5", "-o", outFile, CPrograms.Path("ticker"));
        string ticks = syscope.StandardOutput.ReadToEnd();   // ends when ticker, untraced by then, exits
        syscope.AssertExits(20_000);
        Assert.Equal(0, syscope.ExitCode);
        Assert.Equal(string.Concat(Enumerable.Range(0, 8).Select(i => $"tick {i}\n")), ticks);
        var calls = File.ReadAllLines(outFile).Where(l => !l.StartsWith("---") && !l.StartsWith("+++")).ToList();
        Assert.Equal(5, calls.Count);
        Assert.StartsWith("execve(", calls[0]);
        // -o FILE PROG implies -q, as in strace: the detach is not announced on the program's stderr.
        Assert.Equal("", syscope.StandardError.ReadToEnd());
    }

    [NeedsFact("gcc")]
    public void With_I3_Ctrl_C_does_not_end_the_trace_and_with_I1_it_detaches()
    {
        using var sleeper = Runner.Start("sleep", ["30"]);
        AttachTests.WaitForState(sleeper.Id, "S");
        using (var stubborn = SyscopeCli.Start("trace", "-I", "3", "-p", sleeper.Id.ToString()))
        {
            Assert.Equal($"syscope: Process {sleeper.Id} attached", stubborn.StandardError.ReadLine());
            AttachTests.Kill(stubborn.Id, 2);
            Assert.False(stubborn.WaitForExit(700), "-I 3 must ignore SIGINT");
            Assert.NotEqual("0", ErrorTests.TracerPid(sleeper.Id));
            stubborn.Kill();   // SIGKILL: the kernel lets the tracee go
        }
        AttachTests.WaitUntil(() => ErrorTests.TracerPid(sleeper.Id) == "0");
        using (var polite = SyscopeCli.Start("trace", "-I", "1", "-p", sleeper.Id.ToString()))
        {
            Assert.Equal($"syscope: Process {sleeper.Id} attached", polite.StandardError.ReadLine());
            Thread.Sleep(200);
            AttachTests.Kill(polite.Id, 2);
            polite.AssertExits(10_000, "after SIGINT (-I 1 must detach on it)");
            Assert.Equal(128 + 2, polite.ExitCode);   // it dies of SIGINT, as strace does
        }
        Assert.Equal("S", ErrorTests.ProcState(sleeper.Id));
        sleeper.Kill();
    }
}
