using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>clone3(2)'s arguments, up to cgroup (CLONE_ARGS_SIZE_VER2).</summary>
[CLayout("struct clone_args", "linux/sched.h", Size = "CLONE_ARGS_SIZE_VER2")]
[StructLayout(LayoutKind.Sequential)]
internal struct CloneArgs
{
    [CField("flags")] public ulong Flags;
    [CField("pidfd")] public ulong Pidfd;
    [CField("child_tid")] public ulong ChildTid;
    [CField("parent_tid")] public ulong ParentTid;
    [CField("exit_signal")] public ulong ExitSignal;
    [CField("stack")] public ulong Stack;
    [CField("stack_size")] public ulong StackSize;
    [CField("tls")] public ulong Tls;
    [CField("set_tid")] public ulong SetTid;
    [CField("set_tid_size")] public ulong SetTidSize;
    [CField("cgroup")] public ulong Cgroup;
}

/// <summary>sched_setattr(2)'s attributes, up to the utilization clamps (SCHED_ATTR_SIZE_VER1).</summary>
[CLayout("struct sched_attr", "linux/sched/types.h", Size = "SCHED_ATTR_SIZE_VER1")]
[StructLayout(LayoutKind.Sequential)]
internal struct SchedAttr
{
    [CField("size")] public uint Size;
    [CField("sched_policy")] public uint Policy;
    [CField("sched_flags")] public ulong Flags;
    [CField("sched_nice")] public int Nice;
    [CField("sched_priority")] public uint Priority;
    [CField("sched_runtime")] public ulong Runtime;
    [CField("sched_deadline")] public ulong Deadline;
    [CField("sched_period")] public ulong Period;
    [CField("sched_util_min")] public uint UtilMin;
    [CField("sched_util_max")] public uint UtilMax;
}

/// <summary>A resource limit (prlimit64(2)); x86_64's struct rlimit has the same two 64-bit words.</summary>
[CLayout("struct rlimit64", "linux/resource.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Rlimit64
{
    [CField("rlim_cur")] public ulong Cur;
    [CField("rlim_max")] public ulong Max;
}

/// <summary>Process times in clock ticks (times(2)).</summary>
[CLayout("struct tms", "linux/times.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Tms
{
    [CField("tms_utime")] public ulong Utime;
    [CField("tms_stime")] public ulong Stime;
    [CField("tms_cutime")] public ulong Cutime;
    [CField("tms_cstime")] public ulong Cstime;
}

/// <summary>Resource usage (wait4(2), getrusage(2)): two timevals, then fourteen counters.</summary>
[CLayout("struct rusage", "linux/resource.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Rusage
{
    [CField("ru_utime.tv_sec")] public long UtimeSec;
    [CField("ru_utime.tv_usec")] public long UtimeUsec;
    [CField("ru_stime.tv_sec")] public long StimeSec;
    [CField("ru_stime.tv_usec")] public long StimeUsec;
    [CField("ru_maxrss")] public long MaxRss;
    [CField("ru_ixrss")] public long IxRss;
    [CField("ru_idrss")] public long IdRss;
    [CField("ru_isrss")] public long IsRss;
    [CField("ru_minflt")] public long MinFlt;
    [CField("ru_majflt")] public long MajFlt;
    [CField("ru_nswap")] public long Nswap;
    [CField("ru_inblock")] public long InBlock;
    [CField("ru_oublock")] public long OuBlock;
    [CField("ru_msgsnd")] public long MsgSnd;
    [CField("ru_msgrcv")] public long MsgRcv;
    [CField("ru_nsignals")] public long Nsignals;
    [CField("ru_nvcsw")] public long Nvcsw;
    [CField("ru_nivcsw")] public long Nivcsw;
}

[CLayout("struct __user_cap_header_struct", "linux/capability.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct CapUserHeader
{
    [CField("version")] public uint Version;
    [CField("pid")] public int Pid;
}

[CLayout("struct __user_cap_data_struct", "linux/capability.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct CapUserData
{
    [CField("effective")] public uint Effective;
    [CField("permitted")] public uint Permitted;
    [CField("inheritable")] public uint Inheritable;
}

/// <summary>_sysctl(2)'s arguments.</summary>
[CLayout("struct __sysctl_args", "linux/sysctl.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SysctlArgs
{
    [CField("name")] public ulong Name;
    [CField("nlen")] public int Nlen;
    [CField("oldval")] public ulong Oldval;
    [CField("oldlenp")] public ulong Oldlenp;
    [CField("newval")] public ulong Newval;
    [CField("newlen")] public ulong Newlen;
    private fixed ulong _unused[4];
}

/// <summary>kcmp(2)'s KCMP_EPOLL_TFD target: a descriptor registered in an epoll instance.</summary>
[CLayout("struct kcmp_epoll_slot", "linux/kcmp.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KcmpEpollSlot
{
    [CField("efd")] public uint Efd;
    [CField("tfd")] public uint Tfd;
    [CField("toff")] public uint Toff;
}

/// <summary>landlock_add_rule(2)'s LANDLOCK_RULE_PATH_BENEATH, packed to 12 bytes.</summary>
[CLayout("struct landlock_path_beneath_attr", "linux/landlock.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct LandlockPathBeneathAttr
{
    [CField("allowed_access")] public ulong AllowedAccess;
    [CField("parent_fd")] public int ParentFd;
}

/// <summary>glibc's opaque spawn attributes, only ever handed to posix_spawnattr_*(3).</summary>
[CLayout("posix_spawnattr_t", "spawn.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PosixSpawnAttr
{
    private fixed byte _opaque[336];
}

/// <summary>glibc's opaque spawn file actions, only ever handed to posix_spawn_file_actions_*(3).</summary>
[CLayout("posix_spawn_file_actions_t", "spawn.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PosixSpawnFileActions
{
    private fixed byte _opaque[80];
}

/// <summary>A classic BPF program (seccomp's filter, PR_SET_SECCOMP, SO_ATTACH_FILTER).</summary>
[CLayout("struct sock_fprog", "linux/filter.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SockFprog
{
    [CField("len")] public ushort Length;
    [CField("filter")] public ulong Filter;
}

/// <summary>One classic BPF instruction.</summary>
[CLayout("struct sock_filter", "linux/filter.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SockFilter
{
    [CField("code")] public ushort Code;
    [CField("jt")] public byte JumpTrue;
    [CField("jf")] public byte JumpFalse;
    [CField("k")] public uint K;
}

/// <summary>What SECCOMP_GET_NOTIF_SIZES writes: the sizes of the notification structures.</summary>
[CLayout("struct seccomp_notif_sizes", "linux/seccomp.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SeccompNotifSizes
{
    [CField("seccomp_notif")] public ushort Notif;
    [CField("seccomp_notif_resp")] public ushort NotifResp;
    [CField("seccomp_data")] public ushort Data;
}

/// <summary>One piece of the new kernel kexec_load copies: where it is and where it goes.</summary>
[CLayout("struct kexec_segment", "linux/kexec.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KexecSegment
{
    [CField("buf")] public ulong Buf;
    [CField("bufsz")] public ulong BufSize;
    [CField("mem")] public ulong Mem;
    [CField("memsz")] public ulong MemSize;
}

/// <summary>A thread-local storage segment (set_thread_area, get_thread_area): three words, then
/// one word of bit fields.</summary>
[CLayout("struct user_desc", "asm/ldt.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UserDesc
{
    [CField("entry_number")] public uint EntryNumber;
    [CField("base_addr")] public uint BaseAddr;
    [CField("limit")] public uint Limit;
    // seg_32bit:1, contents:2, read_exec_only:1, limit_in_pages:1, seg_not_present:1, useable:1, lm:1.
    private uint _bits;

    public readonly uint Bits(int shift, int width) => (_bits >> shift) & ((1u << width) - 1);
}
