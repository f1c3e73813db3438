using System.Text;
using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Bench;

/// <summary>A typical mix of calls (openat, newfstatat, read, mmap, close, rt_sigaction) as
/// events of thread 1000, with the tracee memory their decoders read.</summary>
public static class CallMix
{
    private const ulong PathAddr = 0x7ffd_0000_1000, BufAddr = 0x7ffd_0001_0000, StatAddr = 0x7ffd_0002_0000;
    private const ulong ActAddr = 0x7ffd_0003_0000, EmptyAddr = 0x7ffd_0004_0000;

    internal static SnapshotMemory Memory()
    {
        var stat = new byte[144];
        BitConverter.TryWriteBytes(stat.AsSpan(24), 0x81a4u);
        BitConverter.TryWriteBytes(stat.AsSpan(48), 36875L);
        var act = new byte[32];
        BitConverter.TryWriteBytes(act.AsSpan(8), 0x04000000UL);
        var memory = new SnapshotMemory();
        memory.Add(PathAddr, Encoding.ASCII.GetBytes("/usr/lib/x86_64-linux-gnu/libc.so.6\0"));
        memory.Add(BufAddr, Encoding.ASCII.GetBytes("\x7f" + "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0 hello world, more bytes\n"));
        memory.Add(StatAddr, stat);
        memory.Add(ActAddr, act);
        memory.Add(EmptyAddr, [0]);
        return memory;
    }

    internal static TraceEvent[] Events() =>
    [
        Call("openat", [unchecked((ulong)-100), PathAddr, 0x80000, 0], 3),
        Call("newfstatat", [3, EmptyAddr, StatAddr, 0x1000], 0),
        Call("read", [3, BufAddr, 832], 832),
        Call("mmap", [0, 1974096, 1, 0x802, 3, 0], 0x7f12_3456_0000),
        Call("close", [3], 0),
        Call("rt_sigaction", [17, ActAddr, 0, 8], 0),
    ];

    private static TraceEvent Call(string name, ulong[] args, long ret)
    {
        var e = new TraceEvent { Tid = 1000, Tgid = 1000, SyscallNumber = SyscallTable.ByName(name)!.Number, ReturnValue = ret, HasReturn = true, InterruptedSyscall = -1 };
        for (int i = 0; i < args.Length; i++) e.Args[i] = args[i];
        return e;
    }
}
