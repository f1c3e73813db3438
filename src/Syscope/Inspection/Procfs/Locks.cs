using System.Globalization;

namespace Syscope.Inspection.Procfs;

/// <summary>One line of /proc/locks: "1: POSIX  ADVISORY  WRITE 19080 fe:00:11658015 0 EOF".
/// Kind is FLOCK, POSIX or OFDLCK; End is null for "EOF" (to the end of the file, however long).</summary>
internal readonly record struct FileLock(int Pid, uint DevMajor, uint DevMinor, ulong Inode, bool Write, bool WholeFile)
{
    public string Kind { get; init; } = "";
    public ulong Start { get; init; }
    public ulong? End { get; init; }

    /// <summary>lsof's lock letter after the mode: R/W for the whole file, r/w for part of it.</summary>
    public char Letter => (Write, WholeFile) switch { (true, true) => 'W', (true, false) => 'w', (false, true) => 'R', _ => 'r' };

    /// <summary>"the whole file", "bytes 0-99", "bytes from 100 to the end".</summary>
    public string RangeText => WholeFile ? "the whole file" : End is ulong end ? $"bytes {Start}-{end}" : $"bytes from {Start} to the end";

    public static List<FileLock> Parse(ReadOnlySpan<char> text)
    {
        var list = new List<FileLock>();
        Span<Range> f = stackalloc Range[10];
        Span<Range> d = stackalloc Range[3];
        foreach (var line in text.EnumerateLines())
        {
            // Blocked waiters are shown as "1: -> POSIX ..."; they hold nothing yet.
            if (line.Contains("->", StringComparison.Ordinal)) continue;
            int n = line.Split(f, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (n < 8 || !int.TryParse(line[f[4]], out int pid)) continue;
            var dev = line[f[5]];
            if (dev.Split(d, ':') != 3) continue;
            if (!uint.TryParse(dev[d[0]], NumberStyles.HexNumber, null, out uint major)
                || !uint.TryParse(dev[d[1]], NumberStyles.HexNumber, null, out uint minor)
                || !ulong.TryParse(dev[d[2]], out ulong inode)) continue;
            bool whole = line[f[6]] is "0" && line[f[7]] is "EOF";
            ulong.TryParse(line[f[6]], out ulong start);
            ulong? end = ulong.TryParse(line[f[7]], out ulong e) ? e : null;
            list.Add(new FileLock(pid, major, minor, inode, line[f[3]] is "WRITE", whole) { Kind = line[f[1]].ToString(), Start = start, End = end });
        }
        return list;
    }
}
