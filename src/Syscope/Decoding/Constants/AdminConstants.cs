namespace Syscope.Decoding.Constants;

/// <summary>ptrace, syslog, reboot and quotactl: requests, actions and commands.</summary>
internal static class AdminConstants
{
    /// <summary>&lt;linux/ptrace.h&gt; struct ptrace_peeksiginfo_args's flags.</summary>
    public static readonly FlagSet PeekSiginfoFlags = new("PTRACE_PEEKSIGINFO_???", null, new Named(1, "PTRACE_PEEKSIGINFO_SHARED"));

    /// <summary>&lt;linux/kexec.h&gt; kexec_load's architecture field.</summary>
    public const ulong KEXEC_ARCH_MASK = 0xffff0000;

    /// <summary>&lt;linux/kexec.h&gt; KEXEC_ARCH_* (an ELF machine number shifted 16 bits left).</summary>
    public static readonly ValueSet KexecArches = new("KEXEC_ARCH_???", false,
        new(0, "KEXEC_ARCH_DEFAULT"), new(3 << 16, "KEXEC_ARCH_386"), new(4 << 16, "KEXEC_ARCH_68K"),
        new(15 << 16, "KEXEC_ARCH_PARISC"), new(62 << 16, "KEXEC_ARCH_X86_64"), new(20 << 16, "KEXEC_ARCH_PPC"),
        new(21 << 16, "KEXEC_ARCH_PPC64"), new(50 << 16, "KEXEC_ARCH_IA_64"), new(40 << 16, "KEXEC_ARCH_ARM"),
        new(22 << 16, "KEXEC_ARCH_S390"), new(42 << 16, "KEXEC_ARCH_SH"), new(10 << 16, "KEXEC_ARCH_MIPS_LE"),
        new(8 << 16, "KEXEC_ARCH_MIPS"), new(183 << 16, "KEXEC_ARCH_AARCH64"), new(243 << 16, "KEXEC_ARCH_RISCV"),
        new(258 << 16, "KEXEC_ARCH_LOONGARCH"));

    /// <summary>&lt;linux/kexec.h&gt; kexec_load flags below the architecture (strace 6.1's).</summary>
    public static readonly FlagSet KexecLoadFlags = new("KEXEC_???", null,
        new(1, "KEXEC_ON_CRASH"), new(2, "KEXEC_PRESERVE_CONTEXT"));

    /// <summary>&lt;linux/kexec.h&gt; kexec_file_load flags.</summary>
    public static readonly FlagSet KexecFileFlags = new("KEXEC_FILE_???", null,
        new(1, "KEXEC_FILE_UNLOAD"), new(2, "KEXEC_FILE_ON_CRASH"), new(4, "KEXEC_FILE_NO_INITRAMFS"));

    /// <summary>&lt;linux/module.h&gt; finit_module(2) flags.</summary>
    public static readonly FlagSet ModuleInitFlags = new("MODULE_INIT_???", null,
        new(1, "MODULE_INIT_IGNORE_MODVERSIONS"), new(2, "MODULE_INIT_IGNORE_VERMAGIC"), new(4, "MODULE_INIT_COMPRESSED_FILE"));

    /// <summary>delete_module(2) flags: the two open flags the kernel looks at.</summary>
    public static readonly FlagSet DeleteModuleFlags = new("O_???", null, new(0x800, "O_NONBLOCK"), new(0x200, "O_TRUNC"));

    /// <summary>&lt;linux/ptrace.h&gt; struct ptrace_syscall_info's op.</summary>
    public static readonly ValueSet SyscallInfoOps = new("PTRACE_SYSCALL_INFO_???", false,
        new(0, "PTRACE_SYSCALL_INFO_NONE"), new(1, "PTRACE_SYSCALL_INFO_ENTRY"), new(2, "PTRACE_SYSCALL_INFO_EXIT"),
        new(3, "PTRACE_SYSCALL_INFO_SECCOMP"));

    /// <summary>&lt;linux/ptrace.h&gt; and &lt;asm/ptrace-abi.h&gt; (x86_64) requests.</summary>
    public static readonly ValueSet PtraceRequests = new("PTRACE_???", false,
        new(0, "PTRACE_TRACEME"), new(1, "PTRACE_PEEKTEXT"), new(2, "PTRACE_PEEKDATA"), new(3, "PTRACE_PEEKUSER"),
        new(4, "PTRACE_POKETEXT"), new(5, "PTRACE_POKEDATA"), new(6, "PTRACE_POKEUSER"), new(7, "PTRACE_CONT"),
        new(8, "PTRACE_KILL"), new(9, "PTRACE_SINGLESTEP"), new(12, "PTRACE_GETREGS"), new(13, "PTRACE_SETREGS"),
        new(14, "PTRACE_GETFPREGS"), new(15, "PTRACE_SETFPREGS"), new(16, "PTRACE_ATTACH"), new(17, "PTRACE_DETACH"),
        new(18, "PTRACE_GETFPXREGS"), new(19, "PTRACE_SETFPXREGS"), new(21, "PTRACE_OLDSETOPTIONS"),
        new(24, "PTRACE_SYSCALL"), new(25, "PTRACE_GET_THREAD_AREA"), new(26, "PTRACE_SET_THREAD_AREA"),
        new(30, "PTRACE_ARCH_PRCTL"), new(31, "PTRACE_SYSEMU"), new(32, "PTRACE_SYSEMU_SINGLESTEP"),
        new(33, "PTRACE_SINGLEBLOCK"),
        new(0x4200, "PTRACE_SETOPTIONS"), new(0x4201, "PTRACE_GETEVENTMSG"), new(0x4202, "PTRACE_GETSIGINFO"),
        new(0x4203, "PTRACE_SETSIGINFO"), new(0x4204, "PTRACE_GETREGSET"), new(0x4205, "PTRACE_SETREGSET"),
        new(0x4206, "PTRACE_SEIZE"), new(0x4207, "PTRACE_INTERRUPT"), new(0x4208, "PTRACE_LISTEN"),
        new(0x4209, "PTRACE_PEEKSIGINFO"), new(0x420a, "PTRACE_GETSIGMASK"), new(0x420b, "PTRACE_SETSIGMASK"),
        new(0x420c, "PTRACE_SECCOMP_GET_FILTER"), new(0x420d, "PTRACE_SECCOMP_GET_METADATA"),
        new(0x420e, "PTRACE_GET_SYSCALL_INFO"), new(0x420f, "PTRACE_GET_RSEQ_CONFIGURATION"),
        new(0x4210, "PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG"), new(0x4211, "PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG"));

    /// <summary>&lt;linux/ptrace.h&gt; PTRACE_O_* options (PTRACE_SETOPTIONS, PTRACE_SEIZE).</summary>
    public static readonly FlagSet PtraceOptions = new("PTRACE_O_???", null,
        new(0x01, "PTRACE_O_TRACESYSGOOD"), new(0x02, "PTRACE_O_TRACEFORK"), new(0x04, "PTRACE_O_TRACEVFORK"),
        new(0x08, "PTRACE_O_TRACECLONE"), new(0x10, "PTRACE_O_TRACEEXEC"), new(0x20, "PTRACE_O_TRACEVFORKDONE"),
        new(0x40, "PTRACE_O_TRACEEXIT"), new(0x80, "PTRACE_O_TRACESECCOMP"), new(0x100000, "PTRACE_O_EXITKILL"),
        new(0x200000, "PTRACE_O_SUSPEND_SECCOMP"));

    /// <summary>&lt;linux/elf.h&gt; regset types that PTRACE_GETREGSET/SETREGSET take on x86_64.</summary>
    public static readonly ValueSet RegsetTypes = new("NT_???", false,
        new(1, "NT_PRSTATUS"), new(2, "NT_FPREGSET"), new(3, "NT_PRPSINFO"), new(4, "NT_TASKSTRUCT"), new(6, "NT_AUXV"),
        new(0x200, "NT_386_TLS"), new(0x201, "NT_386_IOPERM"), new(0x202, "NT_X86_XSTATE"));

    /// <summary>struct user_regs_struct (&lt;sys/user.h&gt;, x86_64), in field order; PTRACE_PEEKUSER
    /// names these offsets 8*NAME.</summary>
    public static readonly string[] UserRegs =
    [
        "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi",
        "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs",
    ];

    /// <summary><see cref="UserRegs"/> as the bytes a structure's field names are written in.</summary>
    public static readonly byte[][] UserRegNames = Array.ConvertAll(UserRegs, System.Text.Encoding.ASCII.GetBytes);

    /// <summary>&lt;sys/user.h&gt; (x86_64) struct user fields after the registers, by offset, for
    /// PTRACE_PEEKUSER/POKEUSER; an offset inside a field prints as the field plus the rest.</summary>
    public static readonly (uint Offset, string Name)[] UserFields =
    [
        (0xd8, "u_fpvalid"), (0xe0, "i387"), (0x2e0, "u_tsize"), (0x2e8, "u_dsize"), (0x2f0, "u_ssize"),
        (0x2f8, "start_code"), (0x300, "start_stack"), (0x308, "signal"), (0x310, "reserved"), (0x318, "u_ar0"),
        (0x320, "u_fpstate"), (0x328, "magic"), (0x330, "u_comm"), (0x350, "u_debugreg"),
    ];

    public const uint SizeofUser = 0x390;

    /// <summary>&lt;linux/syslog.h&gt; (kernel-internal) SYSLOG_ACTION_*.</summary>
    public static readonly ValueSet SyslogActions = new("SYSLOG_ACTION_???", true,
        new(0, "SYSLOG_ACTION_CLOSE"), new(1, "SYSLOG_ACTION_OPEN"), new(2, "SYSLOG_ACTION_READ"),
        new(3, "SYSLOG_ACTION_READ_ALL"), new(4, "SYSLOG_ACTION_READ_CLEAR"), new(5, "SYSLOG_ACTION_CLEAR"),
        new(6, "SYSLOG_ACTION_CONSOLE_OFF"), new(7, "SYSLOG_ACTION_CONSOLE_ON"), new(8, "SYSLOG_ACTION_CONSOLE_LEVEL"),
        new(9, "SYSLOG_ACTION_SIZE_UNREAD"), new(10, "SYSLOG_ACTION_SIZE_BUFFER"));

    /// <summary>&lt;linux/kern_levels.h&gt; LOGLEVEL_*, for SYSLOG_ACTION_CONSOLE_LEVEL.</summary>
    public static readonly ValueSet LogLevels = new("LOGLEVEL_???", true,
        new(0, "LOGLEVEL_EMERG"), new(1, "LOGLEVEL_ALERT"), new(2, "LOGLEVEL_CRIT"), new(3, "LOGLEVEL_ERR"),
        new(4, "LOGLEVEL_WARNING"), new(5, "LOGLEVEL_NOTICE"), new(6, "LOGLEVEL_INFO"), new(7, "LOGLEVEL_DEBUG"));

    /// <summary>&lt;sys/swap.h&gt; swapon flags (the priority below them is a number).</summary>
    public static readonly FlagSet SwapFlags = new("SWAP_FLAG_???", null,
        new(0x8000, "SWAP_FLAG_PREFER"), new(0x10000, "SWAP_FLAG_DISCARD"), new(0x20000, "SWAP_FLAG_DISCARD_ONCE"),
        new(0x40000, "SWAP_FLAG_DISCARD_PAGES"));

    /// <summary>&lt;linux/reboot.h&gt; magic numbers.</summary>
    public static readonly ValueSet RebootMagic = new("LINUX_REBOOT_MAGIC_???", false,
        new(0xfee1dead, "LINUX_REBOOT_MAGIC1"), new(0x28121969, "LINUX_REBOOT_MAGIC2"),
        new(0x05121996, "LINUX_REBOOT_MAGIC2A"), new(0x16041998, "LINUX_REBOOT_MAGIC2B"),
        new(0x20112000, "LINUX_REBOOT_MAGIC2C"));

    public const uint LINUX_REBOOT_CMD_RESTART2 = 0xa1b2c3d4;

    /// <summary>&lt;linux/reboot.h&gt; LINUX_REBOOT_CMD_*.</summary>
    public static readonly ValueSet RebootCommands = new("LINUX_REBOOT_CMD_???", false,
        new(0x01234567, "LINUX_REBOOT_CMD_RESTART"), new(0xcdef0123, "LINUX_REBOOT_CMD_HALT"),
        new(0x89abcdef, "LINUX_REBOOT_CMD_CAD_ON"), new(0x00000000, "LINUX_REBOOT_CMD_CAD_OFF"),
        new(0x4321fedc, "LINUX_REBOOT_CMD_POWER_OFF"), new(LINUX_REBOOT_CMD_RESTART2, "LINUX_REBOOT_CMD_RESTART2"),
        new(0xd000fce2, "LINUX_REBOOT_CMD_SW_SUSPEND"), new(0x45584543, "LINUX_REBOOT_CMD_KEXEC"));

    /// <summary>&lt;linux/quota.h&gt; Q_* and &lt;linux/dqblk_xfs.h&gt; Q_X* commands (QCMD's upper part).</summary>
    public const uint Q_SYNC = 0x800001, Q_QUOTAON = 0x800002, Q_QUOTAOFF = 0x800003, Q_GETFMT = 0x800004, Q_GETINFO = 0x800005,
        Q_SETINFO = 0x800006, Q_GETQUOTA = 0x800007, Q_SETQUOTA = 0x800008, Q_GETNEXTQUOTA = 0x800009,
        Q_XQUOTAON = 0x5801, Q_XQUOTAOFF = 0x5802, Q_XGETQUOTA = 0x5803, Q_XSETQLIM = 0x5804, Q_XGETQSTAT = 0x5805,
        Q_XQUOTARM = 0x5806, Q_XQUOTASYNC = 0x5807, Q_XGETQSTATV = 0x5808, Q_XGETNEXTQUOTA = 0x5809;

    public static readonly ValueSet QuotaCommands = new("Q_???", false,
        new(Q_SYNC, "Q_SYNC"), new(Q_QUOTAON, "Q_QUOTAON"), new(Q_QUOTAOFF, "Q_QUOTAOFF"), new(Q_GETFMT, "Q_GETFMT"),
        new(Q_GETINFO, "Q_GETINFO"), new(Q_SETINFO, "Q_SETINFO"), new(Q_GETQUOTA, "Q_GETQUOTA"), new(Q_SETQUOTA, "Q_SETQUOTA"),
        new(Q_GETNEXTQUOTA, "Q_GETNEXTQUOTA"),
        new(Q_XQUOTAON, "Q_XQUOTAON"), new(Q_XQUOTAOFF, "Q_XQUOTAOFF"), new(Q_XGETQUOTA, "Q_XGETQUOTA"), new(Q_XSETQLIM, "Q_XSETQLIM"),
        new(Q_XGETQSTAT, "Q_XGETQSTAT"), new(Q_XQUOTARM, "Q_XQUOTARM"), new(Q_XQUOTASYNC, "Q_XQUOTASYNC"), new(Q_XGETQSTATV, "Q_XGETQSTATV"),
        new(Q_XGETNEXTQUOTA, "Q_XGETNEXTQUOTA"));

    /// <summary>&lt;linux/quota.h&gt; QIF_* (if_dqblk's dqb_valid), DQF_* (if_dqinfo's dqi_flags) and
    /// IIF_* (its dqi_valid).</summary>
    public static readonly FlagSet QuotaBlockValid = new("QIF_???", null,
        new(0x1, "QIF_BLIMITS"), new(0x2, "QIF_SPACE"), new(0x4, "QIF_ILIMITS"), new(0x8, "QIF_INODES"), new(0x10, "QIF_BTIME"),
        new(0x20, "QIF_ITIME"));

    public static readonly FlagSet QuotaInfoFlags = new("DQF_???", null, new(0x1, "DQF_ROOT_SQUASH"), new(0x10000, "DQF_SYS_FILE"));

    public static readonly FlagSet QuotaInfoValid = new("IIF_???", null, new(0x1, "IIF_BGRACE"), new(0x2, "IIF_IGRACE"), new(0x4, "IIF_FLAGS"));

    /// <summary>&lt;linux/dqblk_xfs.h&gt; FS_QUOTA_* (what is accounted and enforced) and the quota
    /// types of fs_disk_quota's d_flags and Q_XQUOTARM.</summary>
    public static readonly FlagSet XfsQuotaFlags = new("FS_QUOTA_???", null,
        new(0x1, "FS_QUOTA_UDQ_ACCT"), new(0x2, "FS_QUOTA_UDQ_ENFD"), new(0x4, "FS_QUOTA_GDQ_ACCT"), new(0x8, "FS_QUOTA_GDQ_ENFD"),
        new(0x10, "FS_QUOTA_PDQ_ACCT"), new(0x20, "FS_QUOTA_PDQ_ENFD"));

    public static readonly FlagSet XfsQuotaTypes = new("FS_???_QUOTA", null,
        new(0x1, "FS_USER_QUOTA"), new(0x2, "FS_PROJ_QUOTA"), new(0x4, "FS_GROUP_QUOTA"));

    /// <summary>&lt;linux/quota.h&gt; quota types (QCMD's low byte).</summary>
    public static readonly ValueSet QuotaTypes = new("???QUOTA", false,
        new(0, "USRQUOTA"), new(1, "GRPQUOTA"), new(2, "PRJQUOTA"));

    /// <summary>&lt;linux/quota.h&gt; QFMT_* formats, Q_QUOTAON's id.</summary>
    public static readonly ValueSet QuotaFormats = new("QFMT_VFS_???", false,
        new(1, "QFMT_VFS_OLD"), new(2, "QFMT_VFS_V0"), new(3, "QFMT_OCFS2"), new(4, "QFMT_VFS_V1"));
}
