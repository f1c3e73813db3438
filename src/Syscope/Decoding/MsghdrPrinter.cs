using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>struct msghdr for sendmsg/recvmsg, with SCM_RIGHTS descriptors spelled out.</summary>
internal static class MsghdrPrinter
{
    private const int SOL_SOCKET = 1, SCM_RIGHTS = 1, SCM_CREDENTIALS = 2, SCM_SECURITY = 3;

    /// <summary>msg_namelen at entry, for the "110 => 0" form recvmsg prints.</summary>
    public static long NameLen(ref DecodeContext c, ulong addr) =>
        Printers.TryRead(ref c, addr, out Msghdr m) ? m.NameLen : -1;

    public static void Print(ref DecodeContext c, ulong addr, long dataLimit, long nameLenIn = -1)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Msghdr m)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("msg_name"u8);
        int nameLen = NameShown(m.NameLen, nameLenIn);
        SockaddrPrinter.Print(ref c, m.Name, nameLen);
        w.Field("msg_namelen"u8);
        if (nameLenIn >= 0) Families.NetworkDecoders.InOut(w, (int)nameLenIn, (int)m.NameLen); else w.Int((int)m.NameLen);
        w.Field("msg_iov"u8);
        // strace reads the iovecs as netlink messages exactly when msg_name is a netlink address.
        bool netlink = m.Name != 0 && nameLen >= 2 && Printers.TryRead(ref c, m.Name, out ushort family) && family == NetConstants.AF_NETLINK;
        IovecPrinter.Print(ref c, m.Iov, m.IovLen, dataLimit, netlink);
        w.Field("msg_iovlen"u8).UInt(m.IovLen);
        if (m.ControlLen != 0)
        {
            w.Field("msg_control"u8);
            Control(ref c, m.Control, m.ControlLen);
        }
        w.Field("msg_controllen"u8).UInt(m.ControlLen).Field("msg_flags"u8);
        NetConstants.MsgFlags.Print(w, (uint)m.Flags);
        w.EndStruct();
    }

    /// <summary>How much of msg_name is an address: the kernel's length after recvmsg, but no
    /// more than the caller's buffer held (the kernel reports a name's full length even when it
    /// wrote only part of it); lengths compare as C ints, as strace compares them.</summary>
    /// <param name="nameLenIn">The caller's msg_namelen at entry, or -1 when there is none (sendmsg).</param>
    internal static int NameShown(uint nameLen, long nameLenIn) =>
        nameLenIn >= 0 && (int)nameLen > (int)nameLenIn ? (int)nameLenIn : (int)nameLen;

    /// <summary>Control messages, walked as strace walks them: at most optmem_max bytes (what the
    /// kernel would accept), each cmsghdr then its data by level and type; what is left after the
    /// last whole header shows as "..." and its address.</summary>
    private static void Control(ref DecodeContext c, ulong addr, ulong inLen)
    {
        int controlLen = (int)Math.Min(inLen, (ulong)OptmemMax);
        var buf = ControlBuffer(controlLen);
        if (controlLen < HeaderSize || Printers.ReadStruct(ref c, addr, buf) < controlLen) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginArray();
        int off = 0, left = controlLen;
        while (left >= HeaderSize)
        {
            ulong cmsgLen = BitConverter.ToUInt64(buf[off..]);
            int level = BitConverter.ToInt32(buf[(off + 8)..]), type = BitConverter.ToInt32(buf[(off + 12)..]);
            w.Element().BeginStruct().Field("cmsg_len"u8).UInt(cmsgLen).Field("cmsg_level"u8);
            SockoptConstants.CmsgLevels.PrintInt(w, (ulong)level);
            w.Field("cmsg_type"u8);
            ulong len = Math.Min(cmsgLen, (ulong)left);
            int dataLen = len > HeaderSize ? (int)len - HeaderSize : 0;
            TypeAndData(ref c, level, type, buf.Slice(off + HeaderSize, dataLen));
            w.EndStruct();
            if (len < HeaderSize) { left -= HeaderSize; break; }
            ulong step = (cmsgLen + 7) & ~7UL;
            if (step >= (ulong)left || step < cmsgLen) { left = 0; break; }
            off += (int)step;
            left -= (int)step;
        }
        if (left > 0) w.Elided().Raw("... /* "u8).Hex(addr + (ulong)(controlLen - left)).Raw(" */"u8);
        else if ((ulong)controlLen < inLen) w.Elided().Raw("..."u8);
        w.EndArray();
    }

    private const int HeaderSize = 16;
    private const int SOL_IP = 0;

    /// <summary>The types strace names per level (&lt;asm-generic/socket.h&gt; SCM_*, SO_TIMESTAMP*;
    /// &lt;linux/in.h&gt; IP_*), and the data it decodes for them when long enough.</summary>
    private static readonly ValueSet SocketTypes = new("SCM_???", false,
        new(1, "SCM_RIGHTS"), new(2, "SCM_CREDENTIALS"), new(3, "SCM_SECURITY"), new(41, "SO_WIFI_STATUS"),
        new(61, "SO_TXTIME"), new(29, "SO_TIMESTAMP_OLD"), new(35, "SO_TIMESTAMPNS_OLD"), new(37, "SO_TIMESTAMPING_OLD"),
        new(63, "SO_TIMESTAMP_NEW"), new(64, "SO_TIMESTAMPNS_NEW"), new(65, "SO_TIMESTAMPING_NEW"),
        new(0x36, "SCM_TIMESTAMPING_OPT_STATS"), new(0x3a, "SCM_TIMESTAMPING_PKTINFO"));

    private static readonly ValueSet IpTypes = new("IP_???", false,
        new(1, "IP_TOS"), new(2, "IP_TTL"), new(6, "IP_RECVOPTS"), new(7, "IP_RETOPTS"), new(8, "IP_PKTINFO"),
        new(11, "IP_RECVERR"), new(20, "IP_ORIGDSTADDR"), new(23, "IP_CHECKSUM"), new(3, "SCM_SECURITY"));

    private static void TypeAndData(ref DecodeContext c, int level, int type, ReadOnlySpan<byte> data)
    {
        var w = c.Out;
        if (level == SOL_SOCKET)
        {
            SocketTypes.PrintInt(w, (uint)type);
            switch (type)
            {
                case SCM_RIGHTS when data.Length >= 4:
                    w.Field("cmsg_data"u8).BeginArray();
                    int fds = data.Length / 4, shown = Math.Min(fds, Printers.MaxElements(ref c));
                    for (int k = 0; k < shown; k++) Args.FdValue(ref c, BitConverter.ToInt32(data[(4 * k)..]), w.Element());
                    if (shown < fds) w.Elided().Raw("..."u8);
                    w.EndArray();
                    break;
                case SCM_CREDENTIALS when data.Length >= 12:
                    w.Field("cmsg_data"u8).BeginStruct().Field("pid"u8);
                    c.PidNotes.Write(w, BitConverter.ToInt32(data));
                    w.Field("uid"u8).UInt(BitConverter.ToUInt32(data[4..])).Field("gid"u8).UInt(BitConverter.ToUInt32(data[8..])).EndStruct();
                    break;
                case SCM_SECURITY when data.Length >= 1:
                    Security(ref c, data);
                    break;
                case 29 or 63 when data.Length >= 1: Times(w.Field("cmsg_data"u8), data, 1, nanos: false); break;
                case 35 or 64 when data.Length >= 1: Times(w.Field("cmsg_data"u8), data, 1, nanos: true); break;
                case 37 or 65 when data.Length >= 1: Times(w.Field("cmsg_data"u8), data, 3, nanos: true); break;
            }
        }
        else if (level == SOL_IP)
        {
            IpTypes.PrintInt(w, (uint)type);
            switch (type)
            {
                case 8 when data.Length >= 12: // IP_PKTINFO: struct in_pktinfo
                    w.Field("cmsg_data"u8).BeginStruct();
                    Netlink.NlattrPrinter.IfIndexValue(c.Host, w.Field("ipi_ifindex"u8), BitConverter.ToUInt32(data));
                    SockaddrPrinter.Ipv4Value(w.Field("ipi_spec_dst"u8), data.Slice(4, 4));
                    SockaddrPrinter.Ipv4Value(w.Field("ipi_addr"u8), data.Slice(8, 4));
                    w.EndStruct();
                    break;
                case 2 or 23 when data.Length >= 4: // IP_TTL, IP_CHECKSUM
                    Numbers(ref c, w.Field("cmsg_data"u8), data, 4);
                    break;
                case 1 or 6 or 7 when data.Length >= 1: // IP_TOS, IP_RECVOPTS, IP_RETOPTS: bytes
                    Numbers(ref c, w.Field("cmsg_data"u8), data, 1);
                    break;
                case SCM_SECURITY when data.Length >= 1: // IP_PASSSEC's, as at SOL_SOCKET
                    Security(ref c, data);
                    break;
                case 11 when data.Length >= 32: // IP_RECVERR: struct sock_extended_err, then the offender
                    w.Field("cmsg_data"u8).BeginStruct().Field("ee_errno"u8).UInt(BitConverter.ToUInt32(data))
                        .Field("ee_origin"u8).UInt(data[4]).Field("ee_type"u8).UInt(data[5]).Field("ee_code"u8).UInt(data[6])
                        .Field("ee_info"u8).UInt(BitConverter.ToUInt32(data[8..])).Field("ee_data"u8).UInt(BitConverter.ToUInt32(data[12..]))
                        .Field("offender"u8);
                    SockaddrPrinter.Value(ref c, w, data.Slice(16, 16));
                    w.EndStruct();
                    break;
                case 20 when data.Length >= 16: // IP_ORIGDSTADDR
                    SockaddrPrinter.Value(ref c, w.Field("cmsg_data"u8), data[..Math.Min(data.Length, 128)]);
                    break;
            }
        }
        else w.Hex((uint)type);
    }

    /// <summary>SCM_SECURITY's security context: every byte of it, quoted.</summary>
    private static void Security(ref DecodeContext c, ReadOnlySpan<byte> data) =>
        c.Out.Field("cmsg_data"u8).Quoted(data, c.Options.HexStrings, false);

    /// <summary>An array of unsigned ints (4 bytes, in decimal) or bytes (in hex), cut at -s
    /// elements unless -v, as strace prints every array.</summary>
    private static void Numbers(ref DecodeContext c, ArgWriter w, ReadOnlySpan<byte> data, int size)
    {
        int count = data.Length / size, shown = Math.Min(count, Printers.MaxElements(ref c));
        w.BeginArray();
        for (int k = 0; k < shown; k++)
        {
            if (size == 4) w.Element().UInt(BitConverter.ToUInt32(data[(4 * k)..]));
            else w.Element().Hex(data[k]);
        }
        if (shown < count) w.Elided().Raw("..."u8);
        w.EndArray();
    }

    /// <summary>Timestamps: a timeval or timespec (64-bit fields on x86_64, old and new alike), or
    /// SO_TIMESTAMPING's three timespecs; "???" when the data is shorter.</summary>
    private static void Times(ArgWriter w, ReadOnlySpan<byte> data, int count, bool nanos)
    {
        if (data.Length < 16 * count)
        {
            // Too short to decode: "???" in the text, the bytes as the value.
            int start = w.Length;
            w.Raw("???"u8).MarkBytes(start, data, ValueKind.String);
            return;
        }
        if (count > 1) w.BeginArray();
        for (int i = 0; i < count; i++)
        {
            if (count > 1) w.Element();
            long sec = BitConverter.ToInt64(data[(16 * i)..]), fraction = BitConverter.ToInt64(data[(16 * i + 8)..]);
            if (nanos) TimePrinters.TimespecValue(w, sec, fraction); else TimePrinters.TimevalValue(w, sec, fraction);
        }
        if (count > 1) w.EndArray();
    }

    /// <summary>The most control data the kernel accepts (net.core.optmem_max, in whole 8-byte
    /// words), as strace caps what it reads; its fallback when the file cannot be read.</summary>
    private static readonly int OptmemMax = ReadOptmemMax();

    private static int ReadOptmemMax()
    {
        try
        {
            if (int.TryParse(File.ReadAllText("/proc/sys/net/core/optmem_max").Trim(), out int v) && v > 0) return (v + 7) & ~7;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 8 * (2 * 1024 + 512);
    }

    [ThreadStatic] private static byte[]? t_control;

    private static Span<byte> ControlBuffer(int len)
    {
        var b = t_control;
        if (b == null || b.Length < len) t_control = b = new byte[Math.Max(len, 256)];
        return b.AsSpan(0, len);
    }
}
