/* Calls whose arguments strace 6.1's own test suite checks closely (tools/strace-suite.sh): prctl
 * options with the arguments each reads, and odd arguments elsewhere (the upper half of a 32-bit
 * argument, a whole-register prot, an unsigned quota id, a huge-page size alone). Raw syscalls
 * with fixed values, so every line is the same under strace and syscope; nothing that changes
 * more than this process. Run by StraceSuiteDecodingTests. */
#define _GNU_SOURCE
#include <linux/prctl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define HIGH 0xdefaced00000000ULL

static long sys(long nr, unsigned long a, unsigned long b, unsigned long c, unsigned long d, unsigned long e)
{
    return syscall(nr, a, b, c, d, e);
}

int main(void)
{
    static char name[16];
    static int value;
    static unsigned long addr;
    const unsigned long bogus = 0xfacefeeddeadbeefUL;

    /* The option is an int: the upper half of the register is not printed. */
    sys(__NR_prctl, HIGH | PR_GET_DUMPABLE, bogus, 0, 0, 0);
    sys(__NR_prctl, PR_SET_DUMPABLE, 3, 0, 0, 0);
    sys(__NR_prctl, PR_SET_DUMPABLE, HIGH | 1, 0, 0, 0);
    sys(__NR_prctl, PR_GET_KEEPCAPS, 0, 0, 0, 0);
    sys(__NR_prctl, PR_GET_TIMERSLACK, 0, 0, 0, 0);
    sys(__NR_prctl, PR_GET_SECCOMP, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_NAME, (unsigned long)"breadth", 0, 0, 0);
    sys(__NR_prctl, PR_GET_NAME, (unsigned long)name, 0, 0, 0);
    sys(__NR_prctl, PR_SET_PDEATHSIG, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_PDEATHSIG, HIGH | 2, 0, 0, 0);
    sys(__NR_prctl, PR_GET_PDEATHSIG, (unsigned long)&value, 0, 0, 0);
    sys(__NR_prctl, PR_GET_PDEATHSIG, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_UNALIGN, 3, 0, 0, 0);
    sys(__NR_prctl, PR_GET_UNALIGN, (unsigned long)&value, 0, 0, 0);
    sys(__NR_prctl, PR_SET_TSC, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
    sys(__NR_prctl, PR_GET_TSC, (unsigned long)&value, 0, 0, 0);
    sys(__NR_prctl, PR_GET_SECUREBITS, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_SECUREBITS, HIGH | 0x100, 0, 0, 0);
    sys(__NR_prctl, PR_CAPBSET_READ, 13, 0, 0, 0);
    sys(__NR_prctl, PR_CAPBSET_READ, 0xff, 0, 0, 0);
    sys(__NR_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 13, 0, 0);
    sys(__NR_prctl, PR_CAP_AMBIENT, 0xff, 0xaaaa, 0xbbbb, 0xcccc);
    sys(__NR_prctl, PR_MCE_KILL, PR_MCE_KILL_SET, 0xff, 0, 0);
    sys(__NR_prctl, PR_MCE_KILL, 0xaaaa, 0xbbbb, 0xcccc, 0xdddd);
    sys(__NR_prctl, PR_MCE_KILL_GET, 0, 0, 0, 0);
    sys(__NR_prctl, PR_GET_TID_ADDRESS, (unsigned long)&addr, 0, 0, 0);
    sys(__NR_prctl, PR_GET_CHILD_SUBREAPER, (unsigned long)&value, 0, 0, 0);
    sys(__NR_prctl, PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    sys(__NR_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_THP_DISABLE, 0, 0, 0, 0);
    sys(__NR_prctl, PR_GET_THP_DISABLE, 0, 0, 0, 0);
    sys(__NR_prctl, PR_SET_PTRACER, -1UL, 0, 0, 0);
    sys(__NR_prctl, PR_SET_PTRACER, 0x7fffffff, 0, 0, 0);
    sys(__NR_prctl, PR_SET_SECCOMP, 0xff, 1, 2, 3);
    sys(__NR_prctl, PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0, 1, (unsigned long)"anon");
    sys(__NR_prctl, PR_SET_VMA, 0xff, 0, 1, 0);
    sys(__NR_prctl, PR_SET_FP_MODE, 0x23, 0, 0, 0);
    sys(__NR_prctl, PR_PAC_RESET_KEYS, HIGH | 0x1f, 0, 0, 0);
    sys(__NR_prctl, PR_PAC_SET_ENABLED_KEYS, 0x1f, 0, 0, 1);
    /* A name of 15 bytes and one of 16 (cut, "..."); the name set back. */
    sys(__NR_prctl, PR_SET_NAME, (unsigned long)"0123456789abcde", 0, 0, 0);
    sys(__NR_prctl, PR_GET_NAME, (unsigned long)name, 0, 0, 0);
    sys(__NR_prctl, PR_SET_NAME, (unsigned long)"0123456789abcdef", 0, 0, 0);
    sys(__NR_prctl, 0xffffffff, 0xfffffffe, 0xfffffffd, 0xfffffffc, 0xfffffffb);
    /* PR_SCHED_CORE: the command, a pid, its scope in a comment, the cookie's address (no such pid). */
    sys(__NR_prctl, PR_SCHED_CORE, HIGH | 0 /* PR_SCHED_CORE_GET */, HIGH | 0x7ffffffe, HIGH | 2, 0);
    sys(__NR_prctl, PR_SCHED_CORE, 1 /* PR_SCHED_CORE_CREATE */, 0x7ffffffe, 3, 0x1000);
    sys(__NR_prctl, PR_SCHED_CORE, 4, -1UL, 0xffffffff, 0);
    /* Speculation controls: what this machine says, and controls refused. */
    sys(__NR_prctl, PR_GET_SPECULATION_CTRL, 0 /* PR_SPEC_STORE_BYPASS */, 0, 0, 0);
    sys(__NR_prctl, PR_GET_SPECULATION_CTRL, 1 /* PR_SPEC_INDIRECT_BRANCH */, 0, 0, 0);
    sys(__NR_prctl, PR_GET_SPECULATION_CTRL, 3, bogus, 0, 0);
    sys(__NR_prctl, PR_SET_SPECULATION_CTRL, 0, 1, 0, 0);
    sys(__NR_prctl, PR_SET_SPECULATION_CTRL, bogus, bogus, 0, 0);
    /* Syscall user dispatch: a region that wraps around, and an unknown mode (both refused). */
    sys(__NR_prctl, PR_SET_SYSCALL_USER_DISPATCH, 1 /* PR_SYS_DISPATCH_ON */, bogus, 0, 0);
    sys(__NR_prctl, PR_SET_SYSCALL_USER_DISPATCH, HIGH, 1, 1, 1);
    /* Vector lengths, tagged addresses and pointer authentication: arm64 only, refused here. */
    sys(__NR_prctl, PR_SVE_SET_VL, 0xff, 1, 2, 3);
    sys(__NR_prctl, PR_SVE_SET_VL, 0x600ff, 1, 2, 3);
    sys(__NR_prctl, PR_SME_SET_VL, 0xbad00000, 1, 2, 3);
    sys(__NR_prctl, PR_SME_GET_VL, 1, 2, 3, 4);
    sys(__NR_prctl, PR_SET_TAGGED_ADDR_CTRL, 0x57ae57f4, 1, 2, 3);
    sys(__NR_prctl, PR_SET_TAGGED_ADDR_CTRL, -1UL, 1, 2, 3);
    sys(__NR_prctl, PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
    sys(__NR_prctl, PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0);
    /* PR_SET_TSC's and PR_SET_PTRACER's arguments are ints. */
    sys(__NR_prctl, PR_SET_TSC, HIGH | 7, 0, 0, 0);
    sys(__NR_prctl, PR_SET_PTRACER, HIGH | 0xffffffff, 0, 0, 0);

    /* arch_prctl: x86 state components by name, in a comment. */
    sys(__NR_arch_prctl, 0x1004 /* ARCH_GET_GS */, (unsigned long)&addr, 0, 0, 0);
    sys(__NR_arch_prctl, 0x1004, 0, 0, 0, 0);
    sys(__NR_arch_prctl, 0x1011 /* ARCH_GET_CPUID */, 0xdeadc0de, 0, 0, 0);
    sys(__NR_arch_prctl, 0x1021 /* ARCH_GET_XCOMP_SUPP */, (unsigned long)&addr, 0, 0, 0);
    sys(__NR_arch_prctl, 0x1022 /* ARCH_GET_XCOMP_PERM */, 0, 0, 0, 0);
    sys(__NR_arch_prctl, 0x1023 /* ARCH_REQ_XCOMP_PERM */, 0x11, 0, 0, 0);
    sys(__NR_arch_prctl, 0x1023, 0x10, 0, 0, 0);
    sys(__NR_arch_prctl, 0x1025 /* ARCH_REQ_XCOMP_GUEST_PERM */, 0, 0, 0, 0);

    /* 30<<MFD_HUGE_SHIFT alone; then every bit. */
    sys(__NR_memfd_create, (unsigned long)"huge", 30UL << 26, 0, 0, 0);
    sys(__NR_memfd_create, 0, -1UL, 0, 0, 0);
    /* process_madvise's flags are an unsigned int. */
    sys(__NR_process_madvise, -1UL, 0, 0, 20 /* MADV_COLD */, HIGH);
    sys(__NR_process_madvise, -1UL, 0, 0, 20, HIGH | 0xffffffff);
    /* remap_file_pages takes prot as a whole register. */
    sys(__NR_remap_file_pages, 0, 0, HIGH, 0, 0);
    /* mbind: MPOL_MF_LAZY is unknown to strace 6.1; the mode is a whole register, an unknown one
       after its flags. */
    syscall(__NR_mbind, 0, 0, 0, 0, 0, 0xffffffffUL);
    syscall(__NR_mbind, 0, 0, 0xffffffffUL, 0, 0, 0);
    syscall(__NR_mbind, 0, 0, 0xffffffff00000000UL, 0, 0, 0);
    /* kcmp's descriptors and epoll slot; memfd_secret's flags; add_key's keyring. */
    static const unsigned int slot[3] = {0xdeadbeef, 42, 0xbadc0ded};
    syscall(__NR_kcmp, 0, -1, 7 /* KCMP_EPOLL_TFD */, 1, slot);
    syscall(__NR_kcmp, 0, 0, 0 /* KCMP_FILE */, 1, 2);
    syscall(__NR_memfd_secret, 0xde97faceUL);
    syscall(__NR_add_key, 0, 0, 0, 0, -1UL);
    syscall(__NR_add_key, 0, 0, 0, 0, -1234567890L);
    /* An array whose element after -s (32) cannot be read: "... /\* address *\/". */
    char *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages != MAP_FAILED) {
        munmap(pages + 4096, 4096);
        void **list = (void **)(pages + 4096) - 32;
        for (int i = 0; i < 32; i++) list[i] = pages;
        syscall(__NR_move_pages, 0, 33UL, list, 0, 0, 0);
    }
    /* openat2's how past the known 24 bytes: zeros, bytes, and an unreadable tail. */
    if (pages != MAP_FAILED) {
        unsigned long *how = (unsigned long *)(pages + 4096) - 4;
        memset(how, 0, 32);
        how[0] = 0x80 /* O_EXCL */;
        syscall(__NR_openat2, -1, "breadth.sample", how, 32);
        how[3] = 0x8786858483828180UL;
        syscall(__NR_openat2, -1, "breadth.sample", how, 32);
        syscall(__NR_openat2, -1, "breadth.sample", how, 40);
    }
    /* quotactl's id is unsigned. */
    sys(__NR_quotactl, 0x800007 << 8 /* QCMD(Q_GETQUOTA, USRQUOTA) */, (unsigned long)"/dev/bogus/", 3397364973UL, 0, 0);
    sys(__NR_quotactl, 0x800007 << 8 | 1 /* GRPQUOTA */, 0, -1UL, 0, 0);
    /* Paths at the end of readable memory: five bytes and no NUL before an unmapped page (strace
       prints the address), and PATH_MAX readable bytes with no NUL (cut at PATH_MAX - 1, "..."). */
    char *edge = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (edge != MAP_FAILED) {
        munmap(edge + 2 * 4096, 4096);
        memset(edge, '/', 2 * 4096);
        memcpy(edge + 2 * 4096 - 5, "abcde", 5);
        syscall(__NR_chdir, edge + 2 * 4096 - 5);
        syscall(__NR_faccessat, -1, edge + 2 * 4096 - 5, 0);
        memset(edge, '/', 2 * 4096);
        syscall(__NR_chdir, edge + 2 * 4096 - 4096);
    }
    /* Times strace leaves without a date (the epoch, a fraction over a second) and prints unsigned. */
    long ts[4] = {0, 0, -1, 2000000000};
    syscall(__NR_utimensat, -100, "breadth-no-such-file", ts, 0);
    ts[3] = -5;
    syscall(__NR_utimensat, -100, "breadth-no-such-file", ts, 0);
    /* rlim_t is 64 bits in getrlimit and setrlimit too: RLIM64_INFINITY. */
    unsigned long rl[2];
    if (syscall(__NR_getrlimit, 0 /* RLIMIT_CPU */, rl) == 0) syscall(__NR_setrlimit, 0, rl);
    unsigned long tms[4];
    syscall(__NR_times, tms);
    return 0;
}
