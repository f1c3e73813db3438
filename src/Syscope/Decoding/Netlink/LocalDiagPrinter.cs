using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Netlink;

/// <summary>NETLINK_SOCK_DIAG for UNIX sockets (unix_diag_req, unix_diag_msg) and netlink sockets
/// (netlink_diag_req, netlink_diag_msg) with their attributes.</summary>
internal static class LocalDiagPrinter
{
    private const int NDIAG_PROTO_ALL = 255;
    private static readonly int UnixReqSize = Unsafe.SizeOf<UnixDiagReq>(), UnixMsgSize = Unsafe.SizeOf<UnixDiagMsg>();
    private static readonly int NetlinkReqSize = Unsafe.SizeOf<NetlinkDiagReq>(), NetlinkMsgSize = Unsafe.SizeOf<NetlinkDiagMsg>();

    public static void Decode(ref DecodeContext c, bool request, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        bool unix = b[0] == NetConstants.AF_UNIX;
        w.BeginStruct().Field(request ? "sdiag_family"u8 : unix ? "udiag_family"u8 : "ndiag_family"u8);
        NetConstants.Families.Print(w, b[0]);
        int size = request ? (unix ? UnixReqSize : NetlinkReqSize) : (unix ? UnixMsgSize : NetlinkMsgSize);
        if (!SockDiagPrinter.Fits(w, b, size)) return;
        if (request && unix) UnixRequest(w, b);
        else if (request) NetlinkRequest(w, b);
        else if (unix) UnixAnswer(w, b);
        else NetlinkAnswer(w, b);
        w.EndStruct();
        if (b.Length <= size) return;
        w.Element();
        NlattrPrinter.Attributes(ref c, b[size..], unix ? AttrTable.UnixDiag : AttrTable.NetlinkDiag, b[0]);
    }

    private static void UnixRequest(ArgWriter w, ReadOnlySpan<byte> b)
    {
        w.Field("sdiag_protocol"u8).UInt(b[1]).Field("udiag_states"u8);
        SockDiagConstants.TcpStateBits.Print(w, U32(b, 4));
        w.Field("udiag_ino"u8).UInt(U32(b, 8)).Field("udiag_show"u8);
        SockDiagConstants.UnixShow.Print(w, U32(b, 12));
        w.Field("udiag_cookie"u8);
        SockDiagPrinter.Cookie(w, b, 16);
    }

    private static void NetlinkRequest(ArgWriter w, ReadOnlySpan<byte> b)
    {
        w.Field("sdiag_protocol"u8);
        if (b[1] == NDIAG_PROTO_ALL) w.FixedName("NDIAG_PROTO_ALL"u8, NDIAG_PROTO_ALL); else NetConstants.NetlinkProtocols.Print(w, b[1]);
        w.Field("ndiag_ino"u8).UInt(U32(b, 4)).Field("ndiag_show"u8);
        SockDiagConstants.NetlinkShow.Print(w, U32(b, 8));
        w.Field("ndiag_cookie"u8);
        SockDiagPrinter.Cookie(w, b, 12);
    }

    private static void UnixAnswer(ArgWriter w, ReadOnlySpan<byte> b)
    {
        w.Field("udiag_type"u8);
        NetConstants.SocketTypes.Print(w, b[1]);
        w.Field("udiag_state"u8);
        SockDiagConstants.TcpStates.Print(w, b[2]);
        w.Field("udiag_ino"u8).UInt(U32(b, 4)).Field("udiag_cookie"u8);
        SockDiagPrinter.Cookie(w, b, 8);
    }

    private static void NetlinkAnswer(ArgWriter w, ReadOnlySpan<byte> b)
    {
        w.Field("ndiag_type"u8);
        NetConstants.SocketTypes.Print(w, b[1]);
        w.Field("ndiag_protocol"u8);
        NetConstants.NetlinkProtocols.Print(w, b[2]);
        w.Field("ndiag_state"u8);
        RtnetlinkMoreConstants.NetlinkStates.Print(w, b[3]);
        w.Field("ndiag_portid"u8).UInt(U32(b, 4)).Field("ndiag_dst_portid"u8).UInt(U32(b, 8))
            .Field("ndiag_dst_group"u8).UInt(U32(b, 12)).Field("ndiag_ino"u8).UInt(U32(b, 16)).Field("ndiag_cookie"u8);
        SockDiagPrinter.Cookie(w, b, 20);
    }

    public static bool UnixAttrValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        switch (type)
        {
            case 0: return NlattrPrinter.Str(ref c, v);
            case 1:
                if (NlattrPrinter.Unfit(w, v, 8) is bool fit1) return fit1;
                w.BeginStruct().Field("udiag_vfs_dev"u8);
                StatPrinters.Makedev(w, U32(v, 4));
                w.Field("udiag_vfs_ino"u8).UInt(U32(v, 0)).EndStruct();
                return true;
            case 2: return NlattrPrinter.U32(w, v);
            case 3: return NlattrPrinter.Array(ref c, v, 4, new NumberElement(NlStruct.Kind.Unsigned));
            case 4: return s_rqlen.Print(w, v);
            case 5: return SockDiagPrinter.MemInfo(ref c, v);
            case 6: return NlattrPrinter.U8(w, v);
            default: return false;
        }
    }

    public static bool NetlinkAttrValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v) => type switch
    {
        0 => SockDiagPrinter.MemInfo(ref c, v),
        1 => NlattrPrinter.Array(ref c, v, 8, new NumberElement(NlStruct.Kind.Hex)),
        2 or 3 => s_ring.Print(c.Out, v),
        4 => NlattrPrinter.Flags32(c.Out, v, SockDiagConstants.NetlinkFlags),
        _ => false,
    };

    private static readonly NlStruct s_rqlen = new("u32 udiag_rqueue", "u32 udiag_wqueue");
    private static readonly NlStruct s_ring = new("u32 ndr_block_size", "u32 ndr_block_nr", "u32 ndr_frame_size", "u32 ndr_frame_nr");

    private static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);
}
