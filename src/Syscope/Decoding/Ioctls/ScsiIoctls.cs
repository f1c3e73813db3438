using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;scsi/sg.h&gt; SCSI generic requests (type 0x22): settings taken or returned as ints,
/// resets, and SG_IO, whose header is version 3 (interface_id 'S', &lt;scsi/sg.h&gt;) or version 4
/// (guard 'Q', &lt;linux/bsg.h&gt;): the command and data going out at entry, the status, sense and
/// data coming back at exit (printed even after a failure, as the kernel may have written them).</summary>
internal sealed class ScsiIoctls : IoctlFamily
{
    private const uint SET_TIMEOUT = 0x2201, GET_TIMEOUT = 0x2202, EMULATED_HOST = 0x2203, SET_TRANSFORM = 0x2204;
    private const uint GET_TRANSFORM = 0x2205, GET_COMMAND_Q = 0x2270, SET_COMMAND_Q = 0x2271, GET_RESERVED_SIZE = 0x2272;
    private const uint SET_RESERVED_SIZE = 0x2275, GET_SCSI_ID = 0x2276, SET_FORCE_LOW_DMA = 0x2279, GET_LOW_DMA = 0x227a;
    private const uint SET_FORCE_PACK_ID = 0x227b, GET_PACK_ID = 0x227c, GET_NUM_WAITING = 0x227d, SET_DEBUG = 0x227e;
    private const uint GET_SG_TABLESIZE = 0x227f, GET_VERSION_NUM = 0x2282, NEXT_CMD_LEN = 0x2283, SCSI_RESET = 0x2284;
    private const uint IO = 0x2285, GET_REQUEST_TABLE = 0x2286, SET_KEEP_ORPHAN = 0x2287, GET_KEEP_ORPHAN = 0x2288;
    private const uint GET_ACCESS_COUNT = 0x2289;

    /// <summary>Scratch.D: which SG_IO header entry printed (A and B keep its output buffers'
    /// addresses, shown at exit when the header can no longer be read).</summary>
    private const long V3 = 1, V3FromDevice = 2, V4 = 3;

    public override ReadOnlySpan<byte> Types => [0x22];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case GET_TIMEOUT: return IoctlArg.Done;
            case SET_TRANSFORM: w.Sep().Hex((uint)arg); return IoctlArg.Done;
            case NEXT_CMD_LEN or SET_COMMAND_Q or SET_DEBUG or SET_FORCE_LOW_DMA or SET_FORCE_PACK_ID or SET_KEEP_ORPHAN
                or SET_RESERVED_SIZE or SET_TIMEOUT:
                w.Sep();
                Args.IntRef(ref c, arg);
                return IoctlArg.Done;
            case EMULATED_HOST or GET_ACCESS_COUNT or GET_COMMAND_Q or GET_KEEP_ORPHAN or GET_LOW_DMA or GET_NUM_WAITING
                or GET_PACK_ID or GET_RESERVED_SIZE or GET_SG_TABLESIZE or GET_TRANSFORM or GET_VERSION_NUM or GET_SCSI_ID
                or GET_REQUEST_TABLE:
                return IoctlArg.AtExit;
            case SCSI_RESET:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out uint reset)) return IoctlArg.Done;
                w.BeginArray().Element();
                if ((reset & ScsiConstants.ResetNoEscalate) != 0)
                {
                    ScsiConstants.Resets.Print(w, ScsiConstants.ResetNoEscalate);
                    w.Raw((byte)'|');
                }
                ScsiConstants.Resets.Print(w, reset & ~ScsiConstants.ResetNoEscalate);
                w.EndArray();
                return IoctlArg.Done;
            case IO:
                w.Sep();
                c.Scratch.D = 0;
                if (!IoctlArgs.Read(ref c, arg, out int id)) return IoctlArg.Done;
                if (id == 'S') return RequestV3(ref c, arg);
                if (id == 'Q') return RequestV4(ref c, arg);
                w.BeginArray().Element().UInt((uint)id).EndArray();
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        if (cmd == IO)
        {
            if (c.Scratch.D == V4) ResponseV4(ref c, arg); else ResponseV3(ref c, arg);
            w.EndStruct();
            return;
        }
        if (c.Failed) { w.Ptr(arg); return; }
        switch (cmd)
        {
            case GET_SCSI_ID:
                if (IoctlArgs.Read(ref c, arg, out SgScsiId id))
                    w.BeginStruct().Field("host_no"u8).Int(id.HostNo).Field("channel"u8).Int(id.Channel).Field("scsi_id"u8).Hex((uint)id.ScsiId)
                        .Field("lun"u8).Int(id.Lun).Field("scsi_type"u8).Hex((uint)id.ScsiType).Field("h_cmd_per_lun"u8).Int(id.HCmdPerLun)
                        .Field("d_queue_depth"u8).Int(id.DQueueDepth).EndStruct();
                return;
            case GET_REQUEST_TABLE: w.Hex(arg); return;
            default: Args.IntRef(ref c, arg); return;
        }
    }

    /// <summary>A buffer of the header: iovecs when it has a count, else bytes in hex.</summary>
    private static void Buffer(ref DecodeContext c, ulong addr, uint length, uint iovecs)
    {
        if (iovecs != 0) IovecPrinter.Print(ref c, addr, iovecs, length);
        else Printers.Buffer(ref c, addr, length, forceHex: true);
    }

    private static IoctlArg RequestV3(ref DecodeContext c, ulong arg)
    {
        var w = c.Out;
        w.BeginStruct().Field("interface_id"u8).Raw("'S'"u8);
        if (!Printers.TryRead(ref c, arg, out SgIoHdr h))
        {
            // strace reads the rest of the header after the id, and shows where that failed.
            w.Elided().Ptr(arg + 4).EndStruct();
            return IoctlArg.Done;
        }
        w.Field("dxfer_direction"u8);
        ScsiConstants.DxferDirections.Print(w, (uint)h.DxferDirection);
        w.Field("cmd_len"u8).UInt(h.CmdLen).Field("cmdp"u8);
        Buffer(ref c, h.Cmdp, h.CmdLen, 0);
        w.Field("mx_sb_len"u8).UInt(h.MxSbLen).Field("iovec_count"u8).UInt(h.IovecCount).Field("dxfer_len"u8).UInt(h.DxferLen)
            .Field("timeout"u8).UInt(h.Timeout).Field("flags"u8);
        ScsiConstants.IoFlags.Print(w, h.Flags);
        if (h.DxferDirection is ScsiConstants.DxferToDev or ScsiConstants.DxferToFromDev)
        {
            w.Field("dxferp"u8);
            Buffer(ref c, h.Dxferp, h.DxferLen, h.IovecCount);
        }
        c.Scratch.A = (long)h.Dxferp;
        c.Scratch.B = (long)h.Sbp;
        c.Scratch.D = h.DxferDirection == ScsiConstants.DxferFromDev ? V3FromDevice : V3;
        return IoctlArg.Continues;
    }

    private static void ResponseV3(ref DecodeContext c, ulong arg)
    {
        var w = c.Out;
        if (!Printers.TryRead(ref c, arg, out SgIoHdr h))
        {
            if (c.Scratch.D == V3FromDevice) w.Field("dxferp"u8).Ptr((ulong)c.Scratch.A);
            w.Field("sbp"u8).Ptr((ulong)c.Scratch.B);
            return;
        }
        if (h.InterfaceId != 'S') { Changed(w, "interface_id"u8).UInt((uint)h.InterfaceId); return; }
        if (h.DxferDirection is ScsiConstants.DxferFromDev or ScsiConstants.DxferToFromDev)
        {
            uint length = DataIn(h.DxferLen, h.Resid);
            if (h.DxferDirection == ScsiConstants.DxferFromDev) w.Field("dxferp"u8);
            else if (length != 0) Changed(w, "dxferp"u8);
            if (h.DxferDirection == ScsiConstants.DxferFromDev || length != 0) Buffer(ref c, h.Dxferp, length, h.IovecCount);
        }
        w.Field("status"u8).Hex(h.Status).Field("masked_status"u8).Hex(h.MaskedStatus).Field("msg_status"u8).Hex(h.MsgStatus)
            .Field("sb_len_wr"u8).UInt(h.SbLenWr).Field("sbp"u8);
        Buffer(ref c, h.Sbp, h.SbLenWr, 0);
        w.Field("host_status"u8).Hex(h.HostStatus).Field("driver_status"u8).Hex(h.DriverStatus).Field("resid"u8).Int(h.Resid)
            .Field("duration"u8).UInt(h.Duration).Field("info"u8);
        ScsiConstants.IoInfo.Print(w, h.Info);
    }

    private static IoctlArg RequestV4(ref DecodeContext c, ulong arg)
    {
        var w = c.Out;
        w.BeginStruct().Field("guard"u8).Raw("'Q'"u8);
        if (!Printers.TryRead(ref c, arg, out SgIoV4 h))
        {
            w.Elided().Ptr(arg + 4).EndStruct();
            return IoctlArg.Done;
        }
        w.Field("protocol"u8);
        ScsiConstants.BsgProtocols.Print(w, h.Protocol);
        w.Field("subprotocol"u8);
        ScsiConstants.BsgSubprotocols.Print(w, h.Subprotocol);
        w.Field("request_len"u8).UInt(h.RequestLen).Field("request"u8);
        Buffer(ref c, h.Request, h.RequestLen, 0);
        w.Field("request_tag"u8).Hex(h.RequestTag).Field("request_attr"u8).UInt(h.RequestAttr)
            .Field("request_priority"u8).UInt(h.RequestPriority).Field("request_extra"u8).UInt(h.RequestExtra)
            .Field("max_response_len"u8).UInt(h.MaxResponseLen).Field("dout_iovec_count"u8).UInt(h.DoutIovecCount)
            .Field("dout_xfer_len"u8).UInt(h.DoutXferLen).Field("din_iovec_count"u8).UInt(h.DinIovecCount)
            .Field("din_xfer_len"u8).UInt(h.DinXferLen).Field("dout_xferp"u8);
        Buffer(ref c, h.DoutXferp, h.DoutXferLen, h.DoutIovecCount);
        w.Field("timeout"u8).UInt(h.Timeout).Field("flags"u8);
        ScsiConstants.BsgFlags.Print(w, h.Flags);
        w.Field("usr_ptr"u8).Hex(h.UsrPtr);
        c.Scratch.A = (long)h.Response;
        c.Scratch.B = (long)h.DinXferp;
        c.Scratch.D = V4;
        return IoctlArg.Continues;
    }

    private static void ResponseV4(ref DecodeContext c, ulong arg)
    {
        var w = c.Out;
        if (!Printers.TryRead(ref c, arg, out SgIoV4 h))
        {
            w.Field("response"u8).Hex((ulong)c.Scratch.A).Field("din_xferp"u8).Hex((ulong)c.Scratch.B);
            return;
        }
        if (h.Guard != 'Q') { Changed(w, "guard"u8).UInt((uint)h.Guard); return; }
        w.Field("response_len"u8).UInt(h.ResponseLen).Field("response"u8);
        Buffer(ref c, h.Response, h.ResponseLen, 0);
        w.Field("din_xferp"u8);
        Buffer(ref c, h.DinXferp, DataIn(h.DinXferLen, h.DinResid), h.DinIovecCount);
        w.Field("driver_status"u8).Hex(h.DriverStatus).Field("transport_status"u8).Hex(h.TransportStatus)
            .Field("device_status"u8).Hex(h.DeviceStatus).Field("retry_delay"u8).UInt(h.RetryDelay).Field("info"u8);
        ScsiConstants.IoInfo.Print(w, h.Info);
        w.Field("duration"u8).UInt(h.Duration).Field("response_len"u8).UInt(h.ResponseLen).Field("din_resid"u8).Int(h.DinResid)
            .Field("dout_resid"u8).Int(h.DoutResid).Field("generated_tag"u8).Hex(h.GeneratedTag);
    }

    /// <summary>The bytes that came in: the transfer's length less what the device left undone.</summary>
    private static uint DataIn(uint length, int resid) => resid > 0 && (uint)resid <= length ? length - (uint)resid : length;

    /// <summary>" => name=": a field the kernel changed, after its value at entry.</summary>
    private static ArgWriter Changed(ArgWriter w, ReadOnlySpan<byte> name) => w.Raw(" => "u8).Raw(name).Raw((byte)'=');
}
