using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <scsi/sg.h> and <linux/bsg.h>: the SCSI generic driver's SG_IO headers, version 3 ('S') and 4 ('Q').

[CLayout("struct sg_io_hdr", "scsi/sg.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SgIoHdr
{
    [CField("interface_id")] public int InterfaceId;
    [CField("dxfer_direction")] public int DxferDirection;
    [CField("cmd_len")] public byte CmdLen;
    [CField("mx_sb_len")] public byte MxSbLen;
    [CField("iovec_count")] public ushort IovecCount;
    [CField("dxfer_len")] public uint DxferLen;
    [CField("dxferp")] public ulong Dxferp;
    [CField("cmdp")] public ulong Cmdp;
    [CField("sbp")] public ulong Sbp;
    [CField("timeout")] public uint Timeout;
    [CField("flags")] public uint Flags;
    [CField("pack_id")] public int PackId;
    [CField("usr_ptr")] public ulong UsrPtr;
    [CField("status")] public byte Status;
    [CField("masked_status")] public byte MaskedStatus;
    [CField("msg_status")] public byte MsgStatus;
    [CField("sb_len_wr")] public byte SbLenWr;
    [CField("host_status")] public ushort HostStatus;
    [CField("driver_status")] public ushort DriverStatus;
    [CField("resid")] public int Resid;
    [CField("duration")] public uint Duration;
    [CField("info")] public uint Info;
}

[CLayout("struct sg_io_v4", "linux/bsg.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SgIoV4
{
    [CField("guard")] public int Guard;
    [CField("protocol")] public uint Protocol;
    [CField("subprotocol")] public uint Subprotocol;
    [CField("request_len")] public uint RequestLen;
    [CField("request")] public ulong Request;
    [CField("request_tag")] public ulong RequestTag;
    [CField("request_attr")] public uint RequestAttr;
    [CField("request_priority")] public uint RequestPriority;
    [CField("request_extra")] public uint RequestExtra;
    [CField("max_response_len")] public uint MaxResponseLen;
    [CField("response")] public ulong Response;
    [CField("dout_iovec_count")] public uint DoutIovecCount;
    [CField("dout_xfer_len")] public uint DoutXferLen;
    [CField("din_iovec_count")] public uint DinIovecCount;
    [CField("din_xfer_len")] public uint DinXferLen;
    [CField("dout_xferp")] public ulong DoutXferp;
    [CField("din_xferp")] public ulong DinXferp;
    [CField("timeout")] public uint Timeout;
    [CField("flags")] public uint Flags;
    [CField("usr_ptr")] public ulong UsrPtr;
    [CField("spare_in")] public uint SpareIn;
    [CField("driver_status")] public uint DriverStatus;
    [CField("transport_status")] public uint TransportStatus;
    [CField("device_status")] public uint DeviceStatus;
    [CField("retry_delay")] public uint RetryDelay;
    [CField("info")] public uint Info;
    [CField("duration")] public uint Duration;
    [CField("response_len")] public uint ResponseLen;
    [CField("din_resid")] public int DinResid;
    [CField("dout_resid")] public int DoutResid;
    [CField("generated_tag")] public ulong GeneratedTag;
    [CField("spare_out")] public uint SpareOut;
    [CField("padding")] public uint Padding;
}

[CLayout("struct sg_scsi_id", "scsi/sg.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SgScsiId
{
    [CField("host_no")] public int HostNo;
    [CField("channel")] public int Channel;
    [CField("scsi_id")] public int ScsiId;
    [CField("lun")] public int Lun;
    [CField("scsi_type")] public int ScsiType;
    [CField("h_cmd_per_lun")] public short HCmdPerLun;
    [CField("d_queue_depth")] public short DQueueDepth;
    [CField("unused")] public fixed int Unused[2];
}
