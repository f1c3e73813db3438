using Syscope.Decoding;
using Syscope.Filtering;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>-e read=SET / -e write=SET: the hex dump after the line, as strace 6.1 printed it for
/// Differential/Programs/vectored.c.</summary>
public class DataDumpTests
{
    private static readonly DecodeOptions s_all = new() { ReadDumps = FilterSets.ParseDumpFds("all"), WriteDumps = FilterSets.ParseDumpFds("all") };

    private static byte[] Pattern(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7)).ToArray();

    private static ulong Iovecs(FakeMemory m, params (ulong Base, long Len)[] v) => m.Longs(v.SelectMany(x => new[] { (long)x.Base, x.Len }).ToArray());

    /// <summary>struct msghdr with only msg_iov/msg_iovlen set, and msg_len after it for mmsghdr.</summary>
    private static long[] Msghdr(ulong iov, long iovLen) => [0, 0, (long)iov, iovLen, 0, 0, 0];

    [Fact]
    public void Write_dumps_every_byte_sixteen_a_line()
    {
        var m = new FakeMemory();
        ulong buf = m.Put(Pattern(100));
        Assert.Equal("""
            write(3, "\0\7\16\25\34#*18?FMT[bipw~\205\214\223\232\241\250\257\266\275\304\313\322\331"..., 100) = 100
             | 00000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  .....#*18?FMT[bi |
             | 00010  70 77 7e 85 8c 93 9a a1  a8 af b6 bd c4 cb d2 d9  pw~............. |
             | 00020  e0 e7 ee f5 fc 03 0a 11  18 1f 26 2d 34 3b 42 49  ..........&-4;BI |
             | 00030  50 57 5e 65 6c 73 7a 81  88 8f 96 9d a4 ab b2 b9  PW^elsz......... |
             | 00040  c0 c7 ce d5 dc e3 ea f1  f8 ff 06 0d 14 1b 22 29  ..............") |
             | 00050  30 37 3e 45 4c 53 5a 61  68 6f 76 7d 84 8b 92 99  07>ELSZahov}.... |
             | 00060  a0 a7 ae b5                                       ....             |
            """, Of("write", [3, buf, 100], 100, m, options: s_all));
    }

    [Fact]
    public void Read_dumps_what_was_returned()
    {
        var m = new FakeMemory();
        ulong buf = m.Put(Pattern(200));
        Assert.Equal("""
            read(3, "\0\7\16\25\34#*18?FMT[bipw~\205", 20) = 20
             | 00000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  .....#*18?FMT[bi |
             | 00010  70 77 7e 85                                       pw~.             |
            """, Of("read", [3, buf, 20], 20, m, options: s_all));
        Assert.Equal("read(3, \"\", 131072) = 0", Of("read", [3, buf, 131072], 0, m, options: s_all));
    }

    [Fact]
    public void Vectors_dump_each_buffer_and_stop_at_an_empty_one()
    {
        var m = new FakeMemory();
        ulong iov = Iovecs(m, (m.Str("abc"), 3), (m.Str(""), 0), (m.Str("0123456789abcdefXYZ"), 19));
        Assert.Equal("""
            writev(3, [{iov_base="abc", iov_len=3}, {iov_base="", iov_len=0}, {iov_base="0123456789abcdefXYZ", iov_len=19}], 3) = 22
             * 3 bytes in buffer 0
             | 00000  61 62 63                                          abc              |
            """, Of("writev", [3, iov, 3], 22, m, options: s_all));
        ulong two = Iovecs(m, (m.Str("first\n"), 6), (m.Str("second\n"), 7));
        Assert.Equal("""
            sendmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="first\n", iov_len=6}, {iov_base="second\n", iov_len=7}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 13
             * 6 bytes in buffer 0
             | 00000  66 69 72 73 74 0a                                 first.           |
             * 7 bytes in buffer 1
             | 00000  73 65 63 6f 6e 64 0a                              second.          |
            """, Of("sendmsg", [4, m.Longs(Msghdr(two, 2)), 0], 13, m, options: s_all));
        // Reads: the returned count spreads over the buffers in order.
        ulong rv = Iovecs(m, (m.Str("first\nse"), 8), (m.Str("cond\n"), 100));
        Assert.Equal("""
            recvmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="first\nse", iov_len=8}, {iov_base="cond\n", iov_len=100}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 13
             * 8 bytes in buffer 0
             | 00000  66 69 72 73 74 0a 73 65                           first.se         |
             * 5 bytes in buffer 1
             | 00000  63 6f 6e 64 0a                                    cond.            |
            """, Of("recvmsg", [5, m.Longs(Msghdr(rv, 2)), 0], 13, m, options: s_all));
    }

    [Fact]
    public void Mmsg_dumps_each_message_up_to_its_length()
    {
        var m = new FakeMemory();
        ulong i1 = Iovecs(m, (m.Str("one-"), 4), (m.Str("1"), 16)), i2 = Iovecs(m, (m.Str("second message"), 32));
        ulong vec = m.Longs([.. Msghdr(i1, 2), 5, .. Msghdr(i2, 1), 14]);
        Assert.Equal("""
            recvmmsg(5, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="one-", iov_len=4}, {iov_base="1", iov_len=16}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="second message", iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=14}], 2, MSG_WAITFORONE, NULL) = 2
             = 2 buffers in vector 0
             * 4 bytes in buffer 0
             | 00000  6f 6e 65 2d                                       one-             |
             * 1 bytes in buffer 1
             | 00000  31                                                1                |
             = 1 buffers in vector 1
             * 14 bytes in buffer 0
             | 00000  73 65 63 6f 6e 64 20 6d  65 73 73 61 67 65        second message   |
            """, Of("recvmmsg", [5, vec, 2, 0x10000, 0], 2, m, options: s_all));
    }

    [Fact]
    public void Only_listed_fds_and_successful_calls_dump()
    {
        var m = new FakeMemory();
        ulong buf = m.Put("done\n"u8.ToArray());
        var writes1 = new DecodeOptions { WriteDumps = FilterSets.ParseDumpFds("1"), ReadDumps = FilterSets.ParseDumpFds("!1") };
        Assert.Equal("write(1, \"done\\n\", 5) = 5\n | 00000  64 6f 6e 65 0a                                    done.            |",
            Of("write", [1, buf, 5], 5, m, options: writes1));
        Assert.Equal("write(2, \"done\\n\", 5) = 5", Of("write", [2, buf, 5], 5, m, options: writes1));
        Assert.Equal("read(1, \"done\\n\", 5) = 5", Of("read", [1, buf, 5], 5, m, options: writes1));
        Assert.Equal("write(1, 0x8, 5) = -1 EFAULT (Bad address)", Of("write", [1, 8, 5], -14, m, options: writes1));
        // Memory that cannot be read dumps nothing rather than part of a line.
        Assert.Equal("write(1, 0x8, 5) = 5", Of("write", [1, 8, 5], 5, m, options: writes1));
        // What a failed write was given is still dumped, as strace dumps it; a failed read has nothing.
        Assert.Equal("pwrite64(1, \"done\\n\", 5, -3) = -1 EINVAL (Invalid argument)\n | 00000  64 6f 6e 65 0a                                    done.            |",
            Of("pwrite64", [1, buf, 5, unchecked((ulong)-3L)], -22, m, options: writes1));
        // A vector whose array runs into unreadable memory dumps nothing, as strace's whole-array fetch.
        ulong cut = m.Put(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new long[] { (long)buf, 5 }.AsSpan()).ToArray());
        Assert.Equal($"writev(1, [{{iov_base=\"done\\n\", iov_len=5}}, ... /* 0x{cut + 16:x} */], 2) = -1 EFAULT (Bad address)",
            Of("writev", [1, cut, 2], -14, m, options: writes1));
        var reads1 = new DecodeOptions { ReadDumps = FilterSets.ParseDumpFds("1") };
        Assert.Equal("read(1, 0x" + buf.ToString("x") + ", 5) = -1 EINVAL (Invalid argument)", Of("read", [1, buf, 5], -22, m, options: reads1));
    }

    [Fact]
    public void Data_over_a_mebibyte_has_wider_offsets_and_says_where_memory_ended()
    {
        // strace fetches 64 KiB at a time: the first fetch failing prints nothing, a later one
        // failing keeps the lines before it and says which bytes it could not fetch.
        const int Size = (1 << 20) + (1 << 16);
        var m = new FakeMemory();
        ulong buf = m.Put(Pattern(Size));
        var writes = new DecodeOptions { WriteDumps = FilterSets.ParseDumpFds("1") };
        string[] lines = Of("write", [1, buf, Size + 2], Size, m, options: writes).Split('\n');
        Assert.Equal(1 + Size / 16 + 1, lines.Length);
        Assert.Equal(" | 000000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  .....#*18?FMT[bi |", lines[1]);
        Assert.Equal(" | 10fff0  90 97 9e a5 ac b3 ba c1  c8 cf d6 dd e4 eb f2 f9  ................ |", lines[^2]);
        Assert.Equal($" | <Cannot fetch 2 bytes from pid 100 @0x{buf + Size:x}>", lines[^1]);
        // Up to 1 MiB the offsets keep their five digits.
        string[] mebibyte = Of("write", [1, buf, 1 << 20], 1 << 20, m, options: writes).Split('\n');
        Assert.StartsWith(" | ffff0  ", mebibyte[^1]);
    }

    [Fact]
    public void Dumping_allocates_nothing_per_call()
    {
        var m = new FakeMemory();
        ulong iov = Iovecs(m, (m.Put(Pattern(100)), 100), (m.Put(Pattern(5000)), 5000));
        var info = Syscope.Syscalls.SyscallTable.ByName("readv")!;
        using var output = new Syscope.Output.TraceOutput(Stream.Null, false);
        var f = new TextTrace(output, new Syscope.Output.StraceOptions { Decode = s_all }, new FakeFds([]));
        f.Start(100);
        var e = new Syscope.Events.TraceEvent { Tid = 100, SyscallNumber = info.Number, InterruptedSyscall = -1 };
        e.Args[0] = 3; e.Args[1] = iov; e.Args[2] = 2;
        void Call()
        {
            e.Kind = Syscope.Events.TraceEventKind.SyscallEntry;
            f.OnEvent(ref e, m);
            e.Kind = Syscope.Events.TraceEventKind.SyscallExit;
            e.ReturnValue = 5100;
            f.OnEvent(ref e, m);
        }
        Call();   // grows the reused buffers once
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) Call();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Dump_sets_parse_like_strace()
    {
        Assert.Null(FilterSets.ParseDumpFds("none"));
        Assert.Null(FilterSets.ParseDumpFds("!all"));
        Assert.True(FilterSets.ParseDumpFds("all")!.Contains(1000));
        var notOne = FilterSets.ParseDumpFds("!1")!;
        Assert.False(notOne.Contains(1));
        Assert.True(notOne.Contains(3));
        Assert.Equal([1, 2], FilterSets.ParseDumpFds("1,,2")!.Order());
        Assert.Equal("invalid descriptor 'all'", Assert.Throws<Syscope.UserError>(() => FilterSets.ParseDumpFds("all,3")).Message);
        Assert.Equal("invalid descriptor '-1'", Assert.Throws<Syscope.UserError>(() => FilterSets.ParseDumpFds("-1")).Message);
    }
}
