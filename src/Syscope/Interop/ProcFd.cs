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

    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        if (pid <= 0 || (fd < 0 && fd != AT_FDCWD) || destination.IsEmpty) return 0;
        Span<byte> path = stackalloc byte[48];
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
        fixed (byte* p = path)
        fixed (byte* d = destination)
        {
            nint rc = ReadLink(p, d, (nuint)destination.Length);
            return rc > 0 ? (int)rc : 0;
        }
    }
}
