using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>siginfo_t for x86_64: 128 bytes, the union at offset 16.</summary>
[CLayout("siginfo_t", "asm/siginfo.h")]
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct SigInfo
{
    [CField("si_signo"), FieldOffset(0)] public int Signo;
    [CField("si_errno"), FieldOffset(4)] public int Errno;
    [CField("si_code"), FieldOffset(8)] public int Code;
    // kill, rt, chld: pid/uid. timer: tid/overrun. fault: addr. poll: band. sys: call_addr.
    [CField("si_pid"), FieldOffset(16)] public int Pid;
    [CField("si_uid"), FieldOffset(20)] public uint Uid;
    [CField("si_addr"), FieldOffset(16)] public ulong Addr;
    [CField("si_band"), FieldOffset(16)] public long Band;
    [CField("si_tid"), FieldOffset(16)] public int TimerId;
    [CField("si_overrun"), FieldOffset(20)] public int Overrun;
    // rt/timer: sigval. chld: status. poll: fd. sys: syscall nr and arch.
    [CField("si_value"), FieldOffset(24)] public ulong Value;
    [CField("si_status"), FieldOffset(24)] public int Status;
    [CField("si_fd"), FieldOffset(24)] public int Fd;
    [CField("si_syscall"), FieldOffset(24)] public int Syscall;
    [CField("si_arch"), FieldOffset(28)] public uint Arch;
    [CField("si_addr_lsb"), FieldOffset(24)] public short AddrLsb;
    [CField("si_lower"), FieldOffset(32)] public ulong Lower;
    [CField("si_upper"), FieldOffset(40)] public ulong Upper;
    [CField("si_pkey"), FieldOffset(32)] public uint Pkey;
    [CField("si_utime"), FieldOffset(32)] public long Utime;
    [CField("si_stime"), FieldOffset(40)] public long Stime;
}

/// <summary>The kernel's struct sigaction (rt_sigaction(2)): handler, flags, restorer, mask.</summary>
[CLayout("struct sigaction", "asm/signal.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Sigaction
{
    [CField("sa_handler")] public ulong Handler;
    [CField("sa_flags")] public ulong Flags;
    [CField("sa_restorer")] public ulong Restorer;
    [CField("sa_mask")] public ulong Mask;
}

/// <summary>The C library's struct sigaction (sigaction(3)), not the kernel's above: the 1024-bit
/// mask comes before the flags.  Named through a typedef, as the kernel's holds the C name.</summary>
[CLayout("libc_sigaction", "signal.h", Declaration = "typedef struct sigaction libc_sigaction;")]
[StructLayout(LayoutKind.Sequential)]
internal struct LibcSigaction
{
    [CField("sa_handler")] public nint Handler;
    [CField("sa_mask")] public Sigset Mask;
    [CField("sa_flags")] public int Flags;
    [CField("sa_restorer")] public nint Restorer;
}

/// <summary>sigaltstack(2)'s stack_t.</summary>
[CLayout("stack_t", "asm/signal.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SignalStack
{
    [CField("ss_sp")] public ulong Sp;
    [CField("ss_flags")] public int Flags;
    [CField("ss_size")] public ulong Size;
}

/// <summary>timer_create(2) and mq_notify(2)'s notification.</summary>
[CLayout("struct sigevent", "asm/siginfo.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Sigevent
{
    [CField("sigev_value")] public ulong Value;
    [CField("sigev_signo")] public int Signo;
    [CField("sigev_notify")] public int Notify;
    [CField("sigev_notify_function")] public ulong Function;
    [CField("sigev_notify_attributes")] public ulong Attributes;
    private fixed ulong _pad[4];
}

/// <summary>A sigset pointer and its size, as io_pgetevents(2) takes them; pselect6(2)'s sixth
/// argument (struct sigset_argpack in fs/select.c) has the same layout.  No header exports either.</summary>
[CLayout("struct __aio_sigset", "stddef.h",
    Declaration = "struct __aio_sigset { const void *sigmask; size_t sigsetsize; };")]
[StructLayout(LayoutKind.Sequential)]
internal struct SigsetArgument
{
    [CField("sigmask")] public ulong Mask;
    [CField("sigsetsize")] public ulong Size;
}

/// <summary>The C library's signal set (1024 bits), for posix_spawnattr_setsigmask(3).</summary>
[CLayout("sigset_t", "signal.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Sigset
{
    [CField("__val")] public fixed ulong Bits[16];

    public void Add(int signal) => Bits[(signal - 1) / 64] |= 1UL << ((signal - 1) % 64);
}
