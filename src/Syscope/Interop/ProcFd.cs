using System.Buffers.Text;
using System.Runtime.InteropServices;
using Syscope.Events;

namespace Syscope.Interop;

/// <summary>Descriptor targets read from /proc/PID/fd/N with readlink(2), the path built on the
/// stack so that -y costs no allocation per argument.</summary>
public sealed unsafe partial class ProcFd : IFdPaths
{
    public static readonly ProcFd Instance = new();

    private const int AT_FDCWD = -100;

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true)]
    private static partial nint ReadLink(byte* path, byte* buf, nuint size);

    [LibraryImport("libc", EntryPoint = "getxattr", SetLastError = true)]
    private static partial nint GetXattr(byte* path, byte* name, byte* value, nuint size);

    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        if (pid <= 0 || (fd < 0 && fd != AT_FDCWD) || destination.IsEmpty) return 0;
        Span<byte> path = stackalloc byte[48];
        FdLinkPath(pid, fd, path);
        fixed (byte* p = path)
        fixed (byte* d = destination)
        {
            nint rc = ReadLink(p, d, (nuint)destination.Length);
            return rc > 0 ? (int)rc : 0;
        }
    }

    /// <summary>The kernel names a socket's protocol in this attribute of its /proc link, which is
    /// how strace tells a netlink socket without -y.</summary>
    public int SocketProtocolOf(int pid, int fd, Span<byte> destination)
    {
        if (pid <= 0 || fd < 0 || destination.IsEmpty) return 0;
        Span<byte> path = stackalloc byte[48];
        FdLinkPath(pid, fd, path);
        nint rc;
        fixed (byte* p = path)
        fixed (byte* n = "system.sockprotoname\0"u8)
        fixed (byte* d = destination)
            rc = GetXattr(p, n, d, (nuint)destination.Length);
        if (rc <= 0) return 0;
        int len = (int)rc;
        while (len > 0 && destination[len - 1] == 0) len--;
        return len;
    }

    public int NetlinkFamilyOf(int pid, int fd)
    {
        Span<byte> proto = stackalloc byte[32];
        int n = SocketProtocolOf(pid, fd, proto);
        if (!proto[..n].SequenceEqual("NETLINK"u8)) return -1;
        Span<byte> link = stackalloc byte[64];
        int len = PathOf(pid, fd, link);
        if (!ProcNetNetlink.TryParseSocketInode(link[..len], out ulong inode)) return -1;
        return ProcNetNetlink.FamilyOf(pid, inode);
    }

    /// <summary>"/proc/PID/fd/N" (or "/proc/PID/cwd"), NUL-terminated, into path.</summary>
    private static void FdLinkPath(int pid, int fd, Span<byte> path)
    {
        "/proc/"u8.CopyTo(path);
        int len = 6;
        Utf8Formatter.TryFormat(pid, path[len..], out int n);
        len += n;
        if (fd == AT_FDCWD)
        {
            "/cwd"u8.CopyTo(path[len..]);
            len += 4;
        }
        else
        {
            "/fd/"u8.CopyTo(path[len..]);
            len += 4;
            Utf8Formatter.TryFormat(fd, path[len..], out n);
            len += n;
        }
        path[len] = 0;
    }
}
