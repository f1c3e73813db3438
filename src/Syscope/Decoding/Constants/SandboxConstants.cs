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

    public static readonly FlagSet LandlockCreateFlags = new("LANDLOCK_CREATE_RULESET_???", null,
        new Named(0x1, "LANDLOCK_CREATE_RULESET_VERSION"));

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

    public const ulong KcmpFile = 0, KcmpEpollTfd = 7;

    /// <summary>memfd_secret(2)'s flags: only O_CLOEXEC (an unknown rest prints as bare hex, as strace does).</summary>
    public static readonly FlagSet MemfdSecretFlags = new("O_???", null, new Named(0x80000, "O_CLOEXEC"));

    public static readonly ValueSet KcmpTypes = new("KCMP_???", false,
        new(0, "KCMP_FILE"), new(1, "KCMP_VM"), new(2, "KCMP_FILES"), new(3, "KCMP_FS"), new(4, "KCMP_SIGHAND"),
        new(5, "KCMP_IO"), new(6, "KCMP_SYSVSEM"), new(7, "KCMP_EPOLL_TFD"));

    public static readonly FlagSet FutexWaitvFlags = new("FUTEX_???", null,
        new(2, "FUTEX_32"), new(128, "FUTEX_PRIVATE_FLAG"));
}
