using Syscope.Events;

namespace Syscope.Tracing.Ebpf;

/// <summary>
/// One thread's call as the BPF programs copied it: the bytes of its regions (entry captures, then
/// exit captures, which win where both cover an address) as a <see cref="SnapshotMemory"/> served to
/// decoders, and what its descriptors referred to (-y), each target formatted as /proc would show it.
/// Everything is reused call after call: nothing is allocated per event once it has grown to the
/// largest call.
/// </summary>
internal sealed class CapturedMemory : ITraceeMemory
{
    /// <summary>What one descriptor referred to during the call, its /proc target in the arena.</summary>
    public struct Descriptor
    {
        public int Fd;
        public int Offset;
        public int Length;
        public FdIdentity Identity;
        /// <summary>Its names as captured (a socket's protocol), after the target in the arena.</summary>
        public int NamesLength;
        /// <summary>A socket's endpoints (Identity.Flags has Socket); its bound name follows the names.</summary>
        public FdSocket Socket;
    }

    private readonly SnapshotMemory _bytes = new();
    /// <summary>Descriptor targets and names (not tracee memory).</summary>
    private byte[] _arena = new byte[256];
    private int _used;
    private Descriptor[] _descriptors = new Descriptor[4];
    private int _descriptorCount;

    /// <summary>Forgets every region and descriptor (a new call begins).</summary>
    public void Clear()
    {
        _bytes.Clear();
        _used = 0;
        _descriptorCount = 0;
    }

    public void Add(ulong address, ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty) _bytes.Add(address, bytes);
    }

    public int Read(ulong address, Span<byte> destination) => _bytes.Read(address, destination);

    private int Append(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + bytes.Length));
        bytes.CopyTo(_arena.AsSpan(_used));
        int at = _used;
        _used += bytes.Length;
        return at;
    }

    /// <summary>Keeps what fd referred to, its target already formatted as /proc shows it.</summary>
    public void AddDescriptor(int fd, in FdIdentity identity, ReadOnlySpan<byte> target, ReadOnlySpan<byte> names,
        in FdSocket socket = default, ReadOnlySpan<byte> socketName = default)
    {
        if (_descriptorCount == _descriptors.Length) Array.Resize(ref _descriptors, _descriptorCount * 2);
        int at = Append(target);
        Append(names);
        Append(socketName);
        _descriptors[_descriptorCount++] = new Descriptor
        {
            Fd = fd,
            Offset = at,
            Length = target.Length,
            Identity = identity,
            NamesLength = names.Length,
            Socket = socket,
        };
    }

    /// <summary>The names a descriptor capture kept (a socket's protocol).</summary>
    public ReadOnlySpan<byte> DescriptorNames(in Descriptor d) => _arena.AsSpan(d.Offset + d.Length, d.NamesLength);

    /// <summary>A UNIX socket's bound name.</summary>
    public ReadOnlySpan<byte> SocketName(in Descriptor d) => _arena.AsSpan(d.Offset + d.Length + d.NamesLength, d.Socket.NameLen);

    /// <summary>The socket this call captured with that inode.</summary>
    public bool TryGetSocket(ulong inode, out Descriptor descriptor)
    {
        for (int i = _descriptorCount - 1; i >= 0; i--)
        {
            if (!_descriptors[i].Identity.Flags.HasFlag(FdFlags.Socket) || _descriptors[i].Identity.Ino != inode) continue;
            descriptor = _descriptors[i];
            return true;
        }
        descriptor = default;
        return false;
    }

    /// <summary>The latest capture of fd in this call, or false when the call captured none.</summary>
    public bool TryGetDescriptor(int fd, out Descriptor descriptor, out ReadOnlySpan<byte> target)
    {
        for (int i = _descriptorCount - 1; i >= 0; i--)
        {
            if (_descriptors[i].Fd != fd) continue;
            descriptor = _descriptors[i];
            target = _arena.AsSpan(descriptor.Offset, descriptor.Length);
            return true;
        }
        descriptor = default;
        target = default;
        return false;
    }

    /// <summary>The identity behind a target this call captured (for -yy's device numbers).</summary>
    public bool TryGetDescriptorByTarget(ReadOnlySpan<byte> target, out FdIdentity identity)
    {
        for (int i = _descriptorCount - 1; i >= 0; i--)
        {
            if (!_arena.AsSpan(_descriptors[i].Offset, _descriptors[i].Length).SequenceEqual(target)) continue;
            identity = _descriptors[i].Identity;
            return true;
        }
        identity = default;
        return false;
    }
}
