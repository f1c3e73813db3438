using System.Buffers.Text;

namespace Syscope.Interop;

/// <summary>/proc/PID/net/netlink: the protocol ("Eth") of every netlink socket in the tracee's
/// network namespace, by inode.  It answers which NETLINK_* family a descriptor speaks.</summary>
public static class ProcNetNetlink
{
    [ThreadStatic] private static byte[]? t_buffer;

    /// <summary>"socket:[1234]" → 1234.</summary>
    public static bool TryParseSocketInode(ReadOnlySpan<byte> link, out ulong inode)
    {
        inode = 0;
        if (!link.StartsWith("socket:["u8) || link.Length < 10 || link[^1] != (byte)']') return false;
        return Utf8Parser.TryParse(link[8..^1], out inode, out int used) && used == link.Length - 9;
    }

    public static int FamilyOf(int pid, ulong inode)
    {
        Span<byte> path = stackalloc byte[40];
        "/proc/"u8.CopyTo(path);
        Utf8Formatter.TryFormat(pid, path[6..], out int n);
        "/net/netlink\0"u8.CopyTo(path[(6 + n)..]);
        var buf = t_buffer ??= new byte[16384];
        int len = RawFile.ReadAll(path, ref buf);
        t_buffer = buf;
        return len <= 0 ? -1 : FindFamily(buf.AsSpan(0, len), inode);
    }

    /// <summary>Columns: sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode.</summary>
    public static int FindFamily(ReadOnlySpan<byte> text, ulong inode)
    {
        int nl = text.IndexOf((byte)'\n');
        if (nl < 0) return -1;
        text = text[(nl + 1)..];
        while (!text.IsEmpty)
        {
            nl = text.IndexOf((byte)'\n');
            var line = nl < 0 ? text : text[..nl];
            text = nl < 0 ? default : text[(nl + 1)..];
            int eth = -1;
            ulong ino = 0;
            int column = 0;
            while (!line.IsEmpty)
            {
                line = line.TrimStart((byte)' ');
                int sp = line.IndexOf((byte)' ');
                var field = sp < 0 ? line : line[..sp];
                line = sp < 0 ? default : line[sp..];
                if (field.IsEmpty) break;
                if (column == 1) Utf8Parser.TryParse(field, out eth, out _);
                else if (column == 9) Utf8Parser.TryParse(field, out ino, out _);
                column++;
            }
            if (column >= 10 && ino == inode) return eth;
        }
        return -1;
    }
}
