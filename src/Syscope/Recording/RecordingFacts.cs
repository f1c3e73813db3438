using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Events;
using Syscope.Kernel;

namespace Syscope.Recording;

/// <summary>
/// The live facts, answered as they are and written down: each answer becomes a Fact record
/// when it differs from the last answer to the same question (fd 3 of pid 42 stays
/// "/etc/passwd" for a thousand reads and is written once).  Nothing is allocated for an answer
/// that did not change.
/// </summary>
internal sealed class RecordingFacts : IFdPaths, IHostFacts
{
    private readonly TraceFacts _live;
    private readonly RecordingWriter _writer;
    private readonly Dictionary<FactKey, byte[]> _last = [];
    private readonly byte[] _scratch = new byte[4096 + 512];

    public RecordingFacts(TraceFacts live, RecordingWriter writer)
    {
        _live = live;
        _writer = writer;
        Facts = new TraceFacts(this, this);
    }

    /// <summary>What the pipeline is given in place of the live facts.</summary>
    public TraceFacts Facts { get; }

    private void Note(FactKind kind, long a, long b, long c, ReadOnlySpan<byte> answer)
    {
        var key = new FactKey(kind, a, b, c);
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_last, key, out bool known);
        if (known && answer.SequenceEqual(last)) return;
        last = answer.ToArray();
        _writer.Fact(kind, a, b, c, answer);
    }

    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        int n = _live.Fds.PathOf(pid, fd, destination);
        Note(FactKind.Path, pid, fd, 0, destination[..Math.Max(n, 0)]);
        return n;
    }

    public int SocketProtocolOf(int pid, int fd, Span<byte> destination)
    {
        int n = _live.Fds.SocketProtocolOf(pid, fd, destination);
        Note(FactKind.Protocol, pid, fd, 0, destination[..Math.Max(n, 0)]);
        return n;
    }

    public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
    {
        bool found = _live.Fds.TryFindSocket(family, protocol, inode, out facts, unixName);
        int size = Unsafe.SizeOf<SocketFacts>();
        int name = found ? Math.Clamp(facts.NameLength, 0, unixName.Length) : 0;
        var answer = _scratch.AsSpan(0, found ? size + name : 0);
        if (found)
        {
            MemoryMarshal.Write(answer, in facts);
            unixName[..name].CopyTo(answer[size..]);
        }
        Note(FactKind.Socket, family, protocol, (long)inode, answer);
        return found;
    }

    public DeviceNumber DeviceAt(ReadOnlySpan<byte> path)
    {
        var d = _live.Fds.DeviceAt(path);
        Note(FactKind.Device, Checksum.Fnv1a(path), path.Length, 0, DeviceBytes(d, _scratch));
        return d;
    }

    public int PidOfPidfd(int pid, int fd)
    {
        int p = _live.Fds.PidOfPidfd(pid, fd);
        MemoryMarshal.Write(_scratch, in p);
        Note(FactKind.Pidfd, pid, fd, 0, _scratch.AsSpan(0, 4));
        return p;
    }

    public bool TryFindMapping(int pid, ReadOnlySpan<byte> path, out ulong start, out ulong length)
    {
        bool found = _live.Fds.TryFindMapping(pid, path, out start, out length);
        MemoryMarshal.Write(_scratch, in start);
        MemoryMarshal.Write(_scratch.AsSpan(8), in length);
        Note(FactKind.Mapping, pid, Checksum.Fnv1a(path), path.Length, found ? _scratch.AsSpan(0, 16) : []);
        return found;
    }

    public int InterfaceName(uint index, Span<byte> destination)
    {
        int n = _live.Host.InterfaceName(index, destination);
        Note(FactKind.Interface, index, 0, 0, destination[..Math.Max(n, 0)]);
        return n;
    }

    public ReadOnlySpan<byte> ProcessName(int tid)
    {
        var name = _live.Host.ProcessName(tid);
        Note(FactKind.ProcessName, tid, 0, 0, name);
        return name;
    }

    public int CurrentComm(int pid, Span<byte> destination)
    {
        int n = _live.Host.CurrentComm(pid, destination);
        Note(FactKind.CurrentComm, pid, 0, 0, destination[..n]);
        return n;
    }

    public int PidInOurNamespace(int tid, int id, PidKind kind)
    {
        int ours = _live.Host.PidInOurNamespace(tid, id, kind);
        MemoryMarshal.Write(_scratch, in ours);
        Note(FactKind.PidTranslation, tid, id, (long)kind, _scratch.AsSpan(0, 4));
        return ours;
    }

    /// <summary>Writes down a thread's name (comm) where it can change (attach, exec) for exports
    /// that name tracks, asking the backend first and /proc/TID/comm when it does not know.</summary>
    public void NoteProcessName(int tid)
    {
        var name = _live.Host.Comm(tid);
        if (!name.IsEmpty) Note(FactKind.Comm, tid, 0, 0, name);
    }

    public ReadOnlySpan<byte> Comm(int tid) => _live.Host.Comm(tid);

    public WallClockAnchor WallClock => _live.Host.WallClock;

    /// <summary>A device number as a Device fact: kind, major, minor; nothing for "not a device".</summary>
    internal static ReadOnlySpan<byte> DeviceBytes(DeviceNumber d, byte[] into)
    {
        if (d == default) return [];
        into[0] = d.Kind;
        MemoryMarshal.Write(into.AsSpan(1), d.Major);
        MemoryMarshal.Write(into.AsSpan(5), d.Minor);
        return into.AsSpan(0, 9);
    }
}

/// <summary>The tracee's memory as the backend serves it, with a copy of every byte read kept for
/// the event's Memory records.  A C string is kept up to its NUL, not the page read around it.
/// Where a read stopped short on live memory, the tracee's memory ended there: that is kept too,
/// so a replay prints the address strace printed rather than the bytes before the edge.</summary>
internal sealed class RecordingMemory : ITraceeMemory
{
    public ITraceeMemory Inner = null!;
    public readonly SnapshotMemory Copy = new();

    public int Read(ulong address, Span<byte> destination)
    {
        int n = Inner.Read(address, destination);
        if (n > 0) Copy.Add(address, destination[..n]);
        if (n < destination.Length && Inner.ShortReadIsFault) Copy.AddEnd(address + (ulong)n);
        return n;
    }

    public bool ShortReadIsFault => Inner.ShortReadIsFault;

    public int ReadCString(ulong address, Span<byte> destination, out bool terminated)
    {
        int n = Inner.ReadCString(address, destination, out terminated);
        if (n > 0 || terminated) Copy.Add(address, destination[..(n + (terminated ? 1 : 0))]);
        if (!terminated && n < destination.Length && Inner.ShortReadIsFault) Copy.AddEnd(address + (ulong)Math.Max(n, 0));
        return n;
    }
}
