using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Syscope.Decoding.Netlink;

/// <summary>
/// The buffer being decoded, copied once from the tracee as far as its memory could be read.
/// strace reads a netlink buffer piece by piece (a header, a body struct, an attribute) and prints
/// a piece it cannot read as its address (as the first of several: "... /* 0x7f... */"); here the
/// printers work on slices of one copy and ask, for the piece they are about to decode, whether
/// its bytes were read and where it was in the tracee.  Slices of memory not loaded here (tests
/// decoding a span of their own) count as read.
/// </summary>
internal static class NetlinkBuffer
{
    private const int MaxBuffer = 1 << 20;

    [ThreadStatic] private static byte[]? t_buffer;
    [ThreadStatic] private static ulong t_address;
    [ThreadStatic] private static int t_readable;

    /// <summary>Copies len bytes at addr (at most 1 MiB): the span of that length, whose bytes past
    /// the readable part are zero; readable says how many were read.</summary>
    public static ReadOnlySpan<byte> Load(scoped ref DecodeContext c, ulong addr, long len, out int readable)
    {
        int n = (int)Math.Clamp(len, 0, MaxBuffer);
        var buf = t_buffer ??= new byte[4096];
        if (buf.Length < n) t_buffer = buf = new byte[Math.Max(n, buf.Length * 2)];
        readable = n == 0 ? 0 : Math.Max(0, c.Memory.Read(addr, buf.AsSpan(0, n)));
        buf.AsSpan(readable, n - readable).Clear();
        t_address = addr;
        t_readable = readable;
        return buf.AsSpan(0, n);
    }

    /// <summary>How far into the loaded buffer s starts, or -1 when s is not part of it.</summary>
    private static long OffsetOf(ReadOnlySpan<byte> s)
    {
        var buf = t_buffer;
        if (buf == null) return -1;
        long offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(buf), ref MemoryMarshal.GetReference(s));
        return offset >= 0 && offset <= buf.Length ? offset : -1;
    }

    /// <summary>Whether the first count bytes of s were read from the tracee.</summary>
    public static bool Has(ReadOnlySpan<byte> s, int count)
    {
        long offset = OffsetOf(s);
        return offset < 0 || offset + count <= t_readable;
    }

    /// <summary>The tracee address of s's first byte.</summary>
    public static ulong AddressOf(ReadOnlySpan<byte> s)
    {
        long offset = OffsetOf(s);
        return offset < 0 ? 0 : t_address + (ulong)offset;
    }

    /// <summary>strace's umove_or_printaddr: true, after printing s's address, when its first
    /// count bytes could not be read.</summary>
    public static bool PrintedAddress(ArgWriter w, ReadOnlySpan<byte> s, int count)
    {
        if (Has(s, count)) return false;
        w.Hex(AddressOf(s));
        return true;
    }

    /// <summary>Starts the next element of an array of variable-length pieces (messages,
    /// attributes): elided, for --json, when it is cut at -s or cannot be read, since strace then
    /// writes "..." or "... /* 0x... */" for the rest.</summary>
    public static void NextElement(ArgWriter w, ReadOnlySpan<byte> s, int count, bool cut)
    {
        if (cut || !Has(s, count)) w.Elided(); else w.Element();
    }

    /// <summary>The same for an element of an array (a message, an attribute): after the first,
    /// strace prints an unreadable one as "... /* 0x7f... */" and ends the array.</summary>
    public static bool PrintedUnreadElement(ArgWriter w, ReadOnlySpan<byte> s, int count, bool first)
    {
        if (Has(s, count)) return false;
        if (first) w.Hex(AddressOf(s));
        else w.Raw("... /* "u8).Hex(AddressOf(s)).Raw(" */"u8);
        return true;
    }
}
