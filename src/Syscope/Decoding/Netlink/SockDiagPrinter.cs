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

    public static bool Decode(ref DecodeContext c, ushort type, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        if (type == NetlinkConstants.NLMSG_DONE) return false;
        if (body.IsEmpty) return false;
        bool request = (BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) & 1) != 0;
        byte family = body[0];
        if (family is NetConstants.AF_UNIX or NetConstants.AF_NETLINK)
        {
            LocalDiagPrinter.Decode(ref c, request, body);
            return true;
        }
        if (family is not (NetConstants.AF_INET or NetConstants.AF_INET6))
        {
            var w0 = c.Out;
            w0.Raw("{family="u8);
            NetConstants.Families.Print(w0, family);
            if (body.Length > 1) { w0.Raw(", data="u8); NetlinkPrinter.HexString(ref c, body[1..]); }
            w0.Raw((byte)'}');
            return true;
        }
        if (request) Request(ref c, body); else Answer(ref c, body);
        return true;
    }

    private static void Request(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.Raw("{sdiag_family="u8);
        NetConstants.Families.Print(w, b[0]);
        w.Raw(", "u8);
        if (b.Length < ReqSize) { w.Raw("...}"u8); return; }
        w.Raw("sdiag_protocol="u8);
        NetConstants.IpProtocols.Print(w, b[1]);
        w.Raw(", idiag_ext="u8);
        SockDiagConstants.Extensions.Print(w, b[2]);
        w.Raw(", idiag_states="u8);
        SockDiagConstants.TcpStateBits.Print(w, BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
        w.Raw(", id="u8);
        SockId(c.Host, w, b.Slice(8, SockIdSize), b[0]);
        w.Raw((byte)'}');
        if (b.Length > ReqSize) { w.Raw(", "u8); NlattrPrinter.Attributes(ref c, b[ReqSize..], AttrTable.InetDiag, b[0]); }
    }

    private static void Answer(ref DecodeContext c, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.Raw("{idiag_family="u8);
        NetConstants.Families.Print(w, b[0]);
        w.Raw(", "u8);
        if (b.Length < MsgSize) { w.Raw("...}"u8); return; }
        w.Raw("idiag_state="u8);
        SockDiagConstants.TcpStates.Print(w, b[1]);
        w.Raw(", idiag_timer="u8).UInt(b[2]).Raw(", idiag_retrans="u8).UInt(b[3]).Raw(", id="u8);
        SockId(c.Host, w, b.Slice(4, SockIdSize), b[0]);
        w.Raw(", idiag_expires="u8).UInt(U32(b, 52)).Raw(", idiag_rqueue="u8).UInt(U32(b, 56))
            .Raw(", idiag_wqueue="u8).UInt(U32(b, 60)).Raw(", idiag_uid="u8).UInt(U32(b, 64))
            .Raw(", idiag_inode="u8).UInt(U32(b, 68)).Raw((byte)'}');
        if (b.Length > MsgSize) { w.Raw(", "u8); NlattrPrinter.Attributes(ref c, b[MsgSize..], AttrTable.InetDiag, b[0]); }
    }

    /// <summary>struct inet_diag_sockid: ports and addresses in network order.</summary>
    internal static void Cookie(ArgWriter w, ReadOnlySpan<byte> b, int offset) =>
        w.Raw("["u8).UInt(U32(b, offset)).Raw(", "u8).UInt(U32(b, offset + 4)).Raw((byte)']');

    private static void SockId(IHostFacts? host, ArgWriter w, ReadOnlySpan<byte> id, byte family)
    {
        w.Raw("{idiag_sport="u8);
        Port(w, id);
        w.Raw(", idiag_dport="u8);
        Port(w, id[2..]);
        w.Raw(", "u8);
        if (family == NetConstants.AF_INET || w.Style != ConstStyle.Abbrev)
        {
            // Under -X raw/verbose the whole 16-byte fields show, as strace prints them.
            int size = family == NetConstants.AF_INET && w.Style == ConstStyle.Abbrev ? 4 : 16;
            w.Raw("idiag_src="u8);
            if (NlattrPrinter.OpenDecoded(w, id.Slice(4, 16), out var outer)) { Inet(w, id.Slice(4, size), family); NlattrPrinter.CloseDecoded(w, outer); }
            w.Raw(", idiag_dst="u8);
            if (NlattrPrinter.OpenDecoded(w, id.Slice(20, 16), out outer)) { Inet(w, id.Slice(20, size), family); NlattrPrinter.CloseDecoded(w, outer); }
        }
        else
        {
            w.Raw("inet_pton(AF_INET6, \""u8);
            SockaddrPrinter.Ipv6(w, id.Slice(4, 16));
            w.Raw("\", &idiag_src), inet_pton(AF_INET6, \""u8);
            SockaddrPrinter.Ipv6(w, id.Slice(20, 16));
            w.Raw("\", &idiag_dst)"u8);
        }
        w.Raw(", idiag_if="u8);
        NlattrPrinter.IfIndexValue(host, w, U32(id, 36));
        w.Raw(", idiag_cookie="u8);
        Cookie(w, id, 40);
        w.Raw((byte)'}');
    }

    private static void Port(ArgWriter w, ReadOnlySpan<byte> be)
    {
        if (!NlattrPrinter.OpenDecoded(w, be[..2], out var outer)) return;
        w.Raw("htons("u8).UInt(BinaryPrimitives.ReadUInt16BigEndian(be)).Raw((byte)')');
        NlattrPrinter.CloseDecoded(w, outer);
    }

    private static void Inet(ArgWriter w, ReadOnlySpan<byte> a, byte family)
    {
        if (family == NetConstants.AF_INET) { w.Raw("inet_addr(\""u8); SockaddrPrinter.Ipv4(w, a[..4]); }
        else { w.Raw("inet_pton(AF_INET6, \""u8); SockaddrPrinter.Ipv6(w, a); }
        w.Raw("\")"u8);
    }

    /// <summary>SK_MEMINFO_* names, for the meminfo arrays several diag answers carry.</summary>
    private static readonly byte[][] s_memInfo = Array.ConvertAll(new[]
    {
        "SK_MEMINFO_RMEM_ALLOC", "SK_MEMINFO_RCVBUF", "SK_MEMINFO_WMEM_ALLOC", "SK_MEMINFO_SNDBUF", "SK_MEMINFO_FWD_ALLOC",
        "SK_MEMINFO_WMEM_QUEUED", "SK_MEMINFO_OPTMEM", "SK_MEMINFO_BACKLOG", "SK_MEMINFO_DROPS",
    }, System.Text.Encoding.ASCII.GetBytes);

    /// <summary>A u32 array indexed by SK_MEMINFO_*: [[SK_MEMINFO_RMEM_ALLOC]=0, ...].</summary>
    public static bool MemInfo(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (NlattrPrinter.Unfit(w, v, 4) is bool fit12) return fit12;
        w.Raw((byte)'[');
        for (int i = 0; i + 4 <= v.Length; i += 4)
        {
            if (i > 0) w.Raw(", "u8);
            w.Raw((byte)'[');
            if (i / 4 < s_memInfo.Length) w.Raw(s_memInfo[i / 4]); else w.Int(i / 4);
            w.Raw("]="u8).UInt(U32(v, i));
        }
        w.Raw((byte)']');
        return true;
    }

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
            case 7: return MemInfo(w, v);
            case 22:
                if (NlattrPrinter.Unfit(w, v, 2) is bool fit13) return fit13;
                int bits = BinaryPrimitives.ReadUInt16LittleEndian(v);
                w.Raw((byte)'{');
                bool any = false;
                for (int i = 0; i < s_sockoptBits.Length; i++)
                {
                    if ((bits & (1 << i)) == 0) continue;
                    if (any) w.Raw(", "u8);
                    w.Raw(s_sockoptBits[i]).Raw("=1"u8);
                    any = true;
                }
                w.Raw((byte)'}');
                return true;
            default: return false;
        }
    }

    private static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);
}
