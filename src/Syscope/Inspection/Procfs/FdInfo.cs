using System.Globalization;

namespace Syscope.Inspection.Procfs;

/// <summary>An fd registered in an epoll instance: "tfd: 5 events: 19 data: 5 ...".</summary>
internal readonly record struct EpollTarget(int Fd, uint Events);

/// <summary>/proc/PID/fdinfo/FD: the file position, open flags and, for epoll, the watched fds.</summary>
internal sealed record FdInfo(long Position, int Flags, ulong Inode, IReadOnlyList<EpollTarget> EpollTargets)
{
    /// <summary>"eventfd-id:" of an eventfd, "Pid:" of a pidfd: lsof shows them in NAME.</summary>
    public string? AnonId { get; init; }

    /// <summary>"tty-index:" of a pseudo-terminal master: the N of its /dev/pts/N.</summary>
    public int? TtyIndex { get; init; }

    public const int O_ACCMODE = 3, O_WRONLY = 1, O_RDWR = 2;

    /// <summary>lsof's mode letter: r, w or u (read and write).</summary>
    public char Mode => (Flags & O_ACCMODE) switch { O_WRONLY => 'w', O_RDWR => 'u', _ => 'r' };

    public static FdInfo? Parse(ReadOnlySpan<char> text)
    {
        long pos = 0;
        int flags = 0;
        ulong ino = 0;
        bool any = false;
        List<EpollTarget>? targets = null;
        string? anonId = null;
        int? ttyIndex = null;
        foreach (var line in text.EnumerateLines())
        {
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon];
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "pos": any = long.TryParse(value, out pos); break;
                case "flags": flags = ParseOctal(value); break;
                case "ino": ulong.TryParse(value, out ino); break;
                case "eventfd-id" or "Pid": anonId = value.ToString(); break;
                case "tty-index": ttyIndex = int.TryParse(value, out int index) ? index : null; break;
                case "tfd":
                    (targets ??= []).Add(ParseEpoll(value));
                    break;
            }
        }
        return any ? new FdInfo(pos, flags, ino, (IReadOnlyList<EpollTarget>?)targets ?? []) { AnonId = anonId, TtyIndex = ttyIndex } : null;
    }

    private static int ParseOctal(ReadOnlySpan<char> s)
    {
        int v = 0;
        foreach (char c in s)
        {
            if (c < '0' || c > '7') break;
            v = v * 8 + (c - '0');
        }
        return v;
    }

    /// <summary>value is what follows "tfd:", e.g. "       5 events:       19 data: ...".</summary>
    private static EpollTarget ParseEpoll(ReadOnlySpan<char> value)
    {
        Span<Range> parts = stackalloc Range[16];
        int n = value.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        int fd = n > 0 && int.TryParse(value[parts[0]], out int f) ? f : -1;
        uint events = 0;
        for (int i = 1; i + 1 < n; i++)
            if (value[parts[i]] is "events:")
                uint.TryParse(value[parts[i + 1]], NumberStyles.HexNumber, null, out events);
        return new EpollTarget(fd, events);
    }
}
