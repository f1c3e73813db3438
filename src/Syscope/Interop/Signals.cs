using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>Signal sending and disposition calls of libc.</summary>
public static partial class Signals
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillRaw(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static partial nint SignalRaw(int sig, nint handler);

    [LibraryImport("libc", EntryPoint = "sigqueue", SetLastError = true)]
    private static partial int SigqueueRaw(int pid, int sig, nint value);

    [LibraryImport("libc", EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetTid();

    /// <summary>Returns 0 or the negated errno.</summary>
    public static int Kill(int pid, int sig) => KillRaw(pid, sig) == 0 ? 0 : -SyscallException.LastErrno();

    /// <summary>Puts a signal back to its default action (SIG_DFL is 0); 0 or the negated errno.</summary>
    public static int SetDefault(int sig) => SignalRaw(sig, 0) == -1 ? -SyscallException.LastErrno() : 0;

    /// <summary>sigqueue(3) with an integer value (pkill -q); returns 0 or the negated errno.
    /// union sigval is passed in one register, its int in the low half.</summary>
    public static int Queue(int pid, int sig, int value) => SigqueueRaw(pid, sig, (nint)(uint)value) == 0 ? 0 : -SyscallException.LastErrno();
}
