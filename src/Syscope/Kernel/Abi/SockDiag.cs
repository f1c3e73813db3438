using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>The header of every netlink message.</summary>
[CLayout("struct nlmsghdr", "linux/netlink.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct NlMsgHdr
{
    [CField("nlmsg_len")] public uint Len;
    [CField("nlmsg_type")] public ushort Type;
    [CField("nlmsg_flags")] public ushort Flags;
    [CField("nlmsg_seq")] public uint Seq;
    [CField("nlmsg_pid")] public uint Pid;
}

/// <summary>A netlink attribute's head (length, type); its payload follows, 4-byte aligned.</summary>
[CLayout("struct rtattr", "linux/rtnetlink.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Rtattr
{
    [CField("rta_len")] public ushort Len;
    [CField("rta_type")] public ushort Type;
}

/// <summary>One socket's endpoints as inet_diag reports them: ports and addresses big-endian.</summary>
[CLayout("struct inet_diag_sockid", "linux/inet_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct InetDiagSockId
{
    [CField("idiag_sport")] public ushort SourcePortBigEndian;
    [CField("idiag_dport")] public ushort DestinationPortBigEndian;
    [CField("idiag_src")] public fixed byte Source[16];
    [CField("idiag_dst")] public fixed byte Destination[16];
    [CField("idiag_if")] public uint Interface;
    [CField("idiag_cookie")] public fixed uint Cookie[2];
}

[CLayout("struct inet_diag_req_v2", "linux/inet_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct InetDiagReqV2
{
    [CField("sdiag_family")] public byte Family;
    [CField("sdiag_protocol")] public byte Protocol;
    [CField("idiag_ext")] public byte Extensions;
    private byte _pad;
    [CField("idiag_states")] public uint States;
    [CField("id")] public InetDiagSockId Id;
}

[CLayout("struct inet_diag_msg", "linux/inet_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct InetDiagMsg
{
    [CField("idiag_family")] public byte Family;
    [CField("idiag_state")] public byte State;
    [CField("idiag_timer")] public byte Timer;
    [CField("idiag_retrans")] public byte Retrans;
    [CField("id")] public InetDiagSockId Id;
    [CField("idiag_expires")] public uint Expires;
    [CField("idiag_rqueue")] public uint Rqueue;
    [CField("idiag_wqueue")] public uint Wqueue;
    [CField("idiag_uid")] public uint Uid;
    [CField("idiag_inode")] public uint Inode;
}

[CLayout("struct unix_diag_req", "linux/unix_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UnixDiagReq
{
    [CField("sdiag_family")] public byte Family;
    [CField("sdiag_protocol")] public byte Protocol;
    private ushort _pad;
    [CField("udiag_states")] public uint States;
    [CField("udiag_ino")] public uint Inode;
    [CField("udiag_show")] public uint Show;
    [CField("udiag_cookie")] public fixed uint Cookie[2];
}

[CLayout("struct unix_diag_msg", "linux/unix_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UnixDiagMsg
{
    [CField("udiag_family")] public byte Family;
    [CField("udiag_type")] public byte Type;
    [CField("udiag_state")] public byte State;
    private byte _pad;
    [CField("udiag_ino")] public uint Inode;
    [CField("udiag_cookie")] public fixed uint Cookie[2];
}

[CLayout("struct netlink_diag_req", "linux/netlink_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NetlinkDiagReq
{
    [CField("sdiag_family")] public byte Family;
    [CField("sdiag_protocol")] public byte Protocol;
    private ushort _pad;
    [CField("ndiag_ino")] public uint Inode;
    [CField("ndiag_show")] public uint Show;
    [CField("ndiag_cookie")] public fixed uint Cookie[2];
}

[CLayout("struct netlink_diag_msg", "linux/netlink_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NetlinkDiagMsg
{
    [CField("ndiag_family")] public byte Family;
    [CField("ndiag_type")] public byte Type;
    [CField("ndiag_protocol")] public byte Protocol;
    [CField("ndiag_state")] public byte State;
    [CField("ndiag_portid")] public uint PortId;
    [CField("ndiag_dst_portid")] public uint DestinationPortId;
    [CField("ndiag_dst_group")] public uint DestinationGroup;
    [CField("ndiag_ino")] public uint Inode;
    [CField("ndiag_cookie")] public fixed uint Cookie[2];
}

[CLayout("struct packet_diag_req", "linux/packet_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PacketDiagReq
{
    [CField("sdiag_family")] public byte Family;
    [CField("sdiag_protocol")] public byte Protocol;
    private ushort _pad;
    [CField("pdiag_ino")] public uint Inode;
    [CField("pdiag_show")] public uint Show;
    [CField("pdiag_cookie")] public fixed uint Cookie[2];
}

[CLayout("struct packet_diag_msg", "linux/packet_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PacketDiagMsg
{
    [CField("pdiag_family")] public byte Family;
    [CField("pdiag_type")] public byte Type;
    [CField("pdiag_num")] public ushort Protocol;
    [CField("pdiag_ino")] public uint Inode;
    [CField("pdiag_cookie")] public fixed uint Cookie[2];
}

[CLayout("struct smc_diag_req", "linux/smc_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SmcDiagReq
{
    [CField("diag_family")] public byte Family;
    private byte _pad0, _pad1;
    [CField("diag_ext")] public byte Extensions;
    [CField("id")] public InetDiagSockId Id;
}

[CLayout("struct smc_diag_msg", "linux/smc_diag.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SmcDiagMsg
{
    [CField("diag_family")] public byte Family;
    [CField("diag_state")] public byte State;
    [CField("diag_mode")] public byte Mode;
    [CField("diag_shutdown")] public byte Shutdown;
    [CField("id")] public InetDiagSockId Id;
    [CField("diag_uid")] public uint Uid;
    [CField("diag_inode")] public ulong Inode;
}
