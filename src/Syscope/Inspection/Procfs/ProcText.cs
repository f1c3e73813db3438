using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Tracing;

namespace Syscope.Inspection.Procfs;

/// <summary>
/// Reads /proc files whole.  A process may exit between any two reads, so a file that is gone
/// (ENOENT, ESRCH) is an ordinary answer (null, -1), while a file we may not read is the user's
/// problem and names the file.
/// </summary>
internal static class ProcText
{
    [ThreadStatic] private static byte[]? t_buffer;

    public static string? TryRead(string path)
    {
        var buffer = t_buffer ??= new byte[16384];
        int n = TryRead(path, ref buffer);
        t_buffer = buffer;
        return n < 0 ? null : Text.UntrustedText.Decode(buffer.AsSpan(0, n));
    }

    /// <summary>Reads into buffer (grown when too small); returns the length or -1 when gone.
    /// onePiece: the file is a single record (fdinfo, stat), so a short read is its end.</summary>
    public static int TryRead(string path, ref byte[] buffer, bool onePiece = false)
    {
        int n = RawFile.ReadAll(path, ref buffer, onePiece);
        if (n >= 0) return n;
        if (-n is Errno.EACCES or Errno.EPERM) throw Denied(path);
        // ENOENT and ESRCH: the process or fd is gone; anything else reads as nothing too.
        return -1;
    }

    public static UserError Denied(string path) =>
        new($"cannot read {path}: permission denied (inspecting another user's process needs root)");
}
