using System.Text.RegularExpressions;
using Syscope.Inspection;
using Syscope.Inspection.Why;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;
using Syscope.Tracing.Ebpf;

namespace Syscope.Tests.Ebpf;

/// <summary>`why --watch` over the eBPF backend: events a full ring lost are said under the table.
/// In the eBPF collection: its probe, loaded in this process, would otherwise count among those
/// BpfProbeTests.DisposingRemovesEveryProgramLinkAndMap sees come and go.</summary>
[Collection(EbpfCollection.Name)]
public class EbpfWatchTests
{
    /// <summary>A process flooding the ring with getppid calls, watched for half a second through a
    /// one-page ring: the report's line names as many lost events as the backend reported.</summary>
    [NeedsFact("ebpf", "gcc")]
    public void A_watch_that_lost_events_says_how_many_under_the_table()
    {
        using var flood = Runner.Start(CPrograms.Path("ringflood"), ["2000000000"]);
        try
        {
            var backend = new EbpfBackend(new TraceTarget { AttachPids = [flood.Id] }, new EbpfSettings(RingBytes: 4096));
            var report = WatchReport.Run(backend, 0.5);
            Assert.True(report.LostEvents > 0, "a one-page ring should overflow");
            var process = ProcessFinder.Resolve(flood.Id.ToString());
            var text = new StringWriter();
            report.Write(text, process, WatchReport.FdDescriber(process));
            var lines = text.ToString().Split('\n');
            Assert.Matches(@"^  getppid +\d+ +\d+\.\d{6} +\d+\.\d{6} +\d+\.\d%$", lines.Single(l => l.StartsWith("  getppid ")));
            Assert.Equal($"  ({report.LostEvents} events lost: the ring buffer was full, so these figures fall short)",
                lines.Single(l => l.Contains("events lost")));
            Assert.Equal("0", Tracing.ErrorTests.TracerPid(flood.Id));
        }
        finally
        {
            Tracing.AttachTests.Kill(flood.Id, 9);
            flood.AssertExits(10_000);
        }
    }
}
