using System.Text;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Syscalls;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Expected lines are strace 6.1's for Differential/Programs/admin.c and for every
/// syscall called with all-zero arguments under -e inject=all:error=ENOSYS.</summary>
public class AdminDecoderTests
{
    private static readonly DecodeOptions Raw = new() { ConstStyle = ConstStyle.Raw };
    private static readonly DecodeOptions Verbose = new() { ConstStyle = ConstStyle.Verbose };
    private const long ENOSYS = -38, EPERM = -1, EINVAL = -22;

    [Fact]
    public void Ptrace_prints_only_the_arguments_each_request_uses()
    {
        var m = new FakeMemory();
        ulong word = m.Longs(0x1234);
        Assert.Equal("ptrace(PTRACE_TRACEME) = -1 ENOSYS (Function not implemented)", Of("ptrace", [0, 0, 0, 0], ENOSYS));
        Assert.Equal("ptrace(PTRACE_ATTACH, 42) = 0", Of("ptrace", [16, 42, 7, 8], 0));
        Assert.Equal($"ptrace(PTRACE_PEEKDATA, 42, 0x1000, [0x1234]) = 0", Of("ptrace", [2, 42, 0x1000, word], 0, m));
        Assert.Equal($"ptrace(PTRACE_PEEKUSER, 42, 8*RIP, [0x1234]) = 0", Of("ptrace", [3, 42, 0x80, word], 0, m));
        Assert.Equal("ptrace(PTRACE_POKEUSER, 42, offsetof(struct user, u_debugreg), NULL) = 0", Of("ptrace", [6, 42, 0x350, 0], 0));
        Assert.Equal("ptrace(PTRACE_POKEDATA, 42, 0x1000, 0x55) = 0", Of("ptrace", [5, 42, 0x1000, 0x55], 0));
        Assert.Equal("ptrace(PTRACE_SETOPTIONS, 42, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL) = 0", Of("ptrace", [0x4200, 42, 0, 0x100001], 0));
        Assert.Equal("ptrace(PTRACE_SEIZE, 42, NULL, PTRACE_O_TRACECLONE) = -1 EPERM (Operation not permitted)", Of("ptrace", [0x4206, 42, 0, 8], EPERM));
        Assert.Equal("ptrace(PTRACE_CONT, 42, NULL, SIGCONT) = 0", Of("ptrace", [7, 42, 0, 18], 0));
        Assert.Equal("ptrace(PTRACE_SYSCALL, 42, NULL, 0) = -1 ESRCH (No such process)", Of("ptrace", [24, 42, 0, 0], -3));
        Assert.Equal($"ptrace(PTRACE_GETEVENTMSG, 42, NULL, [{0x1234}]) = 0", Of("ptrace", [0x4201, 42, 0, word], 0, m));
        Assert.Equal("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 8, 0x1000) = -1 ESRCH (No such process)", Of("ptrace", [0x420e, 42, 8, 0x1000], -3));
        Assert.Equal("ptrace(0x4321 /* PTRACE_??? */, 42, 0x1, 0x2) = -1 ESRCH (No such process)", Of("ptrace", [0x4321, 42, 1, 2], -3));
        Assert.Equal("ptrace(0x3 /* PTRACE_PEEKUSER */, 42, 0x80 /* 8*RIP */, 0x1000) = -1 EIO (Input/output error)",
            Of("ptrace", [3, 42, 0x80, 0x1000], -5, options: Verbose));
    }

    [Fact]
    public void Ptrace_user_offsets_name_the_field_and_the_rest()
    {
        Assert.Equal("ptrace(PTRACE_POKEUSER, 42, offsetof(struct user, u_debugreg)+56, NULL) = 0", Of("ptrace", [6, 42, 0x388, 0], 0));
        Assert.Equal("ptrace(PTRACE_POKEUSER, 42, offsetof(struct user, u_fpvalid)+4, NULL) = 0", Of("ptrace", [6, 42, 0xdc, 0], 0));
        Assert.Equal("ptrace(PTRACE_POKEUSER, 42, 8*R15+7, NULL) = 0", Of("ptrace", [6, 42, 7, 0], 0));
        Assert.Equal("ptrace(PTRACE_POKEUSER, 42, sizeof(struct user), NULL) = 0", Of("ptrace", [6, 42, 0x390, 0], 0));
        Assert.Equal("ptrace(PTRACE_POKEUSER, 42, 0x398, NULL) = 0", Of("ptrace", [6, 42, 0x398, 0], 0));
        Assert.Equal("ptrace(0x6 /* PTRACE_POKEUSER */, 42, 0xd8 /* offsetof(struct user, u_fpvalid) */, NULL) = 0",
            Of("ptrace", [6, 42, 0xd8, 0], 0, options: Verbose));
    }

    /// <summary>Lines of strace 6.1's own ptrace test: registers as far as the iovec's length
    /// reaches (and what the kernel left of it), floating-point registers, signal masks, queued
    /// siginfo, seccomp metadata, siginfo's union by si_code, and an unknown request's NULLs.</summary>
    [Fact]
    public void Ptrace_regsets_fpregs_sigmasks_peeksiginfo_and_seccomp_metadata()
    {
        var m = new FakeMemory();
        ulong regs = m.Longs(0x55f026ef9139, 0x55f026ef90cf);
        ulong iov = m.Longs((long)regs, 16);
        Assert.Equal("ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base={r15=0x55f026ef9139, r14=0x55f026ef90cf}, iov_len=16}) = 0", Of("ptrace", [0x4204, 42, 1, iov], 0, m));
        Assert.Equal("ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {iov_base={r15=0x55f026ef9139, r14=0x55f026ef90cf}, iov_len=16}) = 0", Of("ptrace", [0x4205, 42, 1, iov], 0, m));
        ulong odd = m.Longs((long)regs, 17);
        Assert.Equal($"ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {{iov_base=0x{regs:x}, iov_len=17}}) = -1 EINVAL (Invalid argument)", Of("ptrace", [0x4205, 42, 1, odd], EINVAL, m));
        ulong fp = m.Put([0x7f, 0x03, 0, 0, 0, 0, 0, 0]);
        ulong fpIov = m.Longs((long)fp, 8);
        Assert.Equal("ptrace(PTRACE_GETREGSET, 42, NT_FPREGSET, {iov_base={cwd=0x37f, swd=0, ftw=0, fop=0}, iov_len=8}) = 0", Of("ptrace", [0x4204, 42, 2, fpIov], 0, m));
        var fpregs = new byte[512];
        fpregs[0] = 0x7f; fpregs[1] = 3; fpregs[24] = 0x80; fpregs[25] = 0x1f;
        ulong whole = m.Put(fpregs);
        string Zeros(int n) => string.Join(", ", Enumerable.Repeat("0", n));
        Assert.Equal($"ptrace(PTRACE_GETFPREGS, 42, {{cwd=0x37f, swd=0, ftw=0, fop=0, rip=0, rdp=0, mxcsr=0x1f80, mxcr_mask=0, st_space=[{Zeros(32)}], " +
            $"xmm_space=[{Zeros(64)}], padding=[{Zeros(24)}]}}) = 0", Of("ptrace", [14, 42, 0xdeadbeef, whole], 0, m));
        Assert.Equal($"ptrace(PTRACE_GETFPREGS, 42, 0x{whole:x}) = -1 EFAULT (Bad address)", Of("ptrace", [14, 42, 0xdeadbeef, whole], -14, m));
        ulong set = m.Longs(1L << 9);
        Assert.Equal("ptrace(PTRACE_SETSIGMASK, 42, 8, [USR1]) = 0", Of("ptrace", [0x420b, 42, 8, set], 0, m));
        Assert.Equal($"ptrace(PTRACE_GETSIGMASK, 42, 8, 0x{set:x}) = -1 ESRCH (No such process)", Of("ptrace", [0x420a, 42, 8, set], -3, m));
        ulong peek = m.Longs(0, 4L << 32);
        var siginfo = new int[32];
        siginfo[0] = 10; siginfo[2] = -6; siginfo[4] = 7;
        ulong infos = m.Ints(siginfo);
        Assert.Equal("ptrace(PTRACE_PEEKSIGINFO, 42, {off=0, flags=0, nr=4}, [{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=7, si_uid=0}]) = 1",
            Of("ptrace", [0x4209, 42, peek, infos], 1, m));
        ulong metadata = m.Longs(3, 1);
        Assert.Equal("ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 16, {filter_off=3, flags=SECCOMP_FILTER_FLAG_TSYNC}) = 16", Of("ptrace", [0x420d, 42, 16, metadata], 16, m));
        Assert.Equal("ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 16, {filter_off=3}) = -1 ESRCH (No such process)", Of("ptrace", [0x420d, 42, 16, metadata], -3, m));
        Assert.Equal($"ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 7, 0x{metadata:x}) = -1 ESRCH (No such process)", Of("ptrace", [0x420d, 42, 7, metadata], -3, m));
        Assert.Equal("ptrace(0xdeadbeeffffffeed /* PTRACE_??? */, 42, NULL, NULL) = -1 ESRCH (No such process)", Of("ptrace", [0xdeadbeeffffffeed, 42, 0, 0], -3, m));
        var segv = new int[32];
        segv[0] = 11; segv[2] = 10; segv[4] = 0x1000;
        Assert.Equal("ptrace(PTRACE_SETSIGINFO, 42, NULL, {si_signo=SIGSEGV, si_code=0xa, si_addr=0x1000}) = 0", Of("ptrace", [0x4203, 42, 0, m.Ints(segv)], 0, m));
    }

    /// <summary>PTRACE_GET_SYSCALL_INFO as strace 6.1 prints it (its ptrace_syscall_info test):
    /// fields only as far as both sizes reach, the arguments that fit, an error by name.</summary>
    [Fact]
    public void Ptrace_get_syscall_info_prints_as_far_as_both_sizes_reach()
    {
        var m = new FakeMemory();
        ulong entry = m.Longs(unchecked((long)0xc000003e_00000001), 0x7f0000001000, 0x7ffd00000010, 80, 0x5560d1b71904, 7, 0, 0, 0, 0, 0);
        const string head = "op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f0000001000, stack_pointer=0x7ffd00000010";
        Assert.Equal($"ptrace(PTRACE_GET_SYSCALL_INFO, 42, 48, {{{head}, entry={{nr=__NR_chdir, args=[0x5560d1b71904, 0x7]}}}}) = 80",
            Of("ptrace", [0x420e, 42, 48, entry], 80, m));
        Assert.Equal($"ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {{{head}, entry={{nr=__NR_chdir}}}}) = 32", Of("ptrace", [0x420e, 42, 88, entry], 32, m));
        Assert.Equal("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 15, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64}) = 80", Of("ptrace", [0x420e, 42, 15, entry], 80, m));
        Assert.Equal("ptrace(0x420e /* PTRACE_GET_SYSCALL_INFO */, 42, 88, {op=0x1 /* PTRACE_SYSCALL_INFO_ENTRY */, arch=0xc000003e /* AUDIT_ARCH_X86_64 */, " +
            "instruction_pointer=0x7f0000001000, stack_pointer=0x7ffd00000010, entry={nr=80 /* __NR_chdir */}}) = 32", Of("ptrace", [0x420e, 42, 88, entry], 32, m, Verbose));
        Assert.Equal($"ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, 0x{entry:x}) = -1 ESRCH (No such process)", Of("ptrace", [0x420e, 42, 88, entry], -3, m));
        ulong exit = m.Longs(unchecked((long)0xc000003e_00000002), 0x7f0000001000, 0x7ffd00000010, -2, 1);
        Assert.Equal("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 88, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f0000001000, " +
            "stack_pointer=0x7ffd00000010, exit={rval=-ENOENT, is_error=1}}) = 33", Of("ptrace", [0x420e, 42, 88, exit], 33, m));
        Assert.Equal("ptrace(PTRACE_GET_SYSCALL_INFO, 42, 32, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f0000001000, " +
            "stack_pointer=0x7ffd00000010, exit={rval=-2}}) = 33", Of("ptrace", [0x420e, 42, 32, exit], 33, m));
    }

    [Fact]
    public void Ptrace_getregs_and_getregset_print_the_general_registers()
    {
        var m = new FakeMemory();
        var regs = new long[27];
        regs[15] = 0xea;
        ulong at = m.Longs(regs);
        ulong iov = m.Longs((long)at, 216);
        string body = "{r15=0, r14=0, r13=0, r12=0, rbp=0, rbx=0, r11=0, r10=0, r9=0, r8=0, rax=0, rcx=0, rdx=0, rsi=0, rdi=0, orig_rax=0xea, rip=0, cs=0, eflags=0, rsp=0, ss=0, fs_base=0, gs_base=0, ds=0, es=0, fs=0, gs=0}";
        Assert.Equal($"ptrace(PTRACE_GETREGS, 42, {body}) = 0", Of("ptrace", [12, 42, 0, at], 0, m));
        Assert.Equal($"ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {{iov_base={body}, iov_len=216}}) = 0", Of("ptrace", [0x4204, 42, 1, iov], 0, m));
        Assert.Equal($"ptrace(PTRACE_GETREGS, 42, 0x{at:x}) = -1 ESRCH (No such process)", Of("ptrace", [12, 42, 0, at], -3, m));
        ulong empty = m.Longs(0, 0);
        Assert.Equal("ptrace(PTRACE_GETREGSET, 42, 0x4711 /* NT_??? */, {iov_base=NULL, iov_len=0}) = -1 EINVAL (Invalid argument)",
            Of("ptrace", [0x4204, 42, 0x4711, empty], EINVAL, m));
    }

    [Fact]
    public void Syslog_comments_its_action_in_every_style_and_prints_what_the_action_uses()
    {
        var m = new FakeMemory();
        ulong buf = m.Str("<6>hello");
        Assert.Equal("syslog(0 /* SYSLOG_ACTION_CLOSE */) = -1 ENOSYS (Function not implemented)", Of("syslog", [0, 0, 0], ENOSYS));
        Assert.Equal("syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 131072", Of("syslog", [10, 0, 0], 131072, options: Raw));
        Assert.Equal("syslog(3 /* SYSLOG_ACTION_READ_ALL */, \"<6>hel\", 10) = 6", Of("syslog", [3, buf, 10], 6, m));
        Assert.Equal($"syslog(2 /* SYSLOG_ACTION_READ */, 0x{buf:x}, 10) = -1 EPERM (Operation not permitted)", Of("syslog", [2, buf, 10], EPERM, m));
        Assert.Equal("syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 3 /* LOGLEVEL_ERR */) = -1 EPERM (Operation not permitted)", Of("syslog", [8, 0, 3], EPERM, options: Raw));
        Assert.Equal("syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, -1 /* LOGLEVEL_??? */) = -1 EPERM (Operation not permitted)", Of("syslog", [8, 0, U(-1)], EPERM));
        Assert.Equal("syslog(-1 /* SYSLOG_ACTION_??? */, 0xffffffffffffffff, -1) = -1 EINVAL (Invalid argument)", Of("syslog", [U(-1), U(-1), U(-1)], EINVAL));
        // Level 8, the highest the kernel takes, is one past LOGLEVEL_DEBUG (never run: it would change the console).
        Assert.Equal("syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0xfacefeeddeadbeef, 8 /* LOGLEVEL_DEBUG+1 */) = 0", Of("syslog", [8, 0xfacefeeddeadbeef, 8], 0));
    }

    [Fact]
    public void Reboot_restart2_command_shows_at_most_255_characters_as_the_kernel_copies_them()
    {
        var m = new FakeMemory();
        string s256 = string.Concat(Enumerable.Repeat("AbCdEfGh", 32));
        ulong at = m.Put(System.Text.Encoding.ASCII.GetBytes(s256)), nul255 = m.Put(System.Text.Encoding.ASCII.GetBytes(s256[..255] + "\0"));
        var s = new DecodeOptions { StringLimit = 256 };
        string head = "reboot(0x13111992 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_MAGIC2A, LINUX_REBOOT_CMD_RESTART2, ";
        // No NUL within 255 bytes, whether the 256th can be read or not: 255 and "...".
        Assert.Equal(head + $"\"{s256[..255]}\"...) = -1 EINVAL (Invalid argument)", Of("reboot", [0x13111992, 0x05121996, 0xa1b2c3d4, at], EINVAL, m, s));
        Assert.Equal(head + $"\"{s256[1..256]}\"...) = -1 EINVAL (Invalid argument)", Of("reboot", [0x13111992, 0x05121996, 0xa1b2c3d4, at + 1], EINVAL, m, s));
        Assert.Equal(head + $"\"{s256[..255]}\"...) = -1 EINVAL (Invalid argument)", Of("reboot", [0x13111992, 0x05121996, 0xa1b2c3d4, nul255], EINVAL, m, s));
        Assert.Equal(head + $"\"{s256[1..255]}\") = -1 EINVAL (Invalid argument)", Of("reboot", [0x13111992, 0x05121996, 0xa1b2c3d4, nul255 + 1], EINVAL, m, s));
    }

    [Fact]
    public void Reboot_names_magic_and_command_and_takes_a_fourth_argument_only_for_restart2()
    {
        Assert.Equal("reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_CAD_OFF) = -1 ENOSYS (Function not implemented)",
            Of("reboot", [0, 0, 0, 0], ENOSYS));
        var m = new FakeMemory();
        ulong arg = m.Str("abc");
        Assert.Equal("reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART2, \"abc\") = -1 EPERM (Operation not permitted)",
            Of("reboot", [0xfee1dead, 0x28121969, 0xa1b2c3d4, arg], EPERM, m));
        Assert.Equal("reboot(0xfee1dead /* LINUX_REBOOT_MAGIC1 */, 0x5121996 /* LINUX_REBOOT_MAGIC2A */, 0x4321fedc /* LINUX_REBOOT_CMD_POWER_OFF */) = -1 EPERM (Operation not permitted)",
            Of("reboot", [0xfee1dead, 0x05121996, 0x4321fedc, arg], EPERM, m, Verbose));
        Assert.Equal("reboot(0xffffffff /* LINUX_REBOOT_MAGIC_??? */, 0xfffffffe /* LINUX_REBOOT_MAGIC_??? */, 0xffffffff /* LINUX_REBOOT_CMD_??? */) = -1 EINVAL (Invalid argument)",
            Of("reboot", [U(-1), U(-2), U(-1), 0], EINVAL));
    }

    [Fact]
    public void Mknod_prints_a_device_only_for_character_and_block_nodes()
    {
        var m = new FakeMemory();
        ulong p = m.Str("/x");
        Assert.Equal("mknod(NULL, 000) = -1 ENOSYS (Function not implemented)", Of("mknod", [0, 0, 0], ENOSYS));
        Assert.Equal("mknod(\"/x\", S_IFCHR|0644, makedev(0x1, 0x3)) = 0", Of("mknod", [p, 0x21a4, 0x103], 0, m));
        Assert.Equal("mknod(\"/x\", S_IFBLK|0600, makedev(0x78a, 0x456bc)) = 0", Of("mknod", [p, 0x6180, 0x12345678abc], 0, m));
        Assert.Equal("mknod(\"/x\", S_IFIFO|0644) = 0", Of("mknod", [p, 0x11a4, 0x103], 0, m));
        Assert.Equal("mknod(\"/x\", 0170644) = 0", Of("mknod", [p, 0xf1a4, 5], 0, m));
        Assert.Equal("mknod(\"/x\", 0644 /* 0644 */) = 0", Of("mknod", [p, 0x1a4, 5], 0, m, Verbose));
        Assert.Equal("mknod(\"/x\", 020644 /* S_IFCHR|0644 */, 0x103 /* makedev(0x1, 0x3) */) = 0", Of("mknod", [p, 0x21a4, 0x103], 0, m, Verbose));
        Assert.Equal("mknodat(AT_FDCWD, \"/x\", S_IFCHR|0644, makedev(0x1, 0x3)) = 0", Of("mknodat", [U(-100), p, 0x21a4, 0x103], 0, m));
        Assert.Equal("mknodat(3, \"/x\", S_IFCHR|000, makedev(0x1, 0x3)) = 0", Of("mknodat", [3, p, 0xffffffff00002000, 0x103], 0, m));
        Assert.Equal("mknodat(3, \"/x\", 0177777) = 0", Of("mknodat", [3, p, 0xffffffff, 0x103], 0, m));
    }

    [Fact]
    public void Ustat_and_sysctl()
    {
        Assert.Equal("ustat(makedev(0, 0), NULL) = -1 ENOSYS (Function not implemented)", Of("ustat", [0, 0], ENOSYS));
        Assert.Equal("ustat(makedev(0x678, 0x3459a), NULL) = -1 EINVAL (Invalid argument)", Of("ustat", [0x123456789a, 0], EINVAL));
        Assert.Equal("ustat(0x803, NULL) = -1 EINVAL (Invalid argument)", Of("ustat", [0x803, 0], EINVAL, options: Raw));
        Assert.Equal("_sysctl(NULL) = -1 ENOSYS (Function not implemented)", Of("_sysctl", [0], ENOSYS));
        var m = new FakeMemory();
        ulong args = m.Longs(0x1000, 2, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal("_sysctl({name=0x1000, nlen=2, oldval=NULL, oldlenp=NULL, newval=NULL, newlen=0}) = -1 ENOSYS (Function not implemented)",
            Of("_sysctl", [args], ENOSYS, m));
    }

    [Fact]
    public void Quotactl_prints_qcmd_and_the_arguments_each_command_uses()
    {
        var m = new FakeMemory();
        ulong dev = m.Str("/dev/null"), file = m.Str("/q");
        Assert.Equal("quotactl(QCMD(0 /* Q_??? */, USRQUOTA), NULL, 0, NULL) = -1 ENOSYS (Function not implemented)", Of("quotactl", [0, 0, 0, 0], ENOSYS));
        Assert.Equal("quotactl(0, NULL, 0, NULL) = -1 ENOSYS (Function not implemented)", Of("quotactl", [0, 0, 0, 0], ENOSYS, options: Raw));
        Assert.Equal("quotactl(0 /* QCMD(0 /* Q_??? */, USRQUOTA) */, NULL, 0, NULL) = -1 ENOSYS (Function not implemented)", Of("quotactl", [0, 0, 0, 0], ENOSYS, options: Verbose));
        Assert.Equal("quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"/dev/null\", 1000, 0x2000) = -1 ENOTBLK (Block device required)",
            Of("quotactl", [0x80000700, dev, 1000, 0x2000], -15, m));
        Assert.Equal("quotactl(QCMD(Q_SYNC, GRPQUOTA), NULL) = 0", Of("quotactl", [0x80000101, 0, 0, 0], 0));
        Assert.Equal("quotactl(QCMD(Q_QUOTAON, PRJQUOTA), \"/dev/null\", QFMT_VFS_V0, \"/q\") = -1 ENOTBLK (Block device required)",
            Of("quotactl", [0x80000202, dev, 2, file], -15, m));
        Assert.Equal("quotactl(QCMD(Q_XGETQSTAT, 0x3 /* ???QUOTA */), \"/dev/null\", 0x2000) = -1 EINVAL (Invalid argument)",
            Of("quotactl", [0x580503, dev, 2, 0x2000], EINVAL, m));
        Assert.Equal("quotactl_fd(3, QCMD(Q_GETINFO, USRQUOTA), 0x2000) = -1 EBADF (Bad file descriptor)", Of("quotactl_fd", [3, 0x80000500, 5, 0x2000], -9));
        Assert.Equal("quotactl_fd(0, QCMD(0 /* Q_??? */, USRQUOTA), 0, NULL) = -1 ENOSYS (Function not implemented)", Of("quotactl_fd", [0, 0, 0, 0], ENOSYS));
    }

    [Fact]
    public void Removed_and_folded_calls_take_straces_argument_counts()
    {
        Assert.Equal("create_module(0x1, 0x2) = -1 ENOSYS (Function not implemented)", Of("create_module", [1, 2, 3, 4], ENOSYS));
        Assert.Equal("vserver(0x1, 0xffffffffffffffff, 0x3, 0x4, 0x5) = -1 ENOSYS (Function not implemented)", Of("vserver", [1, U(-1), 3, 4, 5, 6], ENOSYS));
        foreach (var (name, count) in new[] { ("get_kernel_syms", 1), ("query_module", 5), ("nfsservctl", 3), ("getpmsg", 5), ("putpmsg", 5),
                     ("afs_syscall", 5), ("tuxcall", 3), ("security", 3), ("epoll_ctl_old", 4), ("epoll_wait_old", 4), ("_sysctl", 1) })
            Assert.Equal(count, SyscallTable.ByName(name)!.ArgCount);
        var raw = new DecodeOptions { RawCalls = SyscallSet.Parse("all") };
        Assert.Equal("preadv(0, 0, 0, 0) = 0", Of("preadv", [0, 0, 0, 0, 0], 0, options: raw));
        Assert.Equal("pwritev(0, 0, 0, 0) = 0", Of("pwritev", [0, 0, 0, 0, 0], 0, options: raw));
        Assert.Equal("preadv2(0, 0, 0, 0, 0, 0) = 0", Of("preadv2", [0, 0, 0, 0, 0, 0], 0, options: raw));
    }

    [Fact]
    public void An_injected_exit_group_returns_on_one_line()
    {
        var info = SyscallTable.ByName("exit_group")!;
        var ms = new MemoryStream();
        using (var output = new TraceOutput(ms, false))
        {
            var f = new TextTrace(output);
            f.Start(100);
            var e = new TraceEvent { Kind = TraceEventKind.SyscallEntry, Tid = 100, SyscallNumber = info.Number, InterruptedSyscall = -1, Injected = true };
            var memory = new FakeMemory();
            f.OnEvent(ref e, memory);
            e.Kind = TraceEventKind.SyscallExit;
            e.ReturnValue = ENOSYS;
            e.HasReturn = true;
            f.OnEvent(ref e, memory);
            f.Complete();
        }
        Assert.Equal("exit_group(0)                           = -1 ENOSYS (Function not implemented) (INJECTED)\n", Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public void Module_calls_print_names_parameters_and_flags()
    {
        var m = new FakeMemory();
        // 33 bytes and no NUL: -s 32 of them, then "...".
        ulong name = m.Put(System.Text.Encoding.ASCII.GetBytes("0123456789:;<=>?@ABCDEFGHIJKLMNOP"));
        Assert.Equal("delete_module(\"0123456789:;<=>?@ABCDEFGHIJKLMNO\"..., O_NONBLOCK|O_TRUNC|0xfffff5ff) = -1 ENOSYS (Function not implemented)",
            Of("delete_module", [name, 0xffffffffffffffff], -38, m));
        Assert.Equal("delete_module(NULL, 0xfacef157 /* O_??? */) = -1 ENOSYS (Function not implemented)", Of("delete_module", [0, 0xbadc0dedfacef157], -38));
        Assert.Equal("finit_module(-1091571699, \"0123456789:;<=>?@ABCDEFGHIJKLMNO\"..., MODULE_INIT_IGNORE_MODVERSIONS|0xdec0ded0) = -1 ENOSYS (Function not implemented)",
            Of("finit_module", [0xdefaced1beeff00d, name, 0xdec0ded1], -38, m));
        Assert.Equal("init_module(0xfffffeedffffface, 0, \"0123456789:;<=>?@ABCDEFGHIJKLMNO\"...) = -1 ENOSYS (Function not implemented)",
            Of("init_module", [0xfffffeedffffface, 0, name], -38, m));
    }
}
