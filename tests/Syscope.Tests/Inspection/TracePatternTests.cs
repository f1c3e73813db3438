using Syscope.Interop;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>`trace -p` takes a command-line pattern as `files` and `why` do.</summary>
public sealed class TracePatternTests : IDisposable
{
    private readonly LiveProcesses _live = new();

    [NeedsFact("root")]
    public void Trace_attaches_to_the_one_process_a_pattern_names()
    {
        var sleeper = _live.Start("sleep", "3005");
        LiveProcesses.WaitUntilBlocked(sleeper.Id, 35, 230);
        using var syscope = SyscopeCli.Start("trace", "-p", "^sleep 300[5]$");
        Assert.Equal($"syscope: Process {sleeper.Id} attached", syscope.StandardError.ReadLine());
        Thread.Sleep(200);
        Assert.Equal(0, Signals.Kill(syscope.Id, 15));
        syscope.AssertExits(10_000);
        // The message cuts into the sleep's open line, which then ends, as in strace.
        Assert.EndsWith($"syscope: Process {sleeper.Id} detached\n <detached ...>\n", syscope.StandardError.ReadToEnd());
    }

    [NeedsFact("root")]
    public void Trace_refuses_a_pattern_that_names_several()
    {
        var a = _live.Start("sleep", "3006");
        var b = _live.Start("sleep", "3006");
        var r = SyscopeCli.Run("trace", "-p", "^sleep 300[6]$");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"syscope: '^sleep 300[6]$' matches 2 processes; give one PID:\n  {Math.Min(a.Id, b.Id)} sleep 3006\n  {Math.Max(a.Id, b.Id)} sleep 3006\n", r.Stderr);
    }

    public void Dispose() => _live.Dispose();
}
