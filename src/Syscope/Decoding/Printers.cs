namespace Syscope.Decoding;

/// <summary>Printers for values that live in tracee memory: paths, buffers, string arrays.  A
/// pointer that cannot be read prints as its address, as strace does; nothing here throws.</summary>
internal static class Printers
{
    private const int PathMax = 4096;

    [ThreadStatic] private static byte[]? t_scratch;

    private static byte[] Scratch => t_scratch ??= new byte[PathMax + 1];

    /// <summary>The scratch buffer, grown once to at least n bytes (a large -s), then reused.</summary>
    private static byte[] ScratchOf(int n)
    {
        var s = Scratch;
        if (s.Length < n) t_scratch = s = new byte[n];
        return s;
    }

    /// <summary>Reads a NUL-terminated string of at most max bytes; -1 if unreadable (see ITraceeMemory.ReadCString).</summary>
    public static int ReadCString(ref DecodeContext c, ulong addr, Span<byte> dest, out bool terminated) =>
        ReadCString(c.Memory, addr, dest, out terminated);

    /// <summary>A string strace prints as its address: unreadable, or ending (no NUL) before the
    /// bytes asked for, in memory where that means the tracee's memory ends there.</summary>
    public static bool Unreadable(ref DecodeContext c, int n, int wanted, bool terminated) =>
        n < 0 || (!terminated && n < wanted && c.Memory.ShortReadIsFault);

    public static int ReadCString(Events.ITraceeMemory memory, ulong addr, Span<byte> dest, out bool terminated) =>
        memory.ReadCString(addr, dest, out terminated);

    /// <summary>A path argument: not cut at -s, but read as strace reads one, PATH_MAX bytes at
    /// most, of which PATH_MAX - 1 print ("..." after them when no NUL came).</summary>
    public static void Path(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        var buf = Scratch;
        int n = ReadCString(ref c, addr, buf.AsSpan(0, PathMax), out bool terminated);
        if (Unreadable(ref c, n, PathMax, terminated)) { c.Out.Hex(addr); return; }
        c.Out.Quoted(buf.AsSpan(0, Math.Min(n, PathMax - 1)), c.Options.HexStrings, !terminated, ValueKind.Path);
    }

    /// <summary>A NUL-terminated string cut at -s bytes.</summary>
    public static void String(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        int limit = c.Options.StringLimit;
        var buf = ScratchOf(limit + 1);
        int n = ReadCString(ref c, addr, buf.AsSpan(0, limit + 1), out bool terminated);
        if (Unreadable(ref c, n, limit + 1, terminated)) { c.Out.Hex(addr); return; }
        c.Out.Quoted(buf.AsSpan(0, Math.Min(n, limit)), c.Options.HexStrings, n > limit || !terminated);
    }

    /// <summary>A counted buffer (read/write data): at most -s bytes, then "..." if there was more.</summary>
    public static void Buffer(ref DecodeContext c, ulong addr, long length, bool forceHex = false)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (length < 0) { c.Out.Hex(addr); return; }
        int limit = c.Options.StringLimit;
        int want = (int)Math.Min(length, limit);
        var buf = ScratchOf(want);
        int n = want == 0 ? 0 : c.Memory.Read(addr, buf.AsSpan(0, want));
        if (n < want) { c.Out.Hex(addr); return; }
        c.Out.Quoted(buf.AsSpan(0, want), forceHex ? 2 : c.Options.HexStrings, length > limit);
    }

    /// <summary>What a caller passes past the part of an extensible structure that is known
    /// (openat2's how, clone3's args): nothing when those bytes are all zero, ", ???" when they
    /// cannot be read, else ", /* bytes N..M */ " and them in hex, cut at -s, as strace prints it.</summary>
    public static void StructTail(ref DecodeContext c, ulong addr, int known, ulong size)
    {
        if (size <= (ulong)known) return;
        // The kernel refuses more than a page of tail; past that, reading on shows nothing new.
        ulong tail = Math.Min(size - (ulong)known, 4096);
        var buf = ScratchOf((int)tail);
        var bytes = buf.AsSpan(0, (int)tail);
        // For --json a field "tail" of the structure being written: the bytes, the comment in its text.
        if (c.Memory.Read(addr + (ulong)known, bytes) < bytes.Length) { c.Out.Field("tail"u8, inText: false).Raw("???"u8); return; }
        if (!bytes.ContainsAnyExcept((byte)0)) return;
        c.Out.Field("tail"u8, inText: false).Raw("/* bytes "u8).UInt((ulong)known).Raw(".."u8).UInt(size - 1).Raw(" */ "u8);
        c.Out.ValueStartsHere();
        int limit = c.Options.StringLimit;
        c.Out.Quoted(bytes[..Math.Min(bytes.Length, limit)], 2, bytes.Length > limit);
    }

    /// <summary>argv-style arrays: ["a", "b"], at most -s elements, each cut at -s.</summary>
    public static void StringArray(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (c.AddressesOnly) { c.Out.Hex(addr); return; }
        Span<byte> word = stackalloc byte[8];
        if (c.Memory.Read(addr, word) < 8) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        for (int i = 0; ; i++)
        {
            if (i > 0 && c.Memory.Read(addr + (ulong)(i * 8), word) < 8)
            {
                c.Out.Elided().Raw("..."u8);
                break;
            }
            ulong p = BitConverter.ToUInt64(word);
            if (p == 0) break;
            if (i >= MaxElements(ref c)) { c.Out.Elided().Raw("..."u8); break; }
            c.Out.Element();
            String(ref c, p);
        }
        c.Out.EndArray();
    }

    /// <summary>Counts the entries of a NULL-terminated pointer array (envp), -1 if unreadable.</summary>
    public static int CountArray(ref DecodeContext c, ulong addr)
    {
        Span<byte> word = stackalloc byte[8];
        for (int i = 0; i < 1 << 20; i++)
        {
            if (c.Memory.Read(addr + (ulong)(i * 8), word) < 8) return -1;
            if (BitConverter.ToUInt64(word) == 0) return i;
        }
        return -1;
    }

    /// <summary>Prints one element of an array that <see cref="Array"/> walks.</summary>
    public delegate void ElementPrinter<T>(ref DecodeContext c, in T element) where T : unmanaged;

    /// <summary>An array of count T in tracee memory, as strace's print_array shows it: "[a, b]",
    /// "..." after -s elements (all with -v), and "... /* addr */" where an element cannot be read.
    /// NULL prints as NULL; a first element that cannot be read prints the address alone, unless
    /// commentFirst asks for "[... /* addr */]" as some of strace's printers do; "..." also after
    /// max elements, for arrays strace caps even with -v.  Pass a static lambda: the compiler
    /// caches it, so no call allocates.</summary>
    public static unsafe void Array<T>(ref DecodeContext c, ulong addr, ulong count, ElementPrinter<T> print, bool commentFirst = false,
        int max = int.MaxValue)
        where T : unmanaged
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        ulong size = (ulong)sizeof(T);
        T element = default;
        if (count > 0 && !commentFirst && !TryRead(ref c, addr, out element)) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        for (ulong i = 0; i < count; i++)
        {
            // strace reads an element before it asks whether -s is reached, so an unreadable one
            // there still shows where memory ended.
            ulong at = addr + i * size;
            if ((i > 0 || commentFirst) && !TryRead(ref c, at, out element)) { c.Out.Elided().Raw("... /* "u8).Hex(at).Raw(" */"u8); break; }
            if (i >= (ulong)Math.Min(MaxElements(ref c), max)) { c.Out.Elided().Raw("..."u8); break; }
            c.Out.Element();
            print(ref c, in element);
        }
        c.Out.EndArray();
    }

    /// <summary>How many elements of an array print before "...": -s of them, all of them with -v.</summary>
    public static int MaxElements(ref DecodeContext c) => c.Unabbreviated ? int.MaxValue : c.Options.StringLimit;

    /// <summary>Reads an unmanaged value; false when the address is not readable, or when -e
    /// verbose= leaves this call's structures undecoded (strace's umove_or_printaddr): either way
    /// the caller prints the address.</summary>
    public static unsafe bool TryRead<T>(ref DecodeContext c, ulong addr, out T value) where T : unmanaged
    {
        T v = default;
        bool ok = ReadStruct(ref c, addr, new Span<byte>(&v, sizeof(T))) == sizeof(T);
        value = v;
        return ok;
    }

    /// <summary>Bytes of a structure or array: what Memory.Read returns, or 0 for a NULL address
    /// or a call whose structures -e verbose= leaves undecoded.</summary>
    public static int ReadStruct(ref DecodeContext c, ulong addr, scoped Span<byte> dest) =>
        addr == 0 || c.AddressesOnly ? 0 : c.Memory.Read(addr, dest);
}
