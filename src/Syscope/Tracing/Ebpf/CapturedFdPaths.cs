using System.Buffers.Text;
using System.Runtime.InteropServices;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;

namespace Syscope.Tracing.Ebpf;

/// <summary>
/// -y for the eBPF backend: what each descriptor of a call referred to, as the BPF programs read it
/// from the kernel at the moment of the call (syscope.h, struct fd_identity), formatted as
/// /proc/PID/fd/N would have shown it then.  The tracee does not wait for syscope, so by the time a
/// line is written the descriptor may be closed or the process gone: /proc is asked only for what
/// the call did not capture (descriptors inside structures), and socket details (-yy) come from
/// sock_diag, which knows sockets that still exist.
/// </summary>
internal sealed class CapturedFdPaths : IFdPaths
{
    private const uint PipeFs = 0x50495045, SockFs = 0x534F434B, AnonInodeFs = 0x09041934, PidFs = 0x50494446;
    private const uint S_IFMT = 0xf000, S_IFCHR = 0x2000, S_IFBLK = 0x6000;
    private readonly IFdPaths _live = LiveFdPaths.Instance;

    /// <summary>The call being decoded (set before each event).</summary>
    public CapturedMemory? Current { get; set; }

    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        if (Current != null && Current.TryGetDescriptor(fd, out _, out var target))
        {
            int n = Math.Min(target.Length, destination.Length);
            target[..n].CopyTo(destination);
            return n;
        }
        return _live.PathOf(pid, fd, destination);
    }

    public int SocketProtocolOf(int pid, int fd, Span<byte> destination)
    {
        if (Current == null || !Current.TryGetDescriptor(fd, out var d, out _)) return _live.SocketProtocolOf(pid, fd, destination);
        if (d.Identity.Magic != SockFs) return 0;
        var name = Current.DescriptorNames(d);
        int end = name.IndexOf((byte)0);
        if (end >= 0) name = name[..end];
        int n = Math.Min(name.Length, destination.Length);
        name[..n].CopyTo(destination);
        return n;
    }

    /// <summary>From the socket as the call captured it, listed as sock_diag lists sockets: inet
    /// ones once bound (a local port), netlink ones once bound (a port id), UNIX ones always.</summary>
    public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
    {
        if (Current == null || !Current.TryGetSocket(inode, out var d)) return _live.TryFindSocket(family, protocol, inode, out facts, unixName);
        facts = default;
        var s = d.Socket;
        bool listed = s.Family == family && s.Family switch
        {
            AfInet or AfInet6 => s.Protocol == protocol && s.Sport != 0,
            AfNetlink => s.Portid != 0,
            _ => true,
        };
        if (!listed) return false;
        facts.Family = s.Family;
        ((ReadOnlySpan<byte>)s.Saddr).CopyTo(facts.Source);
        ((ReadOnlySpan<byte>)s.Daddr).CopyTo(facts.Destination);
        facts.SourcePort = s.Sport;
        facts.DestinationPort = s.Dport;
        facts.UnixPeer = (uint)s.PeerIno;
        facts.NetlinkProtocol = s.Protocol;
        facts.PortId = s.Portid;
        var name = Current.SocketName(d);
        facts.NameLength = Math.Min(name.Length, unixName.Length);
        name[..facts.NameLength].CopyTo(unixName);
        return true;
    }

    private const int AfInet = 2, AfInet6 = 10, AfNetlink = 16;

    public DeviceNumber DeviceAt(ReadOnlySpan<byte> path)
    {
        if (Current == null || !Current.TryGetDescriptorByTarget(path, out var id)) return _live.DeviceAt(path);
        byte kind = (id.Mode & S_IFMT) switch { S_IFCHR => DeviceNumber.Char, S_IFBLK => DeviceNumber.Block, _ => 0 };
        return kind == 0 ? default : new DeviceNumber(kind, id.Rdev >> 20, id.Rdev & 0xfffff);
    }

    /// <summary>The kernel told at the call whether the file was unlinked.</summary>
    public bool IsUnlinked(int pid, int fd, ReadOnlySpan<byte> target) =>
        Current != null && Current.TryGetDescriptor(fd, out var d, out _)
            ? d.Identity.Flags.HasFlag(FdFlags.Deleted)
            : _live.IsUnlinked(pid, fd, target);

    public int PidOfPidfd(int pid, int fd) =>
        Current != null && Current.TryGetDescriptor(fd, out var d, out _)
            ? d.Identity.Magic == PidFs && d.Identity.Aux > 0 ? (int)d.Identity.Aux : -1
            : _live.PidOfPidfd(pid, fd);

    /// <summary>A descriptor capture (its bytes: a struct fd_identity, then the path's names leaf
    /// first) into memory, as /proc shows the target: "/etc/passwd", "/tmp/x (deleted)", "pipe:[N]",
    /// "socket:[N]", "anon_inode:[eventfd]".</summary>
    public static void Add(CapturedMemory memory, int fd, ReadOnlySpan<byte> capture)
    {
        if (capture.Length < Marshal.SizeOf<FdIdentity>()) return;
        var id = MemoryMarshal.Read<FdIdentity>(capture);
        if (id.Flags.HasFlag(FdFlags.Closed)) return;
        var rest = capture[Marshal.SizeOf<FdIdentity>()..];
        FdSocket socket = default;
        ReadOnlySpan<byte> socketName = default;
        if (id.Flags.HasFlag(FdFlags.Socket) && rest.Length >= Marshal.SizeOf<FdSocket>())
        {
            socket = MemoryMarshal.Read<FdSocket>(rest);
            rest = rest[Marshal.SizeOf<FdSocket>()..];
            socketName = rest[..Math.Min(socket.NameLen, rest.Length)];
            rest = rest[socketName.Length..];
        }
        Span<byte> target = stackalloc byte[BpfLimits.MaxCapture + 32];
        int n = Format(id, rest, target);
        if (n > 0) memory.AddDescriptor(fd, id, target[..n], id.Magic == SockFs ? rest : default, socket, socketName);
    }

    private static int Format(in FdIdentity id, ReadOnlySpan<byte> names, Span<byte> target)
    {
        switch (id.Magic)
        {
            case PipeFs: return Bracketed("pipe:["u8, id.Ino, target);
            case SockFs: return Bracketed("socket:["u8, id.Ino, target);
            case PidFs: return Copy("anon_inode:[pidfd]"u8, target, 0);
            case AnonInodeFs:
                int at = Copy("anon_inode:"u8, target, 0);
                int end = names.IndexOf((byte)0);
                return Copy(end < 0 ? names : names[..end], target, at);
        }
        // The names come leaf first: the path is written from its end.
        ReadOnlySpan<byte> suffix = id.Flags.HasFlag(FdFlags.Deleted) ? " (deleted)"u8 : default;
        int pos = target.Length - suffix.Length;
        suffix.CopyTo(target[pos..]);
        int count = 0;
        while (!names.IsEmpty && count < id.Count)
        {
            int len = names.IndexOf((byte)0);
            if (len < 0) len = names.Length;
            if (pos < len + 1) break;
            pos -= len;
            names[..len].CopyTo(target[pos..]);
            target[--pos] = (byte)'/';
            names = len < names.Length ? names[(len + 1)..] : default;
            count++;
        }
        if (count == 0) target[--pos] = (byte)'/';   // the root itself
        int total = target.Length - pos;
        target[pos..].CopyTo(target);
        return total;
    }

    private static int Bracketed(ReadOnlySpan<byte> prefix, ulong ino, Span<byte> target)
    {
        int at = Copy(prefix, target, 0);
        Utf8Formatter.TryFormat(ino, target[at..], out int written);
        at += written;
        target[at++] = (byte)']';
        return at;
    }

    private static int Copy(ReadOnlySpan<byte> bytes, Span<byte> target, int at)
    {
        bytes.CopyTo(target[at..]);
        return at + bytes.Length;
    }
}
