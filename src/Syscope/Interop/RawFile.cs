using System.Runtime.InteropServices;
using System.Text;

namespace Syscope.Interop;

/// <summary>open/read/close for /proc files.  FileStream and File.OpenHandle add fstat and
/// flock calls to every open, which doubles the cost of reading 10,000 fdinfo files.</summary>
public static unsafe partial class RawFile
{
    private const int O_RDONLY = 0, O_CLOEXEC = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buf, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Reads the whole file into buffer (grown when needed); returns its length or the
    /// negated errno.  With shortReadIsEnd, a short read ends it: right for files the kernel
    /// produces in one piece (single_open seq_files such as fdinfo), and it saves a sixth of the
    /// calls `files` makes per fd.  Multi-record files (/proc/net/tcp, maps) come in page-sized
    /// pieces and must be read until read returns 0.</summary>
    public static int ReadAll(string path, ref byte[] buffer, bool shortReadIsEnd = false)
    {
        Span<byte> p = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        p[Encoding.UTF8.GetBytes(path, p)] = 0;
        int fd;
        fixed (byte* pp = p) fd = Open(pp, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return -SyscallException.LastErrno();
        try
        {
            int total = 0;
            while (true)
            {
                if (total == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                nint n;
                fixed (byte* b = &buffer[total]) n = Read(fd, b, (nuint)(buffer.Length - total));
                if (n < 0) return -SyscallException.LastErrno();
                if (n == 0) return total;
                total += (int)n;
                if (shortReadIsEnd && total < buffer.Length) return total;
            }
        }
        finally { Close(fd); }
    }

    /// <summary>One read(2) of a file produced in one piece (fdinfo) into buffer; the byte count or
    /// the negated errno.  pathZ is NUL-terminated; nothing is allocated.</summary>
    public static int ReadOnce(ReadOnlySpan<byte> pathZ, Span<byte> buffer)
    {
        int fd;
        fixed (byte* pp = pathZ) fd = Open(pp, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return -SyscallException.LastErrno();
        nint n;
        fixed (byte* b = buffer) n = Read(fd, b, (nuint)buffer.Length);
        int rc = n < 0 ? -SyscallException.LastErrno() : (int)n;
        Close(fd);
        return rc;
    }
}
