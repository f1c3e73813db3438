using Syscope.Events;
using Syscope.Kernel;

namespace Syscope.Decoding;

/// <summary>
/// What follows a descriptor with -y, -yy or --decode-fds, chosen as strace 6.1 chooses: a socket
/// by its details, a device by path and numbers, a pidfd by its process, and otherwise the path
/// if paths were asked for.  A socket strace cannot resolve, and a pidfd whose process is gone,
/// still print their /proc target whether or not paths were asked for, unescaped: those targets
/// are the kernel's fixed text ("socket:[N]", "anon_inode:[pidfd]"), never the tracee's.
/// </summary>
internal static class FdDescription
{
    private const int AT_FDCWD = -100;

    public static void Print(ref DecodeContext c, int fd, ArgWriter w)
    {
        var set = c.Options.FdPaths;
        if (set == FdDecoding.None || (fd < 0 && fd != AT_FDCWD) || c.FdPaths == null) return;
        Span<byte> buffer = stackalloc byte[4096];
        int n = c.FdPaths.PathOf(c.Pid, fd, buffer);
        if (n <= 0) return;
        var path = buffer[..n];
        // An unlinked file's target ends in the kernel's " (deleted)", which strace prints outside
        // the brackets; a name that merely ends so (the file is still there) stays inside.
        bool unlinked = path.EndsWith(DeletedMark) && c.FdPaths.IsUnlinked(c.Pid, fd, path);
        if (unlinked) path = path[..^DeletedMark.Length];
        if ((set & FdDecoding.Socket) != 0 && TrySocketInode(path, out ulong inode))
        {
            w.Raw((byte)'<');
            // The fallbacks print the kernel's own text ("socket:[N]") as is, even under -xx.
            if (!SocketDetails.Print(ref c, fd, inode, w)) w.Raw(path);
            w.Raw((byte)'>');
            return;
        }
        if ((set & FdDecoding.Dev) != 0 && path[0] == '/' && c.FdPaths.DeviceAt(path) is { Kind: not 0 } dev)
        {
            w.Raw((byte)'<').Escaped(path, c.Options.HexStrings, angles: true);
            w.Raw(dev.Kind == DeviceNumber.Block ? "<block "u8 : "<char "u8);
            w.UInt(dev.Major).Raw((byte)':').UInt(dev.Minor).Raw(">>"u8);
            return;
        }
        if ((set & FdDecoding.Pidfd) != 0 && (path.SequenceEqual("anon_inode:[pidfd]"u8) || path.StartsWith("pidfd:"u8)))
        {
            int pid = c.FdPaths.PidOfPidfd(c.Pid, fd);
            if (pid > 0)
            {
                w.Raw("<pid:"u8);
                c.PidNotes.Write(w, pid);
                w.Raw((byte)'>');
            }
            else w.Raw((byte)'<').Raw(path).Raw((byte)'>');
            return;
        }
        if ((set & FdDecoding.Path) == 0) return;
        w.Raw((byte)'<').Escaped(path, c.Options.HexStrings, angles: true).Raw((byte)'>');
        if (unlinked) w.Raw("(deleted)"u8);
    }

    /// <summary>What the kernel appends to an unlinked file's /proc/PID/fd target.</summary>
    internal static ReadOnlySpan<byte> DeletedMark => " (deleted)"u8;

    /// <summary>"socket:[123]" → 123 (0 is no socket).</summary>
    internal static bool TrySocketInode(ReadOnlySpan<byte> path, out ulong inode)
    {
        inode = 0;
        if (!path.StartsWith("socket:["u8) || path[^1] != ']') return false;
        return System.Buffers.Text.Utf8Parser.TryParse(path[8..^1], out inode, out int used)
            && used == path.Length - 9 && inode != 0;
    }
}
