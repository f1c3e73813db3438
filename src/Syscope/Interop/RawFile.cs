using System.Text;

namespace Syscope.Interop;

/// <summary>Reading /proc files with plain open/read/close.  FileStream and File.OpenHandle add
/// fstat and flock calls to every open, which doubles the cost of reading 10,000 fdinfo files.</summary>
internal static class RawFile
{
    /// <summary>Reads the whole file into buffer (grown when needed); returns its length or the
    /// negated errno.  With shortReadIsEnd, a short read ends it: right for files the kernel
    /// produces in one piece (single_open seq_files such as fdinfo), and it saves a sixth of the
    /// calls `files` makes per fd.  Multi-record files (/proc/net/tcp, maps) come in page-sized
    /// pieces and must be read until read returns 0.</summary>
    public static int ReadAll(string path, ref byte[] buffer, bool shortReadIsEnd = false)
    {
        Span<byte> p = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        p[Encoding.UTF8.GetBytes(path, p)] = 0;
        using var fd = Descriptors.Open(p, Descriptors.O_RDONLY | Descriptors.O_CLOEXEC);
        if (!fd.IsOpen) return fd.Value;
        int total = 0;
        while (true)
        {
            if (total == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            int n = Descriptors.Read(fd, buffer.AsSpan(total));
            if (n <= 0) return n < 0 ? n : total;
            total += n;
            if (shortReadIsEnd && total < buffer.Length) return total;
        }
    }

    /// <summary>One read(2) of a file produced in one piece (fdinfo) into buffer; the byte count or
    /// the negated errno.  pathZ is NUL-terminated; nothing is allocated.</summary>
    public static int ReadOnce(ReadOnlySpan<byte> pathZ, Span<byte> buffer)
    {
        using var fd = Descriptors.Open(pathZ, Descriptors.O_RDONLY | Descriptors.O_CLOEXEC);
        return fd.IsOpen ? Descriptors.Read(fd, buffer) : fd.Value;
    }
}
