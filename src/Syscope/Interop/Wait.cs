using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>wait4(2) and the W* status macros of &lt;sys/wait.h&gt;.</summary>
internal static partial class Wait
{
    public const int WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8, WALL = 0x40000000, WNOTHREAD = 0x20000000;

    /// <summary>What the tracer thread waits with: every kind of child, but only its own (the
    /// tracees it seized and the processes it spawned), never other threads' children, so a
    /// library user's own processes are left to them.</summary>
    public const int Tracer = WALL | WNOTHREAD;

    /// <summary>What the tracer thread waits with when syscope is the init of a pid namespace
    /// (unshare --pid --fork syscope ...): orphans of the namespace become children of its main
    /// thread, and a dying nested namespace's init waits until they are reaped, so the tracer
    /// reaps every child of the process.</summary>
    public const int Reaper = WALL;

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, out int status, int options);

    [LibraryImport("libc", EntryPoint = "wait4", SetLastError = true)]
    private static unsafe partial int Wait4(int pid, out int status, int options, Rusage* rusage);

    /// <summary>wait4(2): also returns the child's system CPU time (ru_stime) in nanoseconds; for
    /// a stopped tracee that is its time so far.</summary>
    public static unsafe int ForWithSystemTime(int pid, out int status, int options, out long systemNs)
    {
        Rusage usage;
        int rc = Wait4(pid, out status, options, &usage);
        systemNs = usage.StimeSec * 1_000_000_000 + usage.StimeUsec * 1000;
        return rc < 0 ? -SyscallException.LastErrno() : rc;
    }

    /// <summary>Returns the pid, 0 for nothing with WNOHANG, or the negated errno.</summary>
    public static int For(int pid, out int status, int options)
    {
        int rc = WaitPid(pid, out status, options);
        return rc < 0 ? -SyscallException.LastErrno() : rc;
    }

    public static bool Exited(int s) => (s & 0x7f) == 0;
    public static int ExitStatus(int s) => (s >> 8) & 0xff;
    public static bool Signaled(int s) => (s & 0x7f) != 0 && (s & 0x7f) != 0x7f;
    public static int TermSig(int s) => s & 0x7f;
    public static bool CoreDumped(int s) => (s & 0x80) != 0;
    public static bool Stopped(int s) => (s & 0xff) == 0x7f;
    public static int StopSig(int s) => (s >> 8) & 0xff;
    public static int Event(int s) => (s >> 16) & 0xff;
}
