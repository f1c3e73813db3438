using System.Buffers;
using System.Buffers.Text;

namespace Syscope.Decoding;

/// <summary>Where a call keeps the data it moves, for -e read=/-e write= dumps.</summary>
public enum DumpLayout : byte { Buffer, Iovec, Msghdr, Mmsghdr }

/// <summary>A call that moves data through its first argument's descriptor: which side it is on
/// (read= or write= selects it) and how its data is laid out.</summary>
public readonly record struct DumpRule(bool Writes, DumpLayout Layout);

/// <summary>
/// strace's -e read=SET / -e write=SET: after the line of a successful call on a listed fd, the
/// data it moved as hex-and-ASCII lines (" | 00000  7f 45 4c 46 ...  .ELF |").  Vectored calls
/// dump each buffer under " * N bytes in buffer K" and stop at the first empty one, as strace
/// does; sendmmsg/recvmmsg add " = N buffers in vector K" per message.  Which calls dump is a
/// table here rather than decoder code: the dump depends on the call's class, not on how its
/// arguments print.
/// </summary>
public static class DataDump
{
    private static readonly Dictionary<string, DumpRule> s_rules = new(StringComparer.Ordinal)
    {
        ["read"] = new(false, DumpLayout.Buffer), ["pread64"] = new(false, DumpLayout.Buffer),
        ["recvfrom"] = new(false, DumpLayout.Buffer), ["mq_timedreceive"] = new(false, DumpLayout.Buffer),
        ["readv"] = new(false, DumpLayout.Iovec), ["preadv"] = new(false, DumpLayout.Iovec), ["preadv2"] = new(false, DumpLayout.Iovec),
        ["recvmsg"] = new(false, DumpLayout.Msghdr), ["recvmmsg"] = new(false, DumpLayout.Mmsghdr),
        ["write"] = new(true, DumpLayout.Buffer), ["pwrite64"] = new(true, DumpLayout.Buffer),
        ["sendto"] = new(true, DumpLayout.Buffer), ["mq_timedsend"] = new(true, DumpLayout.Buffer),
        ["writev"] = new(true, DumpLayout.Iovec), ["pwritev"] = new(true, DumpLayout.Iovec), ["pwritev2"] = new(true, DumpLayout.Iovec),
        ["sendmsg"] = new(true, DumpLayout.Msghdr), ["sendmmsg"] = new(true, DumpLayout.Mmsghdr),
    };

    /// <summary>Whether -e read=/write= name the descriptor this call moved data through.</summary>
    public static bool Selects(DecodeOptions options, DumpRule rule, int fd) =>
        (rule.Writes ? options.WriteDumps : options.ReadDumps)?.Contains(fd) == true;

    internal static DumpRule? RuleFor(string syscall) => s_rules.TryGetValue(syscall, out var r) ? r : null;

    /// <summary>struct iovec, and also msg_iov/msg_iovlen inside struct msghdr, which have its layout.</summary>
    private struct Iovec { public ulong Base, Len; }

    /// <summary>msg_iov and msg_iovlen sit at offsets 16 and 24 of struct msghdr; struct mmsghdr
    /// is a msghdr (56 bytes) followed by msg_len and padding.</summary>
    private const int MsgIovOffset = 16, MmsghdrSize = 64, MsgLenOffset = 56;

    /// <summary>Writes the dump of a call that returned successfully.  Data a call read is what
    /// it returned; data it wrote is what it was given (strace dumps write's whole count and
    /// writev's whole vector, whatever the kernel took).</summary>
    public static void Print(ref DecodeContext c, DumpRule rule, ArgWriter w)
    {
        long returned = c.ReturnValue;
        switch (rule.Layout)
        {
            case DumpLayout.Buffer:
                Lines(ref c, c.Arg(1), rule.Writes ? (long)c.Arg(2) : returned, w);
                break;
            case DumpLayout.Iovec:
                Vector(ref c, c.Arg(1), c.Arg(2), rule.Writes ? long.MaxValue : returned, w);
                break;
            case DumpLayout.Msghdr:
                if (Printers.TryRead(ref c, c.Arg(1) + MsgIovOffset, out Iovec iov))
                    Vector(ref c, iov.Base, iov.Len, rule.Writes ? long.MaxValue : returned, w);
                break;
            case DumpLayout.Mmsghdr:
                for (long i = 0; i < returned; i++)
                {
                    ulong m = c.Arg(1) + (ulong)(i * MmsghdrSize);
                    if (!Printers.TryRead(ref c, m + MsgIovOffset, out Iovec msgIov) || !Printers.TryRead(ref c, m + MsgLenOffset, out uint msgLen)) break;
                    w.Raw(" = "u8).UInt(msgIov.Len).Raw(" buffers in vector "u8).Int(i).Raw((byte)'\n');
                    Vector(ref c, msgIov.Base, msgIov.Len, msgLen, w);
                }
                break;
        }
    }

    private static void Vector(ref DecodeContext c, ulong addr, ulong count, long limit, ArgWriter w)
    {
        for (ulong i = 0; i < count; i++)
        {
            if (!Printers.TryRead(ref c, addr + i * 16, out Iovec v)) return;
            long len = (long)Math.Min(v.Len, (ulong)Math.Max(limit, 0));
            if (len == 0) return;
            limit -= len;
            w.Raw(" * "u8).Int(len).Raw(" bytes in buffer "u8).UInt(i).Raw((byte)'\n');
            Lines(ref c, v.Base, len, w);
        }
    }

    /// <summary>16 bytes a line: offset, hex in two groups of eight, the printable ASCII.  Memory
    /// that cannot be read prints nothing, like strace; what was written of it is taken back.</summary>
    private static void Lines(ref DecodeContext c, ulong addr, long length, ArgWriter w)
    {
        const int Chunk = 4096;
        Span<byte> buf = stackalloc byte[Chunk];
        int start = w.Length;
        for (long done = 0; done < length; done += Chunk)
        {
            int n = (int)Math.Min(Chunk, length - done);
            if (c.Memory.Read(addr + (ulong)done, buf[..n]) < n) { w.Truncate(start); return; }
            for (int off = 0; off < n; off += 16) Line(w, done + off, buf.Slice(off, Math.Min(16, n - off)));
        }
    }

    private static void Line(ArgWriter w, long offset, ReadOnlySpan<byte> bytes)
    {
        Span<byte> line = stackalloc byte[96];
        " | "u8.CopyTo(line);
        Utf8Formatter.TryFormat(offset, line[3..], out int n, new StandardFormat('x', 5));
        int p = 3 + n;
        line[p++] = (byte)' ';
        line[p++] = (byte)' ';
        for (int i = 0; i < 16; i++)
        {
            if (i < bytes.Length)
            {
                line[p++] = HexDigit(bytes[i] >> 4);
                line[p++] = HexDigit(bytes[i] & 15);
            }
            else { line[p++] = (byte)' '; line[p++] = (byte)' '; }
            line[p++] = (byte)' ';
            if (i == 7) line[p++] = (byte)' ';
        }
        line[p++] = (byte)' ';
        for (int i = 0; i < 16; i++)
            line[p++] = i >= bytes.Length ? (byte)' ' : bytes[i] is >= 0x20 and < 0x7f ? bytes[i] : (byte)'.';
        " |\n"u8.CopyTo(line[p..]);
        w.Raw(line[..(p + 3)]);
    }

    private static byte HexDigit(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);
}
