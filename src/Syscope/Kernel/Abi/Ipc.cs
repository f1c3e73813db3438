using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>The owner and mode of a System V IPC object, heading each *id64_ds.</summary>
[CLayout("struct ipc64_perm", "linux/ipc.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IpcPerm
{
    [CField("key")] public int Key;
    [CField("uid")] public uint Uid;
    [CField("gid")] public uint Gid;
    [CField("cuid")] public uint Cuid;
    [CField("cgid")] public uint Cgid;
    [CField("mode")] public uint Mode;
    [CField("seq")] public ushort Seq;
    private ushort _pad2;
    private uint _pad3;
    private ulong _unused1, _unused2;
}

[CLayout("struct shmid64_ds", "linux/shm.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ShmidDs
{
    [CField("shm_perm")] public IpcPerm Perm;
    [CField("shm_segsz")] public ulong Segsz;
    [CField("shm_atime")] public long Atime;
    [CField("shm_dtime")] public long Dtime;
    [CField("shm_ctime")] public long Ctime;
    [CField("shm_cpid")] public int Cpid;
    [CField("shm_lpid")] public int Lpid;
    [CField("shm_nattch")] public ulong Nattch;
    private ulong _unused4, _unused5;
}

[CLayout("struct msqid64_ds", "linux/msg.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct MsqidDs
{
    [CField("msg_perm")] public IpcPerm Perm;
    [CField("msg_stime")] public long Stime;
    [CField("msg_rtime")] public long Rtime;
    [CField("msg_ctime")] public long Ctime;
    [CField("msg_cbytes")] public ulong Cbytes;
    [CField("msg_qnum")] public ulong Qnum;
    [CField("msg_qbytes")] public ulong Qbytes;
    [CField("msg_lspid")] public int Lspid;
    [CField("msg_lrpid")] public int Lrpid;
    private ulong _unused4, _unused5;
}

[CLayout("struct semid64_ds", "linux/sem.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SemidDs
{
    [CField("sem_perm")] public IpcPerm Perm;
    [CField("sem_otime")] public long Otime;
    private ulong _unused1;
    [CField("sem_ctime")] public long Ctime;
    private ulong _unused2;
    [CField("sem_nsems")] public ulong Nsems;
    private ulong _unused3, _unused4;
}

/// <summary>shmctl(SHM_INFO)'s usage figures.</summary>
[CLayout("struct shm_info", "linux/shm.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ShmInfo
{
    [CField("used_ids")] public int UsedIds;
    [CField("shm_tot")] public ulong Tot;
    [CField("shm_rss")] public ulong Rss;
    [CField("shm_swp")] public ulong Swp;
    [CField("swap_attempts")] public ulong SwapAttempts;
    [CField("swap_successes")] public ulong SwapSuccesses;
}

/// <summary>One semop(2) operation.</summary>
[CLayout("struct sembuf", "linux/sem.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Sembuf
{
    [CField("sem_num")] public ushort Num;
    [CField("sem_op")] public short Op;
    [CField("sem_flg")] public short Flg;
}

[CLayout("struct mq_attr", "linux/mqueue.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MqAttr
{
    [CField("mq_flags")] public long Flags;
    [CField("mq_maxmsg")] public long MaxMsg;
    [CField("mq_msgsize")] public long MsgSize;
    [CField("mq_curmsgs")] public long CurMsgs;
    private fixed long _reserved[4];
}

/// <summary>One futex of futex_waitv(2).</summary>
[CLayout("struct futex_waitv", "linux/futex.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FutexWaitv
{
    [CField("val")] public ulong Val;
    [CField("uaddr")] public ulong Uaddr;
    [CField("flags")] public uint Flags;
    private uint _reserved;
}
