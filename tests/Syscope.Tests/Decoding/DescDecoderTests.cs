using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

public class DescDecoderTests
{
    [Fact]
    public void Read_shows_returned_bytes_cut_at_s()
    {
        var m = new FakeMemory();
        ulong buf = m.Put("Debian GNU/Linux 12 \\n \\l\n\n"u8.ToArray());
        Assert.Equal("read(3, \"Debian GNU/Linux 12 \\\\n \\\\l\\n\\n\", 131072) = 27", Of("read", [3, buf, 131072], 27, m));
        Assert.Equal("read(3, \"Debian\"..., 131072) = 27", Of("read", [3, buf, 131072], 27, m, new DecodeOptions { StringLimit = 6 }));
        Assert.Equal($"read(3, 0x{buf:x}, 10) = -1 EBADF (Bad file descriptor)", Of("read", [3, buf, 10], -9, m));
    }

    [Fact]
    public void Hex_modes()
    {
        var m = new FakeMemory();
        ulong buf = m.Put("hi\n"u8.ToArray());
        ulong bin = m.Put([0x7f, (byte)'E', 0xff]);
        Assert.Equal("write(1, \"hi\\n\", 3) = 3", Of("write", [1, buf, 3], 3, m, new DecodeOptions { HexStrings = 1 }));
        Assert.Equal("write(1, \"\\x7f\\x45\\xff\", 3) = 3", Of("write", [1, bin, 3], 3, m, new DecodeOptions { HexStrings = 1 }));
        Assert.Equal("write(1, \"\\x68\\x69\\x0a\", 3) = 3", Of("write", [1, buf, 3], 3, m, new DecodeOptions { HexStrings = 2 }));
    }

    [Fact]
    public void Writev_and_readv_iovecs()
    {
        var m = new FakeMemory();
        ulong a = m.Put("ab"u8.ToArray()), b = m.Put("cde\n"u8.ToArray());
        ulong iov = m.Longs((long)a, 2, (long)b, 4);
        Assert.Equal("writev(1, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cde\\n\", iov_len=4}], 2) = 6", Of("writev", [1, iov, 2], 6, m));
        ulong r1 = m.Put("Deb"u8.ToArray()), r2 = m.Put("ian GNU/Li"u8.ToArray());
        ulong riov = m.Longs((long)r1, 3, (long)r2, 10);
        Assert.Equal("readv(4, [{iov_base=\"Deb\", iov_len=3}, {iov_base=\"ian GNU/Li\", iov_len=10}], 2) = 13", Of("readv", [4, riov, 2], 13, m));
    }

    [Fact]
    public void Pipe2_result_and_dup3_flags()
    {
        var m = new FakeMemory();
        ulong fds = m.Ints(3, 4);
        Assert.Equal("pipe2([3, 4], 0) = 0", Of("pipe2", [fds, 0], 0, m));
        Assert.Equal("pipe2(NULL, O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_SYNC|O_DIRECT|O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0xff80003f) = -1 EINVAL (Invalid argument)",
            Of("pipe2", [0, 0xffffffff], -22));
    }

    [Fact]
    public void Fcntl_commands_and_return_aux()
    {
        Assert.Equal("fcntl(0, F_GETFD) = 0", Of("fcntl", [0, 1, 0], 0));
        Assert.Equal("fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)", Of("fcntl", [3, 1, 0], 1));
        Assert.Equal("fcntl(4, F_GETFL) = 0x28800 (flags O_RDONLY|O_NONBLOCK|O_LARGEFILE|O_NOFOLLOW)", Of("fcntl", [4, 3, 0], 0x28800));
        Assert.Equal("fcntl(4, F_DUPFD_CLOEXEC, 3) = 5", Of("fcntl", [4, 1030, 3], 5));
        Assert.Equal("fcntl(99, F_SETFD, FD_CLOEXEC) = -1 EBADF (Bad file descriptor)", Of("fcntl", [99, 2, 1], -9));
        Assert.Equal("fcntl(99, 0x7fff /* F_??? */, 0) = -1 EBADF (Bad file descriptor)", Of("fcntl", [99, 0x7fff, 0], -9));
    }

    [Fact]
    public void Fadvise_copy_file_range_getcpu_and_descriptors_of_calls_without_a_decoder()
    {
        var m = new FakeMemory();
        Assert.Equal("fadvise64(-1, 0, 13465671543286714853, 0xdeadca75 /* POSIX_FADV_??? */) = -1 EBADF (Bad file descriptor)",
            Of("fadvise64", [U(-1), 0, 13465671543286714853, 0xdeadca75], -9));
        ulong offIn = m.Longs(-7), offOut = m.Longs(9);
        Assert.Equal("copy_file_range(-1, [-7], -2, [9], 4096, 0) = -1 EBADF (Bad file descriptor)",
            Of("copy_file_range", [U(-1), offIn, U(-2), offOut, 4096, 0], -9, m));
        ulong cpu = m.Ints(1), node = m.Ints(0);
        Assert.Equal("getcpu([1], [0], NULL) = 0", Of("getcpu", [cpu, node, 0], 0, m));
        Assert.Equal($"getcpu(0x{cpu:x}, 0x{node:x}, NULL) = -1 EFAULT (Bad address)", Of("getcpu", [cpu, node, 0], -14, m));
        // epoll_pwait2 has no decoder of its own: its descriptor still follows -y.
        var y = new DecodeOptions { FdPaths = FdDecoding.Path };
        Assert.Equal("epoll_pwait2(3</dev/full>, NULL, -1, NULL, NULL, 8) = -1 EINVAL (Invalid argument)",
            Of("epoll_pwait2", [3, 0, U(-1), 0, 0, 8], -22, options: y, fds: new FakeFds(new() { [3] = "/dev/full" })));
    }

    [Fact]
    public void Fcntl_owners_signals_leases_and_directory_notifications()
    {
        var m = new FakeMemory();
        ulong owner = m.Ints(0, 1234567890);
        Assert.Equal("fcntl(0, F_SETOWN_EX, {type=F_OWNER_TID, pid=1234567890}) = -1 ESRCH (No such process)",
            Of("fcntl", [0, 15, owner], -3, m));
        ulong group = m.Ints(2, 4321);
        Assert.Equal("fcntl(0, F_GETOWN_EX, {type=F_OWNER_PGRP, pid=4321}) = 0", Of("fcntl", [0, 16, group], 0, m));
        Assert.Equal("fcntl(0, F_GETOWN_EX, 0x7f0de2a70ff9) = -1 EFAULT (Bad address)", Of("fcntl", [0, 16, 0x7f0de2a70ff9], -14, m));
        Assert.Equal("fcntl(1, F_SETSIG, SIGHUP) = 0", Of("fcntl", [1, 10, 1], 0));
        Assert.Equal("fcntl(1, F_GETSIG) = 1 (SIGHUP)", Of("fcntl", [1, 11], 1));
        Assert.Equal("fcntl(1, F_GETSIG) = 0", Of("fcntl", [1, 11], 0));
        Assert.Equal("fcntl(1, F_GETLEASE) = 0x2 (F_UNLCK)", Of("fcntl", [1, 1025], 2));
        Assert.Equal("fcntl(-1, F_NOTIFY, DN_ACCESS|DN_MULTISHOT) = -1 EBADF (Bad file descriptor)", Of("fcntl", [U(-1), 1026, 0x80000001], -9));
    }

    [Fact]
    public void Ioctl_known_and_unknown_requests()
    {
        var m = new FakeMemory();
        ulong ws = m.Put(new byte[] { 24, 0, 80, 0, 0, 0, 0, 0 });
        Assert.Equal("ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0", Of("ioctl", [1, 0x5413, ws], 0, m));
        Assert.Equal($"ioctl(0, TCGETS, 0x{ws:x}) = -1 ENOTTY (Inappropriate ioctl for device)", Of("ioctl", [0, 0x5401, ws], -25, m));
        Assert.Equal("ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not supported)", Of("ioctl", [4, 0x40049409, 3], -95));
    }

    [Fact]
    public void Fd_paths_with_y()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/etc/passwd");
        ulong fds = m.Ints(3, 4);
        var y = new DecodeOptions { FdPaths = FdDecoding.Path };
        var files = new FakeFds(new() { [-100] = "/home/u", [3] = "/etc/passwd", [4] = "pipe:[99]", [7] = "/tmp/a\nb" });
        Assert.Equal("openat(AT_FDCWD</home/u>, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>", Of("openat", [U(-100), p, 0, 0], 3, m, y, fds: files));
        Assert.Equal("pipe2([3</etc/passwd>, 4<pipe:[99]>], 0) = 0", Of("pipe2", [fds, 0], 0, m, y, fds: files));
        Assert.Equal("close(7</tmp/a\\nb>) = 0", Of("close", [7], 0, m, y, fds: files));
        Assert.Equal("close(9) = 0", Of("close", [9], 0, m, y, fds: files));
    }

    [Fact]
    public void Lseek_whence()
    {
        Assert.Equal("lseek(3, -60, SEEK_CUR) = 54", Of("lseek", [3, U(-60), 1], 54));
        Assert.Equal("lseek(99, 0, 0x10 /* SEEK_??? */) = -1 EBADF (Bad file descriptor)", Of("lseek", [99, 0, 0x10], -9));
    }

    [Fact]
    public void Getdents64_counts_entries_unless_verbose()
    {
        var m = new FakeMemory();
        var d = new byte[48];
        // two linux_dirent64 records of 24 bytes: ino, off, reclen, type, name.
        d[0] = 2; d[8] = 1; d[16] = 24; d[18] = 4; d[19] = (byte)'.';
        d[24] = 3; d[32] = 2; d[40] = 24; d[42] = 8; d[43] = (byte)'a'; d[44] = (byte)'b';
        ulong buf = m.Put(d);
        Assert.Equal($"getdents64(3, 0x{buf:x} /* 2 entries */, 32768) = 48", Of("getdents64", [3, buf, 32768], 48, m));
        Assert.Equal("getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, {d_ino=3, d_off=2, d_reclen=24, d_type=DT_REG, d_name=\"ab\"}], 32768) = 48",
            Of("getdents64", [3, buf, 32768], 48, m, new DecodeOptions { Verbose = true }));
    }

    [Fact]
    public void Poll_events_and_revents()
    {
        var m = new FakeMemory();
        // pollfd {fd, events, revents}: the kernel filled revents before exit.
        ulong fds = m.Put([0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 5, 0, 5, 0]);
        Assert.Equal("poll([{fd=0, events=POLLIN}, {fd=1, events=POLLIN|POLLOUT}], 2, 0) = 2 ([{fd=0, revents=POLLIN}, {fd=1, revents=POLLIN|POLLOUT}])",
            Of("poll", [fds, 2, 0], 2, m));
        Assert.Equal("poll([{fd=0, events=POLLIN}, {fd=1, events=POLLIN|POLLOUT}], 2, 0) = 0 (Timeout)", Of("poll", [fds, 2, 0], 0, m));
    }
}
