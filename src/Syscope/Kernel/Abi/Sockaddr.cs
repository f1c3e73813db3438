using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// Socket addresses by family, past sa_family, as strace 6.1 decodes them (Decoding/SockaddrFamilies).
// AF_INET, AF_INET6 and AF_UNIX are read byte by byte (network order, a path), so they are not here.

/// <summary>struct sockaddr_nl (&lt;linux/netlink.h&gt;).</summary>
[CLayout("struct sockaddr_nl", "linux/netlink.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SockaddrNl
{
    [CField("nl_family")] public ushort Family;
    [CField("nl_pad")] public ushort Pad;
    [CField("nl_pid")] public uint Pid;
    [CField("nl_groups")] public uint Groups;
}

/// <summary>struct sockaddr_ll (&lt;linux/if_packet.h&gt;): AF_PACKET's link-level address.</summary>
[CLayout("struct sockaddr_ll", "linux/if_packet.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrLl
{
    [CField("sll_family")] public ushort Family;
    [CField("sll_protocol")] public ushort Protocol;
    [CField("sll_ifindex")] public int IfIndex;
    [CField("sll_hatype")] public ushort HaType;
    [CField("sll_pkttype")] public byte PktType;
    [CField("sll_halen")] public byte HaLen;
    [CField("sll_addr")] public fixed byte Addr[8];
}

/// <summary>struct sockaddr_ipx (glibc's &lt;netipx/ipx.h&gt;).</summary>
[CLayout("struct sockaddr_ipx", "netipx/ipx.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrIpx
{
    [CField("sipx_family")] public ushort Family;
    [CField("sipx_port")] public ushort Port;
    [CField("sipx_network")] public uint Network;
    [CField("sipx_node")] public fixed byte Node[6];
    [CField("sipx_type")] public byte Type;
    [CField("sipx_zero")] public byte Zero;
}

/// <summary>struct sockaddr_x25 (&lt;linux/x25.h&gt;): an X.121 address, a string in 16 bytes.</summary>
[CLayout("struct sockaddr_x25", "linux/x25.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrX25
{
    [CField("sx25_family")] public ushort Family;
    [CField("sx25_addr.x25_addr")] public fixed byte Addr[16];
}

/// <summary>struct full_sockaddr_ax25 (&lt;linux/ax25.h&gt;): struct sockaddr_ax25 (16 bytes) and up to
/// eight digipeaters, each a 7-byte ax25_address.</summary>
[CLayout("struct full_sockaddr_ax25", "linux/ax25.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FullSockaddrAx25
{
    public const int AddressSize = 7, MaxDigis = 8, BaseSize = 16;

    [CField("fsa_ax25.sax25_family")] public ushort Family;
    [CField("fsa_ax25.sax25_call")] public fixed byte Call[AddressSize];
    [CField("fsa_ax25.sax25_ndigis")] public int NDigis;
    [CField("fsa_digipeater")] public fixed byte Digipeaters[AddressSize * MaxDigis];
}

/// <summary>struct sockaddr_rxrpc (&lt;linux/rxrpc.h&gt;): the service and the transport's own
/// address (AF_INET or AF_INET6), kept as bytes.</summary>
[CLayout("struct sockaddr_rxrpc", "linux/rxrpc.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrRxrpc
{
    public const int TransportOffset = 8;

    [CField("srx_family")] public ushort Family;
    [CField("srx_service")] public ushort Service;
    [CField("transport_type")] public ushort TransportType;
    [CField("transport_len")] public ushort TransportLen;
    [CField("transport")] public fixed byte Transport[28];
}

/// <summary>struct sockaddr_ieee802154 (the kernel's include/net/af_ieee802154.h, not exported).</summary>
[CLayout("struct sockaddr_ieee802154", "stdint.h", Declaration = """
    struct ieee802154_addr_sa { int addr_type; uint16_t pan_id; union { uint8_t hwaddr[8]; uint16_t short_addr; }; };
    struct sockaddr_ieee802154 { uint16_t family; struct ieee802154_addr_sa addr; };
    """)]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrIeee802154
{
    [CField("family")] public ushort Family;
    [CField("addr.addr_type")] public int AddrType;
    [CField("addr.pan_id")] public ushort PanId;
    [CField("addr.hwaddr")] public fixed byte HwAddr[8];
}

/// <summary>struct sockaddr_alg (&lt;linux/if_alg.h&gt;); its salg_name runs to the address's end
/// (struct sockaddr_alg_new has no fixed size for it).</summary>
[CLayout("struct sockaddr_alg", "linux/if_alg.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrAlg
{
    public const int NameOffset = 24;

    [CField("salg_family")] public ushort Family;
    [CField("salg_type")] public fixed byte Type[14];
    [CField("salg_feat")] public uint Feat;
    [CField("salg_mask")] public uint Mask;
    [CField("salg_name")] public fixed byte Name[64];
}

/// <summary>struct sockaddr_nfc_llcp (&lt;linux/nfc.h&gt;); its first 16 bytes are struct sockaddr_nfc.</summary>
[CLayout("struct sockaddr_nfc_llcp", "linux/nfc.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrNfcLlcp
{
    public const int NfcSize = 16, ServiceNameSize = 63;

    [CField("sa_family")] public ushort Family;
    [CField("dev_idx")] public uint DevIdx;
    [CField("target_idx")] public uint TargetIdx;
    [CField("nfc_protocol")] public uint Protocol;
    [CField("dsap")] public byte Dsap;
    [CField("ssap")] public byte Ssap;
    [CField("service_name")] public fixed byte ServiceName[ServiceNameSize];
    [CField("service_name_len")] public ulong ServiceNameLen;
}

/// <summary>struct sockaddr_vm (&lt;linux/vm_sockets.h&gt;): AF_VSOCK.</summary>
[CLayout("struct sockaddr_vm", "linux/vm_sockets.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockaddrVm
{
    [CField("svm_family")] public ushort Family;
    [CField("svm_reserved1")] public ushort Reserved1;
    [CField("svm_port")] public uint Port;
    [CField("svm_cid")] public uint Cid;
    [CField("svm_flags")] public byte Flags;
    [CField("svm_zero")] public fixed byte Zero[3];
}

/// <summary>struct sockaddr_qrtr (&lt;linux/qrtr.h&gt;): AF_QIPCRTR.</summary>
[CLayout("struct sockaddr_qrtr", "linux/qrtr.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SockaddrQrtr
{
    [CField("sq_family")] public ushort Family;
    [CField("sq_node")] public uint Node;
    [CField("sq_port")] public uint Port;
}

/// <summary>struct sockaddr_xdp (&lt;linux/if_xdp.h&gt;).</summary>
[CLayout("struct sockaddr_xdp", "linux/if_xdp.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SockaddrXdp
{
    [CField("sxdp_family")] public ushort Family;
    [CField("sxdp_flags")] public ushort Flags;
    [CField("sxdp_ifindex")] public uint IfIndex;
    [CField("sxdp_queue_id")] public uint QueueId;
    [CField("sxdp_shared_umem_fd")] public uint SharedUmemFd;
}

/// <summary>struct sockaddr_mctp (&lt;linux/mctp.h&gt;).</summary>
[CLayout("struct sockaddr_mctp", "linux/mctp.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SockaddrMctp
{
    [CField("smctp_family")] public ushort Family;
    [CField("__smctp_pad0")] public ushort Pad0;
    [CField("smctp_network")] public uint Network;
    [CField("smctp_addr.s_addr")] public byte Addr;
    [CField("smctp_type")] public byte Type;
    [CField("smctp_tag")] public byte Tag;
    [CField("__smctp_pad1")] public byte Pad1;
}
