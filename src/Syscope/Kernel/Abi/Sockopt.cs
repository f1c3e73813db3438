using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>SO_LINGER's value.</summary>
[CLayout("struct linger", "sys/socket.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Linger
{
    [CField("l_onoff")] public int OnOff;
    [CField("l_linger")] public int Seconds;
}

/// <summary>SO_PEERCRED's value: the peer's credentials when it connected.</summary>
[CLayout("struct ucred", "sys/socket.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Ucred
{
    [CField("pid")] public int Pid;
    [CField("uid")] public uint Uid;
    [CField("gid")] public uint Gid;
}

/// <summary>PACKET_STATISTICS's value (tpacket_stats_v3 adds tp_freeze_q_cnt).</summary>
[CLayout("struct tpacket_stats_v3", "linux/if_packet.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TpacketStats
{
    [CField("tp_packets")] public uint Packets;
    [CField("tp_drops")] public uint Drops;
    [CField("tp_freeze_q_cnt")] public uint FreezeQueueCount;
}

/// <summary>PACKET_RX_RING/PACKET_TX_RING's value.</summary>
[CLayout("struct tpacket_req", "linux/if_packet.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TpacketReq
{
    [CField("tp_block_size")] public uint BlockSize;
    [CField("tp_block_nr")] public uint BlockCount;
    [CField("tp_frame_size")] public uint FrameSize;
    [CField("tp_frame_nr")] public uint FrameCount;
}

/// <summary>PACKET_ADD_MEMBERSHIP/PACKET_DROP_MEMBERSHIP's value.</summary>
[CLayout("struct packet_mreq", "linux/if_packet.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PacketMreq
{
    [CField("mr_ifindex")] public int IfIndex;
    [CField("mr_type")] public ushort Type;
    [CField("mr_alen")] public ushort AddressLength;
    [CField("mr_address")] public fixed byte Address[8];
}

/// <summary>IP_ADD_MEMBERSHIP/IP_DROP_MEMBERSHIP's value: addresses in network order.</summary>
[CLayout("struct ip_mreq", "netinet/in.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IpMreq
{
    [CField("imr_multiaddr")] public fixed byte MulticastAddress[4];
    [CField("imr_interface")] public fixed byte Interface[4];
}

/// <summary>IPV6_ADD_MEMBERSHIP and the other IPv6 group options' value.</summary>
[CLayout("struct ipv6_mreq", "netinet/in.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Ipv6Mreq
{
    [CField("ipv6mr_multiaddr")] public fixed byte MulticastAddress[16];
    [CField("ipv6mr_interface")] public uint Interface;
}

/// <summary>MCAST_JOIN_GROUP/MCAST_LEAVE_GROUP's value: an interface and a sockaddr_storage.</summary>
[CLayout("struct group_req", "netinet/in.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GroupReq
{
    [CField("gr_interface")] public uint Interface;
    private uint _pad;
    [CField("gr_group")] public fixed byte Group[128];
}
