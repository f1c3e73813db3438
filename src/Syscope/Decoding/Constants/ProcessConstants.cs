namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets of process calls, in strace's order.</summary>
internal static class ProcessConstants
{
    /// <summary>&lt;linux/pidfd.h&gt; pidfd_open flags (PIDFD_NONBLOCK is O_NONBLOCK).</summary>
    public static readonly FlagSet PidfdOpenFlags = new("PIDFD_???", null, new Named(0x800, "PIDFD_NONBLOCK"));

    /// <summary>&lt;linux/sched.h&gt; clone flags; the low byte is the exit signal, printed apart.
    /// CLONE_DETACHED is ignored by the kernel and strace prints it as a leftover bit.</summary>
    public static readonly FlagSet CloneFlags = new("CLONE_???", null,
        new(0x100, "CLONE_VM"), new(0x200, "CLONE_FS"), new(0x400, "CLONE_FILES"), new(0x800, "CLONE_SIGHAND"),
        new(0x1000, "CLONE_PIDFD"), new(0x2000, "CLONE_PTRACE"), new(0x4000, "CLONE_VFORK"),
        new(0x8000, "CLONE_PARENT"), new(0x10000, "CLONE_THREAD"), new(0x20000, "CLONE_NEWNS"),
        new(0x40000, "CLONE_SYSVSEM"), new(0x80000, "CLONE_SETTLS"), new(0x100000, "CLONE_PARENT_SETTID"),
        new(0x200000, "CLONE_CHILD_CLEARTID"), new(0x800000, "CLONE_UNTRACED"),
        new(0x1000000, "CLONE_CHILD_SETTID"), new(0x2000000, "CLONE_NEWCGROUP"), new(0x4000000, "CLONE_NEWUTS"),
        new(0x8000000, "CLONE_NEWIPC"), new(0x10000000, "CLONE_NEWUSER"), new(0x20000000, "CLONE_NEWPID"),
        new(0x40000000, "CLONE_NEWNET"), new(0x80000000, "CLONE_IO"));

    /// <summary>The flags unshare acts on, in strace's order (CLONE_NEWTIME first).</summary>
    public static readonly FlagSet UnshareFlags = new("CLONE_???", null,
        new(0x80, "CLONE_NEWTIME"), new(0x100, "CLONE_VM"), new(0x200, "CLONE_FS"), new(0x400, "CLONE_FILES"),
        new(0x800, "CLONE_SIGHAND"), new(0x10000, "CLONE_THREAD"), new(0x20000, "CLONE_NEWNS"),
        new(0x40000, "CLONE_SYSVSEM"), new(0x2000000, "CLONE_NEWCGROUP"), new(0x4000000, "CLONE_NEWUTS"),
        new(0x8000000, "CLONE_NEWIPC"), new(0x10000000, "CLONE_NEWUSER"), new(0x20000000, "CLONE_NEWPID"),
        new(0x40000000, "CLONE_NEWNET"));

    /// <summary>setns's namespace types.</summary>
    public static readonly FlagSet SetnsTypes = new("CLONE_NEW???", null,
        new(0x80, "CLONE_NEWTIME"), new(0x20000, "CLONE_NEWNS"), new(0x2000000, "CLONE_NEWCGROUP"),
        new(0x4000000, "CLONE_NEWUTS"), new(0x8000000, "CLONE_NEWIPC"), new(0x10000000, "CLONE_NEWUSER"),
        new(0x20000000, "CLONE_NEWPID"), new(0x40000000, "CLONE_NEWNET"));

    /// <summary>clone3 takes 64-bit flags and knows three more than clone (whose low byte is the
    /// exit signal, where clone3 has CLONE_NEWTIME).</summary>
    public static readonly FlagSet Clone3Flags = new("CLONE_???", null,
        [.. CloneFlags.Rows, new(0x80, "CLONE_NEWTIME"), new(0x100000000, "CLONE_CLEAR_SIGHAND"), new(0x200000000, "CLONE_INTO_CGROUP")]);

    /// <summary>&lt;linux/personality.h&gt; execution domains (low byte) and flags.</summary>
    public static readonly ValueSet Personas = new("PER_???", false,
        new(0, "PER_LINUX"), new(1, "PER_SVR4"), new(2, "PER_SVR3"), new(3, "PER_SCOSVR3"), new(4, "PER_WYSEV386"),
        new(5, "PER_ISCR4"), new(6, "PER_BSD"), new(7, "PER_XENIX"), new(8, "PER_LINUX32"), new(9, "PER_IRIX32"),
        new(10, "PER_IRIXN32"), new(11, "PER_IRIX64"), new(12, "PER_RISCOS"), new(13, "PER_SOLARIS"),
        new(14, "PER_UW7"), new(15, "PER_OSF4"), new(16, "PER_HPUX"));

    public static readonly FlagSet PersonalityFlags = new("PER_???", null,
        new(0x20000, "UNAME26"), new(0x40000, "ADDR_NO_RANDOMIZE"), new(0x80000, "FDPIC_FUNCPTRS"),
        new(0x100000, "MMAP_PAGE_ZERO"), new(0x200000, "ADDR_COMPAT_LAYOUT"), new(0x400000, "READ_IMPLIES_EXEC"),
        new(0x800000, "ADDR_LIMIT_32BIT"), new(0x1000000, "SHORT_INODE"), new(0x2000000, "WHOLE_SECONDS"),
        new(0x4000000, "STICKY_TIMEOUTS"), new(0x8000000, "ADDR_LIMIT_3GB"));

    public const ulong CLONE_PIDFD = 0x1000, CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000;
    public const ulong CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000, CLONE_INTO_CGROUP = 0x200000000;

    /// <summary>&lt;linux/wait.h&gt; wait4/waitid options.</summary>
    public static readonly FlagSet WaitOptions = new("W???", null,
        new(1, "WNOHANG"), new(4, "WEXITED"), new(2, "WSTOPPED"), new(8, "WCONTINUED"), new(0x1000000, "WNOWAIT"),
        new(0x80000000, "__WCLONE"), new(0x40000000, "__WALL"), new(0x20000000, "__WNOTHREAD"));

    /// <summary>&lt;linux/wait.h&gt; waitid id types.</summary>
    public static readonly ValueSet IdTypes = new("P_???", false,
        new(0, "P_ALL"), new(1, "P_PID"), new(2, "P_PGID"), new(3, "P_PIDFD"));

    /// <summary>&lt;asm-generic/resource.h&gt;</summary>
    public static readonly ValueSet Resources = new("RLIMIT_???", false,
        new(0, "RLIMIT_CPU"), new(1, "RLIMIT_FSIZE"), new(2, "RLIMIT_DATA"), new(3, "RLIMIT_STACK"),
        new(4, "RLIMIT_CORE"), new(5, "RLIMIT_RSS"), new(6, "RLIMIT_NPROC"), new(7, "RLIMIT_NOFILE"),
        new(8, "RLIMIT_MEMLOCK"), new(9, "RLIMIT_AS"), new(10, "RLIMIT_LOCKS"), new(11, "RLIMIT_SIGPENDING"),
        new(12, "RLIMIT_MSGQUEUE"), new(13, "RLIMIT_NICE"), new(14, "RLIMIT_RTPRIO"), new(15, "RLIMIT_RTTIME"));

    /// <summary>&lt;linux/resource.h&gt; getrusage targets.</summary>
    public static readonly ValueSet RusageWho = new("RUSAGE_???", true,
        new(0, "RUSAGE_SELF"), new(unchecked((uint)-1), "RUSAGE_CHILDREN"), new(1, "RUSAGE_THREAD"));

    /// <summary>&lt;asm/prctl.h&gt; arch_prctl codes, named from <see cref="ArchPrctlCode"/>.</summary>
    public static readonly ValueSet ArchPrctl = ValueSet.FromEnum<ArchPrctlCode>("ARCH_???");

    /// <summary>&lt;linux/prctl.h&gt; options, named from <see cref="PrctlOption"/>.</summary>
    public static readonly ValueSet Prctl = ValueSet.FromEnum<PrctlOption>("PR_???");

    /// <summary>PR_SET_DUMPABLE's values (&lt;linux/sched/coredump.h&gt;, kernel-internal: not in the uapi headers).</summary>
    public static readonly ValueSet SuidDump = new("SUID_DUMP_???", false,
        new(0, "SUID_DUMP_DISABLE"), new(1, "SUID_DUMP_USER"), new(2, "SUID_DUMP_ROOT"));

    /// <summary>&lt;linux/prctl.h&gt; PR_SET_UNALIGN bits.</summary>
    public static readonly FlagSet Unalign = new("PR_UNALIGN_???", null,
        new(1, "PR_UNALIGN_NOPRINT"), new(2, "PR_UNALIGN_SIGBUS"));

    /// <summary>x86 extended state components (&lt;asm/fpu/types.h&gt;, kernel-internal), as strace 6.1 knows them.</summary>
    public static readonly ValueSet Xfeatures = new("XFEATURE_???", false,
        new(0, "XFEATURE_FP"), new(1, "XFEATURE_SSE"), new(2, "XFEATURE_YMM"), new(3, "XFEATURE_BNDREGS"),
        new(4, "XFEATURE_BNDCSR"), new(5, "XFEATURE_OPMASK"), new(6, "XFEATURE_ZMM_Hi256"), new(7, "XFEATURE_Hi16_ZMM"),
        new(8, "XFEATURE_PT_UNIMPLEMENTED_SO_FAR"), new(9, "XFEATURE_PKRU"), new(10, "XFEATURE_PASID"),
        new(15, "XFEATURE_LBR"), new(17, "XFEATURE_XTILE_CFG"), new(18, "XFEATURE_XTILE_DATA"));

    /// <summary>Their masks, the groups strace names first.</summary>
    public static readonly FlagSet XfeatureMasks = new("XFEATURE_MASK_???", null,
        new(0x3, "XFEATURE_MASK_FPSSE"), new(0x1, "XFEATURE_MASK_FP"), new(0x2, "XFEATURE_MASK_SSE"),
        new(0x4, "XFEATURE_MASK_YMM"), new(0x8, "XFEATURE_MASK_BNDREGS"), new(0x10, "XFEATURE_MASK_BNDCSR"),
        new(0xe0, "XFEATURE_MASK_AVX512"), new(0x20, "XFEATURE_MASK_OPMASK"), new(0x40, "XFEATURE_MASK_ZMM_Hi256"),
        new(0x80, "XFEATURE_MASK_Hi16_ZMM"), new(0x100, "XFEATURE_MASK_PT"), new(0x200, "XFEATURE_MASK_PKRU"),
        new(0x400, "XFEATURE_MASK_PASID"), new(0x8000, "XFEATURE_MASK_LBR"), new(0x60000, "XFEATURE_MASK_XTILE"),
        new(0x20000, "XFEATURE_MASK_XTILE_CFG"), new(0x40000, "XFEATURE_MASK_XTILE_DATA"));

    /// <summary>&lt;linux/prctl.h&gt; PR_SET_FP_MODE bits.</summary>
    public static readonly FlagSet FpMode = new("PR_FP_MODE_???", null, new(1, "PR_FP_MODE_FR"), new(2, "PR_FP_MODE_FRE"));

    /// <summary>&lt;linux/prctl.h&gt; pointer authentication keys (PR_PAC_RESET_KEYS, PR_PAC_SET_ENABLED_KEYS).</summary>
    public static readonly FlagSet PacKeys = new("PR_PAC_???", null,
        new(0x1, "PR_PAC_APIAKEY"), new(0x2, "PR_PAC_APIBKEY"), new(0x4, "PR_PAC_APDAKEY"), new(0x8, "PR_PAC_APDBKEY"),
        new(0x10, "PR_PAC_APGAKEY"));

    /// <summary>The keys PR_PAC_SET_ENABLED_KEYS takes: the generic key is always enabled.</summary>
    public static readonly FlagSet PacEnabledKeys = new("PR_PAC_???", null,
        new(0x1, "PR_PAC_APIAKEY"), new(0x2, "PR_PAC_APIBKEY"), new(0x4, "PR_PAC_APDAKEY"), new(0x8, "PR_PAC_APDBKEY"));

    /// <summary>&lt;linux/prctl.h&gt; PR_SET_TSC values.</summary>
    public static readonly ValueSet Tsc = new("PR_TSC_???", false, new(1, "PR_TSC_ENABLE"), new(2, "PR_TSC_SIGSEGV"));

    /// <summary>&lt;linux/securebits.h&gt; SECBIT_* (1 &lt;&lt; SECURE_*).</summary>
    public static readonly FlagSet Securebits = new("SECBIT_???", null,
        new(0x1, "SECBIT_NOROOT"), new(0x2, "SECBIT_NOROOT_LOCKED"), new(0x4, "SECBIT_NO_SETUID_FIXUP"),
        new(0x8, "SECBIT_NO_SETUID_FIXUP_LOCKED"), new(0x10, "SECBIT_KEEP_CAPS"), new(0x20, "SECBIT_KEEP_CAPS_LOCKED"),
        new(0x40, "SECBIT_NO_CAP_AMBIENT_RAISE"), new(0x80, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED"));

    /// <summary>&lt;linux/prctl.h&gt; PR_CAP_AMBIENT operations.</summary>
    public static readonly ValueSet CapAmbient = new("PR_CAP_AMBIENT_???", false,
        new(1, "PR_CAP_AMBIENT_IS_SET"), new(2, "PR_CAP_AMBIENT_RAISE"), new(3, "PR_CAP_AMBIENT_LOWER"),
        new(4, "PR_CAP_AMBIENT_CLEAR_ALL"));

    /// <summary>&lt;linux/prctl.h&gt; PR_MCE_KILL operations and policies.</summary>
    public static readonly ValueSet MceKill = new("PR_MCE_KILL_???", false, new(0, "PR_MCE_KILL_CLEAR"), new(1, "PR_MCE_KILL_SET"));

    public static readonly ValueSet MceKillPolicy = new("PR_MCE_KILL_???", false,
        new(0, "PR_MCE_KILL_LATE"), new(1, "PR_MCE_KILL_EARLY"), new(2, "PR_MCE_KILL_DEFAULT"));

    /// <summary>&lt;linux/seccomp.h&gt; modes (PR_SET_SECCOMP).</summary>
    public static readonly ValueSet SeccompMode = new("SECCOMP_MODE_???", false,
        new(0, "SECCOMP_MODE_DISABLED"), new(1, "SECCOMP_MODE_STRICT"), new(2, "SECCOMP_MODE_FILTER"));

    /// <summary>&lt;linux/prctl.h&gt; PR_SET_VMA operations.</summary>
    public static readonly ValueSet SetVma = new("PR_SET_VMA_???", false, new Named(0, "PR_SET_VMA_ANON_NAME"));

    /// <summary>&lt;linux/prctl.h&gt; PR_SCHED_CORE commands.</summary>
    public static readonly ValueSet SchedCore = new("PR_SCHED_CORE_???", false,
        new(0, "PR_SCHED_CORE_GET"), new(1, "PR_SCHED_CORE_CREATE"), new(2, "PR_SCHED_CORE_SHARE_TO"),
        new(3, "PR_SCHED_CORE_SHARE_FROM"));

    /// <summary>PR_SCHED_CORE's scope, by the kernel's pid types (&lt;linux/pid.h&gt;, kernel-internal), as strace names it.</summary>
    public static readonly ValueSet PidTypes = new("PIDTYPE_???", false,
        new(0, "PIDTYPE_PID"), new(1, "PIDTYPE_TGID"), new(2, "PIDTYPE_PGID"), new(3, "PIDTYPE_SID"));

    /// <summary>&lt;linux/prctl.h&gt; PR_GET/SET_SPECULATION_CTRL: the misfeature, the control set, and the state returned.</summary>
    public static readonly ValueSet SpecMisfeature = new("PR_SPEC_???", false,
        new(0, "PR_SPEC_STORE_BYPASS"), new(1, "PR_SPEC_INDIRECT_BRANCH"), new(2, "PR_SPEC_L1D_FLUSH"));

    public static readonly ValueSet SpecControl = new("PR_SPEC_???", false,
        new(2, "PR_SPEC_ENABLE"), new(4, "PR_SPEC_DISABLE"), new(8, "PR_SPEC_FORCE_DISABLE"), new(16, "PR_SPEC_DISABLE_NOEXEC"));

    public static readonly FlagSet SpecState = new("PR_SPEC_???", "PR_SPEC_NOT_AFFECTED",
        new(1, "PR_SPEC_PRCTL"), new(2, "PR_SPEC_ENABLE"), new(4, "PR_SPEC_DISABLE"), new(8, "PR_SPEC_FORCE_DISABLE"),
        new(16, "PR_SPEC_DISABLE_NOEXEC"));

    /// <summary>&lt;linux/prctl.h&gt; PR_SET_SYSCALL_USER_DISPATCH modes.</summary>
    public static readonly ValueSet SyscallDispatch = new("PR_SYS_DISPATCH_???", false,
        new(0, "PR_SYS_DISPATCH_OFF"), new(1, "PR_SYS_DISPATCH_ON"));

    /// <summary>&lt;linux/prctl.h&gt; the flags above an SVE or SME vector length (bits 16 and up).</summary>
    public static readonly FlagSet SveVlFlags = new("PR_SVE_???", null,
        new(1 << 18, "PR_SVE_SET_VL_ONEXEC"), new(1 << 17, "PR_SVE_VL_INHERIT"));

    public static readonly FlagSet SmeVlFlags = new("PR_SME_???", null,
        new(1 << 18, "PR_SME_SET_VL_ONEXEC"), new(1 << 17, "PR_SME_VL_INHERIT"));

    /// <summary>&lt;linux/prctl.h&gt; the MTE tag check fault mode of PR_SET_TAGGED_ADDR_CTRL (bits 1-2).</summary>
    public static readonly ValueSet MteTcf = new("PR_MTE_TCF_???", false,
        new(0, "PR_MTE_TCF_NONE"), new(2, "PR_MTE_TCF_SYNC"), new(4, "PR_MTE_TCF_ASYNC"), new(6, "PR_MTE_TCF_MASK"));

    /// <summary>&lt;linux/futex.h&gt; commands (the private and clock bits are printed apart).</summary>
    public static readonly ValueSet FutexCommands = new("FUTEX_???", false,
        new(0, "FUTEX_WAIT"), new(1, "FUTEX_WAKE"), new(2, "FUTEX_FD"), new(3, "FUTEX_REQUEUE"),
        new(4, "FUTEX_CMP_REQUEUE"), new(5, "FUTEX_WAKE_OP"), new(6, "FUTEX_LOCK_PI"), new(7, "FUTEX_UNLOCK_PI"),
        new(8, "FUTEX_TRYLOCK_PI"), new(9, "FUTEX_WAIT_BITSET"), new(10, "FUTEX_WAKE_BITSET"),
        new(11, "FUTEX_WAIT_REQUEUE_PI"), new(12, "FUTEX_CMP_REQUEUE_PI"), new(13, "FUTEX_LOCK_PI2"));

    /// <summary>Same commands with FUTEX_PRIVATE_FLAG folded in, as strace names them.</summary>
    public static readonly ValueSet FutexPrivateCommands = new("FUTEX_???", false,
        Array.ConvertAll(FutexCommands.Rows.ToArray(), r => new Named(r.Value | 128, r.Name + "_PRIVATE")));

    public const int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;

    /// <summary>&lt;linux/random.h&gt;</summary>
    public static readonly FlagSet GetrandomFlags = new("GRND_???", null,
        new(1, "GRND_NONBLOCK"), new(2, "GRND_RANDOM"), new(4, "GRND_INSECURE"));

    /// <summary>&lt;linux/resource.h&gt; priority targets.</summary>
    public static readonly ValueSet PriorityWhich = new("PRIO_???", false,
        new(0, "PRIO_PROCESS"), new(1, "PRIO_PGRP"), new(2, "PRIO_USER"));

    /// <summary>ioprio_get/ioprio_set targets and I/O scheduling classes (&lt;linux/ioprio.h&gt;).</summary>
    public static readonly ValueSet IoprioWho = new("IOPRIO_WHO_???", false,
        new(1, "IOPRIO_WHO_PROCESS"), new(2, "IOPRIO_WHO_PGRP"), new(3, "IOPRIO_WHO_USER"));

    public static readonly ValueSet IoprioClass = new("IOPRIO_CLASS_???", false,
        new(0, "IOPRIO_CLASS_NONE"), new(1, "IOPRIO_CLASS_RT"), new(2, "IOPRIO_CLASS_BE"), new(3, "IOPRIO_CLASS_IDLE"));

    /// <summary>IOPRIO_CLASS_SHIFT: the class sits above 13 bits of class data.</summary>
    public const int IoprioClassShift = 13;
}
