using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Events;

namespace Syscope.Tracing.Ebpf;

// C# mirrors of src/Syscope/Bpf/syscope.h, field for field (names in PascalCase).  BpfLayoutTests
// compiles the header with gcc and compares every size and offset.

internal enum RecordKind : ushort
{
    SyscallEntry = 1,
    SyscallExit = 2,
    Fork = 3,
    Exec = 4,
    TaskExit = 5,
    Signal = 6,
    /// <summary>More of a capture than a record holds (dumps), before the record it continues.</summary>
    Data = 7,
    /// <summary>A task's process name, at its first traced call (when names are asked for).</summary>
    Comm = 8,
    /// <summary>A KVM_RUN returned to user space, with the vcpu's exit reason (-e kvm=vcpu).</summary>
    KvmExit = 9,
}

[Flags]
internal enum RecordFlags : ushort
{
    None = 0,
    /// <summary>Exit: this call's entry record was lost.</summary>
    EntryLost = 0x1,
    /// <summary>Task exit: the thread ended inside a call (exit, exit_group, killed).</summary>
    InSyscall = 0x2,
    /// <summary>Task exit: it was the process's last thread.</summary>
    GroupDead = 0x4,
    /// <summary>Fork: the new task is a thread of the parent's process.</summary>
    Thread = 0x8,
    /// <summary>Entry: a capture faulted (a page not yet in memory) and is copied again in the
    /// exit record (its Capture.Rule has <see cref="BpfLimits.RuleRetry"/>).</summary>
    Retry = 0x10,
    /// <summary>Signal: generated for a task that ignores it, so never delivered.</summary>
    Ignored = 0x20,
    /// <summary>Task exit: a kernel worker of the process (KVM's, io_uring's), which ptrace never
    /// sees, was its last thread: the record says only that the process is gone.</summary>
    Worker = 0x40,
}

[StructLayout(LayoutKind.Sequential)]
internal struct RecordHeader
{
    public RecordKind Kind;
    public RecordFlags Flags;
    public uint Tid;
    public uint Tgid;
    /// <summary>The syscall or signal number.</summary>
    public int Nr;
    /// <summary>CLOCK_MONOTONIC, ns.</summary>
    public ulong Ts;
}

[StructLayout(LayoutKind.Sequential)]
internal struct EntryRecord
{
    public RecordHeader H;
    public SyscallArgs Args;
    public ulong Ip;
    public ulong Sp;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ExitRecord
{
    public RecordHeader H;
    public long Ret;
    /// <summary>CPU time the thread ran between entry and exit: the call's system time.</summary>
    public ulong CpuNs;
}

[Flags]
internal enum CaptureFlags : ushort
{
    None = 0,
    Truncated = 0x1,
    Fault = 0x2,
    CompleteString = 0x4,
    /// <summary>Not memory: what descriptor Addr refers to, a <see cref="FdIdentity"/> and its
    /// path's names.</summary>
    Descriptor = 0x8,
}

[Flags]
internal enum FdFlags : ushort
{
    None = 0,
    Deleted = 0x1,
    /// <summary>More names than the walk takes: the path is cut short.</summary>
    Deep = 0x2,
    Closed = 0x4,
    /// <summary>A socket: a <see cref="FdSocket"/> and its bound name follow the identity.</summary>
    Socket = 0x8,
}

[InlineArray(16)]
internal struct SocketAddressBytes
{
    private byte _first;
}

/// <summary>A socket's endpoints, as sock_diag would have told them.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FdSocket
{
    /// <summary>Network order; 4 bytes used for AF_INET.</summary>
    public SocketAddressBytes Saddr;
    public SocketAddressBytes Daddr;
    /// <summary>AF_UNIX: the peer's inode.</summary>
    public ulong PeerIno;
    /// <summary>AF_NETLINK: the port id (0: not bound).</summary>
    public uint Portid;
    public ushort Family;
    public ushort Protocol;
    public ushort Type;
    /// <summary>Host order.</summary>
    public ushort Sport;
    public ushort Dport;
    public byte State;
    /// <summary>AF_UNIX: the bound name's bytes that follow.</summary>
    public byte NameLen;
}

/// <summary>What a descriptor refers to; the names of its path follow, leaf first, each NUL-terminated.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FdIdentity
{
    public ulong Ino;
    public uint Magic;
    public uint Mode;
    /// <summary>The kernel's dev_t: major &lt;&lt; 20 | minor.</summary>
    public uint Rdev;
    /// <summary>A socket's family; a pidfd's pid.</summary>
    public uint Aux;
    public FdFlags Flags;
    /// <summary>The names that follow (a socket: its protocol's).</summary>
    public ushort Count;
    public uint Pad;
}

/// <summary>One captured region in a record: its tracee address and length; the bytes follow,
/// padded to 8.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Capture
{
    public ulong Addr;
    public uint Len;
    public byte Rule;
    public byte Arg;
    public CaptureFlags Flags;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ForkRecord
{
    public RecordHeader H;
    public uint ChildTid;
    public uint ChildTgid;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ExecRecord
{
    public RecordHeader H;
    public uint OldTid;
    public uint Pad;
    public CommBytes Comm;
}

/// <summary>A process name as the kernel keeps it (comm): NUL-padded, at most 15 bytes of name.</summary>
[InlineArray(BpfLimits.CommLength)]
internal struct CommBytes
{
    private byte _element0;

    /// <summary>The name the kernel gives a process exec'ing a file of this name: its first 15 bytes.</summary>
    public static CommBytes Of(string fileName)
    {
        var comm = new CommBytes();
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(fileName);
        utf8.AsSpan(0, Math.Min(utf8.Length, BpfLimits.CommLength - 1)).CopyTo(comm);
        return comm;
    }
}

[StructLayout(LayoutKind.Sequential)]
internal struct CommRecord
{
    public RecordHeader H;
    public CommBytes Comm;
    public uint PidNs;
    public uint Pad;
}

[StructLayout(LayoutKind.Sequential)]
internal struct KvmExitRecord
{
    /// <summary>Nr: the KVM_EXIT_* reason.</summary>
    public RecordHeader H;
    /// <summary>Negative when KVM_RUN failed (the reason then means nothing).</summary>
    public int Err;
    public uint Pad;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TaskExitRecord
{
    public RecordHeader H;
    /// <summary>Wait-status bits: (code &lt;&lt; 8) | signal | 0x80 for a core dump.</summary>
    public int ExitCode;
    public uint Pad;
}

[InlineArray(BpfLimits.DataChunk)]
internal struct DataChunkBytes
{
    private byte _first;
}

/// <summary>More of a capture: Len bytes of Data at Addr.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DataRecord
{
    public RecordHeader H;
    public ulong Addr;
    public uint Len;
    public uint Pad;
    public DataChunkBytes Data;
}

[InlineArray(48)]
internal struct SigInfoBytes
{
    private byte _first;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SignalRecord
{
    public RecordHeader H;
    public SigInfoBytes Siginfo;
}

internal enum CaptureKind : byte
{
    None = 0,
    Bytes = 1,
    String = 2,
    StringArray = 3,
    Iovec = 4,
    Msghdr = 5,
    Mmsghdr = 6,
    SigsetPair = 7,
    /// <summary>The argument (or the return value) is a descriptor: what it refers to.</summary>
    Fd = 8,
    /// <summary>The argument points to the descriptors the call made (pipe's, socketpair's).</summary>
    FdArray = 9,
}

internal enum CapturePhase : byte
{
    Entry = 0,
    /// <summary>Only when the call succeeded.</summary>
    Exit = 1,
}

/// <summary>A rule covers Header + count * ElemSize bytes; where its count comes from.</summary>
internal enum SizeSource : byte
{
    /// <summary>Count 1.</summary>
    Fixed = 0,
    /// <summary>Count args[SizeArg].</summary>
    FromArg = 1,
    /// <summary>Count the return value.</summary>
    FromReturn = 2,
    /// <summary>Count the u32 at address args[SizeArg] (a socklen_t *), read at the rule's phase.</summary>
    FromPointee = 3,
    /// <summary>Header bytes, or more when args[SizeArg], an ioctl request, encodes a larger size
    /// for its argument (_IOC_SIZE).</summary>
    FromIoctl = 4,
}

[Flags]
internal enum RuleFlags : byte
{
    None = 0,
    /// <summary>The count is of bits, stored in whole 64-bit words (fd_set, node masks).</summary>
    CountBits = 0x1,
    /// <summary>All of it, past the cap, in data records (dumps).</summary>
    Whole = 0x2,
}

/// <summary>One rule of a syscall's capture plan: which argument's memory to copy, when, and how much.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CaptureRule
{
    /// <summary>The argument holding the address, or <see cref="BpfLimits.ArgStackPointer"/>.</summary>
    public byte Arg;
    public CaptureKind Kind;
    public CapturePhase Phase;
    public SizeSource SizeFrom;
    public byte SizeArg;
    public RuleFlags Flags;
    /// <summary>Bytes per counted element (0 means 1); for string arrays the most pointers read.</summary>
    public ushort ElemSize;
    /// <summary>At most this many bytes (per string for string arrays).</summary>
    public uint Cap;
    /// <summary>Bytes before the counted elements.</summary>
    public ushort Header;
    public ushort Pad;
}

[InlineArray(BpfLimits.MaxRules)]
internal struct CaptureRules
{
    private CaptureRule _first;
}

/// <summary>The rules for one syscall, in order; a rule of kind None ends them.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CapturePlanEntry
{
    public CaptureRules Rules;
}

[InlineArray(BpfLimits.LatencyBuckets)]
internal struct LatencyHistogram
{
    private ulong _first;
}

/// <summary>The -c figures of one syscall (summed over CPUs when read).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SyscallCounter
{
    public ulong Calls;
    public ulong Errors;
    public ulong TotalNs;
    public ulong MinNs;
    public ulong MaxNs;
    /// <summary>Bucket i counts calls of [2^i, 2^(i+1)) ns; the last holds the rest.</summary>
    public LatencyHistogram LatencyLog2;
}

/// <summary>A task's name when it ended (map "ended", key: its tid), for -Y's names of processes
/// gone by the time their line is written.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EndedTask
{
    /// <summary>When it ended (CLOCK_MONOTONIC ns).</summary>
    public ulong ExitTs;
    /// <summary>When the kernel freed it, after its reaping (ulong.MaxValue: not yet).</summary>
    public ulong GoneTs;
    public CommBytes Comm;
}

[StructLayout(LayoutKind.Sequential)]
internal struct RingStats
{
    /// <summary>Records the BPF programs tried to write.</summary>
    public ulong Attempts;
    /// <summary>Of those, the records a full ring refused.</summary>
    public ulong Lost;
}

[InlineArray(BpfLimits.MaxSyscalls / 64)]
internal struct SyscallBits
{
    private ulong _first;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TraceSetBits
{
    public SyscallBits Bits;
    public ulong Others;
}

internal enum ProbeScope : uint
{
    /// <summary>Tasks whose tgid (or tid, per thread) is in the traced map.</summary>
    Pids = 0,
    /// <summary>Every task but syscope's own.</summary>
    All = 1,
}

[StructLayout(LayoutKind.Sequential)]
internal struct SyscopeConfig
{
    public ProbeScope Scope;
    public uint PerThread;
    public uint Follow;
    public uint Emit;
    public uint Count;
    public uint SelfTgid;
    public ulong WakeBytes;
    public ulong CgroupId;
    public uint CgroupLevel;
    public uint Names;
    public CommBytes Comm;
    public uint AllCalls;
    public uint CountWall;
}

/// <summary>The limits of syscope.h.</summary>
internal static class BpfLimits
{
    public const int MaxSyscalls = 512;
    /// <summary>Ids the traced set's bitmap holds (the kernel's PID_MAX_LIMIT on 64-bit).</summary>
    public const int MaxPids = 4 * 1024 * 1024;
    public const int LatencyBuckets = 40;
    public const int MaxRules = 12;
    public const int MaxMmsg = 8;
    public const int DataChunk = 16384;
    public const int MaxDataChunks = 64;
    public const int CommLength = 16;
    /// <summary>fentry/fexit pairs for a small trace set (SYSCOPE_SYSCALL_PROGRAMS).</summary>
    public const int SyscallPrograms = 4;
    /// <summary>Capture.Rule: an entry capture copied again at exit.</summary>
    public const byte RuleRetry = 0x80;
    /// <summary>CaptureRule.Arg: the user stack pointer at entry.</summary>
    public const byte ArgStackPointer = 6;
    /// <summary>CaptureRule.Arg: the return value (a descriptor the call made).</summary>
    public const byte ArgReturn = 7;
    public const int MaxPathDepth = 32;
    public const int MaxCapture = 8192;
    public const int MaxRecord = 16384;
}
