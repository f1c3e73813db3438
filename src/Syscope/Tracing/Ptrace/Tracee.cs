using Syscope.Events;

namespace Syscope.Tracing.Ptrace;

/// <summary>What the backend must remember about one traced thread between stops.</summary>
internal sealed class Tracee(int pid, int tgid)
{
    public int Pid = pid;
    /// <summary>The process it belongs to.</summary>
    public int Tgid = tgid;
    /// <summary>When it came under trace, relative to the others: detach lines follow this order, as strace's.</summary>
    public long AttachOrder;
    public bool InSyscall;
    public int SyscallNumber;
    public SyscallArgs Args;
    /// <summary>Monotonic ns of the current call's entry.</summary>
    public long EntryTimeNs;
    /// <summary>The launcher stub: nothing is reported until it reaches its execve.</summary>
    public bool Hidden;
    /// <summary>The launcher's own execve, shown, whose result decides whether the command started.</summary>
    public bool LaunchExec;
    /// <summary>In group-stop under PTRACE_LISTEN.</summary>
    public bool Listening;
    /// <summary>Attached while blocked in a syscall: which one, for restart_syscall's line.</summary>
    public int InterruptedSyscall = -1;
    /// <summary>Seen only through its parent's fork event so far; its first stop is still due.</summary>
    public bool AwaitingFirstStop;
    /// <summary>Reported its first stop before its parent's fork event came.</summary>
    public bool BornBeforeParentEvent;
    /// <summary>Its "Process N attached" was said.</summary>
    public bool Announced;
    public bool DetachRequested;
    /// <summary>-b execve: let go of it at this very stop, its execve's entry.</summary>
    public bool DetachAtStop;
    /// <summary>Runs under syscope's seccomp filter: resumed with PTRACE_CONT between traced calls.</summary>
    public bool Seccomp;
    /// <summary>The current call is one the filter selects (its events are reported).</summary>
    public bool Traced;
    /// <summary>The -e inject rule firing on the current call, if any.</summary>
    public Filtering.InjectionRule? Injecting;
    /// <summary>A poke of the call being injected wrote its memory ("(INJECTED: args)").</summary>
    public bool Poked;
    /// <summary>Invocations so far per syscall number, for inject's when=.</summary>
    public Dictionary<int, long>? InjectCounts;
    /// <summary>Stopwatch time before which the tracee must not be resumed (delay_enter/delay_exit).</summary>
    public long DelayUntil;
    /// <summary>A signal to deliver with the next resume (inject signal=).</summary>
    public int InjectSignal;
    /// <summary>System CPU time at the last stop, and at the entry of the current call.</summary>
    public long SystemNs, EntrySystemNs;
    /// <summary>-k: the current call's stack, once captured (reused call after call).</summary>
    public StackTrace? Stack;
}
