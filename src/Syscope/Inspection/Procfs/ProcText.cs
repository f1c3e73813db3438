using Microsoft.Win32.SafeHandles;

namespace Syscope.Inspection.Procfs;

/// <summary>
/// Reads /proc files whole.  A process may exit between any two reads, so a file that is gone
/// (ENOENT, ESRCH) is an ordinary answer (null), while a file we may not read is the user's
/// problem and names the file.
/// </summary>
public static class ProcText
{
    public static string? TryRead(string path)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int n = TryRead(path, ref buffer);
            return n < 0 ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, n);
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Reads into buffer (grown when too small); returns the length or -1 when gone.
    /// /proc reports size 0 for most files, so this reads until end of file.</summary>
    public static int TryRead(string path, ref byte[] buffer)
    {
        SafeFileHandle handle;
        try { handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); }
        catch (Exception e) when (IsGone(e)) { return -1; }
        catch (UnauthorizedAccessException) { throw Denied(path); }
        using (handle)
        {
            int total = 0;
            while (true)
            {
                if (total == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                int n;
                try { n = RandomAccess.Read(handle, buffer.AsSpan(total), total); }
                catch (Exception e) when (IsGone(e)) { return -1; }
                catch (UnauthorizedAccessException) { throw Denied(path); }
                if (n == 0) return total;
                total += n;
            }
        }
    }

    public static bool IsGone(Exception e) =>
        e is FileNotFoundException or DirectoryNotFoundException
        || (e is IOException io && (io.HResult & 0xffff) is 3 /* ESRCH */ or 2);

    public static UserError Denied(string path) =>
        new($"cannot read {path}: permission denied (inspecting another user's process needs root)");
}
