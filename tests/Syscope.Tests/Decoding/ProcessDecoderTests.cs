using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

public class ProcessDecoderTests
{
    [Fact]
    public void Execve_counts_environment_unless_verbose()
    {
        var m = new FakeMemory();
        ulong path = m.Str("/usr/bin/cat");
        ulong argv = m.Argv("cat", "/etc/issue");
        ulong envp = m.Argv("A=1", "B=2");
        Assert.Equal($"execve(\"/usr/bin/cat\", [\"cat\", \"/etc/issue\"], 0x{envp:x} /* 2 vars */) = 0", Of("execve", [path, argv, envp], 0, m));
        Assert.Equal("execve(\"/usr/bin/cat\", [\"cat\", \"/etc/issue\"], [\"A=1\", \"B=2\"]) = 0",
            Of("execve", [path, argv, envp], 0, m, new DecodeOptions { Verbose = true }));
    }

    [Fact]
    public void Execve_arrays_that_run_into_unmapped_memory_say_where()
    {
        // Pointer arrays with no NULL before the end of their page, as strace's execve test makes them.
        var m = new FakeMemory();
        ulong path = m.Str("x");
        ulong argv = m.Longs((long)m.Str("a"), (long)m.Str("b"));
        ulong envp = m.Longs((long)m.Str("A=1"), (long)m.Str("B=2"), (long)m.Str("C=3"));
        Assert.Equal($"execve(\"x\", [\"a\", \"b\", ... /* 0x{argv + 16:x} */], 0x{envp:x} /* 3 vars, unterminated */) = -1 ENOENT (No such file or directory)",
            Of("execve", [path, argv, envp], -2, m));
        Assert.Equal($"execve(\"x\", [\"a\", \"b\", ... /* 0x{argv + 16:x} */], [\"A=1\", \"B=2\", \"C=3\", ... /* 0x{envp + 24:x} */]) = -1 ENOENT (No such file or directory)",
            Of("execve", [path, argv, envp], -2, m, new DecodeOptions { Verbose = true }));
        // An environment whose first entry cannot be read is only its address.
        Assert.Equal("execve(\"x\", [\"a\", \"b\", ... /* 0x" + (argv + 16).ToString("x") + " */], 0x8) = -1 EFAULT (Bad address)",
            Of("execve", [path, argv, 8], -14, m));
    }

    [Fact]
    public void Clone_flags_exit_signal_and_child_tid()
    {
        Assert.Equal("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7efc26bc7a10) = 7722",
            Of("clone", [0x1200011, 0, 0, 0x7efc26bc7a10, 0], 7722));
        Assert.Equal("clone(child_stack=NULL, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PIDFD|CLONE_PTRACE|CLONE_VFORK|CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID|CLONE_UNTRACED|CLONE_CHILD_SETTID|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_IO|0xffffffff00400000|SIGCHLD, parent_tid=NULL, tls=NULL, child_tidptr=NULL) = -1 EINVAL (Invalid argument)",
            Of("clone", [0xffffffffffffff11, 0, 0, 0, 0], -22));
    }

    [Fact]
    public void Wait4_status()
    {
        var m = new FakeMemory();
        ulong exited = m.Ints(3 << 8), killed = m.Ints(9), cored = m.Ints(11 | 0x80), stopped = m.Ints(0x137f);
        Assert.Equal("wait4(7722, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 7722", Of("wait4", [7722, exited, 0, 0], 7722, m));
        Assert.Equal("wait4(7723, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 7723", Of("wait4", [7723, killed, 0, 0], 7723, m));
        Assert.Equal("wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], WSTOPPED, NULL) = 5", Of("wait4", [U(-1), cored, 2, 0], 5, m));
        Assert.Equal("wait4(-1, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 5", Of("wait4", [U(-1), stopped, 2, 0], 5, m));
        Assert.Equal($"wait4(-1, 0x{exited:x}, WNOHANG, NULL) = -1 ECHILD (No child processes)", Of("wait4", [U(-1), exited, 1, 0], -10, m));
        Assert.Equal("wait4(-1, NULL, WNOHANG|WEXITED|WSTOPPED|WCONTINUED|WNOWAIT|__WCLONE|__WALL|__WNOTHREAD|0x1efffff0, NULL) = -1 EINVAL (Invalid argument)",
            Of("wait4", [U(-1), 0, 0xffffffff, 0], -22));
    }

    [Fact]
    public void Thread_area_descriptors()
    {
        var m = new FakeMemory();
        // entry_number -1 (any free one), seg_32bit=1, contents=1, lm=1.
        ulong any = m.Ints(-1, 0, 0, 0x83), set = m.Ints(12, 0x1234, unchecked((int)0x8b8a8988), 0x08);
        const string Enosys = " = -1 ENOSYS (Function not implemented)";
        Assert.Equal("set_thread_area({entry_number=-1, base_addr=00000000, limit=00000000, seg_32bit=1, contents=1, read_exec_only=0, limit_in_pages=0, seg_not_present=0, useable=0, lm=1})" + Enosys,
            Of("set_thread_area", [any], -38, m));
        Assert.Equal("set_thread_area({entry_number=12, base_addr=0x001234, limit=0x8b8a8988, seg_32bit=0, contents=0, read_exec_only=1, limit_in_pages=0, seg_not_present=0, useable=0, lm=0}) = 0 (entry_number=12)",
            Of("set_thread_area", [set], 0, m));
        Assert.Equal($"set_thread_area(0x{any + 16:x})" + Enosys, Of("set_thread_area", [any + 16], -38, m));
        // The kernel reads only entry_number: after a failure the rest is "...".
        ulong entry = m.Ints(unchecked((int)2718281828));
        Assert.Equal("get_thread_area({entry_number=2718281828, ...})" + Enosys, Of("get_thread_area", [entry], -38, m));
        Assert.Equal("get_thread_area({entry_number=-1, ...})" + Enosys, Of("get_thread_area", [any], -38, m));
        Assert.Equal("get_thread_area(NULL)" + Enosys, Of("get_thread_area", [0], -38, m));
    }

    [Fact]
    public void Startup_calls()
    {
        Assert.Equal("arch_prctl(ARCH_SET_FS, 0x7faddd24d740) = 0", Of("arch_prctl", [0x1002, 0x7faddd24d740], 0));
        Assert.Equal("arch_prctl(0x3001 /* ARCH_??? */, 0x7ffc1234) = -1 EINVAL (Invalid argument)", Of("arch_prctl", [0x3001, 0x7ffc1234], -22));
        Assert.Equal("set_tid_address(0x7faddd24da10) = 6380", Of("set_tid_address", [0x7faddd24da10], 6380));
        Assert.Equal("set_robust_list(0x7faddd24da20, 24) = 0", Of("set_robust_list", [0x7faddd24da20, 24], 0));
        Assert.Equal("rseq(0x7faddd24e060, 0x20, 0, 0x53053053) = 0", Of("rseq", [0x7faddd24e060, 0x20, 0, 0x53053053], 0));
        Assert.Equal("prctl(0x7fff /* PR_??? */, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)", Of("prctl", [0x7fff, 0, 0, 0, 0], -22));
        Assert.Equal("personality(0xffffffff) = 0 (PER_LINUX)", Of("personality", [0xffffffff], 0));
    }

    /// <summary>What prctl and arch_prctl return that strace names after the value: only
    /// reachable with -e inject here (x86 has no SVE, SME, MTE or pointer authentication), so
    /// checked against strace 6.1's test suite's lines.</summary>
    [Fact]
    public void Prctl_returns_named_after_the_value()
    {
        var raw = new DecodeOptions { ConstStyle = ConstStyle.Raw };
        var verbose = new DecodeOptions { ConstStyle = ConstStyle.Verbose };
        Assert.Equal("prctl(PR_SVE_GET_VL) = 0x4ea57 (PR_SVE_SET_VL_ONEXEC|0xea57)", Of("prctl", [51, 1, 2, 3, 4], 0x4ea57));
        Assert.Equal("prctl(PR_SME_SET_VL, 0x10000|0) = 0xdead", Of("prctl", [63, 0x10000, 1, 2, 3], 0xdead));
        Assert.Equal("prctl(0x3f /* PR_SME_SET_VL */, 0x10000 /* 0x10000|0 */) = 0x20000 (PR_SME_VL_INHERIT|0)",
            Of("prctl", [63, 0x10000, 1, 2, 3], 0x20000, options: verbose));
        Assert.Equal("prctl(0x3f, 0x10000) = 0x20000", Of("prctl", [63, 0x10000, 1, 2, 3], 0x20000, options: raw));
        Assert.Equal("prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0) = 0xd (PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0x1<<PR_MTE_TAG_SHIFT)",
            Of("prctl", [56, 0, 0, 0, 0], 0xd));
        Assert.Equal("prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0 /* !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE */, 0x1, 0x2, 0x3) = 0",
            Of("prctl", [55, 0, 1, 2, 3], 0, options: verbose));
        Assert.Equal("prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0x2a (PR_SPEC_ENABLE|PR_SPEC_FORCE_DISABLE|0x20)",
            Of("prctl", [52, 0, 0, 0, 0], 42));
        Assert.Equal("prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH) = 0 (PR_SPEC_NOT_AFFECTED)", Of("prctl", [52, 2, 0, 0, 0], 0));
        Assert.Equal("prctl(PR_GET_SPECULATION_CTRL, 0x3 /* PR_SPEC_??? */) = 0", Of("prctl", [52, 3, 0, 0, 0], 0));
        Assert.Equal("prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0) = 0x1e (PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|0x10)",
            Of("prctl", [61, 0, 0, 0, 0], 0x1e));
        Assert.Equal("prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0) = 0xbeef0", Of("prctl", [61, 0, 0, 0, 0], 0xbeef0));
        Assert.Equal("arch_prctl(ARCH_REQ_XCOMP_PERM, 0x12 /* XFEATURE_XTILE_DATA */) = 0x687ff (XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|"
            + "XFEATURE_MASK_BNDREGS|XFEATURE_MASK_BNDCSR|XFEATURE_MASK_AVX512|XFEATURE_MASK_PT|XFEATURE_MASK_PKRU|XFEATURE_MASK_PASID|"
            + "XFEATURE_MASK_LBR|XFEATURE_MASK_XTILE)", Of("arch_prctl", [0x1023, 0x12], 0x687ff));
        Assert.Equal("arch_prctl(0x1023, 0x12) = 0x20", Of("arch_prctl", [0x1023, 0x12], 0x20, options: raw));
    }

    [Fact]
    public void PR_SCHED_CORE_GET_prints_the_cookie_it_wrote()
    {
        var m = new FakeMemory();
        ulong cookie = m.Longs(unchecked((long)0xdeadc0debadc0dedUL));
        Assert.Equal("prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 1234, 0x1 /* PIDTYPE_TGID */, [0xdeadc0debadc0ded]) = 0",
            Of("prctl", [62, 0xffffffff00000000, 0xffffffff000004d2, 1, cookie], 0, m));
        Assert.Equal($"prctl(PR_SCHED_CORE, 0x4 /* PR_SCHED_CORE_??? */, -1, 0xffffffff /* PIDTYPE_??? */, 0x{cookie:x}) = -1 EINVAL (Invalid argument)",
            Of("prctl", [62, 4, 0xffffffff, 0xffffffff, cookie], -22, m));
        Assert.Equal("prctl(0x3e, 0, 1234, 0, NULL) = -1 ESRCH (No such process)",
            Of("prctl", [62, 0, 1234, 0, 0], -3, m, new DecodeOptions { ConstStyle = ConstStyle.Raw }));
    }

    [Fact]
    public void Resource_limits()
    {
        var m = new FakeMemory();
        ulong old = m.Longs(8192 * 1024, -1);
        Assert.Equal("prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0", Of("prlimit64", [0, 3, 0, old], 0, m));
        ulong lim = m.Longs(1024, 4096 * 1024);
        Assert.Equal("prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4096*1024}, NULL) = -1 EPERM (Operation not permitted)",
            Of("prlimit64", [0, 7, lim, 0], -1, m));
        Assert.Equal("getrlimit(0x63 /* RLIMIT_??? */, NULL) = -1 EINVAL (Invalid argument)", Of("getrlimit", [99, 0], -22));
        // x86_64's rlim_t is 64 bits in getrlimit and setrlimit as well: strace names RLIM64_INFINITY there too.
        ulong inf = m.Longs(-1, -1);
        Assert.Equal("getrlimit(RLIMIT_CPU, {rlim_cur=RLIM64_INFINITY, rlim_max=RLIM64_INFINITY}) = 0", Of("getrlimit", [0, inf], 0, m));
        Assert.Equal("setrlimit(RLIMIT_CPU, {rlim_cur=RLIM64_INFINITY, rlim_max=RLIM64_INFINITY}) = 0", Of("setrlimit", [0, inf], 0, m));
    }

    [Fact]
    public void Times_in_ticks_with_seconds_as_strace_prints_them()
    {
        var m = new FakeMemory();
        ulong tms = m.Longs(40, 50, 0, 12345);
        Assert.Equal("times({tms_utime=40 /* 0.40 s */, tms_stime=50 /* 0.50 s */, tms_cutime=0, tms_cstime=12345 /* 123.45 s */}) = 1720654936",
            Of("times", [tms], 1720654936, m));
        Assert.Equal("times({tms_utime=40, tms_stime=50, tms_cutime=0, tms_cstime=12345}) = 1720654936",
            Of("times", [tms], 1720654936, m, new DecodeOptions { ConstStyle = ConstStyle.Raw }));
        Assert.Equal($"times(0x{tms + 4096:x}) = 1720654936", Of("times", [tms + 4096], 1720654936, m));
    }

    [Fact]
    public void Getrandom_is_always_hex()
    {
        var m = new FakeMemory();
        ulong buf = m.Put([0x06, 0x96, 0x03, 0x40, 0xfa, 0x66, 0x38, 0x81]);
        Assert.Equal("getrandom(\"\\x06\\x96\\x03\\x40\\xfa\\x66\\x38\\x81\", 8, GRND_NONBLOCK) = 8", Of("getrandom", [buf, 8, 1], 8, m));
        Assert.Equal("getrandom(NULL, 0, GRND_NONBLOCK|GRND_RANDOM|GRND_INSECURE|0xf8) = -1 EINVAL (Invalid argument)", Of("getrandom", [0, 0, 0xff], -22));
    }

    [Fact]
    public void Futex_commands()
    {
        Assert.Equal("futex(0x7faddd424a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0", Of("futex", [0x7faddd424a4c, 129, 0x7fffffff, 0, 0, 0], 0));
        Assert.Equal("futex(0x7f00, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY) = 0",
            Of("futex", [0x7f00, 0x189, 0, 0, 0, 0xffffffff], 0));
        Assert.Equal("futex(NULL, 0x7f /* FUTEX_??? */, 0, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)", Of("futex", [0, 0x7f, 0, 0, 0, 0], -38));
    }

    [Fact]
    public void Ioprio_prints_the_priority_as_the_macro_that_builds_it()
    {
        Assert.Equal("ioprio_get(IOPRIO_WHO_PGRP, 0) = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))", Of("ioprio_get", [2, 0], 16388));
        Assert.Equal("ioprio_get(0x9 /* IOPRIO_WHO_??? */, 0) = -1 EINVAL (Invalid argument)", Of("ioprio_get", [9, 0], -22));
        Assert.Equal("ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7)) = 0", Of("ioprio_set", [1, 0, (3 << 13) | 7], 0));
        Assert.Equal("ioprio_set(0 /* IOPRIO_WHO_??? */, 0, IOPRIO_PRIO_VALUE(0x5 /* IOPRIO_CLASS_??? */, 41)) = -1 EINVAL (Invalid argument)",
            Of("ioprio_set", [0, 0, (5 << 13) | 41], -22));
        // The priority is an int: -X raw and verbose show it signed.
        Assert.Equal("ioprio_set(0xfa57beef, -629534633, -87097619) = -1 EINVAL (Invalid argument)",
            Of("ioprio_set", [0xfa57beef, 0xdeadfeedda7a1057, 0xbadc0dedfacefeed], -22, options: new DecodeOptions { ConstStyle = ConstStyle.Raw }));
    }
}
