using System.Buffers.Text;
using System.Text;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;

namespace Syscope.Tests.Decoding;

/// <summary>Descriptors for netlink decoding tests: each listed descriptor is a netlink socket of
/// its NETLINK_* protocol (inode 1000 + fd), descriptor 7 a TCP socket, any other no socket; and
/// netlink messages built from their parts.</summary>
internal sealed class NetlinkSockets(params (int Fd, int Protocol)[] netlink) : IFdPaths
{
    public const int TcpFd = 7;

    /// <summary>"socket:[1000+fd]", written without allocating (tests count allocations).</summary>
    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        "socket:["u8.CopyTo(destination);
        Utf8Formatter.TryFormat(1000 + fd, destination[8..], out int n);
        destination[8 + n] = (byte)']';
        return 9 + n;
    }

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

    /// <summary>A whole message: its header (length counted) and body.</summary>
    public static byte[] Message(int type, int flags, byte[] body, int seq = 0, int pid = 0) => [.. Header(16 + body.Length, type, flags, seq, pid), .. body];

    /// <summary>The line of sendto(fd, message, its length, 0, NULL, 0) returning result (by
    /// default the length), the message in the tracee's memory.</summary>
    public string Sendto(int fd, byte[] message, long? result = null, DecodeOptions? options = null)
    {
        var m = new FakeMemory();
        ulong a = m.Put(message);
        return Line.Of("sendto", [(ulong)fd, a, (ulong)message.Length, 0, 0, 0], result ?? message.Length, m, options, fds: this);
    }

    /// <summary>The line of recvfrom(fd, buffer, 65536, 0, NULL, NULL) that received message.</summary>
    public string Recvfrom(int fd, byte[] message)
    {
        var m = new FakeMemory();
        ulong a = m.Put(message);
        return Line.Of("recvfrom", [(ulong)fd, a, 65536, 0, 0, 0], message.Length, m, fds: this);
    }
}
