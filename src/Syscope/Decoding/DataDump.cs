using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding;

/// <summary>
/// strace's -e read=SET / -e write=SET: after the line of a successful call on a listed fd, the
/// data it moved as hex-and-ASCII lines (" | 00000  7f 45 4c 46 ...  .ELF |").  Vectored calls
/// dump each buffer under " * N bytes in buffer K" and stop at the first empty one, as strace
/// does; sendmmsg/recvmmsg add " = N buffers in vector K" per message.  Which calls dump is their
/// row's Dump; where the data lies is the role of their second argument (a buffer, iovecs, a
/// msghdr or an mmsghdr array), so decoders take no part in it.
/// </summary>
internal static class DataDump
{
    /// <summary>Whether -e read=/write= name the descriptor this call moved data through.</summary>
    public static bool Selects(DecodeOptions options, SyscallInfo call, int fd) => call.Dump switch
    {
        DumpKind.Read => options.ReadDumps?.Contains(fd) == true,
        DumpKind.Write => options.WriteDumps?.Contains(fd) == true,
        _ => false,
    };

    /// <summary>Writes the dump of a call (a read only when it succeeded).  Data a call read is what
    /// it returned; data it wrote is what it was given, failed or not (strace dumps write's whole count and
    /// writev's whole vector, whatever the kernel took).</summary>
    public static void Print(ref DecodeContext c, ArgWriter w)
    {
        long returned = c.ReturnValue;
        bool writes = c.Syscall.Dump == DumpKind.Write;
        var data = c.Syscall.Args[1].Role;
        switch (data.Kind)
        {
            case ArgKind.Buffer:
                Lines(ref c, c.Arg(1), data.From == SizeFrom.Return ? returned : (long)c.Arg(data.SizeArg), w);
                break;
            case ArgKind.Iovec:
                Vector(ref c, c.Arg(1), c.Arg(data.SizeArg), writes ? long.MaxValue : returned, w);
                break;
            case ArgKind.Msghdr:
                if (Printers.TryRead(ref c, c.Arg(1), out Msghdr msg))
                    Vector(ref c, msg.Iov, msg.IovLen, writes ? long.MaxValue : returned, w);
                break;
            case ArgKind.Mmsghdr:
                for (long i = 0; i < returned; i++)
                {
                    if (!Printers.TryRead(ref c, c.Arg(1) + (ulong)(i * Unsafe.SizeOf<Mmsghdr>()), out Mmsghdr m)) break;
                    w.Raw(" = "u8).UInt(m.Hdr.IovLen).Raw(" buffers in vector "u8).Int(i).Raw((byte)'\n');
                    Vector(ref c, m.Hdr.Iov, m.Hdr.IovLen, m.Len, w);
                }
                break;
        }
    }

    private static void Vector(ref DecodeContext c, ulong addr, ulong count, long limit, ArgWriter w)
    {
        // strace fetches the whole iovec array first: one element it cannot read means no dump.
        if (count > 1 << 20) return;
        for (ulong i = 0; i < count; i++)
            if (!Printers.TryRead(ref c, addr + i * (ulong)Unsafe.SizeOf<Iovec>(), out Iovec _)) return;
        for (ulong i = 0; i < count; i++)
        {
            if (!Printers.TryRead(ref c, addr + i * (ulong)Unsafe.SizeOf<Iovec>(), out Iovec v)) return;
            long len = (long)Math.Min(v.Len, (ulong)Math.Max(limit, 0));
            if (len == 0) return;
            limit -= len;
            w.Raw(" * "u8).Int(len).Raw(" bytes in buffer "u8).UInt(i).Raw((byte)'\n');
            Lines(ref c, v.Base, len, w);
        }
    }

    /// <summary>16 bytes a line: offset, hex in two groups of eight, the printable ASCII.  The
    /// offset has 5 hex digits, more when the data is longer than 1 MiB.  Memory is fetched as
    /// strace fetches it, 64 KiB at a time: when the first fetch fails nothing is printed, when a
    /// later one fails the lines before it stay and " | &lt;Cannot fetch N bytes ...&gt;" ends the dump.</summary>
    private static void Lines(ref DecodeContext c, ulong addr, long length, ArgWriter w)
    {
        const int Fetch = 1 << 16, Piece = 4096;
        int width = length > 1 << 20 ? 1 + (63 - BitOperations.LeadingZeroCount((ulong)(length - 1))) / 4 : 5;
        Span<byte> buf = stackalloc byte[Piece];
        for (long chunk = 0; chunk < length; chunk += Fetch)
        {
            int chunkStart = w.Length;
            long fetch = Math.Min(Fetch, length - chunk);
            for (long done = 0; done < fetch; done += Piece)
            {
                int n = (int)Math.Min(Piece, fetch - done);
                if (c.Memory.Read(addr + (ulong)(chunk + done), buf[..n]) < n)
                {
                    w.Truncate(chunkStart);
                    if (chunk > 0)
                        w.Raw(" | <Cannot fetch "u8).Int(fetch).Raw(fetch == 1 ? " byte from pid "u8 : " bytes from pid "u8)
                            .Int(c.Pid).Raw(" @"u8).Hex(addr + (ulong)chunk).Raw(">\n"u8);
                    return;
                }
                for (int off = 0; off < n; off += 16) Line(w, chunk + done + off, buf.Slice(off, Math.Min(16, n - off)), width);
            }
        }
    }

    private static void Line(ArgWriter w, long offset, ReadOnlySpan<byte> bytes, int width)
    {
        Span<byte> line = stackalloc byte[96];
        " | "u8.CopyTo(line);
        Utf8Formatter.TryFormat(offset, line[3..], out int n, new StandardFormat('x', (byte)width));
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
