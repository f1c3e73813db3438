using System.Runtime.InteropServices;

namespace Syscope.Kernel;

/// <summary>siginfo_t for x86_64 (&lt;asm-generic/siginfo.h&gt;): 128 bytes, the union at offset 16.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
public struct SigInfo
{
    [FieldOffset(0)] public int Signo;
    [FieldOffset(4)] public int Errno;
    [FieldOffset(8)] public int Code;
    // kill, rt, chld: pid/uid. timer: tid/overrun. fault: addr. poll: band. sys: call_addr.
    [FieldOffset(16)] public int Pid;
    [FieldOffset(20)] public uint Uid;
    [FieldOffset(16)] public ulong Addr;
    [FieldOffset(16)] public long Band;
    [FieldOffset(16)] public int TimerId;
    [FieldOffset(20)] public int Overrun;
    // rt/timer: sigval. chld: status. poll: fd. sys: syscall nr and arch.
    [FieldOffset(24)] public ulong Value;
    [FieldOffset(24)] public int Status;
    [FieldOffset(24)] public int Fd;
    [FieldOffset(24)] public int Syscall;
    [FieldOffset(28)] public uint Arch;
    [FieldOffset(32)] public long Utime;
    [FieldOffset(40)] public long Stime;
}
