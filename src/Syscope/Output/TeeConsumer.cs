using Syscope.Events;

namespace Syscope.Output;

/// <summary>Hands each event to several consumers in turn (-C: the trace and the summary table).</summary>
public sealed class TeeConsumer(params ITraceConsumer[] consumers) : ITraceConsumer
{
    public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
    {
        foreach (var c in consumers) c.OnEvent(ref e, memory);
    }

    public void Complete()
    {
        foreach (var c in consumers) c.Complete();
    }
}
