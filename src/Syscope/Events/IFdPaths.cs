using Syscope.Kernel;

namespace Syscope.Events;

/// <summary>What a tracee's descriptor refers to ("/etc/passwd", "socket:[1234]", "pipe:[99]"),
/// for -y and --decode-fds.  Decoders ask through this interface and never learn where the answer
/// comes from.  Everything past PathOf has a default that knows nothing, so a source that only
/// has paths (a test table, a capture) still works and prints what strace prints without details.</summary>
internal interface IFdPaths
{
    /// <summary>Writes the target into destination; returns its length, or 0 when the descriptor
    /// is not open (or the process is gone).  AT_FDCWD (-100) asks for the working directory.
    /// Never throws.</summary>
    int PathOf(int pid, int fd, Span<byte> destination);

    /// <summary>The kernel's name for a socket's protocol ("TCP", "UNIX-STREAM", "NETLINK"),
    /// written into destination without a terminating NUL; its length, or 0 when unknown.</summary>
    int SocketProtocolOf(int pid, int fd, Span<byte> destination) => 0;

    /// <summary>The endpoints of socket <paramref name="inode"/> among the sockets of one family and
    /// protocol (protocol is ignored for AF_UNIX and AF_NETLINK).  A UNIX socket's bound name goes
    /// to unixName (its length in facts.NameLength).  False when the kernel does not list it (an
    /// unbound inet socket, an unbound netlink socket) or cannot be asked.</summary>
    bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
    {
        facts = default;
        return false;
    }

    /// <summary>Whether target (what PathOf returned, ending in " (deleted)") names an unlinked file,
    /// the kernel's mark, rather than a file whose name ends so.  A source that cannot look
    /// trusts the mark.</summary>
    bool IsUnlinked(int pid, int fd, ReadOnlySpan<byte> target) => true;

    /// <summary>Whether the file at path (a target PathOf returned) is a device, and which.</summary>
    DeviceNumber DeviceAt(ReadOnlySpan<byte> path) => default;

    /// <summary>The pid a pidfd refers to, as the tracer's pid namespace sees it; -1 when it has
    /// exited or cannot be told.</summary>
    int PidOfPidfd(int pid, int fd) => -1;

    /// <summary>The first mapping in pid's memory of the file at path (a target PathOf returned) on
    /// an anonymous-inode device (major 0): where a KVM vcpu descriptor's kvm_run structure is
    /// mapped.  False when pid maps no such file or cannot be asked.</summary>
    bool TryFindMapping(int pid, ReadOnlySpan<byte> path, out ulong start, out ulong length)
    {
        start = length = 0;
        return false;
    }
}
