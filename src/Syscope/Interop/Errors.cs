using System.Runtime.InteropServices;
using Syscope.Kernel;

namespace Syscope.Interop;

/// <summary>A failed kernel call, carrying Linux's own errno (not .NET's platform-neutral mapping).</summary>
internal sealed class SyscallException(string call, int errno)
    : Exception($"{call}: {Kernel.Errno.Message(errno)} ({Kernel.Errno.Name(errno)})")
{
    public string Call { get; } = call;
    public int Errno { get; } = errno;

    internal static int LastErrno() => Marshal.GetLastPInvokeError();

    internal static SyscallException FromLast(string call) => new(call, LastErrno());
}
