using System.Text;
using Syscope.Events;
using Syscope.Kernel;

namespace Syscope.Tests.Decoding;

/// <summary>Descriptors for netlink decoding tests: each listed descriptor is a netlink socket of
/// its NETLINK_* protocol (inode 1000 + fd), descriptor 7 a TCP socket, any other no socket; and
/// netlink messages built from their parts.</summary>
internal sealed class NetlinkSockets(params (int Fd, int Protocol)[] netlink) : IFdPaths
{
    public const int TcpFd = 7;

    public int PathOf(int pid, int fd, Span<byte> destination) => Encoding.ASCII.GetBytes($"socket:[{1000 + fd}]", destination);

    public int SocketProtocolOf(int pid, int fd, Span<byte> destination) =>
        Encoding.ASCII.GetBytes(fd == TcpFd ? "TCP" : ProtocolOf(fd) >= 0 ? "NETLINK" : "", destination);

    public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
    {
        int netlinkProtocol = ProtocolOf((int)(inode - 1000));
        facts = new SocketFacts { Family = family, NetlinkProtocol = Math.Max(netlinkProtocol, 0) };
        return family == 16 && netlinkProtocol >= 0;
    }

    private int ProtocolOf(int fd)
    {
        foreach (var (f, p) in netlink) if (f == fd) return p;
        return -1;
    }

    public static byte[] Header(int len, int type, int flags, int seq = 0, int pid = 0) =>
        [.. BitConverter.GetBytes(len), .. BitConverter.GetBytes((ushort)type), .. BitConverter.GetBytes((ushort)flags),
         .. BitConverter.GetBytes(seq), .. BitConverter.GetBytes(pid)];

    /// <summary>A whole message: its header (length counted, sequence and port 0) and body.</summary>
    public static byte[] Message(int type, int flags, params byte[] body) => [.. Header(16 + body.Length, type, flags), .. body];
}
