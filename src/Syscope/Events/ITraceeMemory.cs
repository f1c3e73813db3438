namespace Syscope.Events;

/// <summary>
/// Read access to the stopped tracee's memory, valid only during the event callback.  The ptrace
/// backend reads live memory; a backend that captures bytes in the kernel serves them from its copy.
/// Decoders see only this interface, never the backend.
/// </summary>
internal interface ITraceeMemory
{
    /// <summary>Copies up to destination.Length bytes from address; returns how many could be read
    /// (0 when the address is not readable).  Never throws.</summary>
    int Read(ulong address, Span<byte> destination);
}

/// <summary>Consumes events synchronously while the tracee is stopped.</summary>
internal interface ITraceConsumer
{
    void OnEvent(ref TraceEvent e, ITraceeMemory memory);

    /// <summary>Called on the tracer thread when tracing ends, to flush whatever is buffered.</summary>
    void Complete();
}
