using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Kernel;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>
/// NETLINK_SOCK_DIAG (sock_diag(7)): the one place the kernel tells which UNIX socket is connected
/// to which (/proc/net/unix does not) and the endpoints of one socket by its inode, for -yy.
/// Requests and answers are the Kernel/Abi structs of &lt;linux/inet_diag.h&gt;,
/// &lt;linux/unix_diag.h&gt; and &lt;linux/netlink_diag.h&gt;.
/// </summary>
internal static unsafe partial class SockDiag
{
    private const int AF_NETLINK = 16, AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
    private const int SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, NETLINK_SOCK_DIAG = 4;
    private const ushort SOCK_DIAG_BY_FAMILY = 20, NLM_F_REQUEST = 1, NLM_F_DUMP = 0x300;
    private const ushort NLMSG_ERROR = 2, NLMSG_DONE = 3, UNIX_DIAG_NAME = 0, UNIX_DIAG_PEER = 2;
    private const uint UDIAG_SHOW_NAME = 1, UDIAG_SHOW_PEER = 4, AllStates = 0xffffffff;
    private const byte NDIAG_PROTO_ALL = 255;
    private const int UnixPathMax = 108;
    private static readonly int NlHeader = Unsafe.SizeOf<NlMsgHdr>();

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
        var peers = new PeerCollector { Peers = new() };
        int rc = Query(NLM_F_REQUEST | NLM_F_DUMP, UnixRequest(inode: 0, UDIAG_SHOW_PEER), ref peers);
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
        var finder = new Finder { Family = family, Inode = (uint)inode };
        int rc;
        fixed (byte* name = unixName)
        {
            finder.Name = name;
            finder.NameCapacity = unixName.Length;
            rc = family switch
            {
                AF_UNIX => Query(NLM_F_REQUEST, UnixRequest((uint)inode, UDIAG_SHOW_NAME | UDIAG_SHOW_PEER), ref finder),
                AF_NETLINK => Query(NLM_F_REQUEST | NLM_F_DUMP, new NetlinkDiagReq { Family = AF_NETLINK, Protocol = NDIAG_PROTO_ALL }, ref finder),
                AF_INET or AF_INET6 => Query(NLM_F_REQUEST | NLM_F_DUMP,
                    new InetDiagReqV2 { Family = (byte)family, Protocol = (byte)protocol, States = AllStates }, ref finder),
                _ => -1,
            };
        }
        if (rc < 0 || !finder.Found) return false;
        facts = finder.Facts;
        return true;
    }

    private static UnixDiagReq UnixRequest(uint inode, uint show)
    {
        var req = new UnixDiagReq { Family = AF_UNIX, States = AllStates, Inode = inode, Show = show };
        // An exact lookup must not check the cookie: all ones means "any".
        req.Cookie[0] = req.Cookie[1] = 0xffffffff;
        return req;
    }

    /// <summary>Sends the request (a struct nlmsghdr, then body) on a fresh socket and feeds every
    /// reply to the visitor until it stops, the dump ends or the kernel answers an error.  0, or
    /// the negated errno.</summary>
    private static int Query<TBody, TVisitor>(ushort flags, in TBody body, ref TVisitor visitor)
        where TBody : unmanaged where TVisitor : struct, IReplyVisitor
    {
        Span<byte> req = stackalloc byte[NlHeader + sizeof(TBody)];
        var header = new NlMsgHdr { Len = (uint)req.Length, Type = SOCK_DIAG_BY_FAMILY, Flags = flags, Seq = 1 };
        MemoryMarshal.Write(req, in header);
        MemoryMarshal.Write(req[NlHeader..], in body);
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
                var h = MemoryMarshal.Read<NlMsgHdr>(data);
                int len = (int)h.Len;
                if (len < NlHeader || len > data.Length || h.Type == NLMSG_DONE) return 0;
                // struct nlmsgerr: the (negated) error, then the request it answers.
                if (h.Type == NLMSG_ERROR)
                    return len >= NlHeader + 4 ? BinaryPrimitives.ReadInt32LittleEndian(data[NlHeader..]) : -1;
                if (h.Type == SOCK_DIAG_BY_FAMILY && visitor.Visit(data[NlHeader..len])) return 0;
                data = data[Math.Min(data.Length, (len + 3) & ~3)..];
            }
        }
    }

    /// <summary>Walks struct rtattr records: the head, then the payload, 4-byte aligned.</summary>
    private static bool NextAttribute(ref ReadOnlySpan<byte> attrs, out ushort type, out ReadOnlySpan<byte> payload)
    {
        type = 0;
        payload = default;
        if (attrs.Length < sizeof(Rtattr)) return false;
        var head = MemoryMarshal.Read<Rtattr>(attrs);
        if (head.Len < sizeof(Rtattr) || head.Len > attrs.Length) return false;
        type = head.Type;
        payload = attrs[sizeof(Rtattr)..head.Len];
        attrs = attrs[Math.Min(attrs.Length, (head.Len + 3) & ~3)..];
        return true;
    }

    /// <summary>struct unix_diag_msg then rtattrs, for every connected UNIX socket.</summary>
    private struct PeerCollector : IReplyVisitor
    {
        public Dictionary<ulong, ulong> Peers;

        public bool Visit(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < sizeof(UnixDiagMsg)) return false;
            uint ino = MemoryMarshal.Read<UnixDiagMsg>(msg).Inode;
            var attrs = msg[sizeof(UnixDiagMsg)..];
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

        private bool Inet(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < sizeof(InetDiagMsg)) return true;
            var m = MemoryMarshal.Read<InetDiagMsg>(msg);
            if (m.Inode != Inode) return false;
            Facts.Family = m.Family;
            Facts.SourcePort = BinaryPrimitives.ReverseEndianness(m.Id.SourcePortBigEndian);
            Facts.DestinationPort = BinaryPrimitives.ReverseEndianness(m.Id.DestinationPortBigEndian);
            new ReadOnlySpan<byte>(m.Id.Source, 16).CopyTo(Facts.Source);
            new ReadOnlySpan<byte>(m.Id.Destination, 16).CopyTo(Facts.Destination);
            return Found = true;
        }

        private bool Unix(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < sizeof(UnixDiagMsg)) return true;
            var m = MemoryMarshal.Read<UnixDiagMsg>(msg);
            if (m.Inode != Inode) return false;
            Facts.Family = m.Family;
            var attrs = msg[sizeof(UnixDiagMsg)..];
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

        private bool Netlink(ReadOnlySpan<byte> msg)
        {
            if (msg.Length < sizeof(NetlinkDiagMsg)) return true;
            var m = MemoryMarshal.Read<NetlinkDiagMsg>(msg);
            if (m.Inode != Inode) return false;
            Facts.Family = m.Family;
            Facts.NetlinkProtocol = m.Protocol;
            Facts.PortId = m.PortId;
            return Found = true;
        }
    }
}
