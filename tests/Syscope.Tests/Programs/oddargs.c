/* Calls of strace 6.1's own test suite (tools/strace-suite.sh) with the odd arguments it checks
 * and everyday programs never pass: poll and select with negative descriptors, unreadable and
 * shared sets; process_vm_readv/writev; wait4 and waitid with nothing to collect; registers whose
 * upper half is not part of the argument; the flag sets of unshare, setns, swapon, userfaultfd,
 * pkey_alloc, sync_file_range and shmget's huge page size. Raw syscalls with fixed values that
 * fail or change nothing outside this process, so every line is the same under strace and
 * syscope. -P /dev/null selects the calls that name it. Run by OddArgumentsTests. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define HIGH 0xdefaced00000000ULL

static long sys(long nr, unsigned long a, unsigned long b, unsigned long c, unsigned long d,
                unsigned long e, unsigned long f)
{
    return syscall(nr, a, b, c, d, e, f);
}

#define U(p) ((unsigned long)(p))

int main(void)
{
    int null = open("/dev/null", O_RDWR);
    int fds[2];
    if (null < 0 || pipe(fds) != 0) return 1;

    /* A page followed by an unmapped one: what lies at its end can be read, past it not. */
    char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) return 1;
    munmap(page + 4096, 4096);
    char *end = page + 4096;

    /* poll: negative descriptors show no events; nfds is an unsigned int. */
    struct pollfd pf[3] = { { -1, POLLIN, 0 }, { null, POLLOUT, 0 }, { -3, POLLIN | POLLPRI, 0 } };
    sys(__NR_poll, U(pf), HIGH | 3, 0, 0, 0, 0);
    sys(__NR_poll, U(end), 1, 0, 0, 0, 0);
    struct pollfd *tail = (struct pollfd *)(end - sizeof(struct pollfd));
    *tail = (struct pollfd){ null, POLLOUT, 0 };
    sys(__NR_poll, U(tail), 2, 0, 0, 0, 0);
    struct timespec zero = { 0, 0 };
    sys(__NR_ppoll, U(pf), 3, U(&zero), 0, 8, 0);
    sys(__NR_ppoll, U(end), 42, U(end), U(end), 8, 0);

    /* select: one set for all three comes back empty, "= 1 ()"; an unreadable set is its address. */
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fds[0], &set);
    FD_SET(fds[1], &set);
    sys(__NR_select, fds[1] + 1, U(&set), U(&set), U(&set), 0, 0);
    FD_ZERO(&set);
    FD_SET(null, &set);
    sys(__NR_select, null + 1, U(&set), 0, 0, 0, 0);
    uint64_t *word = (uint64_t *)(end - 8);
    *word = 1UL << null;
    sys(__NR_select, 1025, U(word), 0, 0, 0, 0);
    struct { void *mask; size_t size; } pair = { NULL, 8 };
    FD_ZERO(&set);
    sys(__NR_pselect6, null + 1, U(&set), 0, 0, U(&zero), U(&pair));

    /* process_vm_readv/writev on this process: local data, remote addresses. */
    static char src[] = "abcdefgh", a[4], b[8];
    struct iovec local[2] = { { a, sizeof a }, { b, sizeof b } }, remote = { src, 8 };
    sys(__NR_process_vm_readv, getpid(), U(local), 2, U(&remote), 1, 0);
    sys(__NR_process_vm_readv, getpid(), U(local), 0, U(&remote), 0, 0);
    sys(__NR_process_vm_writev, getpid(), U(&remote), 1, U(local), 2, 0);
    struct iovec huge = { end, (size_t)-1 };
    sys(__NR_process_vm_writev, getpid(), U(&huge), 1, U(local), 2, 0);
    sys(__NR_writev, -1, U(&huge), 1, 0, 0, 0);

    /* A child to wait for, that is not ready: nothing collected.  SIGCHLD stays blocked, so its
     * arrival is no line of its own, before or after the waitid that reaps the child. */
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    pid_t child = fork();
    if (child == 0) { pause(); _exit(0); }
    int status = -1;
    struct rusage ru;
    memset(&ru, 0xff, sizeof ru);
    siginfo_t si;
    memset(&si, 0xff, sizeof si);
    sys(__NR_wait4, -1, U(&status), WNOHANG, U(&ru), 0, 0);
    sys(__NR_waitid, P_ALL, 0, U(&si), WNOHANG | WEXITED, U(&ru), 0);
    sys(__NR_waitid, P_PGID, -1, U(&si), WEXITED, U(&ru), 0);
    kill(child, SIGKILL);
    sys(__NR_waitid, P_ALL, 0, 0, WEXITED, 0, 0);

    /* Flag sets, and registers wider than their argument. */
    sys(__NR_unshare, 0xbadc0ded0000000fULL, 0, 0, 0, 0, 0);
    sys(__NR_unshare, 0x81f8f07f, 0, 0, 0, 0, 0);
    sys(__NR_setns, -1, 0x80, 0, 0, 0, 0);
    sys(__NR_setns, -1, 0x81fdff7f, 0, 0, 0, 0);
    sys(__NR_setns, -1, -1, 0, 0, 0, 0);
    sys(__NR_pidfd_getfd, -1, -1, HIGH, 0, 0, 0);
    sys(__NR_pidfd_send_signal, -1, SIGUSR1, 0, HIGH, 0, 0);
    sys(__NR_process_mrelease, -1, HIGH | 0xfacefeed, 0, 0, 0, 0);
    static gid_t groups[2] = { (gid_t)-1, 0 };
    sys(__NR_setgroups, 1, U(groups), 0, 0, 0, 0);
    sys(__NR_setgroups, 65537, U(groups), 0, 0, 0, 0);
    sys(__NR_shmget, 0x0dda5000, 0xdec0ded1dec0ded2ULL, (21U << 26) | 0600, 0, 0, 0);
    sys(__NR_shmget, 0x0dda5000, 0xdec0ded1dec0ded2ULL, (21U << 26) | IPC_CREAT | 0600, 0, 0, 0);
    sys(__NR_semop, -1, 0, HIGH | 3, 0, 0, 0);
    sys(__NR_swapon, U("oddargs.nonexistent"), 0x8000 | 42, 0, 0, 0, 0);
    sys(__NR_swapon, U("oddargs.nonexistent"), 42, 0, 0, 0, 0);
    sys(__NR_swapon, U("oddargs.nonexistent"), -1, 0, 0, 0, 0);
    sys(__NR_sync_file_range, -1, 0, 0, -1, 0, 0);
    sys(__NR_userfaultfd, -1, 0, 0, 0, 0, 0);
    sys(__NR_pkey_alloc, HIGH, 7, 0, 0, 0, 0);
    sys(__NR_pkey_alloc, 0, 0xbadc0ded00000002ULL, 0, 0, 0, 0);
    sys(__NR_pkey_mprotect, 0, 0, 0xdeadfeed00ca7500ULL, -1, 0, 0);
    sys(__NR_request_key, 0, 0, 0, -1, 0, 0);
    sys(__NR_request_key, 0, 0, 0, -1234567890, 0, 0);
    sys(__NR_open_tree, -1, U(""), -1, 0, 0, 0);
    sys(__NR_openat, -1, U("oddargs.nonexistent"), O_RDONLY | 0x100000, 0, 0, 0);
    sys(__NR_openat, -1, U("oddargs.nonexistent"), O_WRONLY | 0x400000, 0, 0, 0);
    sys(__NR_rt_sigpending, U(end - 4), 4, 0, 0, 0, 0);
    sys(__NR_rt_sigpending, U(end - 1), 1, 0, 0, 0, 0);
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_signo = (int)0xfacefeed;
    sev.sigev_notify = 0xdefaced;
    sys(__NR_timer_create, CLOCK_REALTIME, U(&sev), 0, 0, 0, 0);
    int tfd = (int)sys(__NR_timerfd_create, CLOCK_MONOTONIC, 0, 0, 0, 0, 0);
    struct itimerspec its;
    sys(__NR_timerfd_gettime, tfd, U(&its), 0, 0, 0, 0);
    struct utimbuf_k { long actime, modtime; } ub = { 1492350678, 1492350678 };
    sys(__NR_utime, U(""), 0, 0, 0, 0, 0);
    sys(__NR_utime, U("oddargs.nonexistent"), U(&ub), 0, 0, 0, 0);
    struct { long sec, usec; } tv[2] = { { 1492358607, 345678 }, { 1492356078, 1000000 } };
    sys(__NR_utimes, U("oddargs.nonexistent"), U(tv), 0, 0, 0, 0);
    struct iovec spl[3] = { { "012", 3 }, { "34567", 5 }, { "89abcde", 7 } };
    sys(__NR_vmsplice, fds[1], U(spl), 3, 2, 0, 0);
    sys(__NR_set_mempolicy, 0, U(page), 0, 0, 0, 0);
    /* sendfile: the offset at entry and, when the call moved it, where to; unsigned. */
    int self = open("/proc/self/exe", O_RDONLY);
    long long off = 0;
    sys(__NR_sendfile, null, self, U(&off), 100, 0, 0);
    sys(__NR_sendfile, null, self, U(&off), 0, 0, 0);
    off = -0x35012345678LL;
    sys(__NR_sendfile, null, self, U(&off), 1, 0, 0);
    sys(__NR_sendfile, null, self, 0, 10, 0, 0);
    sys(__NR_sendfile, null, self, U(end - 4), 10, 0, 0);
    return 0;
}
