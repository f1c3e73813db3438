using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Recording;

/// <summary>
/// The live facts, answered as they are and written down: each answer becomes a Fact record
/// when it differs from the last answer to the same question (fd 3 of pid 42 stays
/// "/etc/passwd" for a thousand reads and is written once).  Nothing is allocated for an answer
/// that did not change.
/// </summary>
internal sealed class RecordingFacts : IFdPaths, IHostFacts
{
    // An answer is reused for at most this long: a process that is not traced can still rename a
    // file a tracee has open, and a -yy path must not lag behind that by more than a moment.
    private static readonly long s_reuseFor = Stopwatch.Frequency / 100;

    private readonly TraceFacts _live;
    private readonly RecordingWriter _writer;
    private readonly bool _reuseSettled;
    private readonly Dictionary<FactKey, LastAnswer> _last = [];
    private readonly HashSet<int> _unsettling = [];
    private readonly byte[] _scratch = new byte[4096 + 512];
    private long _generation;

    /// <param name="reuseSettled">Answer a descriptor's path or a path's device again without asking
    /// while only calls that keep descriptors ran since (ptrace: the tracees were stopped in between,
    /// so nothing else of theirs moved).  Recording decodes every call with -yy; asking /proc twice
    /// per read of a dd doubled the cost of tracing it.</param>
    public RecordingFacts(TraceFacts live, RecordingWriter writer, bool reuseSettled = false)
    {
        _live = live;
        _writer = writer;
        _reuseSettled = reuseSettled;
        Facts = new TraceFacts(this, this);
    }

    /// <summary>What the pipeline is given in place of the live facts.</summary>
    public TraceFacts Facts { get; }

    /// <summary>Sees each event before it is decoded: anything but the entry or exit of a call that
    /// keeps descriptors may have changed what they name, and while a thread is inside such a call
    /// it may change them at any moment, so no answer is reused until it is out.</summary>
    public void Settle(in TraceEvent e)
    {
        if (!_reuseSettled) return;
        bool call = e.Kind is TraceEventKind.SyscallEntry or TraceEventKind.SyscallExit;
        if (call && SyscallTable.ByNumber(e.SyscallNumber) is { KeepsFds: true }) return;
        _generation++;
        if (e.Kind == TraceEventKind.SyscallEntry) _unsettling.Add(e.Tid);
        else if (call || e.Kind is TraceEventKind.Exited or TraceEventKind.Killed or TraceEventKind.Detached) _unsettling.Remove(e.Tid);
    }

    private bool TryReuse(FactKey key, out LastAnswer answer)
    {
        answer = default;
        return _reuseSettled && _unsettling.Count == 0
            && _last.TryGetValue(key, out answer) && answer.Generation == _generation
            && Stopwatch.GetTimestamp() - answer.AskedAt <= s_reuseFor;
    }

    private void Note(FactKind kind, long a, long b, long c, ReadOnlySpan<byte> answer, int result = 0)
    {
        var key = new FactKey(kind, a, b, c);
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_last, key, out bool known);
        last.Result = result;
        last.Generation = _generation;
        if (_reuseSettled) last.AskedAt = Stopwatch.GetTimestamp();
        if (known && answer.SequenceEqual(last.Bytes)) return;
        last.Bytes = answer.ToArray();
        _writer.Fact(kind, a, b, c, answer);
    }

    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        if (TryReuse(new FactKey(FactKind.Path, pid, fd, 0), out var known) && known.Bytes.Length <= destination.Length)
        {
            known.Bytes.CopyTo(destination);
            return known.Result;
        }
        int n = _live.Fds.PathOf(pid, fd, destination);
        Note(FactKind.Path, pid, fd, 0, destination[..Math.Max(n, 0)], n);
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
        long hash = Checksum.Fnv1a(path);
        if (TryReuse(new FactKey(FactKind.Device, hash, path.Length, 0), out var known)) return DeviceOf(known.Bytes);
        var d = _live.Fds.DeviceAt(path);
        Note(FactKind.Device, hash, path.Length, 0, DeviceBytes(d, _scratch));
        return d;
    }

    public bool IsUnlinked(int pid, int fd, ReadOnlySpan<byte> target)
    {
        bool unlinked = _live.Fds.IsUnlinked(pid, fd, target);
        _scratch[0] = unlinked ? (byte)1 : (byte)0;
        Note(FactKind.Unlinked, pid, fd, Checksum.Fnv1a(target), _scratch.AsSpan(0, 1));
        return unlinked;
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

    public int ExecComm(int pid, Span<byte> destination)
    {
        int n = _live.Host.ExecComm(pid, destination);
        Note(FactKind.ExecComm, pid, 0, 0, destination[..n]);
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

    /// <summary>A Device fact read back (<see cref="DeviceBytes"/>).</summary>
    internal static DeviceNumber DeviceOf(ReadOnlySpan<byte> answer) => answer.Length == 9
        ? new DeviceNumber(answer[0], MemoryMarshal.Read<uint>(answer[1..]), MemoryMarshal.Read<uint>(answer[5..]))
        : default;

    /// <summary>The last answer to a question, and when and in which generation it was given.</summary>
    private struct LastAnswer
    {
        public byte[] Bytes;
        public int Result;
        public long Generation;
        public long AskedAt;
    }

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
