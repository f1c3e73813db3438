using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Inspection;

/// <summary>`why` shows the blocked call through the trace's own decoders, so a poll reads as
/// strace prints it at entry, timeout included.</summary>
public sealed class WhyCallTextTests : IDisposable
{
    private readonly LiveProcesses _live = new();

    [NeedsTheory("gcc")]
    [InlineData("poll", 7, "  in poll([{fd=3, events=POLLIN|POLLPRI}], 1, 60000)")]
    [InlineData("ppoll", 271, "  in ppoll([{fd=3, events=POLLIN|POLLPRI}], 1, {tv_sec=60, tv_nsec=0}, NULL, 8)")]
    public void A_blocked_poll_shows_its_set_and_timeout(string mode, int number, string expected)
    {
        var waiter = _live.Start(CPrograms.Path("pollwait"), mode);
        LiveProcesses.WaitForLine(waiter, l => l == "waiting");
        LiveProcesses.WaitUntilBlocked(waiter.Id, number);

        var r = Cli.Run("why", waiter.Id.ToString());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Lines);
    }

    public void Dispose() => _live.Dispose();
}
