namespace Syscope.Events;

/// <summary>What a tracee's descriptor refers to ("/etc/passwd", "socket:[1234]", "pipe:[99]"),
/// for -y.  Decoders ask through this interface and never learn where the answer comes from.</summary>
public interface IFdPaths
{
    /// <summary>Writes the target into destination; returns its length, or 0 when the descriptor
    /// is not open (or the process is gone).  AT_FDCWD (-100) asks for the working directory.
    /// Never throws.</summary>
    int PathOf(int pid, int fd, Span<byte> destination);

    /// <summary>The socket's protocol name as the kernel gives it ("NETLINK", "TCP", "UNIX");
    /// its length, or 0 when the descriptor is no socket.  Never throws.</summary>
    int SocketProtocolOf(int pid, int fd, Span<byte> destination) => 0;

    /// <summary>The NETLINK_* protocol of a netlink socket (0 is NETLINK_ROUTE), or -1 when the
    /// descriptor is no netlink socket or it cannot be told.  Never throws.</summary>
    int NetlinkFamilyOf(int pid, int fd) => -1;
}
