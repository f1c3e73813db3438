using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Decoding.Netlink;
using Syscope.Kernel.Abi;
using static Syscope.Decoding.Constants.SockaddrConstants;

namespace Syscope.Decoding;

/// <summary>
/// The socket address families strace 6.1 decodes past AF_INET, AF_INET6, AF_UNIX and AF_NETLINK:
/// each is printed only when the length reaches its structure (strace's minimum length per
/// family), else its bytes show as sa_data.  sa is zero-filled past len, as strace reads it.
/// </summary>
internal static class SockaddrFamilies
{
    /// <summary>Prints the fields after sa_family; false when the family has no printer or len is
    /// below its structure's size.  more: strace's ", ..." before the closing brace.</summary>
    public static unsafe bool Print(ref DecodeContext c, ArgWriter w, int family, scoped ReadOnlySpan<byte> sa, int len, ref bool more)
    {
        if (SockaddrPrinter.PrintInet(ref c, w, family, sa, len)) return true;
        switch (family)
        {
            case NetConstants.AF_PACKET when len >= sizeof(SockaddrLl):
                Packet(ref c, w, sa, len);
                return true;
            case AF_IPX when len >= sizeof(SockaddrIpx):
                Ipx(w, MemoryMarshal.Read<SockaddrIpx>(sa));
                return true;
            case AF_X25 when len >= sizeof(SockaddrX25):
                w.Field("sx25_addr"u8).BeginStruct();
                CString(w.Field("x25_addr"u8), sa.Slice(2, 16), c.Options.HexStrings);
                w.EndStruct();
                return true;
            case AF_AX25 when len >= FullSockaddrAx25.BaseSize:
                more = Ax25Address.PrintSockaddr(w, MemoryMarshal.Read<FullSockaddrAx25>(sa), len);
                return true;
            case AF_RXRPC when len >= sizeof(SockaddrRxrpc):
                Rxrpc(ref c, w, sa, len);
                return true;
            case AF_IEEE802154 when len >= sizeof(SockaddrIeee802154):
                Ieee802154(w, sa);
                return true;
            case AF_ALG when len > SockaddrAlg.NameOffset:
                Alg(ref c, w, sa, len);
                return true;
            case AF_NFC when len >= SockaddrNfcLlcp.NfcSize:
                more = Nfc(ref c, w, sa, len);
                return true;
            case AF_VSOCK when len >= sizeof(SockaddrVm):
                Vsock(w, MemoryMarshal.Read<SockaddrVm>(sa));
                return true;
            case AF_QIPCRTR when len >= sizeof(SockaddrQrtr):
                var q = MemoryMarshal.Read<SockaddrQrtr>(sa);
                QrtrNodes.PrintBare(w.Field("sq_node"u8), q.Node);
                QrtrPorts.PrintBare(w.Field("sq_port"u8), q.Port);
                return true;
            case AF_XDP when len >= sizeof(SockaddrXdp):
                Xdp(ref c, w, MemoryMarshal.Read<SockaddrXdp>(sa));
                return true;
            case AF_MCTP when len >= sizeof(SockaddrMctp):
                Mctp(w, MemoryMarshal.Read<SockaddrMctp>(sa));
                return true;
            default:
                return false;
        }
    }

    private static unsafe void Packet(ref DecodeContext c, ArgWriter w, scoped ReadOnlySpan<byte> sa, int len)
    {
        var ll = MemoryMarshal.Read<SockaddrLl>(sa);
        // The protocol is in network order: its bytes under -X raw, htons(ETH_P_ALL) otherwise.
        w.Field("sll_protocol"u8);
        if (NlattrPrinter.OpenDecoded(w, sa.Slice(2, 2), out var mark))
        {
            w.Raw("htons("u8);
            NetConstants.EthernetProtocols.Print(w, BinaryPrimitives.ReadUInt16BigEndian(sa[2..]));
            w.Raw((byte)')');
            NlattrPrinter.CloseDecoded(w, mark);
        }
        NlattrPrinter.IfIndexValue(c.Host, w.Field("sll_ifindex"u8), (uint)ll.IfIndex);
        RtnetlinkConstants.HardwareTypes.Print(w.Field("sll_hatype"u8), ll.HaType);
        PacketTypes.Print(w.Field("sll_pkttype"u8), ll.PktType);
        w.Field("sll_halen"u8).UInt(ll.HaLen);
        if (ll.HaLen == 0) return;
        // Bytes of sll_addr past the given length are left out.
        int inside = len - 12;
        w.Field("sll_addr"u8).BeginArray();
        for (int i = 0; i < ll.HaLen; i++)
        {
            if (i >= inside) { w.Elided().Raw("..."u8); break; }
            SockaddrPrinter.PercentHash0x(w.Element(), sa[12 + i], 2);
        }
        w.EndArray();
    }

    private static unsafe void Ipx(ArgWriter w, SockaddrIpx ipx)
    {
        SockaddrPrinter.Wrapped(w.Field("sipx_port"u8), "htons("u8, BinaryPrimitives.ReverseEndianness(ipx.Port));
        w.Field("sipx_network"u8).Raw("htonl("u8).Hex(BinaryPrimitives.ReverseEndianness(ipx.Network)).Raw((byte)')');
        w.Field("sipx_node"u8).BeginArray();
        for (int i = 0; i < 6; i++) SockaddrPrinter.PercentHash0x(w.Element(), ipx.Node[i], 2);
        w.EndArray();
        SockaddrPrinter.PercentHash0x(w.Field("sipx_type"u8), ipx.Type, 2);
        if (ipx.Zero != 0) w.Field("sipx_zero"u8).Hex(ipx.Zero);
    }

    /// <summary>The transport's address inside: sin or sin6 when its family is one of those, as
    /// much of it as transport_len (within the address) covers.</summary>
    private static void Rxrpc(ref DecodeContext c, ArgWriter w, scoped ReadOnlySpan<byte> sa, int len)
    {
        var rx = MemoryMarshal.Read<SockaddrRxrpc>(sa);
        Verbose(w.Field("srx_service"u8), RxrpcServices, rx.Service);
        NetConstants.SocketTypes.Print(w.Field("transport_type"u8), rx.TransportType);
        w.Field("transport_len"u8).UInt(rx.TransportLen);
        w.Field("transport"u8).BeginStruct();
        var transport = sa[SockaddrRxrpc.TransportOffset..];
        int transportLen = Math.Min(rx.TransportLen, len - SockaddrRxrpc.TransportOffset);
        var rest = transport[2..Math.Max(2, transportLen)];
        int family = BinaryPrimitives.ReadUInt16LittleEndian(transport);
        if (family is NetConstants.AF_INET or NetConstants.AF_INET6)
        {
            bool inet = family == NetConstants.AF_INET;
            w.Field(inet ? "sin"u8 : "sin6"u8).BeginStruct();
            NetConstants.Families.Print(w.Field(inet ? "sin_family"u8 : "sin6_family"u8), (ulong)family);
            if (rx.TransportLen >= (inet ? 16 : 24))
            {
                // The printer reads up to 28 bytes: the transport runs on in the zero-filled buffer.
                SockaddrPrinter.PrintInet(ref c, w, family, transport, Math.Max(transportLen, inet ? 16 : 24));
            }
            else if (rest.Length > 0) w.Field("data"u8, inText: false).Quoted(rest, c.Options.HexStrings, false);
            w.EndStruct();
        }
        else
        {
            NetConstants.Families.Print(w.Field("family"u8), (ulong)family);
            if (rest.Length > 0) w.Field("data"u8, inText: false).Quoted(rest, c.Options.HexStrings, false);
        }
        w.EndStruct();
    }

    private static unsafe void Ieee802154(ArgWriter w, ReadOnlySpan<byte> sa)
    {
        var a = MemoryMarshal.Read<SockaddrIeee802154>(sa);
        w.Field("addr"u8).BeginStruct();
        Verbose(w.Field("addr_type"u8), Ieee802154AddrTypes, (uint)a.AddrType);
        Verbose(w.Field("pan_id"u8), Ieee802154PanIds, a.PanId, bare: true);
        var hwaddr = sa.Slice(10, 8);
        switch (a.AddrType)
        {
            case 0: // IEEE802154_ADDR_NONE
                break;
            case 2: // IEEE802154_ADDR_SHORT
                Verbose(w.Field("short_addr"u8), Ieee802154Addrs, BinaryPrimitives.ReadUInt16LittleEndian(hwaddr), bare: true);
                break;
            default:
                NlattrPrinter.HwAddr(w.Field("hwaddr"u8), hwaddr);
                break;
        }
        w.EndStruct();
    }

    private static void Alg(ref DecodeContext c, ArgWriter w, scoped ReadOnlySpan<byte> sa, int len)
    {
        var alg = MemoryMarshal.Read<SockaddrAlg>(sa);
        CString(w.Field("salg_type"u8), sa.Slice(2, 14), c.Options.HexStrings);
        VerboseFlags(w.Field("salg_feat"u8), AlgFlags, alg.Feat);
        VerboseFlags(w.Field("salg_mask"u8), AlgFlags, alg.Mask);
        CString(w.Field("salg_name"u8), sa[SockaddrAlg.NameOffset..len], c.Options.HexStrings);
    }

    /// <summary>struct sockaddr_nfc, and when the length holds it all, sockaddr_nfc_llcp's service
    /// access points and name; true for strace's ", ..." after a length between the two.</summary>
    private static unsafe bool Nfc(ref DecodeContext c, ArgWriter w, scoped ReadOnlySpan<byte> sa, int len)
    {
        var nfc = MemoryMarshal.Read<SockaddrNfcLlcp>(sa);
        NlattrPrinter.IfIndexValue(c.Host, w.Field("dev_idx"u8), nfc.DevIdx);
        w.Field("target_idx"u8).Hex(nfc.TargetIdx);
        NfcProtocols.Print(w.Field("nfc_protocol"u8), nfc.Protocol);
        if (len < sizeof(SockaddrNfcLlcp)) return len > SockaddrNfcLlcp.NfcSize;
        Verbose(w.Field("dsap"u8), NfcSaps, nfc.Dsap, bare: true);
        Verbose(w.Field("ssap"u8), NfcSaps, nfc.Ssap, bare: true);
        int nameLen = (int)Math.Min((ulong)SockaddrNfcLlcp.ServiceNameSize, nfc.ServiceNameLen);
        w.Field("service_name"u8).Quoted(sa.Slice(18, nameLen), c.Options.HexStrings, false);
        w.Field("service_name_len"u8).UInt(nfc.ServiceNameLen);
        return false;
    }

    private static unsafe void Vsock(ArgWriter w, SockaddrVm vm)
    {
        if (vm.Reserved1 != 0) w.Field("svm_reserved1"u8).Hex(vm.Reserved1);
        VsockCids.PrintBare(w.Field("svm_cid"u8), vm.Cid);
        VsockPorts.PrintBare(w.Field("svm_port"u8), vm.Port);
        VsockFlags.Print(w.Field("svm_flags"u8), vm.Flags);
        if (vm.Zero[0] != 0 || vm.Zero[1] != 0 || vm.Zero[2] != 0)
            w.Field("svm_zero"u8).Quoted(new ReadOnlySpan<byte>(vm.Zero, 3), 2, false);
    }

    private static void Xdp(ref DecodeContext c, ArgWriter w, SockaddrXdp xdp)
    {
        XdpFlags.Print(w.Field("sxdp_flags"u8), xdp.Flags);
        NlattrPrinter.IfIndexValue(c.Host, w.Field("sxdp_ifindex"u8), xdp.IfIndex);
        w.Field("sxdp_queue_id"u8).UInt(xdp.QueueId);
        // The descriptor means something only with XDP_SHARED_UMEM; otherwise it shows if set.
        if ((xdp.Flags & XDP_SHARED_UMEM) != 0) Args.FdValue(ref c, (int)xdp.SharedUmemFd, w.Field("sxdp_shared_umem_fd"u8));
        else if (xdp.SharedUmemFd != 0) w.Field("sxdp_shared_umem_fd"u8).Hex(xdp.SharedUmemFd);
    }

    private static void Mctp(ArgWriter w, SockaddrMctp m)
    {
        if (m.Pad0 != 0) w.Field("__smctp_pad0"u8).Hex(m.Pad0);
        MctpNets.PrintBare(w.Field("smctp_network"u8), m.Network);
        w.Field("smctp_addr"u8).BeginStruct();
        MctpAddrs.PrintBare(w.Field("s_addr"u8), m.Addr);
        w.EndStruct();
        w.Field("smctp_type"u8).Hex(m.Type);
        w.Field("smctp_tag"u8).Hex(m.Tag);
        if (m.Pad1 != 0) w.Field("__smctp_pad1"u8).Hex(m.Pad1);
    }

    /// <summary>strace's PRINT_FIELD_XVAL_VERBOSE: the number with its name in a comment even
    /// under -X abbrev; bare: an unknown value has no "???" comment.</summary>
    private static void Verbose(ArgWriter w, ValueSet set, ulong value, bool bare = false)
    {
        var outer = w.Style;
        if (outer != ConstStyle.Raw) w.Style = ConstStyle.Verbose;
        if (bare) set.PrintBare(w, value); else set.Print(w, value);
        w.Style = outer;
    }

    private static void VerboseFlags(ArgWriter w, FlagSet set, ulong value)
    {
        var outer = w.Style;
        if (outer != ConstStyle.Raw) w.Style = ConstStyle.Verbose;
        set.Print(w, value);
        w.Style = outer;
    }

    /// <summary>A string in a fixed field that should end in NUL: up to the NUL within all but the
    /// last byte, and "..." after it when there is none and the last byte is not NUL either.</summary>
    internal static void CString(ArgWriter w, ReadOnlySpan<byte> field, int hexMode)
    {
        if (field.IsEmpty) { w.Quoted(field, hexMode, false); return; }
        int nul = field[..^1].IndexOf((byte)0);
        if (nul >= 0) w.Quoted(field[..nul], hexMode, false);
        else w.Quoted(field[..^1], hexMode, field[^1] != 0);
    }
}
