using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>Signal sending and disposition calls of libc.</summary>
public static partial class Signals
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillRaw(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static partial nint SignalRaw(int sig, nint handler);

    [LibraryImport("libc", EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetTid();

    /// <summary>Returns 0 or the negated errno.</summary>
    public static int Kill(int pid, int sig) => KillRaw(pid, sig) == 0 ? 0 : -SyscallException.LastErrno();

    /// <summary>Puts a signal back to its default action (SIG_DFL is 0).</summary>
    public static void SetDefault(int sig) => SignalRaw(sig, 0);
}

/// <summary>setrlimit(2), for RLIMIT_CORE before syscope re-raises a tracee's fatal signal on itself.</summary>
public static unsafe partial class Limits
{
    public const int RLIMIT_CORE = 4;

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static unsafe partial int SetRlimit(int resource, Rlimit64* limit);

    public static unsafe bool Set(int resource, ulong cur, ulong max)
    {
        var limit = new Rlimit64 { Cur = cur, Max = max };
        return SetRlimit(resource, &limit) == 0;
    }
}
