namespace Syscope.Decoding.Constants;

/// <summary>Values in socket addresses of the families past AF_INET (strace 6.1's xlat lists).</summary>
internal static class SockaddrConstants
{
    public const int AF_AX25 = 3, AF_IPX = 4, AF_X25 = 9, AF_RXRPC = 33, AF_IEEE802154 = 36, AF_ALG = 38,
        AF_NFC = 39, AF_VSOCK = 40, AF_QIPCRTR = 42, AF_XDP = 44, AF_MCTP = 45;

    /// <summary>&lt;linux/if_packet.h&gt; PACKET_* packet types (sll_pkttype).</summary>
    public static readonly ValueSet PacketTypes = new("PACKET_???", false,
        new(0, "PACKET_HOST"), new(1, "PACKET_BROADCAST"), new(2, "PACKET_MULTICAST"), new(3, "PACKET_OTHERHOST"),
        new(4, "PACKET_OUTGOING"), new(5, "PACKET_LOOPBACK"), new(6, "PACKET_USER"), new(7, "PACKET_KERNEL"));

    /// <summary>RxRPC services of the kernel's AFS (fs/afs/afs_cm.h, protocol_yfs.h, afs_vl.h).</summary>
    public static readonly ValueSet RxrpcServices = new("???_SERVICE", false,
        new(1, "CM_SERVICE"), new(2500, "YFS_FS_SERVICE"), new(2501, "YFS_CM_SERVICE"), new(2503, "YFS_VL_SERVICE"));

    /// <summary>include/net/af_ieee802154.h address types.</summary>
    public static readonly ValueSet Ieee802154AddrTypes = new("IEEE802154_ADDR_???", false,
        new(0, "IEEE802154_ADDR_NONE"), new(2, "IEEE802154_ADDR_SHORT"), new(3, "IEEE802154_ADDR_LONG"));

    /// <summary>include/net/af_ieee802154.h short addresses with a meaning.</summary>
    public static readonly ValueSet Ieee802154Addrs = new("", false,
        new(0xfffe, "IEEE802154_ADDR_UNDEF"), new(0xffff, "IEEE802154_ADDR_BROADCAST"));

    public static readonly ValueSet Ieee802154PanIds = new("", false, new Named(0xffff, "IEEE802154_PANID_BROADCAST"));

    /// <summary>include/linux/crypto.h flags an AF_ALG address may ask for.</summary>
    public static readonly FlagSet AlgFlags = new("CRYPTO_ALG_???", null, new Named(0x1000, "CRYPTO_ALG_KERN_DRIVER_ONLY"));

    /// <summary>&lt;linux/nfc.h&gt; NFC_PROTO_*.</summary>
    public static readonly ValueSet NfcProtocols = new("NFC_PROTO_???", false,
        new(1, "NFC_PROTO_JEWEL"), new(2, "NFC_PROTO_MIFARE"), new(3, "NFC_PROTO_FELICA"), new(4, "NFC_PROTO_ISO14443"),
        new(5, "NFC_PROTO_NFC_DEP"), new(6, "NFC_PROTO_ISO14443_B"), new(7, "NFC_PROTO_ISO15693"));

    /// <summary>The kernel's net/nfc/llcp.h well-known service access points.</summary>
    public static readonly ValueSet NfcSaps = new("", false,
        new(1, "LLCP_SAP_SDP"), new(2, "LLCP_SAP_IP"), new(3, "LLCP_SAP_OBEX"), new(4, "LLCP_SAP_SNEP"), new(0xff, "LLCP_SAP_MAX"));

    /// <summary>&lt;linux/vm_sockets.h&gt; VMADDR_CID_*, VMADDR_PORT_ANY and VMADDR_FLAG_*.</summary>
    public static readonly ValueSet VsockCids = new("", false,
        new(0, "VMADDR_CID_HYPERVISOR"), new(1, "VMADDR_CID_LOCAL"), new(2, "VMADDR_CID_HOST"), new(0xffffffff, "VMADDR_CID_ANY"));

    public static readonly ValueSet VsockPorts = new("", false, new Named(0xffffffff, "VMADDR_PORT_ANY"));

    public static readonly FlagSet VsockFlags = new("VMADDR_FLAG_???", null, new Named(1, "VMADDR_FLAG_TO_HOST"));

    /// <summary>&lt;linux/qrtr.h&gt;.</summary>
    public static readonly ValueSet QrtrNodes = new("", false, new Named(0xffffffff, "QRTR_NODE_BCAST"));

    public static readonly ValueSet QrtrPorts = new("", false, new Named(0xfffffffe, "QRTR_PORT_CTRL"));

    /// <summary>&lt;linux/if_xdp.h&gt; sxdp_flags.</summary>
    public static readonly FlagSet XdpFlags = new("XDP_???", null,
        new(1, "XDP_SHARED_UMEM"), new(2, "XDP_COPY"), new(4, "XDP_ZEROCOPY"), new(8, "XDP_USE_NEED_WAKEUP"));

    public const uint XDP_SHARED_UMEM = 1;

    /// <summary>&lt;linux/mctp.h&gt;.</summary>
    public static readonly ValueSet MctpNets = new("", false, new Named(0, "MCTP_NET_ANY"));

    public static readonly ValueSet MctpAddrs = new("", false, new(0, "MCTP_ADDR_NULL"), new(0xff, "MCTP_ADDR_ANY"));
}
