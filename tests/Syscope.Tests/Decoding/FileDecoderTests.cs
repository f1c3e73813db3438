using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Expected lines are strace 6.1's output for the same raw calls (see the C programs in
/// the differential tests).</summary>
public class FileDecoderTests
{
    private const long ENOENT = -2;

    [Fact]
    public void Openat_prints_at_fdcwd_flags_and_no_mode_without_creat()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/etc/ld.so.cache");
        Assert.Equal("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3",
            Of("openat", [U(-100), p, 0x80000, 0], 3, m));
    }

    [Fact]
    public void Openat_with_creat_prints_mode()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/nonexist");
        Assert.Equal("openat(AT_FDCWD, \"/nonexist\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3",
            Of("openat", [U(-100), p, 0x241, 0x1a4], 3, m));
        Assert.Equal("openat(5, \"/nonexist\", O_RDWR|O_TMPFILE, 0600) = -1 ENOTDIR (Not a directory)",
            Of("openat", [5, p, 0x410002, 0x180], -20, m));
    }

    [Fact]
    public void Every_open_flag_in_strace_order_with_leftover_bits()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/nonexist");
        Assert.Equal("openat(AT_FDCWD, \"/nonexist\", O_ACCMODE|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_SYNC|O_DIRECT|O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0x7f80003c, 0644) = -1 ENOENT (No such file or directory)",
            Of("openat", [U(-100), p, 0x7fffffff, 0x1a4], ENOENT, m));
        Assert.Equal("openat(AT_FDCWD, \"/nonexist\", O_RDONLY|O_DSYNC|O_PATH|O_DIRECTORY|FASYNC) = -1 ENOENT (No such file or directory)",
            Of("openat", [U(-100), p, 0x1000 | 0x200000 | 0x10000 | 0x2000, 0], ENOENT, m));
    }

    [Fact]
    public void Access_modes()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/etc/ld.so.preload");
        Assert.Equal("access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such file or directory)", Of("access", [p, 4], ENOENT, m));
        Assert.Equal("access(\"/etc/ld.so.preload\", F_OK) = 0", Of("access", [p, 0], 0, m));
        Assert.Equal("access(\"/etc/ld.so.preload\", 0xf0 /* ?_OK */) = -1 EINVAL (Invalid argument)", Of("access", [p, 0xf0], -22, m));
    }

    [Fact]
    public void Newfstatat_short_and_verbose()
    {
        var m = new FakeMemory();
        ulong empty = m.Str("");
        var st = new Syscope.Kernel.Abi.Stat
        {
            Dev = 0xfe00,
            Ino = 938,
            Nlink = 1,
            Mode = 0x81a4,
            Blksize = 4096,
            Blocks = 8,
            Size = 1277,
            Atime = 1795667083,
            AtimeNsec = 443620814,
            Mtime = 1777320873,
            Ctime = 1777320873,
        };
        ulong buf = m.Struct(st);
        Assert.Equal("newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=1277, ...}, AT_EMPTY_PATH) = 0",
            Of("newfstatat", [3, empty, buf, 0x1000], 0, m));
        Assert.Equal("newfstatat(3, \"\", {st_dev=makedev(0xfe, 0), st_ino=938, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=1277, st_atime=1795667083 /* 2026-11-26T04:24:43.443620814+0000 */, st_atime_nsec=443620814, st_mtime=1777320873 /* 2026-04-27T20:14:33+0000 */, st_mtime_nsec=0, st_ctime=1777320873 /* 2026-04-27T20:14:33+0000 */, st_ctime_nsec=0}, AT_EMPTY_PATH) = 0",
            Of("newfstatat", [3, empty, buf, 0x1000], 0, m, new DecodeOptions { Verbose = true }));
    }

    [Fact]
    public void Stat_of_a_device_shows_rdev_and_failed_stat_the_address()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/dev/null");
        ulong buf = m.Struct(new Syscope.Kernel.Abi.Stat { Mode = 0x21b6, Rdev = 0x103 });
        Assert.Equal("newfstatat(AT_FDCWD, \"/dev/null\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, 0) = 0",
            Of("newfstatat", [U(-100), p, buf, 0], 0, m));
        Assert.Equal($"newfstatat(AT_FDCWD, \"/dev/null\", 0x{buf:x}, 0) = -1 ENOENT (No such file or directory)",
            Of("newfstatat", [U(-100), p, buf, 0], ENOENT, m));
    }

    [Fact]
    public void Statx_flags_mask_and_result()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/etc");
        ulong buf = m.Struct(new Syscope.Kernel.Abi.Statx { Mask = 0x17ff, Mode = 0x41ed, Size = 4096 });
        Assert.Equal("statx(AT_FDCWD, \"/etc\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|STATX_MTIME|STATX_SIZE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0",
            Of("statx", [U(-100), p, 0x900, 0x25e, buf], 0, m));
    }

    [Fact]
    public void Readlink_shows_exactly_the_returned_bytes()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/etc/mtab");
        ulong buf = m.Str("/proc/mountsXXXX");
        Assert.Equal("readlink(\"/etc/mtab\", \"/proc/mounts\", 13) = 12", Of("readlink", [p, buf, 13], 12, m));
    }

    [Fact]
    public void Umask_and_modes_print_as_percent_hash_03o()
    {
        Assert.Equal("umask(022) = 022", Of("umask", [0x12], 0x12));
        var m = new FakeMemory();
        ulong p = m.Str("a");
        Assert.Equal("chmod(\"a\", 04755) = 0", Of("chmod", [p, 0x9ed], 0, m));
        Assert.Equal("mkdirat(AT_FDCWD, \"a\", 0177777) = 0", Of("mkdirat", [U(-100), p, 0xffffffff], 0, m));
    }

    [Fact]
    public void At_flags_with_leftover()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/nonexist");
        Assert.Equal("unlinkat(AT_FDCWD, \"/nonexist\", AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xffff60ff) = -1 EINVAL (Invalid argument)",
            Of("unlinkat", [U(-100), p, 0xffffffff], -22, m));
    }

    [Fact]
    public void Unreadable_path_prints_its_address()
    {
        Assert.Equal("unlink(0x1234) = -1 EFAULT (Bad address)", Of("unlink", [0x1234], -14));
    }

    [Fact]
    public void Xattr_names_cut_at_s_values_drop_their_final_nul_and_oversized_ones_are_not_read()
    {
        var m = new FakeMemory();
        ulong dot = m.Str("."), name = m.Str("strace.test"), value = m.Put("foo\0bar\0"u8.ToArray());
        Assert.Equal("setxattr(\".\", \"strace.test\", \"foo\\0bar\", 8, XATTR_CREATE) = -1 EOPNOTSUPP (Operation not supported)",
            Of("setxattr", [dot, name, value, 8, 1], -95, m));
        Assert.Equal("fsetxattr(-1, \"stra\"..., \"foo\\0\"..., 7, XATTR_REPLACE) = -1 EBADF (Bad file descriptor)",
            Of("fsetxattr", [U(-1), name, value, 7, 2], -9, m, new DecodeOptions { StringLimit = 4 }));
        ulong big = m.Put(new byte[65537]);
        Assert.Equal($"fsetxattr(-1, \"strace.test\", 0x{big:x}, 65537, XATTR_CREATE) = -1 E2BIG (Argument list too long)",
            Of("fsetxattr", [U(-1), name, big, 65537, 1], -7, m));
        // A size of 0 only asks how long the list is: the buffer is not read.
        Assert.Equal($"listxattr(\".\", 0x{big:x}, 0) = 0", Of("listxattr", [dot, big, 0], 0, m));
        ulong list = m.Put("user.a\0"u8.ToArray());
        Assert.Equal("flistxattr(3, \"user.a\\0\", 64) = 7", Of("flistxattr", [3, list, 64], 7, m));
    }

    [Fact]
    public void Counted_buffers_longer_than_s_need_one_byte_more_readable_and_memfd_names_stop_at_the_kernels_limit()
    {
        var m = new FakeMemory();
        // 32 readable bytes, then an unmapped page: a 33-byte buffer prints as its address, as strace's does.
        ulong slashes = m.Put(Enumerable.Repeat((byte)'/', 32).ToArray());
        Assert.Equal($"add_key(NULL, NULL, 0x{slashes:x}, 33, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)",
            Of("add_key", [0, 0, slashes, 33, U(-1)], -14, m));
        Assert.Equal("add_key(NULL, NULL, \"////////////////////////////////\", 32, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)",
            Of("add_key", [0, 0, slashes, 32, U(-1)], -14, m));
        // 250 bytes without a NUL end the name memfd_create reads.
        var digits = new byte[250];
        for (int i = 0; i < digits.Length; i++) digits[i] = (byte)('0' + i % 10);
        ulong name = m.Put(digits);
        Assert.Equal($"memfd_create(\"{System.Text.Encoding.ASCII.GetString(digits)}\"..., 0) = -1 EINVAL (Invalid argument)",
            Of("memfd_create", [name, 0], -22, m, new DecodeOptions { StringLimit = 256 }));
    }
}
