using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Syscope.Events;

namespace Syscope.Interop;

/// <summary>
/// NETLINK_SOCK_DIAG (sock_diag(7)): the one place the kernel tells which UNIX socket is connected
/// to which (/proc/net/unix does not) and the endpoints of one socket by its inode, for -yy.
/// Struct layouts from &lt;linux/inet_diag.h&gt;, &lt;linux/unix_diag.h&gt;, &lt;linux/netlink_diag.h&gt;.
/// </summary>
public static unsafe partial class SockDiag
{
    private const int AF_NETLINK = 16, AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
    private const int SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, NETLINK_SOCK_DIAG = 4;
    private const ushort SOCK_DIAG_BY_FAMILY = 20, NLM_F_REQUEST = 1, NLM_F_DUMP = 0x300;
    private const ushort NLMSG_ERROR = 2, NLMSG_DONE = 3, UNIX_DIAG_NAME = 0, UNIX_DIAG_PEER = 2;
    private const uint UDIAG_SHOW_NAME = 1, UDIAG_SHOW_PEER = 4;
    private const byte NDIAG_PROTO_ALL = 255;
    private const int NlHeader = 16, UnixMsg = 16, InetMsg = 72, NetlinkMsg = 28, UnixPathMax = 108;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(int fd, byte* buf, nuint len, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint Recv(int fd, byte* buf, nuint len, int flags);

    /// <summary>One reply message's payload (after struct nlmsghdr); return true to stop reading.</summary>
    private interface IReplyVisitor
    {
        bool Visit(ReadOnlySpan<byte> payload);
    }

    // Big enough for the largest dump skb the kernel builds, so no reply is ever truncated.
    [ThreadStatic] private static byte[]? t_replies;

    /// <summary>inode → peer inode for every connected UNIX socket of our network namespace;
    /// throws SyscallException when the kernel lacks unix_diag.</summary>
    public static Dictionary<ulong, ulong> UnixPeers()
    {
        Span<byte> req = stackalloc byte[NlHeader + 24];
        UnixRequest(req, NLM_F_REQUEST | NLM_F_DUMP, inode: 0, UDIAG_SHOW_PEER);
        var peers = new PeerCollector { Peers = new() };
        int rc = Query(req, ref peers);
        if (rc < 0) throw new SyscallException("NETLINK_SOCK_DIAG", -rc);
        return peers.Peers;
    }

    /// <summary>Finds one socket by inode the way strace does: an exact unix_diag lookup for
    /// AF_UNIX, a dump of the family and protocol otherwise, read until the inode turns up.
    /// Allocation-free; false when it is not listed or sock_diag cannot be used.</summary>
    public static bool TryFind(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
    {
        facts = default;
        if (inode == 0 || inode > uint.MaxValue) return false;
        Span<byte> req = stackalloc byte[NlHeader + 56];
        int len;
        switch (family)
        {
            case AF_UNIX:
                len = NlHeader + 24;
                UnixRequest(req[..len], NLM_F_REQUEST, (uint)inode, UDIAG_SHOW_NAME | UDIAG_SHOW_PEER);
                break;
            case AF_NETLINK:
                len = NlHeader + 20;
                Header(req[..len], NLM_F_REQUEST | NLM_F_DUMP);
                req[NlHeader] = AF_NETLINK;
                req[NlHeader + 1] = NDIAG_PROTO_ALL;
                break;
            case AF_INET or AF_INET6:
                len = NlHeader + 56;
                Header(req[..len], NLM_F_REQUEST | NLM_F_DUMP);
                req[NlHeader] = (byte)family;
                req[NlHeader + 1] = (byte)protocol;
                BinaryPrimitives.WriteUInt32LittleEndian(req[(NlHeader + 4)..], 0xffffffff);   // every state
                break;
            default: return false;
        }
        var finder = new Finder { Family = family, Inode = (uint)inode };
        fixed (byte* name = unixName)
        {
            finder.Name = name;
            finder.NameCapacity = unixName.Length;
            if (Query(req[..len], ref finder) < 0 || !finder.Found) return false;
        }
        facts = finder.Facts;
        return true;
    }

    private static void Header(Span<byte> req, ushort flags)
    {
        req.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(req, (uint)req.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(req[4..], SOCK_DIAG_BY_FAMILY);
        BinaryPrimitives.WriteUInt16LittleEndian(req[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(req[8..], 1);
    }

    /// <summary>struct unix_diag_req: family, protocol, pad, states, ino, show, cookie[2].</summary>
    private static void UnixRequest(Span<byte> req, ushort flags, uint inode, uint show)
    {
        Header(req, flags);
        req[NlHeader] = AF_UNIX;
        BinaryPrimitives.WriteUInt32LittleEndian(req[(NlHeader + 4)..], 0xffffffff);
        BinaryPrimitives.WriteUInt32LittleEndian(req[(NlHeader + 8)..], inode);
        BinaryPrimitives.WriteUInt32LittleEndian(req[(NlHeader + 12)..], show);
        // An exact lookup must not check the cookie: all ones means "any".
        BinaryPrimitives.WriteUInt32LittleEndian(req[(NlHeader + 16)..], 0xffffffff);
        BinaryPrimitives.WriteUInt32LittleEndian(req[(NlHeader + 20)..], 0xffffffff);
    }

    /// <summary>Sends the request on a fresh socket and feeds every reply to the visitor until it
    /// stops, the dump ends or the kernel answers an error.  0, or the negated errno.</summary>
    private static int Query<TVisitor>(ReadOnlySpan<byte> req, ref TVisitor visitor) where TVisitor : struct, IReplyVisitor
    {
        int raw = Socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        if (raw < 0) return -SyscallException.LastErrno();
        using var fd = new OwnedFd(raw);
        fixed (byte* p = req)
            if (Send(fd.Value, p, (nuint)req.Length, 0) != req.Length) return -SyscallException.LastErrno();
        byte[] buf = t_replies ??= new byte[32 * 1024];
        while (true)
        {
            nint n;
            fixed (byte* p = buf) n = Recv(fd.Value, p, (nuint)buf.Length, 0);
            if (n < 0) return -SyscallException.LastErrno();
            if (n == 0) return 0;
            var data = buf.AsSpan(0, (int)n);
            while (data.Length >= NlHeader)
            {
                int len = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
                ushort type = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
                if (len < NlHeader || len > data.Length || type == NLMSG_DONE) return 0;
                if (type == NLMSG_ERROR)
                    return len >= NlHeader + 4 ? BinaryPrimitives.ReadInt32LittleEndian(data[NlHeader..]) : -1;
                if (type == SOCK_DIAG_BY_FAMILY && visitor.Visit(data[NlHeader..len])) return 0;
                data = data[Math.Min(data.Length, (len + 3) & ~3)..];
            }
        }
    }

    /// <summary>Walks struct rtattr records: (length, type) then the payload, 4-byte aligned.</summary>
    private static bool NextAttribute(ref ReadOnlySpan<byte> attrs, out ushort type, out ReadOnlySpan<byte> payload)
    {
        type = 0;
        payload = default;
        if (attrs.Length < 4) return false;
        int alen = BinaryPrimitives.ReadUInt16LittleEndian(attrs);
        if (alen < 4 || alen > attrs.Length) return false;
        type = BinaryPrimitives.ReadUInt16LittleEndian(attrs[2..]);
        payload = attrs[4..alen];
        attrs = attrs[Math.Min(attrs.Length, (alen + 3) & ~3)..];
        return true;
    }

    /// <summary>struct unix_diag_msg (family, type, state, pad, ino, cookie) then rtattrs.</summary>
    private struct PeerCollector : IReplyVisitor
    {
        public Dictionary<ulong, ulong> Peers;

        public bool Visit(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < UnixMsg) return false;
            uint ino = BinaryPrimitives.ReadUInt32LittleEndian(msg[4..]);
            var attrs = msg[UnixMsg..];
            while (NextAttribute(ref attrs, out ushort type, out var payload))
                if (type == UNIX_DIAG_PEER && payload.Length >= 4)
                    Peers[ino] = BinaryPrimitives.ReadUInt32LittleEndian(payload);
            return false;
        }
    }

    private struct Finder : IReplyVisitor
    {
        public int Family;
        public uint Inode;
        public byte* Name;
        public int NameCapacity;
        public SocketFacts Facts;
        public bool Found;

        public bool Visit(ReadOnlySpan<byte> msg) => Family switch
        {
            AF_UNIX => Unix(msg),
            AF_NETLINK => Netlink(msg),
            _ => Inet(msg),
        };

        /// <summary>struct inet_diag_msg: family, state, timer, retrans, then inet_diag_sockid
        /// (sport, dport, src[16], dst[16], if, cookie) at 4, ..., idiag_inode at 68.</summary>
        private bool Inet(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < InetMsg) return true;
            if (BinaryPrimitives.ReadUInt32LittleEndian(msg[68..]) != Inode) return false;
            Facts.Family = msg[0];
            Facts.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(msg[4..]);
            Facts.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(msg[6..]);
            msg.Slice(8, 16).CopyTo(Facts.Source);
            msg.Slice(24, 16).CopyTo(Facts.Destination);
            return Found = true;
        }

        private bool Unix(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < UnixMsg) return true;
            if (BinaryPrimitives.ReadUInt32LittleEndian(msg[4..]) != Inode) return false;
            Facts.Family = msg[0];
            var attrs = msg[UnixMsg..];
            while (NextAttribute(ref attrs, out ushort type, out var payload))
            {
                if (type == UNIX_DIAG_NAME && Facts.NameLength == 0)
                {
                    int n = Math.Min(Math.Min(payload.Length, UnixPathMax), NameCapacity);
                    payload[..n].CopyTo(new Span<byte>(Name, NameCapacity));
                    Facts.NameLength = n;
                }
                else if (type == UNIX_DIAG_PEER && payload.Length >= 4)
                    Facts.UnixPeer = BinaryPrimitives.ReadUInt32LittleEndian(payload);
            }
            return Found = true;
        }

        /// <summary>struct netlink_diag_msg: family, type, protocol, state, portid, dst_portid,
        /// dst_group, ino at 16, cookie.</summary>
        private bool Netlink(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < NetlinkMsg) return true;
            if (BinaryPrimitives.ReadUInt32LittleEndian(msg[16..]) != Inode) return false;
            Facts.Family = msg[0];
            Facts.NetlinkProtocol = msg[2];
            Facts.PortId = BinaryPrimitives.ReadUInt32LittleEndian(msg[4..]);
            return Found = true;
        }
    }
}
