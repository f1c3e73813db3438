using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>IORING_REGISTER_FILES_UPDATE's argument (deprecated by io_uring_rsrc_update).</summary>
[CLayout("struct io_uring_files_update", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IoUringFilesUpdate
{
    [CField("offset")] public uint Offset;
    [CField("resv")] public uint Resv;
    [CField("fds")] public ulong Fds;
}

/// <summary>IORING_REGISTER_PROBE's header; its ops follow it.</summary>
[CLayout("struct io_uring_probe", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoUringProbe
{
    [CField("last_op")] public byte LastOp;
    [CField("ops_len")] public byte OpsLen;
    [CField("resv")] public ushort Resv;
    [CField("resv2")] public fixed uint Resv2[3];
}

/// <summary>One operation of a probe.</summary>
[CLayout("struct io_uring_probe_op", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IoUringProbeOp
{
    [CField("op")] public byte Op;
    [CField("resv")] public byte Resv;
    [CField("flags")] public ushort Flags;
    [CField("resv2")] public uint Resv2;
}

/// <summary>One restriction of IORING_REGISTER_RESTRICTIONS; Value is the union of register_op,
/// sqe_op and sqe_flags.</summary>
[CLayout("struct io_uring_restriction", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoUringRestriction
{
    [CField("opcode")] public ushort Opcode;
    [CField("register_op")] public byte Value;
    [CField("resv")] public byte Resv;
    [CField("resv2")] public fixed uint Resv2[3];
}

/// <summary>IORING_REGISTER_FILES2's and BUFFERS2's argument.</summary>
[CLayout("struct io_uring_rsrc_register", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IoUringRsrcRegister
{
    [CField("nr")] public uint Nr;
    [CField("flags")] public uint Flags;
    [CField("resv2")] public ulong Resv2;
    [CField("data")] public ulong Data;
    [CField("tags")] public ulong Tags;
}

/// <summary>IORING_REGISTER_FILES_UPDATE2's and BUFFERS_UPDATE's argument.</summary>
[CLayout("struct io_uring_rsrc_update2", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IoUringRsrcUpdate2
{
    [CField("offset")] public uint Offset;
    [CField("resv")] public uint Resv;
    [CField("data")] public ulong Data;
    [CField("tags")] public ulong Tags;
    [CField("nr")] public uint Nr;
    [CField("resv2")] public uint Resv2;
}

/// <summary>One entry of IORING_REGISTER_RING_FDS and IORING_UNREGISTER_RING_FDS.</summary>
[CLayout("struct io_uring_rsrc_update", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IoUringRsrcUpdate
{
    [CField("offset")] public uint Offset;
    [CField("resv")] public uint Resv;
    [CField("data")] public ulong Data;
}

/// <summary>IORING_REGISTER_PBUF_RING's and UNREGISTER_PBUF_RING's argument.</summary>
[CLayout("struct io_uring_buf_reg", "linux/io_uring.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoUringBufReg
{
    [CField("ring_addr")] public ulong RingAddr;
    [CField("ring_entries")] public uint RingEntries;
    [CField("bgid")] public ushort Bgid;
    [CField("pad")] public ushort Pad;
    [CField("resv")] public fixed ulong Resv[3];
}
