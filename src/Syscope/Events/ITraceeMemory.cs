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

    /// <summary>Whether a read that stops short means the tracee's memory ends there (live memory:
    /// strace then prints a string's address, not a cut string) rather than that no more was
    /// captured (a kernel-side copy or a recording, which can only show what they hold).</summary>
    bool ShortReadIsFault => false;

    /// <summary>Reads a NUL-terminated string of at most destination.Length bytes; its length
    /// without the NUL (which is left in destination when terminated), or -1 if unreadable.
    /// Reads page by page so a string ending just before an unmapped page still reads.  A memory
    /// that records what is read overrides it to keep the string, not the pages around it.</summary>
    int ReadCString(ulong address, Span<byte> destination, out bool terminated)
    {
        terminated = false;
        int got = 0;
        while (got < destination.Length)
        {
            int chunk = (int)Math.Min((ulong)(destination.Length - got), 4096 - ((address + (ulong)got) & 4095));
            int n = Read(address + (ulong)got, destination.Slice(got, chunk));
            if (n <= 0) return got == 0 ? -1 : got;
            int nul = destination.Slice(got, n).IndexOf((byte)0);
            if (nul >= 0) { terminated = true; return got + nul; }
            got += n;
            if (n < chunk) return got;
        }
        return got;
    }
}

/// <summary>Consumes events synchronously while the tracee is stopped.</summary>
internal interface ITraceConsumer
{
    void OnEvent(ref TraceEvent e, ITraceeMemory memory);

    /// <summary>Called on the tracer thread when tracing ends, to flush whatever is buffered.</summary>
    void Complete();
}
