using System.Runtime.InteropServices;
using Syscope.Events;

namespace Syscope.Tracing.Ebpf;

/// <summary>
/// The host's facts, live, plus the name of each traced thread's process as the kernel told it
/// (at the thread's first traced call, at fork from its parent, at exec): the prefixes of a trace
/// of many processes (--system-wide, --cgroup, --comm) show it.  A name is kept until the thread's
/// end has been reported.
/// </summary>
internal sealed class CapturedNames(IHostFacts live) : IHostFacts
{
    private readonly Dictionary<int, CommBytes> _names = new();

    public int InterfaceName(uint index, Span<byte> destination) => live.InterfaceName(index, destination);
    public int PidMax => live.PidMax;
    public WallClockAnchor WallClock => live.WallClock;
    public int CurrentComm(int pid, Span<byte> destination) => live.CurrentComm(pid, destination);
    public int PidInOurNamespace(int tid, int id, PidKind kind) => live.PidInOurNamespace(tid, id, kind);

    public ReadOnlySpan<byte> ProcessName(int tid)
    {
        ref var name = ref CollectionsMarshal.GetValueRefOrNullRef(_names, tid);
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

    public void Set(int tid, in CommBytes comm) => _names[tid] = comm;

    /// <summary>A new thread or process is named as its parent until it says otherwise.</summary>
    public void Inherit(int tid, int parent)
    {
        if (_names.TryGetValue(parent, out var comm)) _names[tid] = comm;
    }

    public void Remove(int tid) => _names.Remove(tid);
}
