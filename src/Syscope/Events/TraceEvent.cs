using System.Runtime.CompilerServices;
using Syscope.Interop;

namespace Syscope.Events;

public enum TraceEventKind : byte
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
}

public enum AttachKind : byte { Launched, Seized, Followed }

[InlineArray(6)]
public struct SyscallArgs
{
    private ulong _element0;
}

/// <summary>
/// The one event that flows from a tracing backend to consumers.  Syscall exit events carry the
/// entry's number, arguments and time too, so consumers need not pair them up themselves.
/// </summary>
public struct TraceEvent
{
    public TraceEventKind Kind;
    public int Pid;
    /// <summary>Monotonic time of the stop, in Stopwatch ticks.</summary>
    public long Timestamp;
    /// <summary>For SyscallExit: when the entry stop happened.</summary>
    public long EntryTimestamp;
    public int SyscallNumber;
    public SyscallArgs Args;
    /// <summary>For SyscallEntry: the stack pointer, where rt_sigreturn finds the signal frame.</summary>
    public ulong StackPointer;
    /// <summary>For SyscallExit: the raw return value (negative errno on error); unset when the
    /// call never returned (exit_group, or the process died inside it).</summary>
    public long ReturnValue;
    public bool HasReturn;
    /// <summary>Signal number for Signal, GroupStop and Killed.</summary>
    public int Signal;
    public SigInfo SigInfo;
    /// <summary>Exit status for Exited.</summary>
    public int ExitCode;
    public bool CoreDumped;
    public AttachKind AttachKind;
    /// <summary>For Superseded: the id that vanished; for Attached/Followed: the parent.</summary>
    public int RelatedPid;
    /// <summary>For SyscallEntry right after attaching: the call the process was interrupted in.</summary>
    public int InterruptedSyscall;
    /// <summary>For SyscallExit: the result was injected by -e inject (strace prints "(INJECTED)");
    /// for SyscallEntry: the result will be, so even exit_group returns.</summary>
    public bool Injected;
    /// <summary>For SyscallExit: only argument memory was tampered with (strace: "(INJECTED: args)").</summary>
    public bool InjectedArgs;
    /// <summary>For SyscallExit, when the consumer asked for it: system CPU time spent in the call.</summary>
    public long SystemTimeNs;
}
