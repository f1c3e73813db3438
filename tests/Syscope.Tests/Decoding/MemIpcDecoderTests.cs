using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Memory, System V IPC, POSIX queue, AIO, keyctl and sandbox calls (branch zeroA): the
/// all-zero lines strace 6.1 prints under -e inject=all:error=ENOSYS, and lines of memipc.c.</summary>
public class MemIpcDecoderTests
{
    private const long Enosys = -38;
    private const string Inj = " = -1 ENOSYS (Function not implemented)";

    [Theory]
    [InlineData("mmap", 6, "mmap(NULL, 0, PROT_NONE, MAP_FILE, 0, 0)")]
    [InlineData("mremap", 5, "mremap(NULL, 0, 0, 0)")]
    [InlineData("mincore", 3, "mincore(NULL, 0, NULL)")]
    [InlineData("shmget", 3, "shmget(IPC_PRIVATE, 0, 000)")]
    [InlineData("semget", 3, "semget(IPC_PRIVATE, 0, 000)")]
    [InlineData("msgget", 2, "msgget(IPC_PRIVATE, 000)")]
    [InlineData("io_destroy", 1, "io_destroy(NULL)")]
    [InlineData("io_getevents", 5, "io_getevents(NULL, 0, 0, NULL, NULL)")]
    [InlineData("io_submit", 3, "io_submit(NULL, 0, NULL)")]
    [InlineData("io_cancel", 3, "io_cancel(NULL, NULL, NULL)")]
    [InlineData("io_pgetevents", 6, "io_pgetevents(NULL, 0, 0, NULL, NULL, NULL)")]
    [InlineData("remap_file_pages", 5, "remap_file_pages(NULL, 0, PROT_NONE, 0, MAP_FILE)")]
    [InlineData("set_tid_address", 1, "set_tid_address(0)")]
    [InlineData("rseq", 4, "rseq(0, 0, 0, 0)")]
    [InlineData("mq_open", 4, "mq_open(NULL, O_RDONLY)")]
    [InlineData("keyctl", 5, "keyctl(KEYCTL_GET_KEYRING_ID, 0, 0)")]
    [InlineData("recvmmsg", 5, "recvmmsg(0, NULL, 0, 0, NULL)")]
    [InlineData("fanotify_init", 2, "fanotify_init(FAN_CLASS_NOTIF, O_RDONLY)")]
    [InlineData("open_by_handle_at", 3, "open_by_handle_at(0, NULL, O_RDONLY)")]
    [InlineData("clock_adjtime", 2, "clock_adjtime(CLOCK_REALTIME, NULL)")]
    [InlineData("kcmp", 5, "kcmp(0, 0, KCMP_FILE, 0, 0)")]
    [InlineData("membarrier", 3, "membarrier(MEMBARRIER_CMD_QUERY, 0)")]
    [InlineData("mlock2", 3, "mlock2(NULL, 0, 0)")]
    [InlineData("process_madvise", 5, "process_madvise(0, NULL, 0, MADV_NORMAL, 0)")]
    [InlineData("landlock_create_ruleset", 3, "landlock_create_ruleset(NULL, 0, 0)")]
    [InlineData("landlock_add_rule", 4, "landlock_add_rule(0, 0 /* LANDLOCK_RULE_??? */, NULL, 0)")]
    [InlineData("futex_waitv", 5, "futex_waitv(NULL, 0, 0, NULL, CLOCK_REALTIME)")]
    [InlineData("set_mempolicy_home_node", 4, "set_mempolicy_home_node(NULL, 0, 0, 0)")]
    public void All_zero_arguments_print_as_strace_prints_them(string name, int argc, string expected) =>
        Assert.Equal(expected + Inj, Of(name, new ulong[argc], Enosys));

    [Fact]
    public void Memory_calls_with_real_arguments()
    {
        var mem = new FakeMemory();
        ulong vec = mem.Put([1, 0]);
        Assert.Equal("mmap(NULL, 4096, PROT_READ, MAP_FILE|MAP_POPULATE|MAP_FIXED_NOREPLACE, 7, 0) = -1 EBADF (Bad file descriptor)",
            Of("mmap", [0, 4096, 1, 0x108000, 7, 0], -9));
        Assert.Equal("mremap(0x7f07c474b000, 4096, 8192, MREMAP_MAYMOVE) = 0x7f07c4749000",
            Of("mremap", [0x7f07c474b000, 4096, 8192, 1, 0x7f07c474b000], 0x7f07c4749000));
        Assert.Equal("mremap(0x7f07c4749000, 8192, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7f07c474d000) = 0x7f07c474d000",
            Of("mremap", [0x7f07c4749000, 8192, 8192, 3, 0x7f07c474d000], 0x7f07c474d000));
        Assert.Equal("mincore(0x7f07c474d000, 8192, [1, 0]) = 0", Of("mincore", [0x7f07c474d000, 8192, vec], 0, mem));
        Assert.Equal("mincore(0x7f07c474b001, 4096, 0x7fff007c212c) = -1 EINVAL (Invalid argument)",
            Of("mincore", [0x7f07c474b001, 4096, 0x7fff007c212c], -22));
        Assert.Equal("mlock2(0x7f07c474d000, 4096, MLOCK_ONFAULT) = 0", Of("mlock2", [0x7f07c474d000, 4096, 1], 0));
        Assert.Equal("mlock2(0x7f07c474d000, 4096, 0x6 /* MLOCK_??? */) = -1 EINVAL (Invalid argument)", Of("mlock2", [0x7f07c474d000, 4096, 6], -22));
        Assert.Equal("remap_file_pages(0x7f07c4748000, 4096, PROT_READ|PROT_WRITE, 0, MAP_FILE|MAP_POPULATE|0x200) = -1 EINVAL (Invalid argument)",
            Of("remap_file_pages", [0x7f07c4748000, 4096, 3, 0, 0x8200], -22));
        ulong iov = mem.Longs(0x7f07c474d000, 4096);
        Assert.Equal("process_madvise(-1, [{iov_base=0x7f07c474d000, iov_len=4096}], 1, 0x4d /* MADV_??? */, 0x1) = -1 EINVAL (Invalid argument)",
            Of("process_madvise", [U(-1), iov, 1, 77, 1], -22, mem));
    }

    [Fact]
    public void Membarrier_prints_cpu_only_with_its_flag_and_query_answers_with_names()
    {
        Assert.Equal("membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x3ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)",
            Of("membarrier", [0, 0, 0], 0x3ff));
        Assert.Equal("membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 0) = -1 EPERM (Operation not permitted)",
            Of("membarrier", [128, 1, 0], -1));
        Assert.Equal("membarrier(0x400 /* MEMBARRIER_CMD_??? */, MEMBARRIER_CMD_FLAG_CPU|0x2, 5) = -1 EINVAL (Invalid argument)",
            Of("membarrier", [0x400, 3, 5], -22));
    }

    [Fact]
    public void System_v_ipc_flags_commands_and_structures()
    {
        var mem = new FakeMemory();
        Assert.Equal("shmget(IPC_PRIVATE, 4096, IPC_CREAT|IPC_EXCL|0600) = 2", Of("shmget", [0, 4096, 0x780], 2));
        Assert.Equal("shmget(0x1234, 4096, SHM_HUGETLB|0644) = -1 ENOENT (No such file or directory)", Of("shmget", [0x1234, 4096, 0x9a4], -2));
        Assert.Equal("shmat(2, NULL, SHM_RDONLY) = 0x7f07c474e000", Of("shmat", [2, 0, 0x1000], 0x7f07c474e000));
        Assert.Equal("shmctl(-1, 0x4d /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)", Of("shmctl", [U(-1), 77, 0], -22));
        ulong ops = mem.Put([0, 0, 1, 0, 0, 0, 1, 0, 2, 0, 0, 0x18]);
        Assert.Equal("semop(2, [{sem_num=0, sem_op=1, sem_flg=0}, {sem_num=1, sem_op=2, sem_flg=SEM_UNDO|IPC_NOWAIT}], 2) = 0",
            Of("semop", [2, ops, 2], 0, mem));
        Assert.Equal("semctl(2, 1, SETVAL, 0x5) = 0", Of("semctl", [2, 1, 16, 5], 0));
        Assert.Equal("semctl(2, 0, GETVAL, NULL) = 1", Of("semctl", [2, 0, 12, 0], 1));
        ulong msg = mem.Put([3, 0, 0, 0, 0, 0, 0, 0, .. "hello"u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("msgsnd(41, {mtype=3, mtext=\"hello\"}, 5, IPC_NOWAIT) = 0", Of("msgsnd", [41, msg, 5, 0x800], 0, mem));
        Assert.Equal("msgrcv(41, {mtype=3, mtext=\"hello\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16, 0, MSG_NOERROR|IPC_NOWAIT) = 5",
            Of("msgrcv", [41, msg, 16, 0, 0x1800], 5, mem));
        Assert.Equal("msgctl(41, IPC_RMID, NULL) = 0", Of("msgctl", [41, 0, 0], 0));
    }

    [Fact]
    public void Message_queue_open_reads_mode_and_attributes_only_with_o_creat()
    {
        var mem = new FakeMemory();
        ulong name = mem.Str("zA-19425");
        // struct mq_attr: four values, then four reserved longs (64 bytes, all read as strace does).
        ulong attr = mem.Longs(0, 4, 16, 0, 0, 0, 0, 0);
        Assert.Equal("mq_open(\"zA-19425\", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0600, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 3",
            Of("mq_open", [name, 0x800c2, 0x180, attr], 3, mem));
        Assert.Equal("mq_open(\"zA-19425\", O_RDONLY|O_NONBLOCK) = 4", Of("mq_open", [name, 0x800, 0x180, 0], 4, mem));
        ulong buf = mem.Str("hello");
        ulong prio = mem.Ints(1);
        ulong ts = mem.Longs(0, 1000);
        Assert.Equal("mq_timedreceive(3, \"hello\", 16, [1], {tv_sec=0, tv_nsec=1000}) = 5",
            Of("mq_timedreceive", [3, buf, 16, prio, ts], 5, mem));
        ulong set = mem.Longs(0x800, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal("mq_getsetattr(3, {mq_flags=O_NONBLOCK, mq_maxmsg=0, mq_msgsize=0, mq_curmsgs=0}, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 0",
            Of("mq_getsetattr", [3, set, attr], 0, mem));
    }

    [Fact]
    public void Aio_context_control_blocks_and_events()
    {
        var mem = new FakeMemory();
        ulong ctxp = mem.Longs(0x7f07c474e000);
        Assert.Equal("io_setup(4, [0x7f07c474e000]) = 0", Of("io_setup", [4, ctxp], 0, mem));
        ulong data = mem.Str("hello");
        ulong cb = mem.Longs(7, 0, 1 | (3L << 32), (long)data, 5, 0, 0, 0);
        ulong cbs = mem.Longs((long)cb);
        Assert.Equal("io_submit(0x7f07c474e000, 1, [{aio_data=0x7, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3, aio_buf=\"hello\", aio_nbytes=5, aio_offset=0}]) = 1",
            Of("io_submit", [0x7f07c474e000, 1, cbs], 1, mem));
        Assert.Equal("io_cancel(0x7f07c474e000, {aio_data=0x7, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3}, 0x7fff007c20b0) = -1 EINVAL (Invalid argument)",
            Of("io_cancel", [0x7f07c474e000, cb, 0x7fff007c20b0], -22, mem));
        ulong ev = mem.Longs(7, 0x7fff007c2100, 5, 0);
        ulong ts = mem.Longs(1, 0);
        Assert.Equal("io_getevents(0x7f07c474e000, 1, 2, [{data=0x7, obj=0x7fff007c2100, res=5, res2=0}], {tv_sec=1, tv_nsec=0}) = 1",
            Of("io_getevents", [0x7f07c474e000, 1, 2, ev, ts], 1, mem));
        Assert.Equal("io_pgetevents(0x7f07c474e000, 0, 2, [], {tv_sec=1, tv_nsec=0}, NULL) = 0",
            Of("io_pgetevents", [0x7f07c474e000, 0, 2, ev, ts, 0], 0, mem));
    }

    [Fact]
    public void Keyctl_prints_each_commands_own_arguments()
    {
        var mem = new FakeMemory();
        Assert.Equal("keyctl(KEYCTL_DESCRIBE, -12345, NULL, 0) = -1 EINVAL (Invalid argument)", Of("keyctl", [6, U(-12345), 0, 0, 0], -22));
        Assert.Equal("keyctl(KEYCTL_SETPERM, 1, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW) = -1 ENOKEY (Required key not available)",
            Of("keyctl", [5, 1, 0x3f010000, 0, 0], -126));
        Assert.Equal("keyctl(KEYCTL_REVOKE, 1) = -1 ENOKEY (Required key not available)", Of("keyctl", [3, 1, 0xff, 0, 0], -126));
        ulong type = mem.Str("user"), desc = mem.Str("nokey-zeroA");
        Assert.Equal("keyctl(KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, \"user\", \"nokey-zeroA\", 0) = -1 ENOKEY (Required key not available)",
            Of("keyctl", [10, U(-3), type, desc, 0], -126, mem));
        Assert.Equal("keyctl(0x3e7 /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EOPNOTSUPP (Operation not supported)",
            Of("keyctl", [999, 1, 2, 3, 4], -95));
    }

    /// <summary>The commands strace 6.1's keyctl test checks beyond the key ids: uid and gid
    /// unsigned, what DESCRIBE and READ wrote (as many bytes as returned, at most the length, both
    /// unsigned), Diffie-Hellman's and the public-key commands' structures, the capability bytes.</summary>
    [Fact]
    public void Keyctl_structures_and_written_buffers()
    {
        var mem = new FakeMemory();
        Assert.Equal("keyctl(KEYCTL_CHOWN, 1, 2718281828, -1) = -1 EINVAL (Invalid argument)", Of("keyctl", [4, 1, 2718281828, U(-1), 0], -22));
        ulong desc = mem.Put([0xff, 0xff, 0xff, 0xff]);
        Assert.Equal("keyctl(KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, \"\\377\\377\", 2) = 26", Of("keyctl", [6, U(-1), desc, 2, 0], 26, mem));
        Assert.Equal("keyctl(KEYCTL_READ, KEY_SPEC_THREAD_KEYRING, \"\", 18446744073709551612) = 0", Of("keyctl", [11, U(-1), desc, U(-4), 0], 0, mem));
        ulong dh = mem.Ints(-3, 1234567890, -1153374643);
        ulong kdf = mem.Longs((long)mem.Str("hmac(aes)"), 0, 0, 0, 0, 0, 0xdeadfeed);
        Assert.Equal("keyctl(KEYCTL_DH_COMPUTE, {private=KEY_SPEC_SESSION_KEYRING, prime=1234567890, base=-1153374643}, 0x1000, 9, "
            + "{hashname=\"hmac(aes)\", otherinfo=NULL, otherinfolen=0, __spare=[0, 0, 0, 0, 0, 0, 0, 0xdeadfeed]}) = -1 EOPNOTSUPP (Operation not supported)",
            Of("keyctl", [23, dh, 0x1000, 9, kdf], -95, mem));
        ulong pkey = mem.Ints(-2, 3, 3, 0, 0x5eed, 0, 0, 0, 0, 0);
        ulong info = mem.Str(""), input = mem.Str("abc");
        Assert.Equal("keyctl(KEYCTL_PKEY_VERIFY, {key_id=KEY_SPEC_PROCESS_KEYRING, in_len=3, in2_len=3, __spare=[0, 0x5eed, 0, 0, 0, 0, 0]}, \"\", \"abc\", \"abc\") = -1 EINVAL (Invalid argument)",
            Of("keyctl", [28, pkey, info, input, input], -22, mem));
        Assert.Equal("keyctl(KEYCTL_PKEY_SIGN, NULL, NULL, NULL, NULL) = -1 EFAULT (Bad address)", Of("keyctl", [27, 0, 0, 0, 0], -14));
        ulong caps = mem.Put([0x2b, 0x03, 0, 0]);
        Assert.Equal("keyctl(KEYCTL_CAPABILITIES, [KEYCTL_CAPS0_CAPABILITIES|KEYCTL_CAPS0_PERSISTENT_KEYRINGS|KEYCTL_CAPS0_PUBLIC_KEY|KEYCTL_CAPS0_INVALIDATE, "
            + "KEYCTL_CAPS1_NS_KEYRING_NAME|KEYCTL_CAPS1_NS_KEY_TAG], 4) = 2", Of("keyctl", [31, caps, 4, 0, 0], 2, mem));
    }

    [Fact]
    public void Kcmp_landlock_fanotify_handles_and_futex_vectors()
    {
        var mem = new FakeMemory();
        Assert.Equal("kcmp(0, 0, KCMP_FILE, 0, 1) = -1 ESRCH (No such process)", Of("kcmp", [0, 0, 0, 0, 1], -3));
        Assert.Equal("kcmp(0, 0, KCMP_VM) = -1 ESRCH (No such process)", Of("kcmp", [0, 0, 1, 0, 0], -3));
        Assert.Equal("kcmp(0, 0, 0x2a /* KCMP_??? */, 0x1, 0x2) = -1 ESRCH (No such process)", Of("kcmp", [0, 0, 42, 1, 2], -3));
        ulong ra = mem.Longs(0xc);
        Assert.Equal("landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_READ_FILE|LANDLOCK_ACCESS_FS_READ_DIR}, 8, 0) = 3",
            Of("landlock_create_ruleset", [ra, 8, 0], 3, mem));
        Assert.Equal("landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7", Of("landlock_create_ruleset", [0, 0, 1], 7));
        ulong pb = mem.Longs(4, 4);
        Assert.Equal("landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_READ_FILE, parent_fd=4}, 0) = 0",
            Of("landlock_add_rule", [3, 1, pb, 0], 0, mem));
        Assert.Equal("landlock_add_rule(3, 0x9 /* LANDLOCK_RULE_??? */, 0x7fff007c212c, 0x3) = -1 EINVAL (Invalid argument)",
            Of("landlock_add_rule", [3, 9, 0x7fff007c212c, 3], -22));
        Assert.Equal("fanotify_init(FAN_CLASS_CONTENT|FAN_CLOEXEC|FAN_NONBLOCK|FAN_UNLIMITED_QUEUE, O_RDONLY) = 3", Of("fanotify_init", [0x17, 0], 3));
        Assert.Equal("fanotify_init(FAN_CLASS_NOTIF|FAN_REPORT_FID|FAN_REPORT_DIR_FID|FAN_REPORT_NAME, O_RDWR|O_CLOEXEC) = 3",
            Of("fanotify_init", [0xe00, 0x80002], 3));
        ulong fh = mem.Put([8, 0, 0, 0, 1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal("open_by_handle_at(-1, {handle_bytes=8, handle_type=1, f_handle=\"\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\"}, O_RDONLY|O_CLOEXEC|O_PATH) = -1 EBADF (Bad file descriptor)",
            Of("open_by_handle_at", [U(-1), fh, 0x280000], -9, mem));
        Assert.Equal("clock_adjtime(0x4d /* CLOCK_??? */, 0x7fff007c2040) = -1 EINVAL (Invalid argument)", Of("clock_adjtime", [77, 0x7fff007c2040], -22));
        ulong w = mem.Longs(1, 0x7fff007c2040, 2);
        ulong ts = mem.Longs(0, 0);
        Assert.Equal("futex_waitv([{val=0x1, uaddr=0x7fff007c2040, flags=FUTEX_32}], 1, 0, {tv_sec=0, tv_nsec=0}, CLOCK_MONOTONIC) = -1 EAGAIN (Resource temporarily unavailable)",
            Of("futex_waitv", [w, 1, 0, ts, 1], -11, mem));
        Assert.Equal("futex_waitv(NULL, 0, 0, NULL, CLOCK_REALTIME_COARSE) = -1 EINVAL (Invalid argument)", Of("futex_waitv", [0, 0, 0, 0, 5], -22));
    }

    [Fact]
    public void Landlock_reads_only_its_int_flags_and_known_fields()
    {
        var mem = new FakeMemory();
        const ulong Fill = 0xd1efaced00000000;
        ulong ra = mem.Longs(1);
        // A size past the known structure is marked, not read; the version query returns a number.
        Assert.Equal("landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE, ...}, 16, 0) = -1 EFAULT (Bad address)",
            Of("landlock_create_ruleset", [ra, 16, Fill], -14, mem));
        var y = new DecodeOptions { FdPaths = FdDecoding.Path };
        var devNull = new FakeFds(new() { [7] = "/dev/null" });
        Assert.Equal("landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7",
            Of("landlock_create_ruleset", [0, 0, Fill | 1], 7, options: y, fds: devNull));
        Assert.Equal("landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE}, 8, 0) = 7</dev/null>",
            Of("landlock_create_ruleset", [ra, 8, 0], 7, mem, y, fds: devNull));
        // struct landlock_path_beneath_attr is packed: 12 bytes at the end of a page are enough.
        ulong pb = mem.Put([1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
        Assert.Equal("landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=-1}, 0) = -1 EBADF (Bad file descriptor)",
            Of("landlock_add_rule", [U(-1), Fill | 1, pb, Fill], -9, mem));
        Assert.Equal("landlock_restrict_self(-1, 0xffffffff) = -1 EINVAL (Invalid argument)",
            Of("landlock_restrict_self", [U(-1), Fill | 0xffffffff], -22));
    }

    [Fact]
    public void Fanotify_marks_name_flags_events_and_no_descriptor()
    {
        var mem = new FakeMemory();
        ulong path = mem.Str("/tmp");
        Assert.Equal("fanotify_mark(3, FAN_MARK_ADD|FAN_MARK_ONLYDIR, FAN_ACCESS|FAN_DIR_MODIFY|FAN_ONDIR, AT_FDCWD, \"/tmp\") = 0",
            Of("fanotify_mark", [3, 0xdead000000000009, 0x40080001, U(-100), path], 0, mem));
        Assert.Equal("fanotify_mark(3, 0xeface800 /* FAN_MARK_??? */, 0xffffffffa7f02000 /* FAN_??? */, FAN_NOFD, NULL) = -1 EINVAL (Invalid argument)",
            Of("fanotify_mark", [3, 0xeface800, 0xffffffffa7f02000, 0xdec0ded0ffffffff, 0], -22));
        Assert.Equal("fanotify_mark(3, 0, 0, -1 /* FAN_NOFD */, NULL) = -1 EINVAL (Invalid argument)",
            Of("fanotify_mark", [3, 0, 0, U(-1), 0], -22, options: new DecodeOptions { ConstStyle = ConstStyle.Verbose }));
        Assert.Equal("fanotify_init(FAN_CLASS_CONTENT|0xeface000 /* FAN_??? */, O_RDONLY) = -1 EINVAL (Invalid argument)",
            Of("fanotify_init", [0xdec0deddeface004, 0], -22));
    }

    [Fact]
    public void Ipc_nowait_unknown_get_flags_and_ipc_64()
    {
        Assert.Equal("semget(IPC_PRIVATE, 1, IPC_NOWAIT|0600) = 40", Of("semget", [0, 1, 0x980], 40));
        Assert.Equal("shmget(IPC_PRIVATE, 4096, 0x100000|0600) = 41", Of("shmget", [0, 4096, 0x100180], 41));
        Assert.Equal("shmctl(40, IPC_64|IPC_STAT, 0x7ffff7e34810) = -1 EINVAL (Invalid argument)", Of("shmctl", [40, 0x102, 0x7ffff7e34810], -22));
    }

    [Fact]
    public void Keyctl_commands_with_errno_defaults_and_move_flags()
    {
        var mem = new FakeMemory();
        Assert.Equal("keyctl(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_PROCESS_KEYRING) = 0", Of("keyctl", [14, 2, 0, 0, 0], 0));
        Assert.Equal("keyctl(KEYCTL_GET_PERSISTENT, -1, KEY_SPEC_SESSION_KEYRING) = 151589180", Of("keyctl", [22, U(-1), U(-3), 0, 0], 151589180));
        ulong ab = mem.Str("ab");
        Assert.Equal("keyctl(KEYCTL_INSTANTIATE, 1, \"ab\", 2, KEY_SPEC_SESSION_KEYRING) = -1 EPERM (Operation not permitted)",
            Of("keyctl", [12, 1, ab, 2, U(-3)], -1, mem));
        Assert.Equal("keyctl(KEYCTL_NEGATE, 1, 5, KEY_SPEC_SESSION_KEYRING) = -1 EPERM (Operation not permitted)", Of("keyctl", [13, 1, 5, U(-3), 0], -1));
        Assert.Equal("keyctl(KEYCTL_CAPABILITIES, NULL, 0) = 2", Of("keyctl", [31, 0, 0, 0, 0], 2));
        Assert.Equal("keyctl(KEYCTL_MOVE, 1, KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING, KEYCTL_MOVE_EXCL) = -1 ENOKEY (Required key not available)",
            Of("keyctl", [30, 1, U(-3), U(-4), 1], -126));
        Assert.Equal("keyctl(KEYCTL_SESSION_TO_PARENT) = 0", Of("keyctl", [18, 0x7fff, 0x7fff, 1, 0x7fff], 0));
        Assert.Equal("keyctl(KEYCTL_REJECT, 1, 5, E2BIG, KEY_SPEC_SESSION_KEYRING) = -1 EPERM (Operation not permitted)",
            Of("keyctl", [19, 1, 5, 7, U(-3)], -1));
    }

    [Fact]
    public void Clock_adjtime_timex_sigevent_and_aio_sigset()
    {
        var mem = new FakeMemory();
        // struct timex is 208 bytes: 21 fields, then eleven reserved ints.
        long[] fields = [0, 0, 0, 16000000, 16000000, 0x40, 2, 1, 32768000, 1795680451, 337301, 10000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        ulong t = mem.Longs(fields);
        Assert.Equal("clock_adjtime(CLOCK_REALTIME, {modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, constant=2, precision=1, tolerance=32768000, time={tv_sec=1795680451, tv_usec=337301}, tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}) = 5 (TIME_ERROR)",
            Of("clock_adjtime", [0, t], 5, mem));
        ulong se = mem.Put([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, .. new byte[48]]);
        Assert.Equal("mq_notify(-1, {sigev_signo=0, sigev_notify=SIGEV_NONE}) = -1 EBADF (Bad file descriptor)", Of("mq_notify", [U(-1), se], -9, mem));
        // Only the 32 bytes of fields are read; a number is a signal only where one is sent.
        ulong head = mem.Put([.. L(unchecked((long)0xdeadbeefbadc0ded)), .. BitConverter.GetBytes(0xfacefeed), .. BitConverter.GetBytes(0xdefaced), .. new byte[16]]);
        Assert.Equal("mq_notify(-1, {sigev_value={sival_int=-1159983635, sival_ptr=0xdeadbeefbadc0ded}, sigev_signo=4207869677, sigev_notify=0xdefaced /* SIGEV_??? */}) = -1 EFAULT (Bad address)",
            Of("mq_notify", [U(-1), head], -14, mem));
        ulong attr = mem.Longs(0x801, 2, 64, 0, 0, 0, 0, 0);
        Assert.Equal("mq_open(\"q\", O_RDWR|O_CREAT, 0700, {mq_flags=0x801, mq_maxmsg=2, mq_msgsize=64, mq_curmsgs=0}) = 3",
            Of("mq_open", [mem.Str("q"), 0x42, 0x1c0, attr], 3, mem));
        Assert.Equal("mq_getsetattr(3, {mq_flags=O_NONBLOCK|0x1, mq_maxmsg=2, mq_msgsize=64, mq_curmsgs=0}, NULL) = 0",
            Of("mq_getsetattr", [3, attr, 0], 0, mem));
        ulong mask = mem.Longs(0);
        ulong aioSet = mem.Longs((long)mask, 8);
        ulong ts = mem.Longs(0, 1);
        Assert.Equal("io_pgetevents(0x7f338ad79000, 0, 1, [], {tv_sec=0, tv_nsec=1}, {sigmask=[], sigsetsize=8}) = 0",
            Of("io_pgetevents", [0x7f338ad79000, 0, 1, 0x7f338ad7a000, ts, aioSet], 0, mem));
    }

    /// <summary>ipc64_perm as the kernel lays it out: key, uid, gid, cuid, cgid, mode, seq, padding.</summary>
    private static byte[] Perm(int key, uint mode) =>
        [.. BitConverter.GetBytes(key), .. new byte[16], .. BitConverter.GetBytes(mode), .. new byte[24]];

    private static byte[] L(params long[] v) => [.. v.SelectMany(BitConverter.GetBytes)];

    [Fact]
    public void Ipc_stat_set_and_info_structures()
    {
        var mem = new FakeMemory();
        ulong shm = mem.Put([.. Perm(1515847681, 0x180), .. L(4096, 0, 0, 1795680680, 13366, 0, 0, 0)]);
        Assert.Equal("shmctl(32773, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=1515847681, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=13366, shm_lpid=0, shm_nattch=0, shm_atime=0, shm_dtime=0, shm_ctime=1795680680}) = 0",
            Of("shmctl", [32773, 2, shm], 0, mem));
        ulong shmSet = mem.Put([.. Perm(0, 0x1a0), .. L(0, 0, 0, 0, 0, 0, 0, 0)]);
        Assert.Equal("shmctl(32773, IPC_SET, {shm_perm={uid=0, gid=0, mode=0640}}) = 0", Of("shmctl", [32773, 1, shmSet], 0, mem));
        ulong shmInfo = mem.Put(L(-16777217, 1, 4096, 4096, -16777217, 0, 0, 0, 0));
        Assert.Equal("shmctl(32773, IPC_INFO, {shmmax=18446744073692774399, shmmin=1, shmmni=4096, shmseg=4096, shmall=18446744073692774399}) = 45",
            Of("shmctl", [32773, 3, shmInfo], 45, mem));
        ulong usage = mem.Put(L(7, 7, 0, 0, 0, 0));
        Assert.Equal("shmctl(32773, SHM_INFO, {used_ids=7, shm_tot=7, shm_rss=0, shm_swp=0, swap_attempts=0, swap_successes=0}) = 45",
            Of("shmctl", [32773, 14, usage], 45, mem));
        ulong msg = mem.Put([.. Perm(0, 0x180), .. L(0, 0, 1795680680, 0, 0, 16384, 0, 0, 0)]);
        Assert.Equal("msgctl(65583, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=0, msg_rtime=0, msg_ctime=1795680680, msg_qnum=0, msg_qbytes=16384, msg_lspid=0, msg_lrpid=0}) = 0",
            Of("msgctl", [65583, 2, msg], 0, mem));
        Assert.Equal("msgctl(65583, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0", Of("msgctl", [65583, 1, msg], 0, mem));
        ulong msgInfo = mem.Ints(512000, 16384, 8192, 16384, 32000, 16, 16384, 65535);
        Assert.Equal("msgctl(65583, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 47",
            Of("msgctl", [65583, 3, msgInfo], 47, mem));
        ulong sem = mem.Put([.. Perm(0, 0x180), .. L(0, 0, 1795680680, 0, 1, 0, 0)]);
        Assert.Equal("semctl(63, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_otime=0, sem_ctime=1795680680, sem_nsems=1}) = 0",
            Of("semctl", [63, 0, 2, sem], 0, mem));
        Assert.Equal("semctl(63, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0600}}) = 0", Of("semctl", [63, 0, 1, sem], 0, mem));
        ulong semInfo = mem.Ints(1024000000, 32000, 1024000000, 1024000000, 32000, 500, 500, 20, 32767, 32767);
        Assert.Equal("semctl(63, 0, IPC_INFO, {semmap=1024000000, semmni=32000, semmns=1024000000, semmnu=1024000000, semmsl=32000, semopm=500, semume=500, semusz=20, semvmx=32767, semaem=32767}) = 63",
            Of("semctl", [63, 0, 3, semInfo], 63, mem));
        Assert.Equal("shmctl(40, IPC_STAT, 0x7ffff7e34810) = -1 EINVAL (Invalid argument)", Of("shmctl", [40, 2, 0x7ffff7e34810], -22, mem));
    }
}
