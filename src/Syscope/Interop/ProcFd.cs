using System.Buffers.Text;
using Syscope.Events;

namespace Syscope.Interop;

/// <summary>Descriptor targets read from /proc/PID/fd/N with readlink(2), socket details from
/// sock_diag, device numbers from stat(2) and a pidfd's pid from /proc/PID/fdinfo/N, every path
/// built on the stack so that -y and -yy cost no allocation per argument.</summary>
public sealed class ProcFd : IFdPaths
{
    public static readonly ProcFd Instance = new();

    private const int AT_FDCWD = -100;

    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        if (destination.IsEmpty) return 0;
        Span<byte> path = stackalloc byte[48];
        if (!ProcPath(pid, fd, "/fd/"u8, path)) return 0;
        return Math.Max(FileStatus.Readlink(path, destination), 0);
    }

    public int SocketProtocolOf(int pid, int fd, Span<byte> destination)
    {
        Span<byte> path = stackalloc byte[48];
        if (fd == AT_FDCWD || destination.IsEmpty || !ProcPath(pid, fd, "/fd/"u8, path)) return 0;
        int len = FileStatus.GetXattr(path, "system.sockprotoname\0"u8, destination);
        // The kernel counts the terminating NUL in the attribute's length.
        while (len > 0 && destination[len - 1] == 0) len--;
        return Math.Max(len, 0);
    }

    public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName) =>
        SockDiag.TryFind(family, protocol, inode, out facts, unixName);

    public DeviceNumber DeviceAt(ReadOnlySpan<byte> path)
    {
        if (FileStatus.Stat(path, out var st) != 0) return default;
        byte kind = st.Type switch { FileStat.S_IFCHR => DeviceNumber.Char, FileStat.S_IFBLK => DeviceNumber.Block, _ => 0 };
        return kind == 0 ? default : new DeviceNumber(kind, FileStat.Major(st.RDevice), FileStat.Minor(st.RDevice));
    }

    /// <summary>The "Pid:" line of the pidfd's fdinfo (-1 once the process is gone).</summary>
    public int PidOfPidfd(int pid, int fd)
    {
        Span<byte> path = stackalloc byte[56];
        if (fd == AT_FDCWD || !ProcPath(pid, fd, "/fdinfo/"u8, path)) return -1;
        // A pidfd's fdinfo is a few short lines, produced in one piece.
        Span<byte> text = stackalloc byte[1024];
        int n = RawFile.ReadOnce(path, text);
        if (n <= 0) return -1;
        var all = text[..n];
        int at = all.IndexOf("\nPid:\t"u8);
        if (at < 0) return -1;
        var value = all[(at + 6)..];
        int end = value.IndexOf((byte)'\n');
        if (end >= 0) value = value[..end];
        return Utf8Parser.TryParse(value, out int v, out int used) && used == value.Length && v > 0 ? v : -1;
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
