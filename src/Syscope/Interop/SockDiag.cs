using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>
/// NETLINK_SOCK_DIAG (sock_diag(7)) for UNIX sockets: the one place the kernel tells which socket
/// is connected to which (/proc/net/unix does not).  Dumps every UNIX socket with its peer inode.
/// </summary>
public static unsafe partial class SockDiag
{
    private const int AF_NETLINK = 16, AF_UNIX = 1, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, NETLINK_SOCK_DIAG = 4;
    private const ushort SOCK_DIAG_BY_FAMILY = 20, NLM_F_REQUEST = 1, NLM_F_DUMP = 0x300;
    private const ushort NLMSG_ERROR = 2, NLMSG_DONE = 3, UNIX_DIAG_PEER = 2;
    private const uint UDIAG_SHOW_PEER = 4;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(int fd, byte* buf, nuint len, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint Recv(int fd, byte* buf, nuint len, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>inode → peer inode for every connected UNIX socket of our network namespace;
    /// throws SyscallException when the kernel lacks unix_diag.</summary>
    public static Dictionary<ulong, ulong> UnixPeers()
    {
        int fd = Socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        if (fd < 0) throw SyscallException.FromLast("socket(AF_NETLINK, NETLINK_SOCK_DIAG)");
        try
        {
            SendRequest(fd);
            return ReadReplies(fd);
        }
        finally { Close(fd); }
    }

    private static void SendRequest(int fd)
    {
        // struct nlmsghdr (16 bytes) + struct unix_diag_req (24 bytes).
        Span<byte> req = stackalloc byte[40];
        req.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(req, 40);
        BinaryPrimitives.WriteUInt16LittleEndian(req[4..], SOCK_DIAG_BY_FAMILY);
        BinaryPrimitives.WriteUInt16LittleEndian(req[6..], NLM_F_REQUEST | NLM_F_DUMP);
        BinaryPrimitives.WriteUInt32LittleEndian(req[8..], 1);
        req[16] = AF_UNIX;
        BinaryPrimitives.WriteUInt32LittleEndian(req[20..], 0xffffffff);
        BinaryPrimitives.WriteUInt32LittleEndian(req[28..], UDIAG_SHOW_PEER);
        fixed (byte* p = req)
            if (Send(fd, p, 40, 0) != 40) throw SyscallException.FromLast("send(NETLINK_SOCK_DIAG)");
    }

    private static Dictionary<ulong, ulong> ReadReplies(int fd)
    {
        var peers = new Dictionary<ulong, ulong>();
        var buf = new byte[64 * 1024];
        while (true)
        {
            nint n;
            fixed (byte* p = buf) n = Recv(fd, p, (nuint)buf.Length, 0);
            if (n < 0) throw SyscallException.FromLast("recv(NETLINK_SOCK_DIAG)");
            if (n == 0) return peers;
            var data = buf.AsSpan(0, (int)n);
            while (data.Length >= 16)
            {
                int len = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
                ushort type = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
                if (len < 16 || len > data.Length) return peers;
                if (type == NLMSG_DONE) return peers;
                if (type == NLMSG_ERROR)
                    throw new SyscallException("NETLINK_SOCK_DIAG", -BinaryPrimitives.ReadInt32LittleEndian(data[16..]));
                ParseMessage(data[16..len], peers);
                data = data[Math.Min(data.Length, (len + 3) & ~3)..];
            }
        }
    }

    /// <summary>struct unix_diag_msg (16 bytes: family, type, state, pad, ino, cookie) then rtattrs.</summary>
    private static void ParseMessage(ReadOnlySpan<byte> msg, Dictionary<ulong, ulong> peers)
    {
        if (msg.Length < 16) return;
        uint ino = BinaryPrimitives.ReadUInt32LittleEndian(msg[4..]);
        var attrs = msg[16..];
        while (attrs.Length >= 4)
        {
            int alen = BinaryPrimitives.ReadUInt16LittleEndian(attrs);
            ushort atype = BinaryPrimitives.ReadUInt16LittleEndian(attrs[2..]);
            if (alen < 4 || alen > attrs.Length) return;
            if (atype == UNIX_DIAG_PEER && alen >= 8)
                peers[ino] = BinaryPrimitives.ReadUInt32LittleEndian(attrs[4..]);
            attrs = attrs[Math.Min(attrs.Length, (alen + 3) & ~3)..];
        }
    }
}
