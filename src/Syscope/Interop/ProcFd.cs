using System.Buffers.Text;

namespace Syscope.Interop;

/// <summary>What /proc/PID/fd/N, /proc/PID/cwd and /proc/PID/fdinfo/N tell about a process's
/// descriptors, read with readlink(2), getxattr(2) and read(2) into the caller's buffer, every
/// path built on the stack, so that -y and -yy cost no allocation per argument.</summary>
internal static class ProcFd
{
    /// <summary>AT_FDCWD: asks for the working directory instead of a descriptor.</summary>
    public const int AT_FDCWD = -100;

    /// <summary>The descriptor's target ("/etc/passwd", "socket:[1234]"); its length, or 0 when
    /// the descriptor is not open or the process is gone.</summary>
    public static int Target(int pid, int fd, Span<byte> destination)
    {
        if (destination.IsEmpty) return 0;
        Span<byte> path = stackalloc byte[48];
        if (!ProcPath(pid, fd, "/fd/"u8, path)) return 0;
        return Math.Max(FileStatus.Readlink(path, destination), 0);
    }

    /// <summary>Whether the descriptor's target, ending in " (deleted)", names an unlinked file, as
    /// strace decides: the target itself is not the descriptor's file (nothing is there, or another
    /// file); a file whose own name ends in " (deleted)" is found there.</summary>
    public static bool IsUnlinked(int pid, int fd, ReadOnlySpan<byte> target)
    {
        Span<byte> path = stackalloc byte[48];
        if (!ProcPath(pid, fd, "/fd/"u8, path)) return false;
        if (FileStatus.Stat(path[..path.IndexOf((byte)0)], out var open) != 0) return false;
        return FileStatus.Lstat(target, out var named) != 0 || named.Inode != open.Inode || named.Device != open.Device;
    }

    /// <summary>A socket's protocol name from its system.sockprotoname attribute, without the
    /// kernel's terminating NUL; its length, or 0.</summary>
    public static int SocketProtocol(int pid, int fd, Span<byte> destination)
    {
        Span<byte> path = stackalloc byte[48];
        if (fd == AT_FDCWD || destination.IsEmpty || !ProcPath(pid, fd, "/fd/"u8, path)) return 0;
        int len = FileStatus.GetXattr(path, "system.sockprotoname\0"u8, destination);
        // The kernel counts the terminating NUL in the attribute's length.
        while (len > 0 && destination[len - 1] == 0) len--;
        return Math.Max(len, 0);
    }

    /// <summary>The text of /proc/PID/fdinfo/N (produced in one piece); its length, or 0.</summary>
    public static int Info(int pid, int fd, Span<byte> destination)
    {
        Span<byte> path = stackalloc byte[56];
        if (fd == AT_FDCWD || !ProcPath(pid, fd, "/fdinfo/"u8, path)) return 0;
        return Math.Max(RawFile.ReadOnce(path, destination), 0);
    }

    /// <summary>"/proc/PID" + kind + "N" (or "/proc/PID/cwd" for AT_FDCWD), NUL-terminated.</summary>
    private static bool ProcPath(int pid, int fd, ReadOnlySpan<byte> kind, Span<byte> path)
    {
        if (pid <= 0 || (fd < 0 && fd != AT_FDCWD)) return false;
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
            kind.CopyTo(path[len..]);
            len += kind.Length;
            Utf8Formatter.TryFormat(fd, path[len..], out n);
            len += n;
        }
        path[len] = 0;
        return true;
    }
}
