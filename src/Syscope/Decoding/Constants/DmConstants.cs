namespace Syscope.Decoding.Constants;

/// <summary>&lt;linux/dm-ioctl.h&gt;: the device mapper's request flags.</summary>
internal static class DmConstants
{
    public const uint VersionMajor = 4, SuspendFlag = 0x2, DataOutFlag = 0x10000;

    public static readonly FlagSet Flags = new("DM_???", null,
        new(0x1, "DM_READONLY_FLAG"), new(SuspendFlag, "DM_SUSPEND_FLAG"), new(0x4, "DM_EXISTS_FLAG"),
        new(0x8, "DM_PERSISTENT_DEV_FLAG"), new(0x10, "DM_STATUS_TABLE_FLAG"), new(0x20, "DM_ACTIVE_PRESENT_FLAG"),
        new(0x40, "DM_INACTIVE_PRESENT_FLAG"), new(0x100, "DM_BUFFER_FULL_FLAG"), new(0x200, "DM_SKIP_BDGET_FLAG"),
        new(0x400, "DM_SKIP_LOCKFS_FLAG"), new(0x800, "DM_NOFLUSH_FLAG"), new(0x1000, "DM_QUERY_INACTIVE_TABLE_FLAG"),
        new(0x2000, "DM_UEVENT_GENERATED_FLAG"), new(0x4000, "DM_UUID_FLAG"), new(0x8000, "DM_SECURE_DATA_FLAG"),
        new(DataOutFlag, "DM_DATA_OUT_FLAG"), new(0x20000, "DM_DEFERRED_REMOVE"), new(0x40000, "DM_INTERNAL_SUSPEND_FLAG"),
        new(0x80000, "DM_IMA_MEASUREMENT_FLAG"));
}
