using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Netlink;

/// <summary>NETLINK_SOCK_DIAG for packet sockets (packet_diag_req, packet_diag_msg) and SMC
/// sockets (smc_diag_req, smc_diag_msg, whose socket id is an AF_INET one) with their attributes.</summary>
internal static class PacketSmcDiagPrinter
{
    private static readonly int PacketReqSize = Unsafe.SizeOf<PacketDiagReq>(), PacketMsgSize = Unsafe.SizeOf<PacketDiagMsg>();
    private static readonly int SmcReqSize = Unsafe.SizeOf<SmcDiagReq>(), SmcMsgSize = Unsafe.SizeOf<SmcDiagMsg>();
    private static readonly int SockIdSize = Unsafe.SizeOf<InetDiagSockId>();

    private static readonly NlStruct s_info = new("i32 pdi_index", ("u32 pdi_version", SockDiagConstants.PacketVersions),
        "u32 pdi_reserve", "u32 pdi_copy_thresh", "u32 pdi_tstamp", ("u32 pdi_flags", SockDiagConstants.PacketInfoFlags));
    private static readonly NlStruct s_ring = new("u32 pdr_block_size", "u32 pdr_block_nr", "u32 pdr_frame_size", "u32 pdr_frame_nr",
        "u32 pdr_retire_tmo", "u32 pdr_sizeof_priv", "u32 pdr_features");

    public static void Packet(ref DecodeContext c, bool request, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.BeginStruct().Field(request ? "sdiag_family"u8 : "pdiag_family"u8);
        NetConstants.Families.Print(w, b[0]);
        int size = request ? PacketReqSize : PacketMsgSize;
        if (!SockDiagPrinter.Fits(w, b, size)) return;
        if (request)
        {
            // AF_PACKET takes no protocol but 0, so strace shows the byte in hex.
            w.Field("sdiag_protocol"u8).Hex(b[1]).Field("pdiag_ino"u8).UInt(U32(b, 4)).Field("pdiag_show"u8);
            SockDiagConstants.PacketShow.Print(w, U32(b, 8));
            w.Field("pdiag_cookie"u8);
            SockDiagPrinter.Cookie(w, b, 12);
            w.EndStruct();
            return;
        }
        w.Field("pdiag_type"u8);
        NetConstants.SocketTypes.Print(w, b[1]);
        w.Field("pdiag_num"u8);
        NetConstants.EthernetProtocols.Print(w, BinaryPrimitives.ReadUInt16LittleEndian(b[2..]));
        w.Field("pdiag_ino"u8).UInt(U32(b, 4)).Field("pdiag_cookie"u8);
        SockDiagPrinter.Cookie(w, b, 8);
        w.EndStruct();
        Attributes(ref c, b, size, AttrTable.PacketDiag);
    }

    public static void Smc(ref DecodeContext c, bool request, ReadOnlySpan<byte> b)
    {
        var w = c.Out;
        w.BeginStruct().Field("diag_family"u8);
        NetConstants.Families.Print(w, b[0]);
        int size = request ? SmcReqSize : SmcMsgSize;
        if (!SockDiagPrinter.Fits(w, b, size)) return;
        if (request)
        {
            w.Field("diag_ext"u8);
            SockDiagConstants.SmcExtensions.Print(w, b[3]);
            w.Field("id"u8);
            SockDiagPrinter.SockId(c.Host, w, b.Slice(4, SockIdSize), NetConstants.AF_INET);
            w.EndStruct();
            return;
        }
        w.Field("diag_state"u8);
        SockDiagConstants.SmcStates.Print(w, b[1]);
        w.Field("diag_fallback"u8);
        SockDiagConstants.SmcModes.Print(w, b[2]);
        w.Field("diag_shutdown"u8).UInt(b[3]).Field("id"u8);
        SockDiagPrinter.SockId(c.Host, w, b.Slice(4, SockIdSize), NetConstants.AF_INET);
        w.Field("diag_uid"u8).UInt(U32(b, 4 + SockIdSize))
            .Field("diag_inode"u8).UInt(BinaryPrimitives.ReadUInt64LittleEndian(b[(size - 8)..])).EndStruct();
        Attributes(ref c, b, size, AttrTable.SmcDiag);
    }

    private static void Attributes(ref DecodeContext c, ReadOnlySpan<byte> b, int size, AttrTable table)
    {
        int end = (size + 3) & ~3;
        if (b.Length <= end) return;
        c.Out.Element();
        NlattrPrinter.Attributes(ref c, b[end..], table, b[0]);
    }

    public static bool PacketAttrValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v) => type switch
    {
        0 => s_info.Print(c.Out, v, c.Host),
        2 or 3 => s_ring.Print(c.Out, v),
        4 or 5 => NlattrPrinter.U32(c.Out, v),
        6 => SockDiagPrinter.MemInfo(ref c, v),
        _ => false,
    };

    public static bool SmcAttrValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v) => type switch
    {
        3 => NlattrPrinter.Flags(c.Out, v, 1, SockDiagConstants.ShutdownFlags),
        _ => false,
    };

    private static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);
}
