using System.Text;
using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Structures read from tracee memory, checked against strace 6.1's lines for misc.c.</summary>
public class StructDecoderTests
{
    [Fact]
    public void Netlink_address()
    {
        var m = new FakeMemory();
        ulong sa = m.Put([16, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0]);
        Assert.Equal("bind(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=0x000005}, 12) = 0", Of("bind", [3, sa, 12], 0, m));
        ulong zero = m.Put([16, 0, 0, 0, 0x10, 0x27, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("bind(3, {sa_family=AF_NETLINK, nl_pid=10000, nl_groups=00000000}, 12) = 0", Of("bind", [3, zero, 12], 0, m));
    }

    [Fact]
    public void Sigaltstack_both_ways()
    {
        var m = new FakeMemory();
        ulong ss = m.Longs(0x55df389882a0, 0, 65536);
        Assert.Equal("sigaltstack({ss_sp=0x55df389882a0, ss_flags=0, ss_size=65536}, NULL) = 0", Of("sigaltstack", [ss, 0], 0, m));
        Assert.Equal("sigaltstack(NULL, {ss_sp=0x55df389882a0, ss_flags=0, ss_size=65536}) = 0", Of("sigaltstack", [0, ss], 0, m));
    }

    [Fact]
    public void Ioctl_fionread_and_unnamed_requests()
    {
        var m = new FakeMemory();
        ulong n = m.Ints(3);
        Assert.Equal("ioctl(4, FIONREAD, [3]) = 0", Of("ioctl", [4, 0x541b, n], 0, m));
        Assert.Equal($"ioctl(4, _IOC(_IOC_READ, 0x78, 0x12, 0x4), 0x{n:x}) = -1 ENOTTY (Inappropriate ioctl for device)",
            Of("ioctl", [4, 0x80047812, n], -25, m));
        Assert.Equal("ioctl(4, _IOC(_IOC_NONE, 0x78, 0x13, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)", Of("ioctl", [4, 0x7813, 0], -25, m));
    }

    [Fact]
    public void Termios_short_and_verbose()
    {
        var m = new FakeMemory();
        var t = new byte[36];
        BitConverter.TryWriteBytes(t.AsSpan(0), 0x500u);
        BitConverter.TryWriteBytes(t.AsSpan(4), 0x5u);
        BitConverter.TryWriteBytes(t.AsSpan(8), 0xbfu);
        BitConverter.TryWriteBytes(t.AsSpan(12), 0x8a3bu);
        t[17] = 3;
        ulong addr = m.Put(t);
        Assert.Equal("ioctl(1, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0",
            Of("ioctl", [1, 0x5401, addr], 0, m));
        ulong zero = m.Put(new byte[36]);
        Assert.Equal("ioctl(1, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, c_line=N_TTY, c_cc=[[VINTR]=0, [VQUIT]=0, [VERASE]=0, [VKILL]=0, [VEOF]=0, [VTIME]=0, [VMIN]=0, [VSWTC]=0, [VSTART]=0, [VSTOP]=0, [VSUSP]=0, [VEOL]=0, [VREPRINT]=0, [VDISCARD]=0, [VWERASE]=0, [VLNEXT]=0, [VEOL2]=0, [17]=0, [18]=0]}) = -1 ENOTTY (Inappropriate ioctl for device)",
            Of("ioctl", [1, 0x5402, zero], -25, m, new DecodeOptions { Verbose = true }));
    }

    [Fact]
    public void Epoll_ctl_and_wait()
    {
        var m = new FakeMemory();
        ulong ev = m.Put([0x01, 0, 0, 0x80, 42, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("epoll_ctl(6, EPOLL_CTL_ADD, 4, {events=EPOLLIN|EPOLLET, data={u32=42, u64=42}}) = 0", Of("epoll_ctl", [6, 1, 4, ev], 0, m));
        Assert.Equal($"epoll_ctl(6, EPOLL_CTL_DEL, 4, 0x{ev:x}) = 0", Of("epoll_ctl", [6, 2, 4, ev], 0, m));
        ulong ready = m.Put([0x01, 0, 0, 0, 42, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("epoll_wait(6, [{events=EPOLLIN, data={u32=42, u64=42}}], 4, 0) = 1", Of("epoll_wait", [6, ready, 4, 0], 1, m));
        Assert.Equal("epoll_create1(EPOLL_CLOEXEC) = 6", Of("epoll_create1", [0x80000], 6, m));
    }

    [Fact]
    public void Descriptor_creating_calls()
    {
        var m = new FakeMemory();
        ulong its = m.Longs(0, 0, 5, 0);
        Assert.Equal("timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 7", Of("timerfd_create", [1, 0x80800], 7));
        Assert.Equal("timerfd_settime(7, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=5, tv_nsec=0}}, NULL) = 0",
            Of("timerfd_settime", [7, 0, its, 0], 0, m));
        ulong tmp = m.Str("/tmp");
        Assert.Equal("inotify_add_watch(8, \"/tmp\", IN_CREATE|IN_DELETE|IN_ONLYDIR) = 1", Of("inotify_add_watch", [8, tmp, 0x1000300], 1, m));
        ulong set = m.Longs(1 << 11);
        Assert.Equal("signalfd4(-1, [USR2], 8, SFD_CLOEXEC) = 9", Of("signalfd4", [0xffffffff, set, 8, 0x80000], 9, m));
        ulong name = m.Str("buf");
        Assert.Equal("memfd_create(\"buf\", MFD_CLOEXEC|MFD_ALLOW_SEALING|MFD_HUGETLB|0x3fffff8|63<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)",
            Of("memfd_create", [name, 0xffffffff], -22, m));
    }

    [Fact]
    public void Record_locks_and_utimensat_specials()
    {
        var m = new FakeMemory();
        ulong fl = m.Put([1, 0, 0, 0, 0, 0, 0, 0, .. new byte[8], 100, 0, 0, 0, 0, 0, 0, 0, .. new byte[8]]);
        Assert.Equal("fcntl(11, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}) = 0", Of("fcntl", [11, 6, fl], 0, m));
        ulong got = m.Put([2, 0, 0, 0, 0, 0, 0, 0, .. new byte[8], 100, 0, 0, 0, 0, 0, 0, 0, .. new byte[8]]);
        Assert.Equal("fcntl(11, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=0}) = 0", Of("fcntl", [11, 5, got], 0, m));
        Assert.Equal("fcntl(11, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0", Of("fcntl", [11, 4, 0xc00], 0, m));
        ulong p = m.Str("/tmp/lockfile");
        ulong ts = m.Longs(0, (1 << 30) - 1, 0, (1 << 30) - 2);
        Assert.Equal("utimensat(AT_FDCWD, \"/tmp/lockfile\", [UTIME_NOW, UTIME_OMIT], 0) = 0", Of("utimensat", [Line.U(-100), p, ts, 0], 0, m));
    }

    [Fact]
    public void Select_sets_and_results()
    {
        var m = new FakeMemory();
        ulong rd = m.Longs(1 << 4), wr = m.Longs(1 << 3), ts = m.Longs(0, 0);
        // The kernel cleared fd 4 from the read set before exit, so only "out" remains.
        Assert.Equal("pselect6(5, [4], [3], NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 (out [3], left {tv_sec=0, tv_nsec=0})",
            SelectWithReadyWrite(m, rd, wr, ts));
        Assert.Equal("select(5, [4], [3], NULL, NULL) = 0 (Timeout)", Of("select", [5, rd, wr, 0, 0], 0, m));
    }

    private static string SelectWithReadyWrite(FakeMemory m, ulong rd, ulong wr, ulong ts)
    {
        var line = Of("pselect6", [5, rd, wr, 0, ts, 0], 1, new ClearAfterEntry(m, rd));
        return line;
    }

    /// <summary>Memory in which one word reads as zero once the entry half has been decoded, as
    /// the kernel rewrites select's sets in place.</summary>
    private sealed class ClearAfterEntry(FakeMemory inner, ulong cleared) : Syscope.Events.ITraceeMemory
    {
        private int _reads;

        public int Read(ulong address, Span<byte> destination)
        {
            int n = inner.Read(address, destination);
            if (address == cleared && _reads++ > 0) destination[..n].Clear();
            return n;
        }
    }

    [Fact]
    public void Recvmsg_namelen_in_and_out_with_passed_descriptor()
    {
        var m = new FakeMemory();
        ulong name = m.Put(new byte[110]);
        ulong data = m.Put("x"u8.ToArray());
        ulong iov = m.Longs((long)data, 10);
        ulong cmsg = m.Put([20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0]);
        var hdr = new long[7] { (long)name, 0, (long)iov, 1, (long)cmsg, 20, 0 };
        var inHdr = (long[])hdr.Clone();
        inHdr[1] = 110;
        ulong msg = m.Longs(hdr);
        var line = Of("recvmsg", [4, msg, 0], 1, new NameLenAtEntry(m, msg));
        Assert.Equal($"recvmsg(4, {{msg_name=0x{name:x}, msg_namelen=110 => 0, msg_iov=[{{iov_base=\"x\", iov_len=10}}], msg_iovlen=1, msg_control=[{{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7]}}], msg_controllen=20, msg_flags=0}}, 0) = 1", line);
    }

    /// <summary>msg_namelen reads 110 until the exit half, when the kernel has set it to 0.</summary>
    private sealed class NameLenAtEntry(FakeMemory inner, ulong msg) : Syscope.Events.ITraceeMemory
    {
        private bool _entered;

        public int Read(ulong address, Span<byte> destination)
        {
            int n = inner.Read(address, destination);
            if (address == msg && !_entered && n >= 12) { destination[8] = 110; _entered = true; }
            return n;
        }
    }

    [Fact]
    public void Uname_sysinfo_rusage()
    {
        var m = new FakeMemory();
        var uts = new byte[65 * 6];
        string[] f = ["Linux", "vm", "6.1.0", "#1 SMP", "x86_64", "(none)"];
        for (int i = 0; i < 6; i++) Encoding.ASCII.GetBytes(f[i]).CopyTo(uts, i * 65);
        ulong u = m.Put(uts);
        Assert.Equal("uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0", Of("uname", [u], 0, m));
        Assert.Equal("uname({sysname=\"Linux\", nodename=\"vm\", release=\"6.1.0\", version=\"#1 SMP\", machine=\"x86_64\", domainname=\"(none)\"}) = 0",
            Of("uname", [u], 0, m, new DecodeOptions { Verbose = true }));
        ulong si = m.Longs(1452, 71328, 67008, 39520, 25276026880, 24528879616, 39587840, 2396160, 0, 0, 152, 0, 0, 1);
        Assert.Equal("sysinfo({uptime=1452, loads=[71328, 67008, 39520], totalram=25276026880, freeram=24528879616, sharedram=39587840, bufferram=2396160, totalswap=0, freeswap=0, procs=152, totalhigh=0, freehigh=0, mem_unit=1}) = 0",
            Of("sysinfo", [si], 0, m));
        ulong ru = m.Longs([0, 28749, 0, 17249, .. new long[14]]);
        Assert.Equal("getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=28749}, ru_stime={tv_sec=0, tv_usec=17249}, ...}) = 0", Of("getrusage", [0, ru], 0, m));
        ulong aff = m.Longs(3);
        Assert.Equal("sched_getaffinity(0, 128, [0 1]) = 8", Of("sched_getaffinity", [0, 128, aff], 8, m));
    }

    [Fact]
    public void Clone3_struct_and_written_back_tid()
    {
        var m = new FakeMemory();
        ulong tid = m.Ints(4321);
        ulong args = m.Longs(0x3d0f00, 0, 0x7f0000000910, (long)tid, 0, 0x7f0000000000, 0x7fff00, 0x7f0000000640, 0, 0, 0);
        Assert.Equal($"clone3({{flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f0000000910, parent_tid=0x{tid:x}, exit_signal=0, stack=0x7f0000000000, stack_size=0x7fff00, tls=0x7f0000000640}} => {{parent_tid=[4321]}}, 88) = 4321",
            Of("clone3", [args, 88], 4321, m));
    }

    /// <summary>strace 6.1's clone3 lines for a structure cut at the kernel's minimum, set_tid,
    /// cgroup, bytes past the known part (again after " => " at exit, ??? where they cannot be
    /// read), an exit signal out of int's range and a pidfd written back.</summary>
    [Fact]
    public void Clone3_sizes_set_tid_cgroup_tail_and_pidfd()
    {
        var m = new FakeMemory();
        ulong min = m.Longs(0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal("clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0}, 64) = 42", Of("clone3", [min, 64], 42, m));
        Assert.Equal($"clone3(0x{min:x}, 63) = -1 EINVAL (Invalid argument)", Of("clone3", [min, 63], -22, m));
        ulong tids = m.Ints(7, -2, 9);
        ulong set = m.Longs(0, 0, 0, 0, 0, 0, 0, 0, (long)tids, 3, 0);
        Assert.Equal("clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, set_tid=[7, -2, 9], set_tid_size=3}, 88) = -1 EINVAL (Invalid argument)",
            Of("clone3", [set, 88], -22, m));
        ulong tooMany = m.Longs(0, 0, 0, 0, 0, 0, 0, 0, (long)tids, 33, 0);
        Assert.Equal($"clone3({{flags=0, exit_signal=0, stack=NULL, stack_size=0, set_tid=0x{tids:x}, set_tid_size=33}}, 88) = -1 EINVAL (Invalid argument)",
            Of("clone3", [tooMany, 88], -22, m));
        ulong cgroup = m.Longs(0x200000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal("clone3({flags=CLONE_INTO_CGROUP, exit_signal=0, stack=NULL, stack_size=0, cgroup=0}, 88) = -1 EBADF (Bad file descriptor)",
            Of("clone3", [cgroup, 88], -9, m));
        ulong tail = m.Longs(0, 0, 0, 0, unchecked((long)0xdeadbeeffacefeed), 0, 0, 0, 0, 0, 0, unchecked((long)0xfacefeeddeadc0de));
        Assert.Equal("clone3({flags=0, exit_signal=16045690985305276141, stack=NULL, stack_size=0, /* bytes 88..95 */ \"\\xde\\xc0\\xad\\xde\\xed\\xfe\\xce\\xfa\"} " +
            "=> {/* bytes 88..95 */ \"\\xde\\xc0\\xad\\xde\\xed\\xfe\\xce\\xfa\"}, 96) = 42", Of("clone3", [tail, 96], 42, m));
        Assert.Equal("clone3({flags=0, exit_signal=16045690985305276141, stack=NULL, stack_size=0, /* bytes 88..95 */ \"\\xde\\xc0\\xad\\xde\\xed\\xfe\\xce\\xfa\"}, 96) = -1 E2BIG (Argument list too long)",
            Of("clone3", [tail, 96], -7, m));
        ulong plain = m.Longs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal("clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, ???} => {???}, 104) = 42", Of("clone3", [plain, 104], 42, m));
        ulong pidfd = m.Ints(5);
        ulong withPidfd = m.Longs(0x1000, (long)pidfd, 0, 0, 17, 0, 0, 0, 0, 0, 0);
        Assert.Equal($"clone3({{flags=CLONE_PIDFD, pidfd=0x{pidfd:x}, exit_signal=SIGCHLD, stack=NULL, stack_size=0}} => {{pidfd=[5]}}, 88) = 42",
            Of("clone3", [withPidfd, 88], 42, m));
        // --json: what the kernel wrote back is text after the structure passed, which is the value.
        var json = Line.Json("clone3", [withPidfd, 88], 42, m).GetProperty("args")[0];
        Assert.Equal("struct", json.GetProperty("type").GetString());
        Assert.Equal($"{{flags=CLONE_PIDFD, pidfd=0x{pidfd:x}, exit_signal=SIGCHLD, stack=NULL, stack_size=0}} => {{pidfd=[5]}}", json.GetProperty("text").GetString());
        Assert.Equal((long)pidfd, json.GetProperty("value").GetProperty("pidfd").GetProperty("value").GetInt64());
        ulong nullPidfd = m.Longs(0x1000, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0);
        Assert.Equal("clone3({flags=CLONE_PIDFD, pidfd=NULL, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {pidfd=NULL}, 88) = 42",
            Of("clone3", [nullPidfd, 88], 42, m));
    }
}
