/* Calls whose arguments are arrays, signal sets and structures (--json's typed composites), with
 * values fixed here so a test can assert every one.  Descriptors: the pipe is 3 and 4, the socket
 * pair 5 and 6, the INET socket 7.  The getppid() call is the start marker. */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
    syscall(SYS_getppid);

    /* Raw calls: the C library would add or drop its own signals. */
    unsigned long set = (1UL << (SIGUSR1 - 1)) | (1UL << (SIGTERM - 1)), all_but_int = ~(1UL << (SIGINT - 1)), old;
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all_but_int, &old, 8);
    set = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8);

    struct rlimit limit = { 256, 8192 };
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &limit, NULL);
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &limit);

    int p[2];
    pipe2(p, O_CLOEXEC);
    struct iovec out[2] = { { "ab", 2 }, { "cde", 3 } };
    writev(p[1], out, 2);
    char a[2], b[10];
    struct iovec in[2] = { { a, sizeof a }, { b, sizeof b } };
    readv(p[0], in, 2);
    struct pollfd fds[2] = { { p[1], POLLOUT, 0 }, { p[0], POLLIN, 0 } };
    poll(fds, 2, 0);

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    char control[CMSG_SPACE(sizeof(int))];
    memset(control, 0, sizeof control);
    struct iovec hi = { "hi", 2 };
    struct msghdr msg = { .msg_iov = &hi, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control };
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
    sendmsg(sv[0], &msg, 0);

    int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    char name[64];
    socklen_t len = sizeof name;
    getsockname(s, (struct sockaddr *)name, &len);

    /* ioctl requests: named (the pipe is empty by now), named by two headers, and one no header names. */
    int queued = -1;
    ioctl(p[0], FIONREAD, &queued);
    ioctl(p[0], TCSETS, NULL);
    ioctl(p[0], _IOC(_IOC_READ, 0xfe, 0x7, 4), 0);
    return 0;
}
