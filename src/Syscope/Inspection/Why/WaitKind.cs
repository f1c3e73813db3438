using Syscope.Events;
using Syscope.Inspection.Files;

namespace Syscope.Inspection.Why;

/// <summary>What a blocked system call is waiting for, in the terms a finding is worded in.</summary>
public enum WaitKind
{
    Other, Reading, Writing, Accepting, Connecting, Polling, Lock, Child, Sleep, Signal,
}

/// <summary>Which fds a blocked call waits on: its fd argument, the members of a poll or select
/// set read from the process's memory, or the fds registered in an epoll instance (fdinfo).</summary>
public static class WaitedFds
{
    public static WaitKind KindOf(string syscall) => syscall switch
    {
        "read" or "readv" or "pread64" or "preadv" or "preadv2" or "recvfrom" or "recvmsg" or "recvmmsg" => WaitKind.Reading,
        "write" or "writev" or "pwrite64" or "pwritev" or "pwritev2" or "sendto" or "sendmsg" or "sendmmsg" or "sendfile" => WaitKind.Writing,
        "accept" or "accept4" => WaitKind.Accepting,
        "connect" => WaitKind.Connecting,
        "poll" or "ppoll" or "select" or "pselect6" or "epoll_wait" or "epoll_pwait" or "epoll_pwait2" => WaitKind.Polling,
        "futex" or "flock" or "fcntl" or "futex_waitv" => WaitKind.Lock,
        "wait4" or "waitid" => WaitKind.Child,
        "nanosleep" or "clock_nanosleep" => WaitKind.Sleep,
        "pause" or "rt_sigsuspend" or "rt_sigtimedwait" => WaitKind.Signal,
        _ => WaitKind.Other,
    };

    public static List<int> Of(int pid, string syscall, ulong[] args, ITraceeMemory memory)
    {
        switch (syscall)
        {
            case "poll":
            case "ppoll":
                return PollSet(memory, args[0], (int)Math.Min(args[1], 4096));
            case "select":
            case "pselect6":
                return SelectSets(memory, (int)Math.Min(args[0], 65536), args[1], args[2], args[3]);
            case "epoll_wait":
            case "epoll_pwait":
            case "epoll_pwait2":
                var info = OpenFileReader.TryReadFdInfo(pid, (int)args[0]);
                return info?.EpollTargets.Select(t => t.Fd).ToList() ?? [];
        }
        var kind = KindOf(syscall);
        if (kind is WaitKind.Reading or WaitKind.Writing or WaitKind.Accepting or WaitKind.Connecting
            || syscall is "ioctl" or "fsync" or "fdatasync" or "flock" or "fcntl" or "splice")
            return [(int)args[0]];
        return [];
    }

    /// <summary>struct pollfd { int fd; short events; short revents; }; negative fds are ignored by poll.</summary>
    private static List<int> PollSet(ITraceeMemory memory, ulong addr, int count)
    {
        var fds = new List<int>();
        if (addr == 0 || count <= 0) return fds;
        var buf = new byte[count * 8];
        int n = memory.Read(addr, buf) / 8;
        for (int i = 0; i < n; i++)
        {
            int fd = BitConverter.ToInt32(buf, i * 8);
            if (fd >= 0 && !fds.Contains(fd)) fds.Add(fd);
        }
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
