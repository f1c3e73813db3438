namespace Syscope.Decoding;

/// <summary>Printers for values that live in tracee memory: paths, buffers, string arrays.  A
/// pointer that cannot be read prints as its address, as strace does; nothing here throws.</summary>
internal static class Printers
{
    private const int PathMax = Kernel.PathLimits.PathMax;

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
    public static void String(ref DecodeContext c, ulong addr) => String(ref c, addr, int.MaxValue);

    /// <summary>A NUL-terminated string the kernel reads no more than <paramref name="max"/> bytes
    /// of (memfd_create's name): no byte past those is read, and "..." follows them when no NUL came.</summary>
    public static void String(ref DecodeContext c, ulong addr, int max)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        int limit = c.Options.StringLimit;
        int want = Math.Min(max, limit + 1);
        var buf = ScratchOf(want);
        int n = ReadCString(ref c, addr, buf.AsSpan(0, want), out bool terminated);
        if (Unreadable(ref c, n, want, terminated)) { c.Out.Hex(addr); return; }
        c.Out.Quoted(buf.AsSpan(0, Math.Min(n, limit)), c.Options.HexStrings, n > limit || !terminated);
    }

    /// <summary>A counted buffer (read/write data): at most -s bytes, then "..." if there was more.</summary>
    /// <param name="omitTrailingNul">A NUL that ends the whole buffer is not shown (xattr values).</param>
    public static void Buffer(ref DecodeContext c, ulong addr, long length, bool forceHex = false, bool omitTrailingNul = false)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (length < 0) { c.Out.Hex(addr); return; }
        int limit = c.Options.StringLimit;
        int want = (int)Math.Min(length, limit);
        // strace reads one byte past the -s it prints of a longer buffer, and shows the address
        // when that byte cannot be read.
        int read = (int)Math.Min(length, (long)limit + 1);
        var buf = ScratchOf(read);
        int n = read == 0 ? 0 : c.Memory.Read(addr, buf.AsSpan(0, read));
        if (n < read) { c.Out.Hex(addr); return; }
        if (omitTrailingNul && length <= limit && want > 0 && buf[want - 1] == 0) want--;
        c.Out.Quoted(buf.AsSpan(0, want), forceHex ? 2 : c.Options.HexStrings, length > limit);
    }

    /// <summary>What a caller passes past the part of an extensible structure that is known
    /// (openat2's how, clone3's args): nothing when those bytes are all zero, ", ???" when they
    /// cannot be read, else ", /* bytes N..M */ " and them in hex, cut at -s, as strace prints it.
    /// The kernel refuses more than a page of tail, so strace reads no further than a page.</summary>
    public static void StructTail(ref DecodeContext c, ulong addr, int known, ulong size) => StructTail(ref c, addr, known, size, default);

    /// <param name="prefix">Written before the tail instead of a field's ", " (clone3's " => {" at
    /// exit, where the structure is text after the value); returns whether anything was written.</param>
    public static bool StructTail(ref DecodeContext c, ulong addr, int known, ulong size, ReadOnlySpan<byte> prefix)
    {
        ulong total = Math.Min(size, 4096);
        if (total <= (ulong)known) return false;
        var buf = ScratchOf((int)total);
        var bytes = buf.AsSpan(0, (int)total - known);
        bool readable = c.Memory.Read(addr + (ulong)known, bytes) == bytes.Length;
        if (readable && !bytes.ContainsAnyExcept((byte)0)) return false;
        // For --json a field "tail" of the structure being written: the bytes, the comment in its text.
        if (prefix.IsEmpty) c.Out.Field("tail"u8, inText: false); else c.Out.Raw(prefix);
        if (!readable) { c.Out.Raw("???"u8); return true; }
        c.Out.Raw("/* bytes "u8).UInt((ulong)known).Raw(".."u8).UInt(total - 1).Raw(" */ "u8);
        if (prefix.IsEmpty) c.Out.ValueStartsHere();
        int limit = c.Options.StringLimit;
        c.Out.Quoted(bytes[..Math.Min(bytes.Length, limit)], 2, bytes.Length > limit);
        return true;
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
            // Where the array runs into unreadable memory strace says where: "... /* addr */".
            ulong at = addr + (ulong)(i * 8);
            if (i > 0 && c.Memory.Read(at, word) < 8)
            {
                c.Out.Elided().Raw("... /* "u8).Hex(at).Raw(" */"u8);
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

    /// <summary>Counts the entries of a NULL-terminated pointer array (envp): -1 if its first
    /// entry is unreadable; unterminated when it runs into unreadable memory after some.</summary>
    public static int CountArray(ref DecodeContext c, ulong addr, out bool unterminated)
    {
        Span<byte> word = stackalloc byte[8];
        unterminated = false;
        for (int i = 0; i < 1 << 20; i++)
        {
            if (c.Memory.Read(addr + (ulong)(i * 8), word) < 8)
            {
                unterminated = true;
                return i == 0 ? -1 : i;
            }
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
    /// max elements, for arrays strace caps even with -v; and "..." after all count elements when
    /// truncated says the caller's count was cut to what the kernel takes.  Pass a static lambda:
    /// the compiler caches it, so no call allocates.  Answers whether every element printed (or
    /// was left to "..." by -s), as strace's print_array does: false for NULL, an empty array and
    /// memory that ends before the array does.</summary>
    public static unsafe bool Array<T>(ref DecodeContext c, ulong addr, ulong count, ElementPrinter<T> print, bool commentFirst = false,
        int max = int.MaxValue, bool truncated = false)
        where T : unmanaged
    {
        if (addr == 0) { c.Out.Ptr(0); return false; }
        ulong size = (ulong)sizeof(T);
        T element = default;
        if (count > 0 && !commentFirst && !TryRead(ref c, addr, out element)) { c.Out.Hex(addr); return false; }
        c.Out.BeginArray();
        bool whole = count > 0;
        for (ulong i = 0; i < count; i++)
        {
            // strace reads an element before it asks whether -s is reached, so an unreadable one
            // there still shows where memory ended.
            ulong at = addr + i * size;
            if ((i > 0 || commentFirst) && !TryRead(ref c, at, out element)) { c.Out.Elided().Raw("... /* "u8).Hex(at).Raw(" */"u8); whole = false; break; }
            if (i >= (ulong)Math.Min(MaxElements(ref c), max)) { c.Out.Elided().Raw("..."u8); break; }
            c.Out.Element();
            print(ref c, in element);
            if (i + 1 == count && truncated) c.Out.Elided().Raw("..."u8);
        }
        c.Out.EndArray();
        return whole;
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
