using System.Buffers.Text;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Stacks.Unwind;

namespace Syscope.Tracing;

/// <summary>The running system's answers for a live backend, whose tracees are there to be asked
/// while their events are decoded.</summary>
internal static class LiveFacts
{
    public static readonly TraceFacts Instance = new(LiveFdPaths.Instance, LiveHostFacts.Instance);
}

/// <summary>Descriptor facts looked up when asked: targets from /proc/PID/fd, socket details from
/// sock_diag, device numbers from stat(2), a pidfd's pid from /proc/PID/fdinfo.</summary>
internal sealed class LiveFdPaths : IFdPaths
{
    public static readonly LiveFdPaths Instance = new();

    /// <summary>Tracees by /proc's numbering, which is not syscope's when /proc belongs to a pid
    /// namespace above syscope's (unshare --pid --fork syscope, without --mount-proc).</summary>
    internal static readonly PidNamespaces Namespaces = new();

    public int PathOf(int pid, int fd, Span<byte> destination) => ProcFd.Target(Namespaces.ProcIdOf(pid), fd, destination);

    public bool IsUnlinked(int pid, int fd, ReadOnlySpan<byte> target) =>
        ProcFd.IsUnlinked(Namespaces.ProcIdOf(pid), fd, target);

    public int SocketProtocolOf(int pid, int fd, Span<byte> destination) =>
        ProcFd.SocketProtocol(Namespaces.ProcIdOf(pid), fd, destination);

    public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName) =>
        SockDiag.TryFind(family, protocol, inode, out facts, unixName);

    public DeviceNumber DeviceAt(ReadOnlySpan<byte> path)
    {
        if (FileStatus.Stat(path, out var st) != 0) return default;
        byte kind = st.Type switch { FileStat.S_IFCHR => DeviceNumber.Char, FileStat.S_IFBLK => DeviceNumber.Block, _ => 0 };
        return kind == 0 ? default : new DeviceNumber(kind, FileStat.Major(st.RDevice), FileStat.Minor(st.RDevice));
    }

    /// <summary>The "Pid:" line of the pidfd's fdinfo (-1 once the process is gone).</summary>
    public int PidOfPidfd(int pid, int fd)
    {
        // A pidfd's fdinfo is a few short lines.
        Span<byte> text = stackalloc byte[1024];
        int n = ProcFd.Info(Namespaces.ProcIdOf(pid), fd, text);
        if (n <= 0) return -1;
        var all = text[..n];
        int at = all.IndexOf("\nPid:\t"u8);
        if (at < 0) return -1;
        var value = all[(at + 6)..];
        int end = value.IndexOf((byte)'\n');
        if (end >= 0) value = value[..end];
        return Utf8Parser.TryParse(value, out int v, out int used) && used == value.Length && v > 0 ? v : -1;
    }

    [ThreadStatic] private static byte[]? t_maps;

    /// <summary>Reads /proc/PID/maps afresh each time: a vcpu's mapping may be moved (mremap)
    /// between two KVM_RUNs, and only -e kvm=vcpu asks, once per KVM_RUN.</summary>
    public bool TryFindMapping(int pid, ReadOnlySpan<byte> path, out ulong start, out ulong length)
    {
        start = length = 0;
        var buffer = t_maps ??= new byte[16384];
        int n = RawFile.ReadAll($"/proc/{Namespaces.ProcIdOf(pid)}/maps", ref buffer);
        t_maps = buffer;
        return n > 0 && ProcessMappings.TryFindAnonInodeFile(buffer.AsSpan(0, n), path, out start, out length);
    }
}

/// <summary>The running system's own answers, looked up when asked: what a live backend offers.</summary>
internal sealed class LiveHostFacts : IHostFacts
{
    public static readonly LiveHostFacts Instance = new();

    private WallClockAnchor? _wallClock;

    private readonly PidNamespaces _namespaces = LiveFdPaths.Namespaces;

    public int InterfaceName(uint index, Span<byte> destination) => NetInterfaces.NameOf(index, destination);

    [ThreadStatic] private static byte[]? t_comm;

    /// <summary>/proc/TID/comm as it is now (a thread that is gone has none).</summary>
    public ReadOnlySpan<byte> Comm(int tid)
    {
        var buffer = t_comm ??= new byte[64];
        Span<byte> path = stackalloc byte[32];
        "/proc/"u8.CopyTo(path);
        int n = 6;
        tid.TryFormat(path[n..], out int digits);
        n += digits;
        "/comm\0"u8.CopyTo(path[n..]);
        int got = RawFile.ReadOnce(path, buffer);
        return got > 0 ? buffer.AsSpan(0, got).TrimEnd((byte)'\n') : default;
    }

    public int CurrentComm(int pid, Span<byte> destination)
    {
        var name = Comm(pid);
        int n = Math.Min(name.Length, destination.Length);
        name[..n].CopyTo(destination);
        return n;
    }

    public int PidInOurNamespace(int tid, int id, PidKind kind) => _namespaces.Translate(tid, id, kind);

    /// <summary>Names processes took at exec, read by the tracer while each was stopped there.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> _execNames = new();

    public int ExecComm(int pid, Span<byte> destination)
    {
        if (!_execNames.TryGetValue(pid, out var name)) return 0;
        int n = Math.Min(name.Length, destination.Length);
        name.AsSpan(0, n).CopyTo(destination);
        return n;
    }

    /// <summary>Process pid, stopped at its exec, is named as /proc says now.  Called by a tracer
    /// thread; rare (once per exec), so the copy does not weigh.</summary>
    public void NoteExec(int pid)
    {
        var name = Comm(pid);
        if (name.IsEmpty) return;
        // A bound, not a cache policy: names of processes long gone are of no use.
        if (_execNames.Count >= MaxExecNames) _execNames.Clear();
        _execNames[pid] = name.ToArray();
    }

    private const int MaxExecNames = 4096;

    // Taken at first use: the time-zone setup costs milliseconds of start-up, which only -t, -tt,
    // -ttt and JSON need.
    public WallClockAnchor WallClock => _wallClock ??= ReadWallClock();

    private static WallClockAnchor ReadWallClock()
    {
        long mono = Clock.MonotonicNs();
        var utc = DateTime.UtcNow;
        long unixNs = (utc.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        return new WallClockAnchor(mono, unixNs, TimeZoneInfo.Local.GetUtcOffset(utc).Ticks * 100);
    }
}
