namespace Syscope.Stacks.Elf;

/// <summary>Reads a module's file whole (the unwinder keeps it for the life of the trace).</summary>
internal static class ModuleFiles
{
    /// <summary>Larger files are left alone: their frames are printed unnamed rather than hold a gigabyte.</summary>
    private const long MaxSize = 1L << 30;

    public static byte[]? TryRead(string path)
    {
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            if (f.Length > MaxSize || f.Length < 64) return null;
            var data = new byte[f.Length];
            f.ReadExactly(data);
            return data;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException) { return null; }
    }
}
