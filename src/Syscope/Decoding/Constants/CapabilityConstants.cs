namespace Syscope.Decoding.Constants;

/// <summary>capget/capset: header versions and capability sets.</summary>
internal static class CapabilityConstants
{
    /// <summary>&lt;linux/capability.h&gt; header versions.</summary>
    public static readonly ValueSet Versions = new("_LINUX_CAPABILITY_VERSION_???", false,
        new(0x19980330, "_LINUX_CAPABILITY_VERSION_1"), new(0x20071026, "_LINUX_CAPABILITY_VERSION_2"),
        new(0x20080522, "_LINUX_CAPABILITY_VERSION_3"));

    public const uint _LINUX_CAPABILITY_VERSION_2 = 0x20071026, _LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    /// <summary>&lt;linux/capability.h&gt; capability numbers.</summary>
    public static readonly ValueSet Names = new("CAP_???", false,
        new(0, "CAP_CHOWN"), new(1, "CAP_DAC_OVERRIDE"), new(2, "CAP_DAC_READ_SEARCH"), new(3, "CAP_FOWNER"),
        new(4, "CAP_FSETID"), new(5, "CAP_KILL"), new(6, "CAP_SETGID"), new(7, "CAP_SETUID"), new(8, "CAP_SETPCAP"),
        new(9, "CAP_LINUX_IMMUTABLE"), new(10, "CAP_NET_BIND_SERVICE"), new(11, "CAP_NET_BROADCAST"),
        new(12, "CAP_NET_ADMIN"), new(13, "CAP_NET_RAW"), new(14, "CAP_IPC_LOCK"), new(15, "CAP_IPC_OWNER"),
        new(16, "CAP_SYS_MODULE"), new(17, "CAP_SYS_RAWIO"), new(18, "CAP_SYS_CHROOT"), new(19, "CAP_SYS_PTRACE"),
        new(20, "CAP_SYS_PACCT"), new(21, "CAP_SYS_ADMIN"), new(22, "CAP_SYS_BOOT"), new(23, "CAP_SYS_NICE"),
        new(24, "CAP_SYS_RESOURCE"), new(25, "CAP_SYS_TIME"), new(26, "CAP_SYS_TTY_CONFIG"), new(27, "CAP_MKNOD"),
        new(28, "CAP_LEASE"), new(29, "CAP_AUDIT_WRITE"), new(30, "CAP_AUDIT_CONTROL"), new(31, "CAP_SETFCAP"),
        new(32, "CAP_MAC_OVERRIDE"), new(33, "CAP_MAC_ADMIN"), new(34, "CAP_SYSLOG"), new(35, "CAP_WAKE_ALARM"),
        new(36, "CAP_BLOCK_SUSPEND"), new(37, "CAP_AUDIT_READ"), new(38, "CAP_PERFMON"), new(39, "CAP_BPF"),
        new(40, "CAP_CHECKPOINT_RESTORE"));

    /// <summary>The two 32-bit words of a capability set as strace prints them, "1&lt;&lt;CAP_KILL"
    /// per bit; each word keeps its own bit numbering, so an unknown bit of the second word prints
    /// relative to it (0x2000 for capability 45).</summary>
    public static readonly FlagSet LowWord = MaskWord(0), HighWord = MaskWord(32);

    private static FlagSet MaskWord(int first) => new("CAP_???", null,
        Names.Rows.Where(r => r.Value >= (ulong)first && r.Value < (ulong)first + 32)
            .Select(r => new Named(1UL << (int)(r.Value - (ulong)first), "1<<" + r.Name)).ToArray());
}
