using Syscope.Events;
using Syscope.Inspection.Files;
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

    private static List<int> PollSet(ITraceeMemory memory, ulong addr, int count)
    {
        var fds = new List<int>();
        foreach (var (fd, _) in ReadPollFds(memory, addr, count))
            if (fd >= 0 && !fds.Contains(fd)) fds.Add(fd);
        return fds;
    }

    /// <summary>struct pollfd { int fd; short events; short revents; }: negative fds are ignored
    /// by poll; an unreadable array gives nothing.</summary>
    public static List<(int Fd, short Events)> ReadPollFds(ITraceeMemory memory, ulong addr, int count)
    {
        var list = new List<(int, short)>();
        if (addr == 0 || count <= 0) return list;
        var buf = new byte[Math.Min(count, 4096) * 8];
        int n = memory.Read(addr, buf) / 8;
        for (int i = 0; i < n; i++) list.Add((BitConverter.ToInt32(buf, i * 8), BitConverter.ToInt16(buf, i * 8 + 4)));
        return list;
    }

    private static readonly (short Bit, string Name)[] s_pollBits =
        [(0x1, "POLLIN"), (0x2, "POLLPRI"), (0x4, "POLLOUT"), (0x8, "POLLERR"), (0x10, "POLLHUP"), (0x20, "POLLNVAL"), (0x40, "POLLRDNORM"), (0x80, "POLLRDBAND"), (0x100, "POLLWRNORM"), (0x200, "POLLWRBAND"), (0x2000, "POLLRDHUP")];

    /// <summary>poll's set as strace prints it on entry: [{fd=3, events=POLLIN|POLLPRI}]; the
    /// trace decoders stop at the output pointer, but a blocked poll is all input.</summary>
    public static string PollCall(string name, ulong[] args, ITraceeMemory memory)
    {
        var fds = ReadPollFds(memory, args[0], (int)Math.Min(args[1], 4096));
        if (fds.Count == 0 && args[0] != 0) return $"{name}(0x{args[0]:x}, {args[1]}, ...)";
        var items = fds.Select(p =>
        {
            var names = s_pollBits.Where(b => (p.Events & b.Bit) != 0).Select(b => b.Name).ToList();
            int rest = (ushort)p.Events & ~s_pollBits.Aggregate(0, (m, b) => m | (ushort)b.Bit);
            if (rest != 0 || names.Count == 0) names.Add($"0x{rest:x}");
            return $"{{fd={p.Fd}, events={string.Join('|', names)}}}";
        });
        string timeout = name == "poll" ? ((int)args[2]).ToString() : "...";
        return $"{name}([{string.Join(", ", items)}], {args[1]}, {timeout})";
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
