using System.Runtime.CompilerServices;
using Syscope.Kernel;
using Syscope.Kernel.Abi;

namespace Syscope.Events;

internal enum TraceEventKind : byte
{
    /// <summary>A process or thread came under trace (launched, attached with -p, or followed).</summary>
    Attached,
    SyscallEntry,
    SyscallExit,
    /// <summary>A signal is about to be delivered (signal-delivery-stop).</summary>
    Signal,
    /// <summary>The tracee entered group-stop (SIGSTOP, SIGTSTP...).</summary>
    GroupStop,
    Exited,
    Killed,
    /// <summary>The tracer let go of the tracee, which runs on.</summary>
    Detached,
    /// <summary>A non-leader thread exec'd: the old thread id vanished into the leader's.</summary>
    Superseded,
    /// <summary>The launched command's execve failed (ReturnValue is -errno): the run ends with
    /// exit status 1.  The failed execve itself was reported as a call before.</summary>
    ExecFailed,
    /// <summary>Something the backend wants the user to know (Message), outside the trace.</summary>
    Message,
    /// <summary>What a backend counted itself for one syscall (the eBPF backend's -c, in the kernel):
    /// SyscallNumber and Totals, reported once when tracing ends.</summary>
    CallTotals,
    /// <summary>Records the backend could not deliver (its ring buffer was full) since the last such
    /// event: Loss.  Reported where the loss was noticed, so it stands in the trace where it happened.</summary>
    EventsLost,
    /// <summary>The process exec'd (its execve or execveat succeeded, traced or not): it runs
    /// another program now, under another name.  Comes before the execve's return.</summary>
    Execed,
}

/// <summary>Events a backend lost: how many, and the size of the buffer that overflowed (bytes), which
/// is what a user enlarges (--buffer-size).</summary>
internal readonly record struct EventLoss(long Events, long BufferBytes);

/// <summary>Calls of one syscall counted by a backend: how many, how many failed, and their
/// wall-clock latency (total, least, most) in ns.</summary>
internal readonly record struct CallTotals(long Calls, long Errors, long TotalNs, long MinNs, long MaxNs);

internal enum AttachKind : byte
{
    /// <summary>The command syscope started; it shows from its execve on.</summary>
    Launched,
    /// <summary>A process attached with -p (every thread of it; ThreadCount says how many).</summary>
    Seized,
    /// <summary>A child or thread a traced process created (-f).</summary>
    Followed,
    /// <summary>The command of trace -D: syscope's own first process, seized by a detached tracer
    /// and announced as attached; it shows from its execve on.</summary>
    Adopted,
}

[InlineArray(6)]
internal struct SyscallArgs
{
    private ulong _element0;
}

/// <summary>
/// The one event that flows from a tracing backend to consumers: everything a backend reports,
/// calls, signals, exits, attaching and detaching, a failed launch and warnings, is one of these.
/// Syscall exit events carry the entry's number, arguments and time too, so consumers need not
/// pair them up themselves.  Times are CLOCK_MONOTONIC nanoseconds, the kernel's own clock for
/// ptrace stops and for BPF (bpf_ktime_get_ns), so a recorded stream keeps them as they were.
/// </summary>
internal struct TraceEvent
{
    public TraceEventKind Kind;
    /// <summary>The thread (strace's "pid"): the kernel's task id.</summary>
    public int Tid;
    /// <summary>The process the thread belongs to (its thread group leader's id).</summary>
    public int Tgid;
    /// <summary>When the event happened (for SyscallExit: the return), monotonic ns.</summary>
    public long TimeNs;
    /// <summary>For SyscallExit, and Detached inside a call: when the call was entered, monotonic ns.</summary>
    public long EntryTimeNs;
    /// <summary>For calls, the call; for signals, stops and exits, the thread's last call (-n
    /// prints it there too; 0 when the backend does not know).</summary>
    public int SyscallNumber;
    public SyscallArgs Args;
    /// <summary>For calls: the user-space address after the syscall instruction (0 when unknown).</summary>
    public ulong InstructionPointer;
    /// <summary>For calls: the stack pointer, where rt_sigreturn finds the signal frame (0 when unknown).</summary>
    public ulong StackPointer;
    /// <summary>For SyscallExit: the raw return value (negative errno on error); unset when the
    /// call never returned (exit_group, or the process died inside it).  For ExecFailed: -errno.</summary>
    public long ReturnValue;
    public bool HasReturn;
    /// <summary>Signal number for Signal, GroupStop and Killed.</summary>
    public int Signal;
    public SigInfo SigInfo;
    /// <summary>Exit status for Exited.</summary>
    public int ExitCode;
    public bool CoreDumped;
    public AttachKind AttachKind;
    /// <summary>For Attached/Seized: how many threads were seized with the process.</summary>
    public int ThreadCount;
    /// <summary>For Superseded: the thread id that vanished; for Attached/Followed: the parent.</summary>
    public int RelatedTid;
    /// <summary>For SyscallEntry right after attaching: the call the process was interrupted in.</summary>
    public int InterruptedSyscall;
    /// <summary>For SyscallExit: the result was injected by -e inject (strace prints "(INJECTED)");
    /// for SyscallEntry: the result will be, so even exit_group returns.</summary>
    public bool Injected;
    /// <summary>For SyscallExit: -e inject=...:retval= set the result, which is then a value even
    /// where it looks like an error (strace prints retval=-2 as 18446744073709551614).</summary>
    public bool InjectedValue;
    /// <summary>For SyscallExit: only argument memory was tampered with (strace: "(INJECTED: args)").</summary>
    public bool InjectedArgs;
    /// <summary>For SyscallExit: -e inject delayed the call's entry or exit (strace: "(DELAYED)").</summary>
    public bool Delayed;
    /// <summary>For SyscallExit, when the consumer asked for it: system CPU time spent in the call.</summary>
    public long SystemTimeNs;
    /// <summary>For Message: the text, without the "syscope: " the output adds.</summary>
    public string? Message;
    /// <summary>-k: for SyscallExit, and SyscallEntry of calls that never return, the call's
    /// user-space stack (the backend's object, valid during the event only); null without -k.</summary>
    public StackTrace? Stack;
    /// <summary>For CallTotals.</summary>
    public CallTotals Totals;
    /// <summary>For EventsLost.</summary>
    public EventLoss Loss;
    /// <summary>SyscallExit of a KVM_RUN, when the backend was told why the vcpu exited (eBPF's
    /// kvm_userspace_exit tracepoint); ptrace reads the reason from the vcpu's kvm_run instead.</summary>
    public uint KvmExitReason;
    public bool HasKvmExit;

    /// <summary>A new event of a thread, every other field at rest: what each backend starts from,
    /// so "no interrupted call" (-1, not syscall 0) is said once.</summary>
    public static TraceEvent Start(TraceEventKind kind, int tid, int tgid, long timeNs) => new()
    {
        Kind = kind,
        Tid = tid,
        Tgid = tgid,
        TimeNs = timeNs,
        InterruptedSyscall = -1,
    };
}
