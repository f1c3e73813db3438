using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;

namespace Syscope.Tracing.Ptrace;

/// <summary>Tracee memory through process_vm_readv; the backend points it at the stopped tracee.</summary>
internal sealed class PtraceMemory : ITraceeMemory
{
    public bool ShortReadIsFault => true;

    public int Pid;

    // Once process_vm_readv says it cannot be used (ENOSYS: a kernel without it, or a tracer of
    // syscope injecting that fault; EPERM: a policy forbidding it), words are peeked, as strace does.
    private bool _peekOnly;

    public int Read(ulong address, Span<byte> destination)
    {
        if (address == 0) return 0;
        int n = _peekOnly ? -Errno.ENOSYS : ProcessVm.Read(Pid, address, destination);
        if (n is -Errno.ENOSYS or -Errno.EPERM)
        {
            _peekOnly = true;
            n = Interop.Ptrace.PeekData(Pid, address, destination);
        }
        return n < 0 ? 0 : n;
    }
}
