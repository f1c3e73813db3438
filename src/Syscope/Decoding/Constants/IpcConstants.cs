namespace Syscope.Decoding.Constants;

/// <summary>System V IPC flag and command sets (&lt;linux/ipc.h&gt;, &lt;linux/shm.h&gt;,
/// &lt;linux/sem.h&gt;, &lt;linux/msg.h&gt;), in strace's order.</summary>
internal static class IpcConstants
{
    /// <summary>The flags of shmget, semget and msgget; the permission bits follow in octal.</summary>
    public static readonly FlagSet GetFlags = new("IPC_???", null,
        new(0x200, "IPC_CREAT"), new(0x400, "IPC_EXCL"), new(0x800, "SHM_HUGETLB"), new(0x1000, "SHM_NORESERVE"));

    public static readonly FlagSet SemGetFlags = new("IPC_???", null,
        new(0x200, "IPC_CREAT"), new(0x400, "IPC_EXCL"), new(0x800, "IPC_NOWAIT"));

    /// <summary>The bit glibc sets in a ctl command to ask for the 64-bit structures.</summary>
    public const ulong Ipc64 = 0x100;

    public static readonly FlagSet ShmatFlags = new("SHM_???", null,
        new(0x1000, "SHM_RDONLY"), new(0x2000, "SHM_RND"), new(0x4000, "SHM_REMAP"), new(0x8000, "SHM_EXEC"));

    public static readonly FlagSet SemFlags = new("SEM_???", null, new(0x1000, "SEM_UNDO"), new(0x800, "IPC_NOWAIT"));

    public static readonly FlagSet MsgFlags = new("MSG_???", null,
        new(0x1000, "MSG_NOERROR"), new(0x2000, "MSG_EXCEPT"), new(0x4000, "MSG_COPY"), new(0x800, "IPC_NOWAIT"));

    public static readonly ValueSet ShmCmd = new("SHM_???", false,
        new(0, "IPC_RMID"), new(1, "IPC_SET"), new(2, "IPC_STAT"), new(3, "IPC_INFO"), new(11, "SHM_LOCK"),
        new(12, "SHM_UNLOCK"), new(13, "SHM_STAT"), new(14, "SHM_INFO"), new(15, "SHM_STAT_ANY"));

    public static readonly ValueSet SemCmd = new("SEM_???", false,
        new(0, "IPC_RMID"), new(1, "IPC_SET"), new(2, "IPC_STAT"), new(3, "IPC_INFO"), new(11, "GETPID"),
        new(12, "GETVAL"), new(13, "GETALL"), new(14, "GETNCNT"), new(15, "GETZCNT"), new(16, "SETVAL"),
        new(17, "SETALL"), new(18, "SEM_STAT"), new(19, "SEM_INFO"), new(20, "SEM_STAT_ANY"));

    public static readonly ValueSet MsgCmd = new("MSG_???", false,
        new(0, "IPC_RMID"), new(1, "IPC_SET"), new(2, "IPC_STAT"), new(3, "IPC_INFO"), new(11, "MSG_STAT"),
        new(12, "MSG_INFO"), new(13, "MSG_STAT_ANY"));
}
