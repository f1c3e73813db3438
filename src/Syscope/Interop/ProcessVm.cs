using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>process_vm_readv(2): copies tracee memory without stopping or peeking word by word.</summary>
internal static unsafe partial class ProcessVm
{
    [LibraryImport("libc", EntryPoint = "process_vm_readv", SetLastError = true)]
    private static partial nint ReadV(int pid, Iovec* local, ulong liovcnt, Iovec* remote, ulong riovcnt, ulong flags);

    /// <summary>Reads up to destination.Length bytes; returns the count read (it stops at the first
    /// unmapped page) or the negated errno when nothing could be read.</summary>
    public static int Read(int pid, ulong address, Span<byte> destination)
    {
        if (destination.IsEmpty) return 0;
        fixed (byte* p = destination)
        {
            Iovec local = new() { Base = (ulong)p, Len = (ulong)destination.Length };
            Iovec remote = new() { Base = address, Len = (ulong)destination.Length };
            nint rc = ReadV(pid, &local, 1, &remote, 1, 0);
            return rc < 0 ? -SyscallException.LastErrno() : (int)rc;
        }
    }
}

internal static unsafe partial class ProcessVm
{
    [LibraryImport("libc", EntryPoint = "process_vm_writev", SetLastError = true)]
    private static partial nint WriteV(int pid, Iovec* local, ulong liovcnt, Iovec* remote, ulong riovcnt, ulong flags);

    /// <summary>Writes into a stopped tracee's memory; returns bytes written or the negated errno.</summary>
    public static int Write(int pid, ulong address, ReadOnlySpan<byte> source)
    {
        fixed (byte* p = source)
        {
            Iovec local = new() { Base = (ulong)p, Len = (ulong)source.Length };
            Iovec remote = new() { Base = address, Len = (ulong)source.Length };
            nint rc = WriteV(pid, &local, 1, &remote, 1, 0);
            return rc < 0 ? -SyscallException.LastErrno() : (int)rc;
        }
    }
}
