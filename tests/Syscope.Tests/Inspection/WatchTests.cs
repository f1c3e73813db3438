using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Inspection;

/// <summary>`why --watch`: a short trace of a live process, then a report of where the time went.</summary>
public class WatchTests
{
    [NeedsFact("gcc")]
    public void Blocked_read_fills_the_window_and_the_process_runs_on()
    {
        using var tracee = Runner.Start(CPrograms.Path("blockread"), [], redirectStdin: true);
        Assert.Equal("ready", tracee.StandardError.ReadLine());
        Tracing.AttachTests.WaitForState(tracee.Id, "S");
        var r = SyscopeCli.Run("why", tracee.Id.ToString(), "--watch", "1");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n');
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^watched PID {tracee.Id} \(blockread\) for 1\.\d s, 1 thread$"));
        // The read was blocked all along; the share leaves room for the tracee's restart after the
        // attach on a loaded machine.
        var read = Regex.Match(lines.Single(l => l.TrimStart().StartsWith("read ")),
            @"^  read +1 +[01]\.\d{6} +[01]\.\d{6} +(\d+\.\d)%  \(1 still in progress\)$");
        Assert.True(read.Success);
        Assert.InRange(double.Parse(read.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 75.0, 100.0);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  0 +1 +[01]\.\d{6} +[01]\.\d{6} +\d+\.\d%  pipe .*\(1 still in progress\)$"));
        Assert.Equal("0", Tracing.ErrorTests.TracerPid(tracee.Id));
        tracee.StandardInput.Write("ok");
        tracee.StandardInput.Close();
        tracee.AssertExits(10_000);
        Assert.Equal("read returned 2: ok\n", tracee.StandardOutput.ReadToEnd());
    }
}
