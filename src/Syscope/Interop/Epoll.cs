using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>epoll(7): waiting on a descriptor (a BPF ring buffer) with a timeout.</summary>
internal static unsafe partial class Epoll
{
    public const uint EPOLLIN = 0x001, EPOLLET = 1u << 31;
    private const int EPOLL_CLOEXEC = 0x80000, EPOLL_CTL_ADD = 1;

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int Create1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int Ctl(int epfd, int op, int fd, EpollEvent* ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int WaitRaw(int epfd, EpollEvent* events, int maxEvents, int timeoutMs);

    /// <summary>A close-on-exec epoll instance watching fd for events.</summary>
    public static SafeFileHandle Watch(int fd, uint events)
    {
        int ep = Create1(EPOLL_CLOEXEC);
        if (ep < 0) throw SyscallException.FromLast("epoll_create1");
        var handle = new SafeFileHandle(ep, ownsHandle: true);
        EpollEvent ev = new() { Events = events, Data = (ulong)fd };
        if (Ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0)
        {
            var e = SyscallException.FromLast("epoll_ctl");
            handle.Dispose();
            throw e;
        }
        return handle;
    }

    /// <summary>Waits up to timeoutMs for an event; true when one came.  A signal's interruption
    /// (EINTR) counts as a timeout: the caller looks again.</summary>
    public static bool Wait(SafeFileHandle epoll, int timeoutMs)
    {
        EpollEvent ev;
        int n = WaitRaw((int)epoll.DangerousGetHandle(), &ev, 1, timeoutMs);
        if (n >= 0) return n > 0;
        int errno = SyscallException.LastErrno();
        if (errno == Kernel.Errno.EINTR) return false;
        throw new SyscallException("epoll_wait", errno);
    }
}
