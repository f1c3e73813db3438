using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>setrlimit(2), for RLIMIT_CORE before syscope re-raises a tracee's fatal signal on itself.</summary>
internal static unsafe partial class Limits
{
    public const int RLIMIT_CORE = 4;

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static unsafe partial int SetRlimit(int resource, Rlimit64* limit);

    /// <summary>False when the kernel refused (the limit stays as it was).</summary>
    public static unsafe bool Set(int resource, ulong cur, ulong max)
    {
        var limit = new Rlimit64 { Cur = cur, Max = max };
        return SetRlimit(resource, &limit) == 0;
    }
}
