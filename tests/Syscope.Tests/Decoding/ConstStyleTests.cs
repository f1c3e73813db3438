using Syscope.Decoding;
using Syscope.Filtering;
using Syscope.Syscalls;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>-X raw|verbose and -e raw=/abbrev=/verbose=.  Expected lines are strace 6.1's for the
/// same calls (Differential/Programs/flags.c and structs.c under -X raw, -X verbose, -e ...).</summary>
public class ConstStyleTests
{
    private static readonly DecodeOptions Raw = new() { ConstStyle = ConstStyle.Raw };
    private static readonly DecodeOptions Verbose = new() { ConstStyle = ConstStyle.Verbose };

    private static SyscallSet Set(string spec) => SyscallSet.Parse(spec);

    [Fact]
    public void Open_flags_and_at_fdcwd_are_one_constant_each()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/etc/ld.so.cache");
        ulong[] args = [U(-100), p, 0x80000, 0];
        Assert.Equal("openat(-100, \"/etc/ld.so.cache\", 0x80000) = 3", Of("openat", args, 3, m, Raw));
        Assert.Equal("openat(-100 /* AT_FDCWD */, \"/etc/ld.so.cache\", 0x80000 /* O_RDONLY|O_CLOEXEC */) = 3", Of("openat", args, 3, m, Verbose));
        Assert.Equal("openat(-100 /* AT_FDCWD */, \"/etc/ld.so.cache\", 0 /* O_RDONLY */) = 3", Of("openat", [U(-100), p, 0, 0], 3, m, Verbose));
    }

    [Fact]
    public void Unknown_values_and_nameless_zero_print_as_in_abbrev_style()
    {
        Assert.Equal("madvise(NULL, 4096, 0x70 /* MADV_??? */) = -1 EINVAL (Invalid argument)", Of("madvise", [0, 4096, 0x70], -22, null, Verbose));
        Assert.Equal("madvise(NULL, 4096, 0x70) = -1 EINVAL (Invalid argument)", Of("madvise", [0, 4096, 0x70], -22, null, Raw));
        var m = new FakeMemory();
        Assert.Equal("pipe2([5, 6], 0) = 0", Of("pipe2", [m.Ints(5, 6), 0], 0, m, Verbose));
        Assert.Equal("access(\"/nonexist\", 0 /* F_OK */) = 0", Of("access", [m.Str("/nonexist"), 0], 0, m, Verbose));
        Assert.Equal("access(\"/nonexist\", 0xf0 /* ?_OK */) = -1 EINVAL (Invalid argument)", Of("access", [m.Str("/nonexist"), 0xf0], -22, m, Verbose));
    }

    [Fact]
    public void Mmap_flags_are_commented_whole()
    {
        ulong[] args = [0, 4096, 0, 0x80000002, U(-1), 0];
        Assert.Equal("mmap(NULL, 4096, 0, 0x80000002, -1, 0) = -1 EBADF (Bad file descriptor)", Of("mmap", args, -9, null, Raw));
        Assert.Equal("mmap(NULL, 4096, 0 /* PROT_NONE */, 0x80000002 /* MAP_PRIVATE|32<<MAP_HUGE_SHIFT */, -1, 0) = -1 EBADF (Bad file descriptor)", Of("mmap", args, -9, null, Verbose));
    }

    [Fact]
    public void Socket_type_and_clone_signal_are_constants_of_their_own()
    {
        ulong[] sock = [10, 0x80801, 0];
        Assert.Equal("socket(0xa, 0x1|0x80800, 0) = 6", Of("socket", sock, 6, null, Raw));
        Assert.Equal("socket(0xa /* AF_INET6 */, 0x1 /* SOCK_STREAM */|0x80800 /* SOCK_CLOEXEC|SOCK_NONBLOCK */, 0 /* IPPROTO_IP */) = 6", Of("socket", sock, 6, null, Verbose));
        ulong[] clone = [0x1200011, 0, 0, 0x7f080f4a2a10, 0];
        Assert.Equal("clone(child_stack=NULL, flags=0x1200000|17, child_tidptr=0x7f080f4a2a10) = 7541", Of("clone", clone, 7541, null, Raw));
        Assert.Equal("clone(child_stack=NULL, flags=0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */, child_tidptr=0x7f080f4a2a10) = 7541",
            Of("clone", clone, 7541, null, Verbose));
    }

    [Fact]
    public void Structures_carry_the_style_into_their_fields()
    {
        var m = new FakeMemory();
        ulong act = m.Longs(0x1234, 0x5c000004, 0x1234, (1L << 1) | (1L << 36) | (1L << 63));
        Assert.Equal("rt_sigaction(10, {sa_handler=0x1234, sa_mask=[2 37 64], sa_flags=0x5c000004, sa_restorer=0x1234}, NULL, 8) = 0",
            Of("rt_sigaction", [10, act, 0, 8], 0, m, Raw));
        Assert.Equal("rt_sigaction(10 /* SIGUSR1 */, {sa_handler=0x1234, sa_mask=[2 /* INT */ 37 /* RT_5 */ 64 /* RT_32 */], sa_flags=0x5c000004 /* SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_NODEFER|SA_SIGINFO */, sa_restorer=0x1234}, NULL, 8) = 0",
            Of("rt_sigaction", [10, act, 0, 8], 0, m, Verbose));
        ulong lim = m.Longs(8388608, -1);
        Assert.Equal("prlimit64(0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=8388608 /* 8192*1024 */, rlim_max=18446744073709551615 /* RLIM64_INFINITY */}) = 0",
            Of("prlimit64", [0, 3, 0, lim], 0, m, Verbose));
        ulong empty = m.Str("");
        ulong st = m.Struct(new Syscope.Kernel.Abi.Stat { Mode = 0x2000 | 0x1b6, Rdev = 0x103 });
        Assert.Equal("newfstatat(1, \"\", {st_mode=020666, st_rdev=0x103, ...}, 0x1000) = 0", Of("newfstatat", [1, empty, st, 0x1000], 0, m, Raw));
        Assert.Equal("newfstatat(1, \"\", {st_mode=020666 /* S_IFCHR|0666 */, st_rdev=0x103 /* makedev(0x1, 0x3) */, ...}, 0x1000 /* AT_EMPTY_PATH */) = 0",
            Of("newfstatat", [1, empty, st, 0x1000], 0, m, Verbose));
    }

    [Fact]
    public void Addresses_print_as_bytes_with_the_reading_in_a_comment()
    {
        var m = new FakeMemory();
        ulong sa = m.Put([2, 0, 0x1f, 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("connect(3, {sa_family=0x2, sin_port=\"\\x1f\\x90\", sin_addr=\"\\x7f\\x00\\x00\\x01\"}, 16) = -1 ECONNREFUSED (Connection refused)",
            Of("connect", [3, sa, 16], -111, m, Raw));
        Assert.Equal("connect(3, {sa_family=0x2 /* AF_INET */, sin_port=\"\\x1f\\x90\" /* htons(8080) */, sin_addr=\"\\x7f\\x00\\x00\\x01\" /* inet_addr(\"127.0.0.1\") */}, 16) = -1 ECONNREFUSED (Connection refused)",
            Of("connect", [3, sa, 16], -111, m, Verbose));
    }

    [Fact]
    public void Wait_statuses_and_fcntl_flags_keep_their_names()
    {
        var m = new FakeMemory();
        ulong status = m.Ints(9);
        Assert.Equal("wait4(7536, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 7536", Of("wait4", [7536, status, 0, 0], 7536, m, Raw));
        Assert.Equal("fcntl(255, 0x3 /* F_GETFL */) = 0x8000 (flags O_RDONLY|O_LARGEFILE)", Of("fcntl", [255, 3], 0x8000, m, Verbose));
        Assert.Equal("fcntl(3, 0x1) = 0x1 (flags 0x1)", Of("fcntl", [3, 1], 1, m, Raw));
    }

    [Fact]
    public void Raw_calls_print_registers_in_hex_and_a_hex_return()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/etc/issue");
        var o = new DecodeOptions { RawCalls = Set("openat,close") };
        Assert.Equal($"openat(0xffffff9c, 0x{p:x}, 0, 0) = 0x3", Of("openat", [0xffffff9c, p, 0, 0], 3, m, o));
        Assert.Equal("close(0x3) = 0", Of("close", [3], 0, m, o));
        Assert.Equal("close(0x63) = -1 EBADF (Bad file descriptor)", Of("close", [99], -9, m, o));
        Assert.Equal("read(3, \"hi\", 2) = 2", Of("read", [3, m.Str("hi"), 2], 2, m, o));
    }

    [Fact]
    public void Verbose_set_decides_which_calls_show_structures()
    {
        var m = new FakeMemory();
        ulong empty = m.Str("");
        ulong st = m.Struct(new Syscope.Kernel.Abi.Stat { Mode = 0x81a4, Size = 1277 });
        var none = new DecodeOptions { Dereferenced = SyscallSet.None };
        Assert.Equal($"newfstatat(3, \"\", 0x{st:x}, AT_EMPTY_PATH) = 0", Of("newfstatat", [3, empty, st, 0x1000], 0, m, none));
        var stats = new DecodeOptions { Dereferenced = Set("fstat,newfstatat") };
        Assert.Equal("newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=1277, ...}, AT_EMPTY_PATH) = 0", Of("newfstatat", [3, empty, st, 0x1000], 0, m, stats));
        ulong fds = m.Ints(5, 6);
        Assert.Equal($"pipe2(0x{fds:x}, 0) = 0", Of("pipe2", [fds, 0], 0, m, stats));
        ulong lim = m.Longs(8388608, -1);
        Assert.Equal($"prlimit64(0, RLIMIT_STACK, NULL, 0x{lim:x}) = 0", Of("prlimit64", [0, 3, 0, lim], 0, m, none));
    }

    [Fact]
    public void Abbrev_set_decides_which_calls_are_shown_in_full()
    {
        var m = new FakeMemory();
        ulong empty = m.Str("");
        ulong st = m.Struct(new Syscope.Kernel.Abi.Stat { Mode = 0x81a4, Size = 1277, Nlink = 1, Blksize = 4096 });
        var o = new DecodeOptions { Abbreviated = Set("!newfstatat") };
        Assert.StartsWith("newfstatat(3, \"\", {st_dev=makedev(0, 0), st_ino=0, st_mode=S_IFREG|0644, st_nlink=1,", Of("newfstatat", [3, empty, st, 0x1000], 0, m, o));
        Assert.Equal("fstat(3, {st_mode=S_IFREG|0644, st_size=1277, ...}) = 0", Of("fstat", [3, st], 0, m, o));
    }
}
