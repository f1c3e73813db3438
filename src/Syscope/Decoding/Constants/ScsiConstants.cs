namespace Syscope.Decoding.Constants;

/// <summary>&lt;scsi/sg.h&gt; and &lt;linux/bsg.h&gt;: the values of SCSI generic requests.</summary>
internal static class ScsiConstants
{
    public const int DxferToDev = -2, DxferFromDev = -3, DxferToFromDev = -4;
    public const uint ResetNoEscalate = 0x100;

    public static readonly ValueSet DxferDirections = new("SG_DXFER_???", false,
        new(unchecked((uint)-1), "SG_DXFER_NONE"), new(unchecked((uint)DxferToDev), "SG_DXFER_TO_DEV"),
        new(unchecked((uint)DxferFromDev), "SG_DXFER_FROM_DEV"), new(unchecked((uint)DxferToFromDev), "SG_DXFER_TO_FROM_DEV"));

    public static readonly FlagSet IoFlags = new("SG_FLAG_???", null,
        new(1, "SG_FLAG_DIRECT_IO"), new(2, "SG_FLAG_UNUSED_LUN_INHIBIT"), new(4, "SG_FLAG_MMAP_IO"),
        new(0x10000, "SG_FLAG_NO_DXFER"), new(0x10, "SG_FLAG_Q_AT_TAIL"), new(0x20, "SG_FLAG_Q_AT_HEAD"));

    public static readonly FlagSet IoInfo = new("SG_INFO_???", null,
        new(1, "SG_INFO_CHECK"), new(2, "SG_INFO_DIRECT_IO"), new(4, "SG_INFO_MIXED_IO"));

    /// <summary>SG_SCSI_RESET's kinds (SG_SCSI_RESET_NO_ESCALATE is a bit added to them).</summary>
    public static readonly ValueSet Resets = new("SG_SCSI_RESET_???", false,
        new(0, "SG_SCSI_RESET_NOTHING"), new(1, "SG_SCSI_RESET_DEVICE"), new(2, "SG_SCSI_RESET_BUS"),
        new(3, "SG_SCSI_RESET_HOST"), new(4, "SG_SCSI_RESET_TARGET"), new(ResetNoEscalate, "SG_SCSI_RESET_NO_ESCALATE"));

    public static readonly ValueSet BsgProtocols = new("BSG_PROTOCOL_???", false, new Named(0, "BSG_PROTOCOL_SCSI"));

    public static readonly ValueSet BsgSubprotocols = new("BSG_SUB_PROTOCOL_???", false,
        new(0, "BSG_SUB_PROTOCOL_SCSI_CMD"), new(1, "BSG_SUB_PROTOCOL_SCSI_TMF"), new(2, "BSG_SUB_PROTOCOL_SCSI_TRANSPORT"));

    public static readonly FlagSet BsgFlags = new("BSG_FLAG_???", null,
        new(0x10, "BSG_FLAG_Q_AT_TAIL"), new(0x20, "BSG_FLAG_Q_AT_HEAD"));
}
