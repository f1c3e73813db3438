namespace Syscope.Decoding.Constants;

/// <summary>landlock (&lt;linux/landlock.h&gt;), fanotify_init (&lt;linux/fanotify.h&gt;), kcmp
/// (&lt;linux/kcmp.h&gt;) and futex_waitv (&lt;linux/futex.h&gt;) constants.</summary>
internal static class SandboxConstants
{
    public static readonly FlagSet LandlockAccessFs = new("LANDLOCK_ACCESS_FS_???", null,
        new(0x1, "LANDLOCK_ACCESS_FS_EXECUTE"), new(0x2, "LANDLOCK_ACCESS_FS_WRITE_FILE"), new(0x4, "LANDLOCK_ACCESS_FS_READ_FILE"),
        new(0x8, "LANDLOCK_ACCESS_FS_READ_DIR"), new(0x10, "LANDLOCK_ACCESS_FS_REMOVE_DIR"), new(0x20, "LANDLOCK_ACCESS_FS_REMOVE_FILE"),
        new(0x40, "LANDLOCK_ACCESS_FS_MAKE_CHAR"), new(0x80, "LANDLOCK_ACCESS_FS_MAKE_DIR"), new(0x100, "LANDLOCK_ACCESS_FS_MAKE_REG"),
        new(0x200, "LANDLOCK_ACCESS_FS_MAKE_SOCK"), new(0x400, "LANDLOCK_ACCESS_FS_MAKE_FIFO"), new(0x800, "LANDLOCK_ACCESS_FS_MAKE_BLOCK"),
        new(0x1000, "LANDLOCK_ACCESS_FS_MAKE_SYM"), new(0x2000, "LANDLOCK_ACCESS_FS_REFER"));

    public const ulong LandlockCreateRulesetVersion = 1;
    public static readonly FlagSet LandlockCreateFlags = new("LANDLOCK_CREATE_RULESET_???", null,
        new Named(LandlockCreateRulesetVersion, "LANDLOCK_CREATE_RULESET_VERSION"));

    public const ulong LandlockRulePathBeneath = 1;
    public static readonly ValueSet LandlockRuleTypes = new("LANDLOCK_RULE_???", false, new Named(1, "LANDLOCK_RULE_PATH_BENEATH"));

    /// <summary>The notification class in bits 2-3 of fanotify_init's flags.</summary>
    public const ulong FanClassMask = 0xc;
    public static readonly ValueSet FanClasses = new("FAN_CLASS_???", false,
        new(0x0, "FAN_CLASS_NOTIF"), new(0x4, "FAN_CLASS_CONTENT"), new(0x8, "FAN_CLASS_PRE_CONTENT"));

    public static readonly FlagSet FanInitFlags = new("FAN_???", null,
        new(0x1, "FAN_CLOEXEC"), new(0x2, "FAN_NONBLOCK"), new(0x10, "FAN_UNLIMITED_QUEUE"), new(0x20, "FAN_UNLIMITED_MARKS"),
        new(0x40, "FAN_ENABLE_AUDIT"), new(0x80, "FAN_REPORT_PIDFD"), new(0x100, "FAN_REPORT_TID"), new(0x200, "FAN_REPORT_FID"),
        new(0x400, "FAN_REPORT_DIR_FID"), new(0x800, "FAN_REPORT_NAME"), new(0x1000, "FAN_REPORT_TARGET_FID"));

    public static readonly FlagSet FanMarkFlags = new("FAN_MARK_???", null,
        new(0x1, "FAN_MARK_ADD"), new(0x2, "FAN_MARK_REMOVE"), new(0x4, "FAN_MARK_DONT_FOLLOW"), new(0x8, "FAN_MARK_ONLYDIR"),
        new(0x10, "FAN_MARK_MOUNT"), new(0x20, "FAN_MARK_IGNORED_MASK"), new(0x40, "FAN_MARK_IGNORED_SURV_MODIFY"),
        new(0x80, "FAN_MARK_FLUSH"), new(0x100, "FAN_MARK_FILESYSTEM"), new(0x200, "FAN_MARK_EVICTABLE"), new(0x400, "FAN_MARK_IGNORE"));

    /// <summary>fanotify_mark's 64-bit event mask; FAN_DIR_MODIFY left the headers in 5.13 but
    /// strace 6.1 still names it.</summary>
    public static readonly FlagSet FanEvents = new("FAN_???", null,
        new(0x1, "FAN_ACCESS"), new(0x2, "FAN_MODIFY"), new(0x4, "FAN_ATTRIB"), new(0x8, "FAN_CLOSE_WRITE"),
        new(0x10, "FAN_CLOSE_NOWRITE"), new(0x20, "FAN_OPEN"), new(0x40, "FAN_MOVED_FROM"), new(0x80, "FAN_MOVED_TO"),
        new(0x100, "FAN_CREATE"), new(0x200, "FAN_DELETE"), new(0x400, "FAN_DELETE_SELF"), new(0x800, "FAN_MOVE_SELF"),
        new(0x1000, "FAN_OPEN_EXEC"), new(0x4000, "FAN_Q_OVERFLOW"), new(0x8000, "FAN_FS_ERROR"), new(0x10000, "FAN_OPEN_PERM"),
        new(0x20000, "FAN_ACCESS_PERM"), new(0x40000, "FAN_OPEN_EXEC_PERM"), new(0x80000, "FAN_DIR_MODIFY"),
        new(0x40000000, "FAN_ONDIR"), new(0x8000000, "FAN_EVENT_ON_CHILD"), new(0x10000000, "FAN_RENAME"));

    /// <summary>fanotify_mark's dirfd when no directory is meant.</summary>
    public const int FanNoFd = -1;

    public const ulong KcmpFile = 0, KcmpEpollTfd = 7;

    /// <summary>memfd_secret(2)'s flags: only O_CLOEXEC (an unknown rest prints as bare hex, as strace does).</summary>
    public static readonly FlagSet MemfdSecretFlags = new("O_???", null, new Named(0x80000, "O_CLOEXEC"));

    public static readonly ValueSet KcmpTypes = new("KCMP_???", false,
        new(0, "KCMP_FILE"), new(1, "KCMP_VM"), new(2, "KCMP_FILES"), new(3, "KCMP_FS"), new(4, "KCMP_SIGHAND"),
        new(5, "KCMP_IO"), new(6, "KCMP_SYSVSEM"), new(7, "KCMP_EPOLL_TFD"));

    public static readonly FlagSet FutexWaitvFlags = new("FUTEX_???", null,
        new(2, "FUTEX_32"), new(128, "FUTEX_PRIVATE_FLAG"));
}
