using System.Globalization;

namespace Syscope.Inspection.Procfs;

/// <summary>One line of /proc/PID/maps that maps a file (inode != 0).</summary>
internal readonly record struct MappedFile(ulong Start, uint DevMajor, uint DevMinor, ulong Inode, string Path)
{
    public const string DeletedSuffix = " (deleted)";

    public bool Deleted => Path.EndsWith(DeletedSuffix, StringComparison.Ordinal);
}

internal static class Maps
{
    /// <summary>"start-end perms offset maj:min inode   path": anonymous and pseudo mappings
    /// ([heap], [vdso]) have inode 0 and are left out, as lsof leaves them out.</summary>
    public static List<MappedFile> Parse(ReadOnlySpan<char> text)
    {
        var list = new List<MappedFile>();
        Span<Range> f = stackalloc Range[6];
        // Only '\n' ends a line: a file name may hold '\r', '\f' or U+2028 (the kernel escapes '\n').
        foreach (var lineRange in text.Split('\n'))
        {
            var line = text[lineRange];
            int n = line.SplitAny(f, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (n < 6) continue;
            if (!ulong.TryParse(line[f[4]], out ulong inode) || inode == 0) continue;
            var range = line[f[0]];
            int dash = range.IndexOf('-');
            var dev = line[f[3]];
            int colon = dev.IndexOf(':');
            if (dash < 0 || colon < 0) continue;
            ulong.TryParse(range[..dash], NumberStyles.HexNumber, null, out ulong start);
            uint.TryParse(dev[..colon], NumberStyles.HexNumber, null, out uint major);
            uint.TryParse(dev[(colon + 1)..], NumberStyles.HexNumber, null, out uint minor);
            // The path is the rest of the line and may contain spaces; the kernel escapes only
            // '\n' (as \012), and like lsof the path ends at a tab.
            var path = line[f[5].Start..];
            int tab = path.IndexOf('\t');
            list.Add(new MappedFile(start, major, minor, inode, (tab < 0 ? path : path[..tab]).ToString()));
        }
        return list;
    }
}
