namespace Syscope.Decoding.Constants;

/// <summary>mount(2), umount2(2) and the fsopen/fsmount family, in strace's order.</summary>
internal static class MountConstants
{
    public const ulong MS_MGC_VAL = 0xC0ED0000, MS_MGC_MSK = 0xffff0000;
    public const ulong MS_REMOUNT = 32, MS_BIND = 4096, MS_MOVE = 8192, MS_UNBINDABLE = 1 << 17, MS_PRIVATE = 1 << 18, MS_SLAVE = 1 << 19, MS_SHARED = 1 << 20;

    /// <summary>&lt;linux/mount.h&gt; MS_*.</summary>
    public static readonly FlagSet MountFlags = new("MS_???", null,
        new(1, "MS_RDONLY"), new(2, "MS_NOSUID"), new(4, "MS_NODEV"), new(8, "MS_NOEXEC"), new(16, "MS_SYNCHRONOUS"),
        new(32, "MS_REMOUNT"), new(64, "MS_MANDLOCK"), new(128, "MS_DIRSYNC"), new(256, "MS_NOSYMFOLLOW"), new(1024, "MS_NOATIME"),
        new(2048, "MS_NODIRATIME"), new(4096, "MS_BIND"), new(8192, "MS_MOVE"), new(16384, "MS_REC"), new(32768, "MS_SILENT"),
        new(1 << 16, "MS_POSIXACL"), new(1 << 17, "MS_UNBINDABLE"), new(1 << 18, "MS_PRIVATE"), new(1 << 19, "MS_SLAVE"),
        new(1 << 20, "MS_SHARED"), new(1 << 21, "MS_RELATIME"), new(1 << 22, "MS_KERNMOUNT"), new(1 << 23, "MS_I_VERSION"),
        new(1 << 24, "MS_STRICTATIME"), new(1 << 25, "MS_LAZYTIME"), new(1 << 26, "MS_SUBMOUNT"), new(1 << 27, "MS_NOREMOTELOCK"),
        new(1 << 28, "MS_NOSEC"), new(1 << 29, "MS_BORN"), new(1 << 30, "MS_ACTIVE"), new(1UL << 31, "MS_NOUSER"));

    /// <summary>&lt;linux/mount.h&gt; mount propagation types (struct mount_attr's propagation): one
    /// at a time, so a mix prints as a number, as strace prints it.</summary>
    public static readonly ValueSet Propagation = new("MS_???", false,
        new(1 << 17, "MS_UNBINDABLE"), new(1 << 18, "MS_PRIVATE"), new(1 << 19, "MS_SLAVE"), new(1 << 20, "MS_SHARED"));

    /// <summary>&lt;sys/mount.h&gt; umount2 flags.</summary>
    public static readonly FlagSet UmountFlags = new("MNT_???", null,
        new(1, "MNT_FORCE"), new(2, "MNT_DETACH"), new(4, "MNT_EXPIRE"), new(8, "UMOUNT_NOFOLLOW"));

    /// <summary>&lt;linux/mount.h&gt; FSOPEN_*.</summary>
    public static readonly FlagSet FsopenFlags = new("FSOPEN_???", null, new Named(1, "FSOPEN_CLOEXEC"));

    /// <summary>&lt;linux/mount.h&gt; FSMOUNT_*.</summary>
    public static readonly FlagSet FsmountFlags = new("FSMOUNT_???", null, new Named(1, "FSMOUNT_CLOEXEC"));

    /// <summary>&lt;linux/mount.h&gt; FSPICK_*.</summary>
    public static readonly FlagSet FspickFlags = new("FSPICK_???", null,
        new(1, "FSPICK_CLOEXEC"), new(2, "FSPICK_SYMLINK_NOFOLLOW"), new(4, "FSPICK_NO_AUTOMOUNT"), new(8, "FSPICK_EMPTY_PATH"));

    /// <summary>&lt;linux/mount.h&gt; enum fsconfig_command.</summary>
    public static readonly ValueSet FsconfigCommands = new("FSCONFIG_???", false,
        new(0, "FSCONFIG_SET_FLAG"), new(1, "FSCONFIG_SET_STRING"), new(2, "FSCONFIG_SET_BINARY"), new(3, "FSCONFIG_SET_PATH"),
        new(4, "FSCONFIG_SET_PATH_EMPTY"), new(5, "FSCONFIG_SET_FD"), new(6, "FSCONFIG_CMD_CREATE"), new(7, "FSCONFIG_CMD_RECONFIGURE"));

    /// <summary>&lt;linux/mount.h&gt; MOUNT_ATTR_* (the atime mode's zero value, RELATIME, prints as nothing).</summary>
    public static readonly FlagSet MountAttrs = new("MOUNT_ATTR_???", null,
        new(0x1, "MOUNT_ATTR_RDONLY"), new(0x2, "MOUNT_ATTR_NOSUID"), new(0x4, "MOUNT_ATTR_NODEV"), new(0x8, "MOUNT_ATTR_NOEXEC"),
        new(0x10, "MOUNT_ATTR_NOATIME"), new(0x20, "MOUNT_ATTR_STRICTATIME"), new(0x80, "MOUNT_ATTR_NODIRATIME"),
        new(MOUNT_ATTR_IDMAP, "MOUNT_ATTR_IDMAP"), new(0x200000, "MOUNT_ATTR_NOSYMFOLLOW"));

    public const ulong MOUNT_ATTR_IDMAP = 0x100000;

    /// <summary>fsmount(2)'s attr_flags: strace 6.1 names only the attributes fsmount took at
    /// first, not MOUNT_ATTR_IDMAP and MOUNT_ATTR_NOSYMFOLLOW.</summary>
    public static readonly FlagSet FsmountAttrs = new("MOUNT_ATTR_???", null,
        new(0x1, "MOUNT_ATTR_RDONLY"), new(0x2, "MOUNT_ATTR_NOSUID"), new(0x4, "MOUNT_ATTR_NODEV"), new(0x8, "MOUNT_ATTR_NOEXEC"),
        new(0x10, "MOUNT_ATTR_NOATIME"), new(0x20, "MOUNT_ATTR_STRICTATIME"), new(0x80, "MOUNT_ATTR_NODIRATIME"));

    /// <summary>&lt;linux/mount.h&gt; MOVE_MOUNT_*.</summary>
    public static readonly FlagSet MoveMountFlags = new("MOVE_MOUNT_???", null,
        new(0x1, "MOVE_MOUNT_F_SYMLINKS"), new(0x2, "MOVE_MOUNT_F_AUTOMOUNTS"), new(0x4, "MOVE_MOUNT_F_EMPTY_PATH"),
        new(0x10, "MOVE_MOUNT_T_SYMLINKS"), new(0x20, "MOVE_MOUNT_T_AUTOMOUNTS"), new(0x40, "MOVE_MOUNT_T_EMPTY_PATH"),
        new(0x100, "MOVE_MOUNT_SET_GROUP"));

    /// <summary>&lt;linux/mount.h&gt; open_tree flags, with the AT_* flags it accepts.</summary>
    public static readonly FlagSet OpenTreeFlags = new("OPEN_TREE_???", null,
        new(0x1, "OPEN_TREE_CLONE"), new(0x80000, "OPEN_TREE_CLOEXEC"), new(0x100, "AT_SYMLINK_NOFOLLOW"),
        new(0x200, "AT_REMOVEDIR"), new(0x400, "AT_SYMLINK_FOLLOW"), new(0x800, "AT_NO_AUTOMOUNT"),
        new(0x1000, "AT_EMPTY_PATH"), new(0x8000, "AT_RECURSIVE"));

    /// <summary>&lt;linux/fcntl.h&gt; mount_setattr flags.</summary>
    public static readonly FlagSet SetattrFlags = new("AT_???", null,
        new(0x100, "AT_SYMLINK_NOFOLLOW"), new(0x800, "AT_NO_AUTOMOUNT"), new(0x1000, "AT_EMPTY_PATH"), new(0x8000, "AT_RECURSIVE"));
}
