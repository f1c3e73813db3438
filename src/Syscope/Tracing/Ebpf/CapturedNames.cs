using System.Runtime.InteropServices;
using Syscope.Events;

namespace Syscope.Tracing.Ebpf;

/// <summary>
/// The host's facts, live, plus the name of each traced process as the kernel told it (at its
/// first traced call, at fork from its parent, at exec, at each rename by prctl(PR_SET_NAME) or
/// /proc/PID/comm): the prefixes of a trace of many processes (--system-wide, --cgroup, --comm)
/// and -Y's names show it.  Lines are written after the fact, so the live name would be the
/// process's later one.  A name is kept until its process's end has been reported; after that, and
/// for processes never traced, the kernel's record of ended tasks names those still there at the
/// time of the call.
/// </summary>
internal sealed class CapturedNames(IHostFacts live) : IHostFacts
{
    private readonly Dictionary<int, CommBytes> _byProcess = new();
    private readonly Dictionary<int, int> _processOf = new();
    private readonly Dictionary<int, uint> _pidNamespaceOf = new();

    public int InterfaceName(uint index, Span<byte> destination) => live.InterfaceName(index, destination);
    public WallClockAnchor WallClock => live.WallClock;
    public int CurrentComm(int pid, Span<byte> destination)
    {
        var name = ProcessName(pid);
        if (name.IsEmpty && Ended != null && Ended.TryGetEnded(pid, out var ended) && (ulong)At < GoneAt(pid, ended))
            name = EndedName(ended);
        if (name.IsEmpty) return live.CurrentComm(pid, destination);
        int n = Math.Min(name.Length, destination.Length);
        name[..n].CopyTo(destination);
        return n;
    }

    /// <summary>Where the names of ended tasks are (the kernel keeps them: any task's, traced or
    /// not), or null.</summary>
    public BpfProbe? Ended { get; set; }

    /// <summary>When the call or event being written happened (CLOCK_MONOTONIC ns): a task that had
    /// ended and been reaped by then had no name to give (strace would have found it gone), one that
    /// ended later is named as it was.</summary>
    public long At { get; set; }

    private readonly Dictionary<int, ulong> _reapedAt = new();
    private CommBytes _endedName;

    /// <summary>A traced wait4 returned pid at timeNs: if that child had ended, this call reaped it,
    /// sooner than the kernel frees it.</summary>
    public void Reaped(int pid, long timeNs)
    {
        if (_reapedAt.Count >= MaxReaped) _reapedAt.Clear();   // the kernel's freeing says it later anyway
        _reapedAt[pid] = (ulong)timeNs;
    }

    private const int MaxReaped = 4096;

    private ulong GoneAt(int pid, in EndedTask ended) =>
        _reapedAt.TryGetValue(pid, out ulong reaped) && reaped >= ended.ExitTs ? Math.Min(reaped, ended.GoneTs) : ended.GoneTs;

    private ReadOnlySpan<byte> EndedName(scoped in EndedTask ended)
    {
        _endedName = ended.Comm;
        ReadOnlySpan<byte> bytes = _endedName;
        int end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes : bytes[..end];
    }
    /// <summary>A process the kernel said lives in syscope's pid namespace needs no translation,
    /// even when it is gone by the time its line is written (/proc can no longer say).</summary>
    public int PidInOurNamespace(int tid, int id, PidKind kind)
    {
        int tgid = _processOf.TryGetValue(tid, out int known) ? known : tid;
        if (id > 0 && _pidNamespaceOf.TryGetValue(tgid, out uint ns) && ns != 0 && ns == OwnProcess.PidNamespace) return id;
        return live.PidInOurNamespace(tid, id, kind);
    }

    /// <summary>The pid namespace (its inode) the kernel said a process lives in.</summary>
    public void SetPidNamespace(int tgid, uint ns)
    {
        if (ns != 0) _pidNamespaceOf[tgid] = ns;
    }

    public ReadOnlySpan<byte> ProcessName(int tid)
    {
        int tgid = _processOf.TryGetValue(tid, out int known) ? known : tid;
        ref var name = ref CollectionsMarshal.GetValueRefOrNullRef(_byProcess, tgid);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref name)) return default;
        ReadOnlySpan<byte> bytes = name;
        int end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes : bytes[..end];
    }

    public ReadOnlySpan<byte> Comm(int tid)
    {
        var name = ProcessName(tid);
        return name.IsEmpty ? live.Comm(tid) : name;
    }

    /// <summary>The process of thread tid is now called comm (for all its threads).</summary>
    public void Set(int tid, int tgid, in CommBytes comm)
    {
        if (tid != tgid) _processOf[tid] = tgid;
        _byProcess[tgid] = comm;
    }

    /// <summary>A new thread belongs to its process; a new process is named as its parent's
    /// until it says otherwise.</summary>
    public void Inherit(int tid, int tgid, int parent)
    {
        if (tid != tgid)
        {
            _processOf[tid] = tgid;
            return;
        }
        int parentProcess = _processOf.TryGetValue(parent, out int p) ? p : parent;
        if (_byProcess.TryGetValue(parentProcess, out var comm)) _byProcess[tgid] = comm;
    }

    /// <summary>A thread's end was reported; with its process's last thread the name goes too.</summary>
    public void Remove(int tid, int tgid, bool processEnded)
    {
        _processOf.Remove(tid);
        if (!processEnded) return;
        _byProcess.Remove(tgid);
        _pidNamespaceOf.Remove(tgid);
    }
}
