using Syscope.Events;

namespace Syscope.Tests.Decoding;

/// <summary>Drives a consumer through whole calls as a backend would: the entry event, then the
/// exit event with the result.  No allocation per call, for the tests that count them.</summary>
internal static class CallEvents
{
    public static void Call(ITraceConsumer consumer, ref TraceEvent e, ITraceeMemory memory, int nr, long ret, params ReadOnlySpan<ulong> args)
    {
        e.SyscallNumber = nr;
        for (int i = 0; i < args.Length; i++) e.Args[i] = args[i];
        e.Kind = TraceEventKind.SyscallEntry;
        consumer.OnEvent(ref e, memory);
        e.Kind = TraceEventKind.SyscallExit;
        e.ReturnValue = ret;
        consumer.OnEvent(ref e, memory);
    }

    /// <summary>What this thread allocates over rounds of calls, after one round has grown the
    /// reused buffers.</summary>
    public static long AllocatedAfterWarmUp(Action calls, int rounds = 100)
    {
        calls();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < rounds; i++) calls();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
