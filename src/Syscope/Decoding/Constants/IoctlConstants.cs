namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets inside ioctl arguments, by header.</summary>
internal static class IoctlConstants
{
    /// <summary>&lt;linux/fs.h&gt; FS_*_FL inode flags (FS_IOC_GETFLAGS/SETFLAGS).</summary>
    public static readonly FlagSet InodeFlags = new("FS_???_FL", null,
        new(0x1, "FS_SECRM_FL"), new(0x2, "FS_UNRM_FL"), new(0x4, "FS_COMPR_FL"), new(0x8, "FS_SYNC_FL"),
        new(0x10, "FS_IMMUTABLE_FL"), new(0x20, "FS_APPEND_FL"), new(0x40, "FS_NODUMP_FL"), new(0x80, "FS_NOATIME_FL"),
        new(0x100, "FS_DIRTY_FL"), new(0x200, "FS_COMPRBLK_FL"), new(0x400, "FS_NOCOMP_FL"), new(0x800, "FS_ENCRYPT_FL"),
        new(0x1000, "FS_INDEX_FL"), new(0x2000, "FS_IMAGIC_FL"), new(0x4000, "FS_JOURNAL_DATA_FL"),
        new(0x8000, "FS_NOTAIL_FL"), new(0x10000, "FS_DIRSYNC_FL"), new(0x20000, "FS_TOPDIR_FL"),
        new(0x40000, "FS_HUGE_FILE_FL"), new(0x80000, "FS_EXTENT_FL"), new(0x100000, "FS_VERITY_FL"),
        new(0x200000, "FS_EA_INODE_FL"), new(0x400000, "FS_EOFBLOCKS_FL"), new(0x800000, "FS_NOCOW_FL"),
        new(0x2000000, "FS_DAX_FL"), new(0x10000000, "FS_INLINE_DATA_FL"), new(0x20000000, "FS_PROJINHERIT_FL"),
        new(0x40000000, "FS_CASEFOLD_FL"), new(0x80000000, "FS_RESERVED_FL"));

    /// <summary>&lt;linux/fs.h&gt; FS_XFLAG_* (struct fsxattr).</summary>
    public static readonly FlagSet FsxFlags = new("FS_XFLAG_???", null,
        new(0x1, "FS_XFLAG_REALTIME"), new(0x2, "FS_XFLAG_PREALLOC"), new(0x8, "FS_XFLAG_IMMUTABLE"),
        new(0x10, "FS_XFLAG_APPEND"), new(0x20, "FS_XFLAG_SYNC"), new(0x40, "FS_XFLAG_NOATIME"),
        new(0x80, "FS_XFLAG_NODUMP"), new(0x100, "FS_XFLAG_RTINHERIT"), new(0x200, "FS_XFLAG_PROJINHERIT"),
        new(0x400, "FS_XFLAG_NOSYMLINKS"), new(0x800, "FS_XFLAG_EXTSIZE"), new(0x1000, "FS_XFLAG_EXTSZINHERIT"),
        new(0x2000, "FS_XFLAG_NODEFRAG"), new(0x4000, "FS_XFLAG_FILESTREAM"), new(0x8000, "FS_XFLAG_DAX"),
        new(0x10000, "FS_XFLAG_COWEXTSIZE"), new(0x80000000, "FS_XFLAG_HASATTR"));

    /// <summary>&lt;linux/fiemap.h&gt; FIEMAP_FLAG_* (struct fiemap).</summary>
    public static readonly FlagSet FiemapFlags = new("FIEMAP_FLAG_???", null,
        new(0x1, "FIEMAP_FLAG_SYNC"), new(0x2, "FIEMAP_FLAG_XATTR"), new(0x4, "FIEMAP_FLAG_CACHE"));

    /// <summary>&lt;linux/fiemap.h&gt; FIEMAP_EXTENT_* (struct fiemap_extent).</summary>
    public static readonly FlagSet FiemapExtentFlags = new("FIEMAP_EXTENT_???", null,
        new(0x1, "FIEMAP_EXTENT_LAST"), new(0x2, "FIEMAP_EXTENT_UNKNOWN"), new(0x4, "FIEMAP_EXTENT_DELALLOC"),
        new(0x8, "FIEMAP_EXTENT_ENCODED"), new(0x80, "FIEMAP_EXTENT_DATA_ENCRYPTED"),
        new(0x100, "FIEMAP_EXTENT_NOT_ALIGNED"), new(0x200, "FIEMAP_EXTENT_DATA_INLINE"),
        new(0x400, "FIEMAP_EXTENT_DATA_TAIL"), new(0x800, "FIEMAP_EXTENT_UNWRITTEN"),
        new(0x1000, "FIEMAP_EXTENT_MERGED"), new(0x2000, "FIEMAP_EXTENT_SHARED"));

    /// <summary>&lt;linux/counter.h&gt; enum counter_component_type.</summary>
    public static readonly ValueSet CounterComponents = new("COUNTER_COMPONENT_???", false,
        new(0, "COUNTER_COMPONENT_NONE"), new(1, "COUNTER_COMPONENT_SIGNAL"), new(2, "COUNTER_COMPONENT_COUNT"),
        new(3, "COUNTER_COMPONENT_FUNCTION"), new(4, "COUNTER_COMPONENT_SYNAPSE_ACTION"),
        new(5, "COUNTER_COMPONENT_EXTENSION"));

    /// <summary>&lt;linux/counter.h&gt; enum counter_scope.</summary>
    public static readonly ValueSet CounterScopes = new("COUNTER_SCOPE_???", false,
        new(0, "COUNTER_SCOPE_DEVICE"), new(1, "COUNTER_SCOPE_SIGNAL"), new(2, "COUNTER_SCOPE_COUNT"));

    /// <summary>&lt;linux/counter.h&gt; enum counter_event_type.</summary>
    public static readonly ValueSet CounterEvents = new("COUNTER_EVENT_???", false,
        new(0, "COUNTER_EVENT_OVERFLOW"), new(1, "COUNTER_EVENT_UNDERFLOW"), new(2, "COUNTER_EVENT_OVERFLOW_UNDERFLOW"),
        new(3, "COUNTER_EVENT_THRESHOLD"), new(4, "COUNTER_EVENT_INDEX"), new(5, "COUNTER_EVENT_CHANGE_OF_STATE"),
        new(6, "COUNTER_EVENT_CAPTURE"));

    /// <summary>&lt;linux/hdreg.h&gt; IDE_NICE_* bit numbers, named as the shifts strace prints.</summary>
    public static readonly FlagSet IdeNice = new("IDE_NICE_???", null,
        new(1 << 0, "1 << IDE_NICE_DSC_OVERLAP"), new(1 << 1, "1 << IDE_NICE_ATAPI_OVERLAP"),
        new(1 << 3, "1 << IDE_NICE_1"), new(1 << 2, "1 << IDE_NICE_0"), new(1 << 4, "1 << IDE_NICE_2"));

    /// <summary>&lt;linux/hdreg.h&gt; bus states.</summary>
    public static readonly ValueSet BusStates = new("BUSSTATE_???", false,
        new(0, "BUSSTATE_OFF"), new(1, "BUSSTATE_ON"), new(2, "BUSSTATE_TRISTATE"));

    /// <summary>ATA command opcodes (the ATA/ATAPI command set, as the kernel's &lt;linux/ata.h&gt;
    /// names them), for HDIO_DRIVE_CMD.</summary>
    public static readonly ValueSet AtaCommands = new("ATA_CMD_???", false,
        new(0x00, "ATA_CMD_NOP"), new(0x03, "ATA_CMD_CFA_REQ_EXT_ERR"), new(0x06, "ATA_CMD_DSM"),
        new(0x08, "ATA_CMD_DEV_RESET"), new(0x0b, "ATA_CMD_REQ_SENSE_DATA"), new(0x10, "ATA_CMD_RESTORE"),
        new(0x20, "ATA_CMD_PIO_READ"), new(0x24, "ATA_CMD_PIO_READ_EXT"), new(0x25, "ATA_CMD_READ_EXT"),
        new(0x26, "ATA_CMD_READ_QUEUED"), new(0x27, "ATA_CMD_READ_NATIVE_MAX_EXT"), new(0x29, "ATA_CMD_READ_MULTI_EXT"),
        new(0x2a, "ATA_CMD_READ_STREAM_DMA_EXT"), new(0x2b, "ATA_CMD_READ_STREAM_EXT"), new(0x2f, "ATA_CMD_READ_LOG_EXT"),
        new(0x30, "ATA_CMD_PIO_WRITE"), new(0x34, "ATA_CMD_PIO_WRITE_EXT"), new(0x35, "ATA_CMD_WRITE_EXT"),
        new(0x36, "ATA_CMD_WRITE_QUEUED"), new(0x37, "ATA_CMD_SET_MAX_EXT"), new(0x38, "ATA_CMD_CFA_WRITE_NE"),
        new(0x39, "ATA_CMD_WRITE_MULTI_EXT"), new(0x3a, "ATA_CMD_WRITE_STREAM_DMA_EXT"),
        new(0x3b, "ATA_CMD_WRITE_STREAM_EXT"), new(0x3d, "ATA_CMD_WRITE_FUA_EXT"),
        new(0x3e, "ATA_CMD_WRITE_QUEUED_FUA_EXT"), new(0x3f, "ATA_CMD_WRITE_LOG_EXT"), new(0x40, "ATA_CMD_VERIFY"),
        new(0x42, "ATA_CMD_VERIFY_EXT"), new(0x45, "ATA_CMD_WRITE_UNCORR_EXT"), new(0x47, "ATA_CMD_READ_LOG_DMA_EXT"),
        new(0x4a, "ATA_CMD_ZAC_MGMT_IN"), new(0x51, "ATA_CMD_CONFIG_STREAM"), new(0x57, "ATA_CMD_WRITE_LOG_DMA_EXT"),
        new(0x5b, "ATA_CMD_TRUSTED_NONDATA"), new(0x5c, "ATA_CMD_TRUSTED_RCV"), new(0x5d, "ATA_CMD_TRUSTED_RCV_DMA"),
        new(0x5e, "ATA_CMD_TRUSTED_SND"), new(0x5f, "ATA_CMD_TRUSTED_SND_DMA"), new(0x60, "ATA_CMD_FPDMA_READ"),
        new(0x61, "ATA_CMD_FPDMA_WRITE"), new(0x63, "ATA_CMD_NCQ_NON_DATA"), new(0x64, "ATA_CMD_FPDMA_SEND"),
        new(0x65, "ATA_CMD_FPDMA_RECV"), new(0x87, "ATA_CMD_CFA_TRANS_SECT"), new(0x90, "ATA_CMD_EDD"),
        new(0x91, "ATA_CMD_INIT_DEV_PARAMS"), new(0x92, "ATA_CMD_DOWNLOAD_MICRO"), new(0x93, "ATA_CMD_DOWNLOAD_MICRO_DMA"),
        new(0x9f, "ATA_CMD_ZAC_MGMT_OUT"), new(0xa0, "ATA_CMD_PACKET"), new(0xa1, "ATA_CMD_ID_ATAPI"),
        new(0xa2, "ATA_CMD_SERVICE"), new(0xb0, "ATA_CMD_SMART"), new(0xb1, "ATA_CMD_CONF_OVERLAY"),
        new(0xb4, "ATA_CMD_SANITIZE_DEVICE"), new(0xc0, "ATA_CMD_CFA_ERASE"), new(0xc4, "ATA_CMD_READ_MULTI"),
        new(0xc5, "ATA_CMD_WRITE_MULTI"), new(0xc6, "ATA_CMD_SET_MULTI"), new(0xc8, "ATA_CMD_READ"),
        new(0xca, "ATA_CMD_WRITE"), new(0xcd, "ATA_CMD_CFA_WRITE_MULT_NE"), new(0xce, "ATA_CMD_WRITE_MULTI_FUA_EXT"),
        new(0xd1, "ATA_CMD_CHK_MED_CRD_TYP"), new(0xde, "ATA_CMD_MEDIA_LOCK"), new(0xdf, "ATA_CMD_MEDIA_UNLOCK"),
        new(0xe0, "ATA_CMD_STANDBYNOW1"), new(0xe1, "ATA_CMD_IDLEIMMEDIATE"), new(0xe2, "ATA_CMD_STANDBY"),
        new(0xe3, "ATA_CMD_IDLE"), new(0xe4, "ATA_CMD_PMP_READ"), new(0xe5, "ATA_CMD_CHK_POWER"),
        new(0xe6, "ATA_CMD_SLEEP"), new(0xe7, "ATA_CMD_FLUSH"), new(0xe8, "ATA_CMD_PMP_WRITE"),
        new(0xe9, "ATA_CMD_PMP_READ_DMA"), new(0xea, "ATA_CMD_FLUSH_EXT"), new(0xeb, "ATA_CMD_PMP_WRITE_DMA"),
        new(0xec, "ATA_CMD_ID_ATA"), new(0xef, "ATA_CMD_SET_FEATURES"), new(0xf1, "ATA_CMD_SEC_SET_PASS"),
        new(0xf2, "ATA_CMD_SEC_UNLOCK"), new(0xf3, "ATA_CMD_SEC_ERASE_PREP"), new(0xf4, "ATA_CMD_SEC_ERASE_UNIT"),
        new(0xf5, "ATA_CMD_SEC_FREEZE_LOCK"), new(0xf6, "ATA_CMD_SEC_DISABLE_PASS"), new(0xf8, "ATA_CMD_READ_NATIVE_MAX"),
        new(0xf9, "ATA_CMD_SET_MAX"));

    /// <summary>&lt;linux/sched.h&gt; CLONE_NEW* flags as namespace types (NS_GET_NSTYPE).</summary>
    public static readonly ValueSet NamespaceTypes = new("CLONE_NEW???", false,
        new(0x80, "CLONE_NEWTIME"), new(0x20000, "CLONE_NEWNS"), new(0x2000000, "CLONE_NEWCGROUP"),
        new(0x4000000, "CLONE_NEWUTS"), new(0x8000000, "CLONE_NEWIPC"), new(0x10000000, "CLONE_NEWUSER"),
        new(0x20000000, "CLONE_NEWPID"), new(0x40000000, "CLONE_NEWNET"));

    /// <summary>&lt;linux/gpio.h&gt; GPIOLINE_FLAG_* (struct gpioline_info).</summary>
    public static readonly FlagSet GpioLineFlags = new("GPIOLINE_FLAG_???", null,
        new(0x1, "GPIOLINE_FLAG_KERNEL"), new(0x2, "GPIOLINE_FLAG_IS_OUT"), new(0x4, "GPIOLINE_FLAG_ACTIVE_LOW"),
        new(0x8, "GPIOLINE_FLAG_OPEN_DRAIN"), new(0x10, "GPIOLINE_FLAG_OPEN_SOURCE"), new(0x20, "GPIOLINE_FLAG_BIAS_PULL_UP"),
        new(0x40, "GPIOLINE_FLAG_BIAS_PULL_DOWN"), new(0x80, "GPIOLINE_FLAG_BIAS_DISABLE"));

    /// <summary>&lt;linux/gpio.h&gt; GPIOHANDLE_REQUEST_* (gpiohandle_request, gpioevent_request, gpiohandle_config).</summary>
    public static readonly FlagSet GpioHandleFlags = new("GPIOHANDLE_REQUEST_???", null,
        new(0x1, "GPIOHANDLE_REQUEST_INPUT"), new(0x2, "GPIOHANDLE_REQUEST_OUTPUT"), new(0x4, "GPIOHANDLE_REQUEST_ACTIVE_LOW"),
        new(0x8, "GPIOHANDLE_REQUEST_OPEN_DRAIN"), new(0x10, "GPIOHANDLE_REQUEST_OPEN_SOURCE"),
        new(0x20, "GPIOHANDLE_REQUEST_BIAS_PULL_UP"), new(0x40, "GPIOHANDLE_REQUEST_BIAS_PULL_DOWN"),
        new(0x80, "GPIOHANDLE_REQUEST_BIAS_DISABLE"));

    /// <summary>&lt;linux/gpio.h&gt; GPIOEVENT_REQUEST_* (both edges are one name).</summary>
    public static readonly FlagSet GpioEventFlags = new("GPIOEVENT_REQUEST_???", null,
        new(0x3, "GPIOEVENT_REQUEST_BOTH_EDGES"), new(0x1, "GPIOEVENT_REQUEST_RISING_EDGE"),
        new(0x2, "GPIOEVENT_REQUEST_FALLING_EDGE"));

    /// <summary>&lt;linux/gpio.h&gt; enum gpio_v2_line_flag, as strace 6.1 knows it (up to EVENT_CLOCK_REALTIME).</summary>
    public static readonly FlagSet GpioV2LineFlags = new("GPIO_V2_LINE_FLAG_???", null,
        new(0x1, "GPIO_V2_LINE_FLAG_USED"), new(0x2, "GPIO_V2_LINE_FLAG_ACTIVE_LOW"), new(0x4, "GPIO_V2_LINE_FLAG_INPUT"),
        new(0x8, "GPIO_V2_LINE_FLAG_OUTPUT"), new(0x10, "GPIO_V2_LINE_FLAG_EDGE_RISING"),
        new(0x20, "GPIO_V2_LINE_FLAG_EDGE_FALLING"), new(0x40, "GPIO_V2_LINE_FLAG_OPEN_DRAIN"),
        new(0x80, "GPIO_V2_LINE_FLAG_OPEN_SOURCE"), new(0x100, "GPIO_V2_LINE_FLAG_BIAS_PULL_UP"),
        new(0x200, "GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN"), new(0x400, "GPIO_V2_LINE_FLAG_BIAS_DISABLED"),
        new(0x800, "GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME"));

    /// <summary>&lt;linux/seccomp.h&gt; SECCOMP_USER_NOTIF_FLAG_* (struct seccomp_notif_resp).</summary>
    public static readonly FlagSet SeccompNotifFlags = new("SECCOMP_USER_NOTIF_FLAG_???", null,
        new Named(0x1, "SECCOMP_USER_NOTIF_FLAG_CONTINUE"));

    /// <summary>&lt;linux/seccomp.h&gt; SECCOMP_ADDFD_FLAG_* (struct seccomp_notif_addfd).</summary>
    public static readonly FlagSet SeccompAddfdFlags = new("SECCOMP_ADDFD_FLAG_???", null,
        new(0x1, "SECCOMP_ADDFD_FLAG_SETFD"), new(0x2, "SECCOMP_ADDFD_FLAG_SEND"));

    public const uint AuditArchX86_64 = 0xc000003e;

    /// <summary>&lt;linux/audit.h&gt; AUDIT_ARCH_* (struct seccomp_data's arch).</summary>
    public static readonly ValueSet AuditArches = new("AUDIT_ARCH_???", false,
        new(0xc00000b7, "AUDIT_ARCH_AARCH64"), new(0xc0009026, "AUDIT_ARCH_ALPHA"), new(0x4000005d, "AUDIT_ARCH_ARCOMPACT"),
        new(0x5d, "AUDIT_ARCH_ARCOMPACTBE"), new(0x400000c3, "AUDIT_ARCH_ARCV2"), new(0xc3, "AUDIT_ARCH_ARCV2BE"),
        new(0x40000028, "AUDIT_ARCH_ARM"), new(0x28, "AUDIT_ARCH_ARMEB"), new(0x4000008c, "AUDIT_ARCH_C6X"),
        new(0x8c, "AUDIT_ARCH_C6XBE"), new(0x4000004c, "AUDIT_ARCH_CRIS"), new(0x400000fc, "AUDIT_ARCH_CSKY"),
        new(0x5441, "AUDIT_ARCH_FRV"), new(0x2e, "AUDIT_ARCH_H8300"), new(0xa4, "AUDIT_ARCH_HEXAGON"),
        new(0x40000003, "AUDIT_ARCH_I386"), new(0xc0000032, "AUDIT_ARCH_IA64"), new(0x58, "AUDIT_ARCH_M32R"),
        new(0x4, "AUDIT_ARCH_M68K"), new(0xbd, "AUDIT_ARCH_MICROBLAZE"), new(0x8, "AUDIT_ARCH_MIPS"),
        new(0x40000008, "AUDIT_ARCH_MIPSEL"), new(0x80000008, "AUDIT_ARCH_MIPS64"), new(0xa0000008, "AUDIT_ARCH_MIPS64N32"),
        new(0xc0000008, "AUDIT_ARCH_MIPSEL64"), new(0xe0000008, "AUDIT_ARCH_MIPSEL64N32"), new(0x400000a7, "AUDIT_ARCH_NDS32"),
        new(0xa7, "AUDIT_ARCH_NDS32BE"), new(0x40000071, "AUDIT_ARCH_NIOS2"), new(0x5c, "AUDIT_ARCH_OPENRISC"),
        new(0xf, "AUDIT_ARCH_PARISC"), new(0x8000000f, "AUDIT_ARCH_PARISC64"), new(0x14, "AUDIT_ARCH_PPC"),
        new(0x80000015, "AUDIT_ARCH_PPC64"), new(0xc0000015, "AUDIT_ARCH_PPC64LE"), new(0x400000f3, "AUDIT_ARCH_RISCV32"),
        new(0xc00000f3, "AUDIT_ARCH_RISCV64"), new(0x16, "AUDIT_ARCH_S390"), new(0x80000016, "AUDIT_ARCH_S390X"),
        new(0x2a, "AUDIT_ARCH_SH"), new(0x4000002a, "AUDIT_ARCH_SHEL"), new(0x8000002a, "AUDIT_ARCH_SH64"),
        new(0xc000002a, "AUDIT_ARCH_SHEL64"), new(0x2, "AUDIT_ARCH_SPARC"), new(0x8000002b, "AUDIT_ARCH_SPARC64"),
        new(0xc00000bf, "AUDIT_ARCH_TILEGX"), new(0x400000bf, "AUDIT_ARCH_TILEGX32"), new(0x400000bc, "AUDIT_ARCH_TILEPRO"),
        new(0x4000006e, "AUDIT_ARCH_UNICORE"), new(0xc000003e, "AUDIT_ARCH_X86_64"), new(0x5e, "AUDIT_ARCH_XTENSA"),
        new(0x40000102, "AUDIT_ARCH_LOONGARCH32"), new(0xc0000102, "AUDIT_ARCH_LOONGARCH64"));

    /// <summary>&lt;linux/rtc.h&gt; RTC_VL_* (RTC_VL_READ's voltage-low flags).</summary>
    public static readonly FlagSet RtcVoltageLow = new("RTC_VL_???", null,
        new(0x1, "RTC_VL_DATA_INVALID"), new(0x2, "RTC_VL_BACKUP_LOW"), new(0x4, "RTC_VL_BACKUP_EMPTY"),
        new(0x8, "RTC_VL_ACCURACY_LOW"), new(0x10, "RTC_VL_BACKUP_SWITCH"));

    public const ulong RtcParamFeatures = 0, RtcParamCorrection = 1, RtcParamBackupSwitchMode = 2;

    /// <summary>&lt;linux/rtc.h&gt; RTC_PARAM_* (struct rtc_param's param).</summary>
    public static readonly ValueSet RtcParams = new("RTC_PARAM_???", false,
        new(RtcParamFeatures, "RTC_PARAM_FEATURES"), new(RtcParamCorrection, "RTC_PARAM_CORRECTION"),
        new(RtcParamBackupSwitchMode, "RTC_PARAM_BACKUP_SWITCH_MODE"));

    /// <summary>&lt;linux/rtc.h&gt; RTC_FEATURE_* bit numbers, as strace writes the bits: 1&lt;&lt;NAME.</summary>
    public static readonly FlagSet RtcFeatures = new("1<<RTC_FEATURE_???", null,
        new(0x1, "1<<RTC_FEATURE_ALARM"), new(0x2, "1<<RTC_FEATURE_ALARM_RES_MINUTE"), new(0x4, "1<<RTC_FEATURE_NEED_WEEK_DAY"),
        new(0x8, "1<<RTC_FEATURE_ALARM_RES_2S"), new(0x10, "1<<RTC_FEATURE_UPDATE_INTERRUPT"), new(0x20, "1<<RTC_FEATURE_CORRECTION"),
        new(0x40, "1<<RTC_FEATURE_BACKUP_SWITCH_MODE"), new(0x80, "1<<RTC_FEATURE_ALARM_WAKEUP_ONLY"));

    /// <summary>&lt;linux/rtc.h&gt; RTC_BSM_* (RTC_PARAM_BACKUP_SWITCH_MODE's value).</summary>
    public static readonly ValueSet RtcBackupSwitchModes = new("RTC_BSM_???", false,
        new(0, "RTC_BSM_DISABLED"), new(1, "RTC_BSM_DIRECT"), new(2, "RTC_BSM_LEVEL"), new(3, "RTC_BSM_STANDBY"));
}
