using Syscope.Events;
using Syscope.Filtering;

namespace Syscope.Output;

/// <summary>-c and -C: counts each returned call into a <see cref="SummaryTable"/> with its system
/// CPU time (or, with -w, its wall-clock latency) and writes the table when tracing ends.</summary>
public sealed class SummaryConsumer(Filtering.TraceFilter filter, Func<Stream> output) : ITraceConsumer
{
    private readonly SummaryTable _table = new();

    public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
    {
        if (e.Kind != TraceEventKind.SyscallExit) return;
        long ns = filter.SummaryWallClock
            ? e.TimeNs - e.EntryTimeNs
            : e.SystemTimeNs;
        _table.Record(e.SyscallNumber, ns, e.ReturnValue < 0 && e.ReturnValue >= -4095);
    }

    public void Complete()
    {
        var stream = output();
        _table.Write(stream, filter.SummarySort, filter.SummaryColumns);
        stream.Flush();
    }
}
