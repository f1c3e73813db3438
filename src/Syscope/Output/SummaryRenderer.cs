using Syscope.Calls;

namespace Syscope.Output;

/// <summary>-c and -C: counts each returned call into a <see cref="SummaryTable"/> with its system
/// CPU time (or, with -w, its wall-clock latency) and writes the table when tracing ends (as one
/// JSON object with --json).</summary>
internal sealed class SummaryRenderer(Filtering.TraceFilter filter, Func<Stream> output, bool json = false) : ITraceRenderer
{
    private readonly SummaryTable _table = new(SummaryColumns.WantsPercentiles(filter.SummaryColumns));

    public bool WantsText => false;

    /// <summary>Counted in the kernel, each call's system time (its latency under -w), as here.</summary>
    public void CountedTotals(int number, in Events.CallTotals totals) => _table.Add(number, totals);

    public void Counted(AssembledCall call)
    {
        long ns = filter.SummaryWallClock ? call.ExitTimeNs - call.EntryTimeNs : call.SystemTimeNs;
        _table.Record(call.Number, Math.Max(ns - filter.SummaryOverheadNs, 0), call.Failed, call.ExitTimeNs - call.EntryTimeNs);
    }

    /// <summary>Events lost over the whole run (the counts fall short by as much), said under the table.</summary>
    private Events.EventLoss _lost;

    public void Lost(in Events.TraceEvent e) => _lost = new(_lost.Events + e.Loss.Events, e.Loss.BufferBytes);

    public void Complete()
    {
        var stream = output();
        if (json) _table.WriteJson(stream, filter.SummarySort, _lost);
        else
        {
            _table.Write(stream, filter.SummarySort, filter.SummaryColumns);
            if (_lost.Events > 0) stream.Write(System.Text.Encoding.UTF8.GetBytes(LossNotice.Line(_lost) + "\n"));
        }
        stream.Flush();
    }
}

/// <summary>-c alone: no trace, but the messages strace prints still go to stderr.</summary>
internal sealed class MessageRenderer(TextWriter messages) : ITraceRenderer
{
    public bool WantsText => false;

    public void Message(string text)
    {
        messages.WriteLine("syscope: " + text);
        messages.Flush();
    }
}
