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

    /// <summary>A wait on a file names the disk it is on (what matters for a thread in disk wait),
    /// as findmnt names the mount holding the file.</summary>
    [NeedsFact("root", "flock", "findmnt")]
    public void A_file_descriptor_names_the_filesystem_it_is_on()
    {
        string file = Path.Combine(_live.Dir, "lock");
        File.WriteAllText(file, "");
        _live.Start("flock", file, "sleep", "60");
        for (int i = 0; i < 250 && !File.ReadAllText("/proc/locks").Contains(" FLOCK "); i++) Thread.Sleep(20);
        var waiter = _live.Start("flock", file, "true");
        LiveProcesses.WaitUntilBlocked(waiter.Id, 73);
        string[] mount = LiveProcesses.RunTool("findmnt", "-n", "-o", "SOURCE,FSTYPE", "--target", file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var r = Cli.Run("why", waiter.Id.ToString());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"  fd 3: file {file} at offset 0 on {mount[0]} ({mount[1]})", r.Lines);
    }

    public void Dispose() => _live.Dispose();
}
