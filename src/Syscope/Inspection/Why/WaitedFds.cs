using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Events;
using Syscope.Inspection.Files;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Inspection.Why;

/// <summary>Which fds a blocked call waits on, by its row: the descriptor in its first argument,
/// the members of a poll or select set read from the process's memory, or the fds registered in an
/// epoll instance (fdinfo).  What it waits for is the row's WaitKind.</summary>
internal static class WaitedFds
{
    public static List<int> Of(int pid, SyscallInfo call, ulong[] args, ITraceeMemory memory)
    {
        if (call.Waits == WaitKind.Polling)
        {
            var first = call.Args[0].Role;
            // epoll_wait and its kin wait on what their instance watches; poll on its pollfd array;
            // select on its fd_set bitmaps of argument 0 bits.
            if (first.IsDescriptor)
                return OpenFileReader.TryReadFdInfo(pid, (int)args[0])?.EpollTargets.Select(t => t.Fd).ToList() ?? [];
            if (first.Kind == ArgKind.Struct)
                return PollSet(memory, args[0], (int)Math.Min(args[first.SizeArg], 4096));
            return SelectSets(memory, (int)Math.Min(args[0], 65536), args[1], args[2], args[3]);
        }
        return call.WaitsOnFd ? [(int)args[0]] : [];
    }

    /// <summary>The descriptors of a pollfd array; poll ignores negative ones, and an unreadable
    /// array gives nothing.</summary>
    private static List<int> PollSet(ITraceeMemory memory, ulong addr, int count)
    {
        var fds = new List<int>();
        if (addr == 0 || count <= 0) return fds;
        var set = new Pollfd[count];
        int n = memory.Read(addr, MemoryMarshal.AsBytes(set.AsSpan())) / Unsafe.SizeOf<Pollfd>();
        foreach (var p in set.AsSpan(0, n))
            if (p.Fd >= 0 && !fds.Contains(p.Fd)) fds.Add(p.Fd);
        return fds;
    }

    /// <summary>fd_set bitmaps of nfds bits (longs, least significant bit first).</summary>
    private static List<int> SelectSets(ITraceeMemory memory, int nfds, params ulong[] sets)
    {
        var fds = new SortedSet<int>();
        var buf = new byte[(nfds + 63) / 64 * 8];
        foreach (ulong set in sets)
        {
            if (set == 0 || buf.Length == 0 || memory.Read(set, buf) < buf.Length) continue;
            for (int fd = 0; fd < nfds; fd++)
                if ((buf[fd / 8] & (1 << (fd % 8))) != 0) fds.Add(fd);
        }
        return fds.ToList();
    }
}
