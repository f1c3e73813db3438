using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Expected lines are strace 6.1's for Differential/Programs/mount_uring_bpf.c on this machine.</summary>
public class MountDecoderTests
{
    [Fact]
    public void Mount_flags_type_and_data()
    {
        var m = new FakeMemory();
        ulong none = m.Str("none"), dir = m.Str("mnt"), tmpfs = m.Str("tmpfs"), size = m.Str("size=1m"), root = m.Str("/");
        Assert.Equal("mount(\"none\", \"mnt\", \"tmpfs\", MS_NOSUID|MS_NODEV, \"size=1m\") = 0", Of("mount", [none, dir, tmpfs, 6, size], 0, m));
        Assert.Equal("mount(\"none\", \"/\", NULL, MS_REC|MS_PRIVATE, NULL) = 0", Of("mount", [none, root, 0, 0x44000, 0], 0, m));
        Assert.Equal("mount(\"none\", \"mnt\", NULL, MS_RDONLY|MS_NOEXEC|MS_SYNCHRONOUS|MS_REMOUNT|MS_MANDLOCK|MS_DIRSYNC|MS_NOSYMFOLLOW|" +
            "MS_NOATIME|MS_NODIRATIME|MS_BIND|MS_MOVE|MS_SILENT|MS_POSIXACL|MS_UNBINDABLE|MS_SLAVE|MS_SHARED|MS_RELATIME|MS_KERNMOUNT|" +
            "MS_I_VERSION|MS_STRICTATIME|MS_LAZYTIME|MS_ACTIVE|MS_NOUSER|0xffffffff00000000, NULL) = -1 EINVAL (Invalid argument)",
            Of("mount", [none, dir, 0, 0xffffffffc3fbbdf9, 0], -22, m));
        ulong src = m.Str("/nonexistent"), ext4 = m.Str("ext4"), opts = m.Str("errors=remount-ro");
        Assert.Equal("mount(\"/nonexistent\", \"mnt\", \"ext4\", MS_MGC_VAL|MS_RDONLY, \"errors=remount-ro\") = -1 ENOENT (No such file or directory)",
            Of("mount", [src, dir, ext4, 0xC0ED0001, opts], -2, m));
        Assert.Equal("mount(NULL, \"mnt\", NULL, MS_NOSEC, NULL) = -1 EINVAL (Invalid argument)", Of("mount", [0, dir, 0, 0x10000000, 0], -22, m));
    }

    [Fact]
    public void Umount2_flags()
    {
        var m = new FakeMemory();
        ulong dir = m.Str("mnt");
        Assert.Equal("umount2(\"mnt\", MNT_FORCE|MNT_DETACH|MNT_EXPIRE|UMOUNT_NOFOLLOW) = -1 EINVAL (Invalid argument)", Of("umount2", [dir, 15], -22, m));
        Assert.Equal("umount2(\"mnt\", 0) = 0", Of("umount2", [dir, 0], 0, m));
        Assert.Equal("umount2(\"mnt\", 0x80 /* MNT_??? */) = -1 EINVAL (Invalid argument)", Of("umount2", [dir, 0x80], -22, m));
    }

    [Fact]
    public void New_mount_api()
    {
        var m = new FakeMemory();
        ulong tmpfs = m.Str("tmpfs"), size = m.Str("size"), oneM = m.Str("1m"), ro = m.Str("ro"), empty = m.Str(""), dir = m.Str("mnt");
        Assert.Equal("fsopen(\"tmpfs\", FSOPEN_CLOEXEC) = 3", Of("fsopen", [tmpfs, 1], 3, m));
        Assert.Equal("fsconfig(3, FSCONFIG_SET_STRING, \"size\", \"1m\", 0) = 0", Of("fsconfig", [3, 1, size, oneM, 0], 0, m));
        Assert.Equal("fsconfig(3, FSCONFIG_SET_FLAG, \"ro\", NULL, 0) = 0", Of("fsconfig", [3, 0, ro, 0, 0], 0, m));
        Assert.Equal("fsconfig(3, FSCONFIG_CMD_CREATE, NULL, NULL, 0) = 0", Of("fsconfig", [3, 6, 0, 0, 0], 0, m));
        Assert.Equal("fsmount(3, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID|MOUNT_ATTR_NODEV) = 4", Of("fsmount", [3, 1, 6], 4, m));
        Assert.Equal("move_mount(4, \"\", AT_FDCWD, \"mnt\", MOVE_MOUNT_F_EMPTY_PATH) = 0", Of("move_mount", [4, empty, U(-100), dir, 4], 0, m));
        Assert.Equal("open_tree(AT_FDCWD, \"mnt\", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_RECURSIVE) = 5", Of("open_tree", [U(-100), dir, 0x88001], 5, m));
        ulong attr = m.Longs(9, 2, 1 << 18, 0);
        Assert.Equal("mount_setattr(5, \"\", AT_EMPTY_PATH|AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOEXEC, attr_clr=MOUNT_ATTR_NOSUID, " +
            "propagation=MS_PRIVATE, userns_fd=0}, 32) = 0", Of("mount_setattr", [5, empty, 0x9000, attr, 32], 0, m));
        Assert.Equal("fspick(AT_FDCWD, \"mnt\", FSPICK_CLOEXEC|FSPICK_NO_AUTOMOUNT) = 6", Of("fspick", [U(-100), dir, 5], 6, m));
    }

    [Fact]
    public void Io_uring_setup_params_in_and_out()
    {
        var m = new FakeMemory();
        var p = new int[30];
        p[2] = 0x10;
        ulong failed = m.Ints(p);
        Assert.Equal("io_uring_setup(0, {flags=IORING_SETUP_CLAMP, sq_thread_cpu=0, sq_thread_idle=0}) = -1 EINVAL (Invalid argument)",
            Of("io_uring_setup", [0, failed], -22, m));
        p[0] = 4; p[1] = 8; p[5] = 0x3ffff;
        int[] sq = [0, 4, 16, 24, 36, 32, 192], cq = [8, 12, 20, 28, 44, 64, 40];
        sq.CopyTo(p, 10);
        cq.CopyTo(p, 20);
        ulong ok = m.Ints(p);
        Assert.Equal("io_uring_setup(4, {flags=IORING_SETUP_CLAMP, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=4, cq_entries=8, " +
            "features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|IORING_FEAT_CUR_PERSONALITY|" +
            "IORING_FEAT_FAST_POLL|IORING_FEAT_POLL_32BITS|IORING_FEAT_SQPOLL_NONFIXED|IORING_FEAT_EXT_ARG|IORING_FEAT_NATIVE_WORKERS|" +
            "IORING_FEAT_RSRC_TAGS|IORING_FEAT_CQE_SKIP|IORING_FEAT_LINKED_FILE|0x3e000, sq_off={head=0, tail=4, ring_mask=16, ring_entries=24, " +
            "flags=36, dropped=32, array=192}, cq_off={head=8, tail=12, ring_mask=20, ring_entries=28, overflow=44, cqes=64, flags=40}}) = 7",
            Of("io_uring_setup", [4, ok], 7, m));
        Assert.Equal("io_uring_enter(7, 0, 0, IORING_ENTER_GETEVENTS, NULL, 0) = 0", Of("io_uring_enter", [7, 0, 0, 1, 0, 0], 0, m));
        Assert.Equal("io_uring_register(7, IORING_REGISTER_PROBE, NULL, 0) = -1 EINVAL (Invalid argument)", Of("io_uring_register", [7, 8, 0, 0], -22, m));
        Assert.Equal("io_uring_register(7, IORING_UNREGISTER_BUFFERS, NULL, 0) = -1 ENXIO (No such device or address)",
            Of("io_uring_register", [7, 1, 0, 0], -6, m));
        // strace 6.1 prints an empty file array as [] even where its address cannot be read.
        Assert.Equal("io_uring_register(3, IORING_REGISTER_FILES, [], 0) = -1 EINVAL (Invalid argument)",
            Of("io_uring_register", [3, 2, 8, 0], -22, m));
    }

    /// <summary>io_uring_register's arguments as strace 6.1 prints them (lines of its own suite's
    /// io_uring_register test): a zero-filled probe only at exit, a filled one again after " => ",
    /// restrictions, registered resources with tags, worker limits by class, ring descriptors, and
    /// an opcode strace 6.1 does not know (IORING_REGISTER_SYNC_CANCEL, 0x18) as its number.</summary>
    [Fact]
    public void Io_uring_register_arguments()
    {
        var m = new FakeMemory();
        string Call(uint op, ulong arg, ulong n, long ret = -95, Syscope.Decoding.DecodeOptions? o = null) => Of("io_uring_register", [7, op, arg, n], ret, m, o);
        ulong zero = m.Put(new byte[16 + 2 * 8]);
        Assert.Equal($"io_uring_register(7, IORING_REGISTER_PROBE, 0x{zero:x}, 2) = -1 EOPNOTSUPP (Operation not supported)", Call(8, zero, 2));
        var filled = new byte[16 + 2 * 8];
        filled[0] = 1; filled[1] = 255; filled[16] = 46; filled[18] = 1; filled[24] = 47;
        ulong probe = m.Put(filled);
        const string probeText = "{last_op=IORING_OP_READV, ops_len=255, ops=[{op=IORING_OP_URING_CMD, flags=IO_URING_OP_SUPPORTED}, {op=47 /* IORING_OP_??? */, flags=0}]}";
        Assert.Equal($"io_uring_register(7, IORING_REGISTER_PROBE, {probeText} => {probeText[..^2]}, ...]}}, 2) = 0", Call(8, probe, 2, 0));
        Assert.Equal($"io_uring_register(7, IORING_REGISTER_PROBE, {probeText}, 2) = -1 EOPNOTSUPP (Operation not supported)", Call(8, probe, 2));
        Assert.Equal($"io_uring_register(7, IORING_REGISTER_PROBE, 0x{probe:x}, 257) = -1 EOPNOTSUPP (Operation not supported)", Call(8, probe, 257));
        ulong restrictions = m.Put([1, 0, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0xef, 0xe7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal("io_uring_register(7, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=0xff /* IORING_OP_??? */}, " +
            "{opcode=0x4 /* IORING_RESTRICTION_??? */ /* op: 0xef */, resv=0xe7}], 2) = -1 EOPNOTSUPP (Operation not supported)", Call(0xb, restrictions, 2));
        ulong tags = m.Longs(1, 0xdead);
        ulong fds = m.Ints(-2, -1);
        ulong update = m.Longs(5, (long)fds, (long)tags, 2);
        Assert.Equal("io_uring_register(7, IORING_REGISTER_FILES_UPDATE2, {offset=5, data=[IORING_REGISTER_FILES_SKIP, -1], tags=[0x1, 0xdead], nr=2}, 32) = -1 EOPNOTSUPP (Operation not supported)",
            Call(0xe, update, 32));
        Assert.Equal("io_uring_register(7, 0xe /* IORING_REGISTER_FILES_UPDATE2 */, {offset=5, data=[-2 /* IORING_REGISTER_FILES_SKIP */, -1], tags=[0x1, 0xdead], nr=2}, 32) = -1 EOPNOTSUPP (Operation not supported)",
            Call(0xe, update, 32, o: new Syscope.Decoding.DecodeOptions { ConstStyle = Syscope.Decoding.ConstStyle.Verbose }));
        ulong workers = m.Ints(0, 1, 9);
        Assert.Equal("io_uring_register(7, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=1, [2 /* IO_WQ_??? */]=9] => " +
            "[[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=1, [2 /* IO_WQ_??? */]=9], 3) = 0", Call(0x13, workers, 3, 0));
        Assert.Equal($"io_uring_register(7, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=1, [2 /* IO_WQ_??? */]=9] => 0x{workers:x}, 3) = -1 EOPNOTSUPP (Operation not supported)",
            Call(0x13, workers, 3));
        ulong ringFds = m.Longs(unchecked((long)0xffffffff), 3);
        Assert.Equal("io_uring_register(7, IORING_REGISTER_RING_FDS, [{offset=-1, data=3}], 1) = -1 EOPNOTSUPP (Operation not supported)", Call(0x14, ringFds, 1));
        ulong mask = m.Put([0xef, 0xaa]);
        Assert.Equal("io_uring_register(7, IORING_REGISTER_IOWQ_AFF, [0 1 2 3 5 6 7 9 11 13 15], 2) = -1 EOPNOTSUPP (Operation not supported)", Call(0x11, mask, 2));
        Assert.Equal("io_uring_register(7, 0x18 /* IORING_REGISTER_??? */, 0x1000, 1) = -1 EOPNOTSUPP (Operation not supported)", Call(0x18, 0x1000, 1));
    }

    [Fact]
    public void Bpf_map_commands()
    {
        var m = new FakeMemory();
        var attr = new int[36];
        attr[0] = 2; attr[1] = 4; attr[2] = 8; attr[3] = 4;
        ulong create = m.Ints(attr);
        Assert.Equal("bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, map_flags=0, inner_map_fd=0, " +
            "map_name=\"\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 144) = 7",
            Of("bpf", [0, create, 144], 7, m));
        ulong elem = m.Longs(7, 0x7ffc32641bdc, 0x7ffc32641bd0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal("bpf(BPF_MAP_UPDATE_ELEM, {map_fd=7, key=0x7ffc32641bdc, value=0x7ffc32641bd0, flags=BPF_ANY}, 144) = 0", Of("bpf", [2, elem, 144], 0, m));
        Assert.Equal("bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=7, key=0x7ffc32641bdc, value=0x7ffc32641bd0, flags=BPF_ANY}, 144) = 0", Of("bpf", [1, elem, 144], 0, m));
        Assert.Equal("bpf(0x4d2 /* BPF_??? */, 0x7ffc32641be0, 144) = -1 EINVAL (Invalid argument)", Of("bpf", [1234, 0x7ffc32641be0, 144], -22, m));
    }

    [Fact]
    public void Bpf_prog_load_with_and_without_verbose()
    {
        var m = new FakeMemory();
        ulong insns = m.Longs(0xb7, 0x95);
        ulong license = m.Str("GPL");
        var attr = new byte[144];
        BitConverter.GetBytes(2).CopyTo(attr, 0);
        BitConverter.GetBytes(2).CopyTo(attr, 4);
        BitConverter.GetBytes(insns).CopyTo(attr, 8);
        BitConverter.GetBytes(license).CopyTo(attr, 16);
        BitConverter.GetBytes(0x60100).CopyTo(attr, 40);
        BitConverter.GetBytes(1).CopyTo(attr, 44);
        ulong a = m.Put(attr);
        string tail = ", license=\"GPL\", log_level=0, log_size=0, log_buf=NULL, kern_version=KERNEL_VERSION(6, 1, 0), prog_flags=BPF_F_STRICT_ALIGNMENT, " +
            "prog_name=\"\", prog_ifindex=0, expected_attach_type=BPF_CGROUP_INET_INGRESS}, 72) = 7";
        Assert.Equal($"bpf(BPF_PROG_LOAD, {{prog_type=BPF_PROG_TYPE_KPROBE, insn_cnt=2, insns=0x{insns:x}" + tail, Of("bpf", [5, a, 72], 7, m));
        Assert.Equal("bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_KPROBE, insn_cnt=2, insns=[{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, " +
            "src_reg=BPF_REG_0, off=0, imm=0}, {code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}]" + tail,
            Of("bpf", [5, a, 72], 7, m, new Syscope.Decoding.DecodeOptions { Verbose = true }));
        // --json: the program is an array of instruction structures, each code one set of flags.
        var insnsJson = Line.Json("bpf", [5, a, 72], 7, m, new Syscope.Decoding.DecodeOptions { Verbose = true })
            .GetProperty("args")[1].GetProperty("value").GetProperty("insns");
        Assert.Equal("array", insnsJson.GetProperty("type").GetString());
        var exit = insnsJson.GetProperty("value")[1];
        Assert.Equal("struct", exit.GetProperty("type").GetString());
        Assert.Equal("""{"type":"flags","value":["BPF_JMP","BPF_K","BPF_EXIT"],"number":149,"text":"BPF_JMP|BPF_K|BPF_EXIT"}""",
            exit.GetProperty("value").GetProperty("code").GetRawText());
        Assert.Equal("""{"type":"const","value":"BPF_REG_0","number":0,"text":"BPF_REG_0"}""", exit.GetProperty("value").GetProperty("dst_reg").GetRawText());
        Assert.Equal("{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}", exit.GetProperty("text").GetString());
        ulong odd = m.Longs(unchecked((long)0xffffffff_0001_f156), 0xfbff);
        attr[4] = 2;
        BitConverter.GetBytes(odd).CopyTo(attr, 8);
        ulong b = m.Put(attr);
        Assert.Contains("insns=[{code=BPF_JMP32|0x50 /* BPF_??? */, dst_reg=BPF_REG_1, src_reg=0xf /* BPF_REG_??? */, off=1, imm=0xffffffff}, " +
            "{code=BPF_ALU64|BPF_X|0xf0 /* BPF_??? */, dst_reg=0xb /* BPF_REG_??? */, src_reg=0xf /* BPF_REG_??? */, off=0, imm=0}]",
            Of("bpf", [5, b, 72], 7, m, new Syscope.Decoding.DecodeOptions { Verbose = true }));
    }

    [Fact]
    public void New_mount_api_limits_ids_and_tails_as_strace_prints_them()
    {
        var m = new FakeMemory();
        var y = new Syscope.Decoding.DecodeOptions { FdPaths = Syscope.Decoding.FdDecoding.Path, StringLimit = 300 };
        var full = new FakeFds(new() { [9] = "/dev/full", [-100] = "/root" });
        ulong path = m.Str("/dev/full");
        // userns_fd is a descriptor only with MOUNT_ATTR_IDMAP; propagation is one value; a larger
        // size shows the bytes past the structure, or ??? when they cannot be read.
        ulong idmap = m.Put([.. L(0x100000, 0, 0x140000, 9), .. new byte[] { 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87 }]);
        Assert.Equal("mount_setattr(-1, \"/dev/full\", 0, {attr_set=MOUNT_ATTR_IDMAP, attr_clr=0, propagation=0x140000 /* MS_??? */, userns_fd=9</dev/full>, " +
            "/* bytes 32..39 */ \"\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87\"}, 40) = -1 E2BIG (Argument list too long)",
            Of("mount_setattr", [U(-1), path, 0, idmap, 40], -7, m, y, fds: full));
        ulong plain = m.Put(L(0, 0, 0x20000, 9));
        Assert.Equal("mount_setattr(-1, \"/dev/full\", 0, {attr_set=0, attr_clr=0, propagation=MS_UNBINDABLE, userns_fd=9, ???}, 40) = -1 EFAULT (Bad address)",
            Of("mount_setattr", [U(-1), path, 0, plain, 40], -14, m, y, fds: full));
        // fsconfig's descriptor is no directory: AT_FDCWD there is a plain -100; keys stop at 256 bytes.
        var key = new byte[257];
        for (int i = 0; i < 256; i++) key[i] = (byte)('a' + i % 26);
        ulong k = m.Put(key);
        string shown = System.Text.Encoding.ASCII.GetString(key, 0, 256);
        Assert.Equal($"fsconfig(-100, FSCONFIG_SET_FLAG, \"{shown}\"..., NULL, 0) = -1 EINVAL (Invalid argument)",
            Of("fsconfig", [U(-100), 0, k, 0, 0], -22, m, y, fds: full));
        ulong blob = m.Put([0, 0x31, 0x32]);
        Assert.Equal("fsconfig(9</dev/full>, FSCONFIG_SET_BINARY, \"ab\", \"\\x00\\x31\\x32\", 3) = -1 EINVAL (Invalid argument)",
            Of("fsconfig", [9, 2, m.Str("ab"), blob, 3], -22, m, y, fds: full));
        Assert.Equal($"fsconfig(9</dev/full>, FSCONFIG_SET_BINARY, \"ab\", 0x{blob:x}, 1048577) = -1 EINVAL (Invalid argument)",
            Of("fsconfig", [9, 2, m.Str("ab"), blob, 1048577], -22, m, y, fds: full));
        Assert.Equal($"fsconfig(9</dev/full>, 0xffffffff /* FSCONFIG_??? */, 0x{k:x}, NULL, 3) = -1 EINVAL (Invalid argument)",
            Of("fsconfig", [9, 0xffffffff, k, 0, 3], -22, m, y, fds: full));
        Assert.Equal("fsmount(-1, 0, 0xffffff40 /* MOUNT_ATTR_??? */) = -1 EINVAL (Invalid argument)", Of("fsmount", [U(-1), 0, 0xffffff40], -22));
    }

    private static byte[] L(params long[] v) => [.. v.SelectMany(BitConverter.GetBytes)];
}
