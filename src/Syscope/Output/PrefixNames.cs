using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>
/// -Y's names in the "[pid N&lt;comm&gt;]" prefix, as strace shows them: the name the thread has
/// when the line is written, except that a call that renames it (execve, execveat, prctl) shows
/// the name it had before, and a thread that is gone keeps its last name on its "+++" line.  A
/// launched command is named as syscope itself until its execve, as strace's forked child is.
/// Nothing is read without -Y.
/// </summary>
internal sealed class PrefixNames(bool enabled, IHostFacts host)
{
    private readonly Dictionary<int, byte[]> _names = [];
    private readonly Dictionary<int, byte[]> _afterExec = [];
    private int _launched;

    /// <param name="syscall">The call the line is about; -1 for a signal or exit line.</param>
    public ReadOnlySpan<byte> Of(int tid, int syscall)
    {
        if (!enabled) return default;
        bool renames = syscall is Sys.execve or Sys.execveat or Sys.prctl;
        if (tid == _launched)
        {
            if (renames) return _names.TryGetValue(tid, out var own) ? own : default;
            _launched = 0;
        }
        if (renames && _names.TryGetValue(tid, out var before)) return before;
        Span<byte> now = stackalloc byte[64];
        int n = host.CurrentComm(tid, now);
        if (n == 0)
        {
            if (_afterExec.TryGetValue(tid, out var execd)) return execd;
            return _names.TryGetValue(tid, out var last) ? last : default;
        }
        _afterExec.Remove(tid);
        ref var kept = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_names, tid, out _);
        if (kept == null || !now[..n].SequenceEqual(kept)) kept = now[..n].ToArray();
        return kept;
    }

    /// <summary>A thread's name is known from the moment it comes under trace (strace reads it
    /// then), so that one which ends without a line of its own still has it on its "+++" line.</summary>
    public void Attached(int tid, bool launched)
    {
        if (!enabled) return;
        Span<byte> own = stackalloc byte[64];
        int n = host.CurrentComm(launched ? Environment.ProcessId : tid, own);
        if (n > 0) _names[tid] = own[..n].ToArray();
        if (launched) _launched = tid;
    }

    /// <summary>The thread exec'd (before its execve's line, which still shows the old name): its
    /// new name, as the backend noted it at the exec, is what it is called once /proc has no name
    /// for it, unless a later line read a newer one.</summary>
    public void Execed(int tid)
    {
        if (!enabled) return;
        Span<byte> now = stackalloc byte[64];
        int n = host.ExecComm(tid, now);
        if (n > 0) _afterExec[tid] = now[..n].ToArray();
    }

    public void Forget(int tid)
    {
        _names.Remove(tid);
        _afterExec.Remove(tid);
    }
}
