using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>
/// Netlink messages in socket buffers (sendto, recvfrom, the iovecs of sendmsg/recvmsg), the way
/// strace prints them: one message as "[{nlmsghdr}, body]", several as an array of those, cut
/// after -s messages unless -v.  The body is decoded by the socket's NETLINK_* family, which the
/// descriptor facts tell; unknown families and types show their bytes as a hex string.
/// </summary>
internal static class NetlinkPrinter
{
    public const int HeaderLength = 16;

    /// <summary>The buffer at addr of len bytes, sent or received on descriptor fd.</summary>
    public static void Print(ref DecodeContext c, int fd, ulong addr, long len)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        // -e verbose=none leaves the messages undecoded, as strace does.
        if (c.AddressesOnly) { Printers.Buffer(ref c, addr, len); return; }
        int family = FamilyOf(ref c, fd);
        var data = NetlinkBuffer.Load(ref c, addr, len, out _);
        if (family == NetlinkFamilyConstants.NETLINK_KOBJECT_UEVENT) FamilyBodies.KobjectUevent(ref c, addr, data);
        else Messages(ref c, data, family);
    }

    /// <summary>The NETLINK_* protocol, as strace learns it: sock_diag lists the socket by its
    /// inode (not before it is bound), -1 when it does not.</summary>
    private static int FamilyOf(ref DecodeContext c, int fd)
    {
        if (c.FdPaths == null) return -1;
        Span<byte> link = stackalloc byte[64];
        int n = c.FdPaths.PathOf(c.Pid, fd, link);
        if (!FdDescription.TrySocketInode(link[..n], out ulong inode)) return -1;
        return c.FdPaths.TryFindSocket(NetConstants.AF_NETLINK, 0, inode, out var facts, default) ? facts.NetlinkProtocol : -1;
    }

    /// <summary>Whether a buffer on this descriptor is netlink data (strace asks the socket's protocol).</summary>
    public static bool IsNetlink(ref DecodeContext c, int fd)
    {
        if (c.FdPaths == null) return false;
        Span<byte> proto = stackalloc byte[32];
        int n = c.FdPaths.SocketProtocolOf(c.Pid, fd, proto);
        return proto[..n].SequenceEqual("NETLINK"u8);
    }

    public static void Messages(ref DecodeContext c, ReadOnlySpan<byte> data, int family)
    {
        var w = c.Out;
        bool array = false;
        for (int elt = 0; ; elt++)
        {
            if (data.Length < HeaderLength)
            {
                if (array) w.Element();
                HexString(ref c, data);
                break;
            }
            bool cut = !c.Unabbreviated && elt == c.Options.StringLimit;
            if (array) NetlinkBuffer.NextElement(w, data, HeaderLength, cut);
            if (NetlinkBuffer.PrintedUnreadElement(w, data, HeaderLength, elt == 0)) break;
            if (cut) { w.Raw("..."u8); break; }
            uint len = BinaryPrimitives.ReadUInt32LittleEndian(data);
            long aligned = ((long)len + 3) & ~3L;
            long next = len >= HeaderLength && data.Length >= aligned ? data.Length - aligned : 0;
            if (!array && next > 0) { w.BeginArray().Element(); array = true; }
            WithPayload(ref c, data, family);
            if (next == 0) break;
            data = data[(int)aligned..];
        }
        if (array) w.EndArray();
    }

    /// <summary>A header, and its body when the message is longer than one: "[{...}, body]".</summary>
    private static void WithPayload(ref DecodeContext c, ReadOnlySpan<byte> data, int family)
    {
        var w = c.Out;
        int len = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data), (uint)data.Length);
        if (len <= HeaderLength) { Header(w, data, family); return; }
        Header(w.BeginArray().Element(), data, family);
        w.Element();
        Payload(ref c, data, data[HeaderLength..len], family);
        w.EndArray();
    }

    private static void Header(ArgWriter w, ReadOnlySpan<byte> h, int family)
    {
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(h[4..]), flags = BinaryPrimitives.ReadUInt16LittleEndian(h[6..]);
        w.BeginStruct().Field("nlmsg_len"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(h)).Field("nlmsg_type"u8);
        NetlinkTypes.PrintType(w, type, family);
        w.Field("nlmsg_flags"u8);
        NetlinkTypes.Flags(type, family).Print(w, flags);
        w.Field("nlmsg_seq"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(h[8..]))
            .Field("nlmsg_pid"u8).Int(BinaryPrimitives.ReadInt32LittleEndian(h[12..])).EndStruct();
    }

    private static void Payload(ref DecodeContext c, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body, int family)
    {
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (type == NetlinkConstants.NLMSG_ERROR)
        {
            Error(ref c, body, family, (BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) & 0x100) != 0);
            return;
        }
        if (type >= NetlinkConstants.NLMSG_MIN_TYPE || type == NetlinkConstants.NLMSG_DONE)
        {
            bool done = family switch
            {
                NetlinkConstants.NETLINK_ROUTE => RtnetlinkPrinter.Decode(ref c, type, body),
                NetlinkConstants.NETLINK_SOCK_DIAG => SockDiagPrinter.Decode(ref c, type, header, body),
                NetlinkFamilyConstants.NETLINK_SELINUX => FamilyBodies.Selinux(ref c, type, body),
                NetlinkFamilyConstants.NETLINK_NETFILTER => FamilyBodies.Netfilter(ref c, type, body),
                _ => false,
            };
            if (done) return;
        }
        if (type == NetlinkConstants.NLMSG_DONE && body.Length >= 4)
        {
            if (!NetlinkBuffer.PrintedAddress(c.Out, body, 4)) c.Out.Int(BinaryPrimitives.ReadInt32LittleEndian(body));
            return;
        }
        HexString(ref c, body);
    }

    /// <summary>struct nlmsgerr: the errno, the request it answers (only its header when the
    /// kernel capped it), then any extended-ACK attributes.</summary>
    private static void Error(ref DecodeContext c, ReadOnlySpan<byte> body, int family, bool capped)
    {
        if (body.Length < 4 + HeaderLength) { HexString(ref c, body); return; }
        var w = c.Out;
        if (NetlinkBuffer.PrintedAddress(w, body, 4 + HeaderLength)) return;
        int error = BinaryPrimitives.ReadInt32LittleEndian(body);
        var msg = body[4..];
        uint msgLen = Math.Max((uint)HeaderLength, BinaryPrimitives.ReadUInt32LittleEndian(msg));
        int payload = (int)Math.Min((uint)msg.Length, capped ? HeaderLength : msgLen);
        if (msg.Length > payload) w.BeginArray().Element();
        w.BeginStruct().Field("error"u8);
        ErrnoValue.Print(w, error);
        w.Field("msg"u8);
        WithPayload(ref c, msg[..payload], family);
        w.EndStruct();
        if (msg.Length <= payload) return;
        w.Element();
        NlattrPrinter.Attributes(ref c, msg[payload..], AttrTable.ErrorAck, 0);
        w.EndArray();
    }

    /// <summary>Bytes no decoder claims: always hex-escaped, cut at -s.</summary>
    public static void HexString(ref DecodeContext c, ReadOnlySpan<byte> data)
    {
        int limit = c.Options.StringLimit, shown = Math.Min(data.Length, limit);
        if (NetlinkBuffer.PrintedAddress(c.Out, data, shown)) return;
        c.Out.Quoted(data[..shown], 2, data.Length > limit);
    }
}
