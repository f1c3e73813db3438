using Syscope.Events;
using Syscope.Interop;

namespace Syscope.Tracing.Ptrace;

/// <summary>Tracee memory through process_vm_readv; the backend points it at the stopped tracee.</summary>
internal sealed class PtraceMemory : ITraceeMemory
{
    public bool ShortReadIsFault => true;

    public int Pid;

    public int Read(ulong address, Span<byte> destination)
    {
        if (address == 0) return 0;
        int n = ProcessVm.Read(Pid, address, destination);
        return n < 0 ? 0 : n;
    }
}
