using System.Text;
using Syscope.Events;
using Syscope.Output;
using Syscope.Tests.Decoding;

namespace Syscope.Tests.Calls;

/// <summary>A backend that loses a call's exit (the eBPF ring was full) reports the thread's next
/// entry while the call is still open: the call is cut short, its line closed, and the next call
/// starts a line of its own.</summary>
public class LostEndTests
{
    private const int Getppid = 110, Getpid = 39;

    [Fact]
    public void AnEntryWhileStillInACallCutsThatCallShort()
    {
        var ms = new MemoryStream();
        var output = new TraceOutput(ms, false);
        var trace = new TextTrace(output);
        trace.Start(1);
        void Event(TraceEventKind kind, int nr, long ret = 0)
        {
            var e = TraceEvent.Start(kind, 1, 1, 1000);
            e.SyscallNumber = nr;
            e.ReturnValue = ret;
            e.HasReturn = kind == TraceEventKind.SyscallExit;
            trace.OnEvent(ref e, new SnapshotMemory());
        }
        Event(TraceEventKind.SyscallEntry, Getppid);
        Event(TraceEventKind.SyscallEntry, Getpid);   // getppid's exit never came
        Event(TraceEventKind.SyscallExit, Getpid, 1);
        trace.Complete();
        output.Flush();
        Assert.Equal(
            ["getppid( <unfinished ...>)              = ?", "getpid()                                = 1"],
            Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
