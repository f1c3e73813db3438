namespace Syscope.Stacks.Elf;

/// <summary>Reads a module's file whole (the unwinder keeps it for the life of the trace), and finds
/// its separate debug file.</summary>
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

    public const string DebugRoot = "/usr/lib/debug";

    /// <summary>A module's separate debug file: /usr/lib/debug/.build-id/xx/rest.debug, else the
    /// .gnu_debuglink name beside the module, in its .debug folder or under /usr/lib/debug.</summary>
    public static ElfImage? DebugFile(ElfImage elf, string path)
    {
        var candidates = new List<string>();
        if (elf.BuildId() is { Length: > 1 } id)
        {
            string hex = Convert.ToHexStringLower(id);
            candidates.Add($"{DebugRoot}/.build-id/{hex[..2]}/{hex[2..]}.debug");
        }
        if (elf.DebugLink() is { Length: > 0 } link && !link.Contains('/'))
        {
            string dir = Path.GetDirectoryName(path) ?? "/";
            candidates.Add(Path.Join(DebugRoot, dir, link));
            candidates.Add(Path.Join(dir, ".debug", link));
            candidates.Add(Path.Join(dir, link));
        }
        foreach (var candidate in candidates)
        {
            if (candidate == path || !File.Exists(candidate)) continue;
            if (TryRead(candidate) is { } bytes && ElfImage.TryParse(bytes) is { } debug) return debug;
        }
        return null;
    }
}
