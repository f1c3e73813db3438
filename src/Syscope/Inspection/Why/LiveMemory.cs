using Syscope.Events;
using Syscope.Interop;

namespace Syscope.Inspection.Why;

/// <summary>Another process's memory through process_vm_readv: a copy, so the process is neither
/// stopped nor slowed.  The values may be stale by the time they are printed, which is inherent
/// to looking at a running process.</summary>
internal sealed class LiveMemory(int pid) : ITraceeMemory
{
    public bool ShortReadIsFault => true;

    public int Read(ulong address, Span<byte> destination)
    {
        int n = ProcessVm.Read(pid, address, destination);
        return n < 0 ? 0 : n;
    }
}
