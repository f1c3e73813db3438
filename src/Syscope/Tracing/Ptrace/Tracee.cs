using Syscope.Events;

namespace Syscope.Tracing.Ptrace;

/// <summary>What the backend must remember about one traced thread between stops.</summary>
internal sealed class Tracee(int pid)
{
    public int Pid = pid;
    public bool InSyscall;
    public int SyscallNumber;
    public SyscallArgs Args;
    public long EntryTimestamp;
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
    public bool DetachRequested;
}
