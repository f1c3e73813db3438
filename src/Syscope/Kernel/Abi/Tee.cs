using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <linux/tee.h>: the arguments of TEE (trusted execution environment) requests.

[CLayout("struct tee_ioctl_version_data", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeVersionData
{
    [CField("impl_id")] public uint ImplId;
    [CField("impl_caps")] public uint ImplCaps;
    [CField("gen_caps")] public uint GenCaps;
}

[CLayout("struct tee_ioctl_shm_alloc_data", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeShmAllocData
{
    [CField("size")] public ulong Size;
    [CField("flags")] public uint Flags;
    [CField("id")] public int Id;
}

/// <summary>The request's argument for the calls whose structure has a variable length: where it
/// is and how long.</summary>
[CLayout("struct tee_ioctl_buf_data", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeBufData
{
    [CField("buf_ptr")] public ulong BufPtr;
    [CField("buf_len")] public ulong BufLen;
}

[CLayout("struct tee_ioctl_param", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeParam
{
    [CField("attr")] public ulong Attr;
    [CField("a")] public ulong A;
    [CField("b")] public ulong B;
    [CField("c")] public ulong C;
}

/// <summary>struct tee_ioctl_open_session_arg without its params[] (struct TeeParam) that follow.</summary>
[CLayout("struct tee_ioctl_open_session_arg", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TeeOpenSessionArg
{
    [CField("uuid")] public fixed byte Uuid[16];
    [CField("clnt_uuid")] public fixed byte ClntUuid[16];
    [CField("clnt_login")] public uint ClntLogin;
    [CField("cancel_id")] public uint CancelId;
    [CField("session")] public uint Session;
    [CField("ret")] public uint Ret;
    [CField("ret_origin")] public uint RetOrigin;
    [CField("num_params")] public uint NumParams;
}

/// <summary>struct tee_ioctl_invoke_arg without its params[].</summary>
[CLayout("struct tee_ioctl_invoke_arg", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeInvokeArg
{
    [CField("func")] public uint Func;
    [CField("session")] public uint Session;
    [CField("cancel_id")] public uint CancelId;
    [CField("ret")] public uint Ret;
    [CField("ret_origin")] public uint RetOrigin;
    [CField("num_params")] public uint NumParams;
}

[CLayout("struct tee_ioctl_cancel_arg", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeCancelArg
{
    [CField("cancel_id")] public uint CancelId;
    [CField("session")] public uint Session;
}

/// <summary>struct tee_iocl_supp_recv_arg and tee_iocl_supp_send_arg (func or ret, then the
/// count) without their params[].</summary>
[CLayout("struct tee_iocl_supp_recv_arg", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeSuppArg
{
    [CField("func")] public uint FuncOrRet;
    [CField("num_params")] public uint NumParams;
}

[CLayout("struct tee_ioctl_shm_register_data", "linux/tee.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct TeeShmRegisterData
{
    [CField("addr")] public ulong Addr;
    [CField("length")] public ulong Length;
    [CField("flags")] public uint Flags;
    [CField("id")] public int Id;
}

/// <summary>TEE_IOC_SHM_REGISTER_FD's argument, from a patch Linaro's kernels carry (never upstream).</summary>
[CLayout("struct tee_ioctl_shm_register_fd_data", "linux/tee.h",
    Declaration = "struct tee_ioctl_shm_register_fd_data { __s64 fd; __u64 size; __u32 flags; __u8 _pad1[4]; __s32 id; __u8 _pad2[4]; } __attribute__((aligned(8)));")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TeeShmRegisterFdData
{
    [CField("fd")] public long Fd;
    [CField("size")] public ulong Size;
    [CField("flags")] public uint Flags;
    [CField("_pad1")] public fixed byte Pad1[4];
    [CField("id")] public int Id;
    [CField("_pad2")] public fixed byte Pad2[4];
}
