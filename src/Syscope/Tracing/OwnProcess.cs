namespace Syscope.Tracing;

/// <summary>
/// syscope's own process as the kernel sees it, read once: neither changes while syscope runs
/// (it never calls setns).  Its pid as /proc numbers it differs from Environment.ProcessId when
/// syscope runs in a pid namespace of its own under an outer /proc (unshare --pid --fork without
/// --mount-proc): paths to its own descriptors, handed to children, and the pid translation of
/// --decode-pids=pidns need that one.
/// </summary>
internal static class OwnProcess
{
    private static int s_procPid;
    private static ulong s_pidNamespace;

    /// <summary>syscope's pid in /proc's numbering (the target of the /proc/self link).</summary>
    public static int ProcPid => s_procPid != 0 ? s_procPid : s_procPid =
        int.TryParse(Interop.FileStatus.Readlink("/proc/self", out _), out int pid) ? pid : Environment.ProcessId;

    /// <summary>The inode of syscope's pid namespace (/proc/self/ns/pid); 0 when it cannot be read.</summary>
    public static ulong PidNamespace => s_pidNamespace != 0 ? s_pidNamespace : s_pidNamespace =
        Interop.FileStatus.Stat("/proc/self/ns/pid", out var st) == 0 ? st.Inode : 0;
}
