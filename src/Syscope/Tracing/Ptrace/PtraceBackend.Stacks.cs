using Syscope.Events;
using Syscope.Filtering;
using Syscope.Interop;
using Syscope.Stacks.Dwarf;
using Syscope.Stacks.Unwind;
using Syscope.Syscalls;

namespace Syscope.Tracing.Ptrace;

/// <summary>-k: each traced call's stack, captured where strace captures it.</summary>
internal sealed partial class PtraceBackend
{
    private StackUnwinder? _unwinder;

    /// <summary>strace unwinds at the entry of calls after which the stack is gone (exit) or is
    /// another program's (execve), and at the return of every other.</summary>
    private static bool StackAtEntry(int nr) => nr is Sys.execve or Sys.execveat or Sys.exit or Sys.exit_group;

    /// <summary>Calls after which the process's mappings are read again before the next walk.</summary>
    private static readonly int[] s_mappingCalls = [Sys.mmap, Sys.munmap, Sys.mremap, Sys.mprotect, Sys.execve, Sys.execveat, Sys.shmat, Sys.shmdt];

    private static bool ChangesMappings(int nr) => Array.IndexOf(s_mappingCalls, nr) >= 0;

    /// <summary>The calls the seccomp filter stops: the traced ones, and under -k those that change
    /// the mappings too (stopped, not shown), or a library loaded where an unloaded one was would
    /// be named by the old one's symbols.</summary>
    private SyscallSet SeccompStops() => _target.StackTraces == null ? _filter.Trace
        : new SyscallSet(_filter.Trace.Members.Concat(s_mappingCalls));

    private void StackAtEntryStop(Tracee t)
    {
        if (_target.StackTraces == null || !StackAtEntry(t.SyscallNumber) || t.LaunchExec) return;
        Capture(t, atEntry: true);
        if (t.SyscallNumber is Sys.exit or Sys.exit_group) _event.Stack = t.Stack;
    }

    /// <summary>At every call's return, traced or not.</summary>
    private void NoteMappings(Tracee t)
    {
        if (_target.StackTraces != null && ChangesMappings(t.SyscallNumber)) Unwinder.Invalidate(t.Tgid);
    }

    private void StackAtExitStop(Tracee t)
    {
        if (_target.StackTraces == null) return;
        // The command's own execve is shown with the new program's first stack, as strace shows it.
        if (!StackAtEntry(t.SyscallNumber) || t.LaunchExec) Capture(t, atEntry: false);
        _event.Stack = t.Stack;
    }

    /// <summary>strace -k shows where a signal finds the thread, under its "--- SIG ---" line.</summary>
    private void StackAtSignal(Tracee t)
    {
        if (_target.StackTraces == null) return;
        Capture(t, atEntry: false);
        _event.Stack = t.Stack;
    }

    private StackUnwinder Unwinder => _unwinder ??= new StackUnwinder(_target.StackTraces?.Demangle ?? true, _target.StackTraces?.SourceLines ?? false, _target.StackTraces?.Debug);

    private void Capture(Tracee t, bool atEntry)
    {
        var stack = t.Stack ??= new StackTrace();
        stack.Clear();
        stack.AtEntry = atEntry;
        if (Interop.Ptrace.GetRegs(t.Pid, out var regs) != 0) return;
        _memory.Pid = t.Pid;
        Unwinder.Capture(t.Tgid, UserRegsDwarf.ToDwarf(regs), _memory, stack);
    }

    private void ProcessGone(Tracee t)
    {
        if (_unwinder != null && t.Pid == t.Tgid) _unwinder.Forget(t.Tgid);
    }
}
