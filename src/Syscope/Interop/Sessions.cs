using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>Process groups and sessions (trace -DD and -DDD move the tracer out of the caller's).</summary>
internal static partial class Sessions
{
    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    private static partial int SetsidRaw();

    [LibraryImport("libc", EntryPoint = "setpgid", SetLastError = true)]
    private static partial int SetpgidRaw(int pid, int pgid);

    /// <summary>setsid(2): a new session (and process group) led by this process.</summary>
    public static void NewSession()
    {
        if (SetsidRaw() < 0) throw SyscallException.FromLast("setsid");
    }

    /// <summary>setpgid(0, 0): a new process group led by this process.</summary>
    public static void NewProcessGroup()
    {
        if (SetpgidRaw(0, 0) != 0) throw SyscallException.FromLast("setpgid");
    }
}
