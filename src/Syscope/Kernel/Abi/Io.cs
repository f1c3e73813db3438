using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>One buffer of a vector: a tracee's (readv, msghdr, GETREGSET) or ours (process_vm_readv).</summary>
[CLayout("struct iovec", "linux/uio.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Iovec
{
    [CField("iov_base")] public ulong Base;
    [CField("iov_len")] public ulong Len;
}

/// <summary>sendmsg/recvmsg's message header (the kernel's struct user_msghdr).</summary>
[CLayout("struct msghdr", "sys/socket.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Msghdr
{
    [CField("msg_name")] public ulong Name;
    [CField("msg_namelen")] public uint NameLen;
    private uint _pad;
    [CField("msg_iov")] public ulong Iov;
    [CField("msg_iovlen")] public ulong IovLen;
    [CField("msg_control")] public ulong Control;
    [CField("msg_controllen")] public ulong ControlLen;
    [CField("msg_flags")] public int Flags;
    private int _pad2;
}

/// <summary>One entry of sendmmsg/recvmmsg's array: a msghdr, then msg_len.</summary>
[CLayout("struct mmsghdr", "sys/socket.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Mmsghdr
{
    [CField("msg_hdr")] public Msghdr Hdr;
    [CField("msg_len")] public uint Len;
    private uint _pad;
}

[CLayout("struct pollfd", "linux/poll.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Pollfd
{
    [CField("fd")] public int Fd;
    [CField("events")] public short Events;
    [CField("revents")] public short Revents;
}

/// <summary>An AIO control block (io_submit(2)).</summary>
[CLayout("struct iocb", "linux/aio_abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Iocb
{
    [CField("aio_data")] public ulong Data;
    [CField("aio_key")] public uint Key;
    [CField("aio_rw_flags")] public uint RwFlags;
    [CField("aio_lio_opcode")] public ushort Opcode;
    [CField("aio_reqprio")] public short Prio;
    [CField("aio_fildes")] public uint Fildes;
    [CField("aio_buf")] public ulong Buf;
    [CField("aio_nbytes")] public ulong Nbytes;
    [CField("aio_offset")] public long Offset;
    [CField("aio_reserved2")] public ulong Reserved2;
    [CField("aio_flags")] public uint Flags;
    [CField("aio_resfd")] public uint ResFd;
}

/// <summary>A completed AIO request (io_getevents(2)).</summary>
[CLayout("struct io_event", "linux/aio_abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IoEvent
{
    [CField("data")] public ulong Data;
    [CField("obj")] public ulong Obj;
    [CField("res")] public long Res;
    [CField("res2")] public long Res2;
}

/// <summary>An epoll(7) interest or ready event: packed on x86_64 (12 bytes).</summary>
[CLayout("struct epoll_event", "linux/eventpoll.h")]
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct EpollEvent
{
    [CField("events")] public uint Events;
    [CField("data")] public ulong Data;
}
