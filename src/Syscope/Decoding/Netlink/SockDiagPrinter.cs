using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Syscope.Decoding.Constants;
using Syscope.Events;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Netlink;

/// <summary>NETLINK_SOCK_DIAG bodies for inet sockets: inet_diag_req_v2 in requests (NLM_F_REQUEST),
/// inet_diag_msg and its INET_DIAG_* attributes in answers.  UNIX and netlink sockets are
/// LocalDiagPrinter's; other families print their family and the rest as hex.</summary>
internal static class SockDiagPrinter
{
    private static readonly int ReqSize = Unsafe.SizeOf<InetDiagReqV2>(), MsgSize = Unsafe.SizeOf<InetDiagMsg>();
    private static readonly int SockIdSize = Unsafe.SizeOf<InetDiagSockId>();
    private const ushort TCPDIAG_GETSOCK = 18, DCCPDIAG_GETSOCK = 19;
    private const byte AF_SMC = 43;

    /// <summary>sizeof(struct inet_diag_req): family, lengths, extensions, the socket id, states, dbs.</summary>
    private static readonly int CompatReqSize = 12 + SockIdSize;

    public static bool Decode(ref DecodeContext c, ushort type, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        if (type == NetlinkConstants.NLMSG_DONE) return false;
        if (body.IsEmpty) return false;
        if (NetlinkBuffer.PrintedAddress(c.Out, body, 1)) return true;
        bool request = (BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) & 1) != 0;
        byte family = body[0];
        // strace hands a body of the family alone, or of a family it has no decoder for, to its
        // generic "{family=...}" printer.
        if (body.Length == 1 || family is not (NetConstants.AF_UNIX or NetConstants.AF_NETLINK or NetConstants.AF_INET
            or NetConstants.AF_INET6 or NetConstants.AF_PACKET or AF_SMC))
        {
            RtnetlinkPrinter.Family(ref c, body);
            return true;
        }
        if (family is NetConstants.AF_UNIX or NetConstants.AF_NETLINK)
        {
            LocalDiagPrinter.Decode(ref c, request, body);
            return true;
        }
        if (family == NetConstants.AF_PACKET)
        {
            PacketSmcDiagPrinter.Packet(ref c, request, body);
            return true;
        }
        if (family == AF_SMC)
        {
            PacketSmcDiagPrinter.Smc(ref c, request, body);
            return true;
        }
        if (request && type is TCPDIAG_GETSOCK or DCCPDIAG_GETSOCK) CompatRequest(ref c, body);
        else if (request) Request(ref c, body);
        else Answer(ref c, body);
        return true;
    }

    private static void Request(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.BeginStruct().Field("sdiag_family"u8);
        NetConstants.Families.Print(w, b[0]);
        if (!Fits(w, b, ReqSize)) return;
        w.Field("sdiag_protocol"u8);
        NetConstants.IpProtocols.Print(w, b[1]);
        w.Field("idiag_ext"u8);
        SockDiagConstants.Extensions.Print(w, b[2]);
        w.Field("idiag_states"u8);
        SockDiagConstants.TcpStateBits.Print(w, BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
        w.Field("id"u8);
        SockId(c.Host, w, b.Slice(8, SockIdSize), b[0]);
        w.EndStruct();
        if (b.Length > ReqSize) { w.Element(); NlattrPrinter.Attributes(ref c, b[ReqSize..], AttrTable.InetDiagReq, b[0]); }
    }

    /// <summary>struct inet_diag_req, of the older TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK requests.</summary>
    private static void CompatRequest(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.BeginStruct().Field("idiag_family"u8);
        NetConstants.Families.Print(w, b[0]);
        if (!Fits(w, b, CompatReqSize)) return;
        w.Field("idiag_src_len"u8).UInt(b[1]).Field("idiag_dst_len"u8).UInt(b[2]).Field("idiag_ext"u8);
        SockDiagConstants.Extensions.Print(w, b[3]);
        w.Field("id"u8);
        SockId(c.Host, w, b.Slice(4, SockIdSize), b[0]);
        w.Field("idiag_states"u8);
        SockDiagConstants.TcpStateBits.Print(w, U32(b, 4 + SockIdSize));
        w.Field("idiag_dbs"u8).UInt(U32(b, 8 + SockIdSize)).EndStruct();
        if (b.Length > CompatReqSize) { w.Element(); NlattrPrinter.Attributes(ref c, b[CompatReqSize..], AttrTable.InetDiagReq, b[0]); }
    }

    /// <summary>INET_DIAG_REQ_* values strace decodes: the protocol (its bytecode is not decoded).</summary>
    public static bool RequestAttrValue(ArgWriter w, int type, ReadOnlySpan<byte> v)
    {
        if (type != 3 || v.Length is < 1 or > 8) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, v.Length)) return true;
        Span<byte> wide = stackalloc byte[8];
        wide.Clear();
        v.CopyTo(wide);
        NetConstants.IpProtocols.Print(w, BinaryPrimitives.ReadUInt64LittleEndian(wide));
        return true;
    }

    private static void Answer(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.BeginStruct().Field("idiag_family"u8);
        NetConstants.Families.Print(w, b[0]);
        if (!Fits(w, b, MsgSize)) return;
        w.Field("idiag_state"u8);
        SockDiagConstants.TcpStates.Print(w, b[1]);
        w.Field("idiag_timer"u8).UInt(b[2]).Field("idiag_retrans"u8).UInt(b[3]).Field("id"u8);
        SockId(c.Host, w, b.Slice(4, SockIdSize), b[0]);
        w.Field("idiag_expires"u8).UInt(U32(b, 52)).Field("idiag_rqueue"u8).UInt(U32(b, 56))
            .Field("idiag_wqueue"u8).UInt(U32(b, 60)).Field("idiag_uid"u8).UInt(U32(b, 64))
            .Field("idiag_inode"u8).UInt(U32(b, 68)).EndStruct();
        if (b.Length > MsgSize) { w.Element(); NlattrPrinter.Attributes(ref c, b[MsgSize..], AttrTable.InetDiag, b[0]); }
    }

    /// <summary>After a header's family: whether the rest of a size-byte header is there to print;
    /// if not, the struct is closed as strace closes it, with "..." when the body is shorter and
    /// with the rest's address when that cannot be read.</summary>
    internal static bool Fits(ArgWriter w, ReadOnlySpan<byte> b, int size)
    {
        if (b.Length < size) { w.EndStruct(abbreviated: true); return false; }
        if (NetlinkBuffer.Has(b[1..], size - 1)) return true;
        w.Elided().Hex(NetlinkBuffer.AddressOf(b[1..])).EndStruct();
        return false;
    }

    /// <summary>A socket's cookie, two u32 words: [1, 2].</summary>
    internal static void Cookie(ArgWriter w, ReadOnlySpan<byte> b, int offset) =>
        w.BeginArray().Element().UInt(U32(b, offset)).Element().UInt(U32(b, offset + 4)).EndArray();

    /// <summary>struct inet_diag_sockid: ports and addresses in network order.</summary>
    internal static void SockId(IHostFacts? host, ArgWriter w, ReadOnlySpan<byte> id, byte family)
    {
        w.BeginStruct().Field("idiag_sport"u8);
        Port(w, id);
        w.Field("idiag_dport"u8);
        Port(w, id[2..]);
        if (family == NetConstants.AF_INET || w.Style != ConstStyle.Abbrev)
        {
            // Under -X raw/verbose the whole 16-byte fields show, as strace prints them.
            int size = family == NetConstants.AF_INET && w.Style == ConstStyle.Abbrev ? 4 : 16;
            w.Field("idiag_src"u8);
            if (NlattrPrinter.OpenDecoded(w, id.Slice(4, 16), out var mark)) { Inet(w, id.Slice(4, size), family); NlattrPrinter.CloseDecoded(w, mark); }
            w.Field("idiag_dst"u8);
            if (NlattrPrinter.OpenDecoded(w, id.Slice(20, 16), out mark)) { Inet(w, id.Slice(20, size), family); NlattrPrinter.CloseDecoded(w, mark); }
        }
        else
        {
            SockaddrPrinter.Address(w.Field("idiag_src"u8, inText: false), "inet_pton(AF_INET6, \""u8, id.Slice(4, 16), "\", &idiag_src)"u8);
            SockaddrPrinter.Address(w.Field("idiag_dst"u8, inText: false), "inet_pton(AF_INET6, \""u8, id.Slice(20, 16), "\", &idiag_dst)"u8);
        }
        w.Field("idiag_if"u8);
        NlattrPrinter.IfIndexValue(host, w, U32(id, 36));
        w.Field("idiag_cookie"u8);
        Cookie(w, id, 40);
        w.EndStruct();
    }

    private static void Port(ArgWriter w, ReadOnlySpan<byte> be)
    {
        if (!NlattrPrinter.OpenDecoded(w, be[..2], out var mark)) return;
        SockaddrPrinter.Wrapped(w, "htons("u8, BinaryPrimitives.ReadUInt16BigEndian(be));
        NlattrPrinter.CloseDecoded(w, mark);
    }

    /// <summary>An address of the family: of an AF_INET6 socket all 16 bytes, of an AF_INET one
    /// the first 4 unless -X shows the whole field.</summary>
    private static void Inet(ArgWriter w, ReadOnlySpan<byte> a, byte family) =>
        NlattrPrinter.InetText(w, family == NetConstants.AF_INET ? a[..4] : a);

    /// <summary>A u32 array indexed by SK_MEMINFO_*: [[SK_MEMINFO_RMEM_ALLOC]=0, ...].</summary>
    public static bool MemInfo(ref DecodeContext c, ReadOnlySpan<byte> v) => NlattrPrinter.IndexedArray(ref c, v, 4, false, SockDiagConstants.MemInfo);

    /// <summary>Bits of struct inet_diag_sockopt, low bit first; strace names only the set ones.</summary>
    private static readonly byte[][] s_sockoptBits = Array.ConvertAll(new[]
    {
        "recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent", "mc_all", "nodefrag",
        "bind_address_no_port", "recverr_rfc4884", "defer_connect",
    }, System.Text.Encoding.ASCII.GetBytes);

    public static bool AttrValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        switch (type)
        {
            case 5 or 6 or 8 or 10 or 11: return NlattrPrinter.U8(w, v);
            case 15 or 17: return NlattrPrinter.U32(w, v);
            case 21: return NlattrPrinter.U64(w, v);
            case 7: return MemInfo(ref c, v);
            case 22:
                if (NlattrPrinter.Unfit(w, v, 2) is bool fit13) return fit13;
                int bits = BinaryPrimitives.ReadUInt16LittleEndian(v);
                w.BeginStruct();
                for (int i = 0; i < s_sockoptBits.Length; i++)
                    if ((bits & (1 << i)) != 0) w.Field(s_sockoptBits[i]).UInt(1);
                w.EndStruct();
                return true;
            default: return false;
        }
    }

    private static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);
}
