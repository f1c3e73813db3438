/* Every form -yy and --decode-fds print after a descriptor: TCP and UDP over loopback (v4 and v6,
 * listening, connected, bound then connected), UNIX stream/dgram/seqpacket pairs, a bound path, an
 * abstract name, netlink bound and unbound, a raw socket, /dev/null, a block device, a pipe, a
 * regular file, the working directory, and pidfds of a live and of a reaped process.  Each
 * descriptor is shown by fcntl(F_GETFD), so `-e trace=fcntl` isolates the forms. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <linux/netlink.h>

static void show(int fd) { fcntl(fd, F_GETFD); }

static void inet(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t al = sizeof a;
    int l = socket(AF_INET, SOCK_STREAM, 0); show(l);
    bind(l, (void *)&a, sizeof a); listen(l, 1); show(l);
    getsockname(l, (void *)&a, &al);
    int c = socket(AF_INET, SOCK_STREAM, 0); connect(c, (void *)&a, sizeof a); show(c);
    int s = accept(l, NULL, NULL); show(s);
    write(c, "x", 1); show(c);

    struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    al = sizeof a6;
    int l6 = socket(AF_INET6, SOCK_STREAM, 0);
    if (bind(l6, (void *)&a6, sizeof a6) == 0) {
        listen(l6, 1); show(l6);
        getsockname(l6, (void *)&a6, &al);
        int c6 = socket(AF_INET6, SOCK_STREAM, 0); connect(c6, (void *)&a6, sizeof a6); show(c6);
        int s6 = accept(l6, NULL, NULL); show(s6);
    }

    struct sockaddr_in u = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    int d = socket(AF_INET, SOCK_DGRAM, 0); show(d);
    bind(d, (void *)&u, sizeof u); show(d);
    al = sizeof u; getsockname(d, (void *)&u, &al);
    int d2 = socket(AF_INET, SOCK_DGRAM, 0); connect(d2, (void *)&u, sizeof u); show(d2);
    /* Bound first, connected after: strace keeps showing the bound form it saw first. */
    struct sockaddr_in any = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    int d3 = socket(AF_INET, SOCK_DGRAM, 0); bind(d3, (void *)&any, sizeof any); show(d3);
    connect(d3, (void *)&u, sizeof u); show(d3);
    int d6 = socket(AF_INET6, SOCK_DGRAM, 0); show(d6);
    struct sockaddr_in zero = { .sin_family = AF_INET };
    int t0 = socket(AF_INET, SOCK_STREAM, 0); bind(t0, (void *)&zero, sizeof zero); listen(t0, 1); show(t0);
    int raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP); show(raw);
}

static void unix_sockets(void)
{
    int sp[2]; socketpair(AF_UNIX, SOCK_STREAM, 0, sp); show(sp[0]); show(sp[1]);
    int dp[2]; socketpair(AF_UNIX, SOCK_DGRAM, 0, dp); show(dp[1]);
    int qp[2]; socketpair(AF_UNIX, SOCK_SEQPACKET, 0, qp); show(qp[0]);
    struct sockaddr_un un = { .sun_family = AF_UNIX, .sun_path = "fds.sock" };
    unlink(un.sun_path);
    int l = socket(AF_UNIX, SOCK_STREAM, 0); show(l);
    bind(l, (void *)&un, sizeof un); listen(l, 1); show(l);
    int c = socket(AF_UNIX, SOCK_STREAM, 0); connect(c, (void *)&un, sizeof un);
    int s = accept(l, NULL, NULL); show(s); show(c);
    unlink(un.sun_path);
    struct sockaddr_un ab = { .sun_family = AF_UNIX };
    memcpy(ab.sun_path, "\0fds\"abs\n", 10);
    socklen_t abl = offsetof(struct sockaddr_un, sun_path) + 10;
    int a1 = socket(AF_UNIX, SOCK_DGRAM, 0); bind(a1, (void *)&ab, abl); show(a1);
    int a2 = socket(AF_UNIX, SOCK_DGRAM, 0); connect(a2, (void *)&ab, abl); show(a2);
}

static void netlink(void)
{
    int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE); show(n);
    struct sockaddr_nl na = { .nl_family = AF_NETLINK };
    bind(n, (void *)&na, sizeof na); show(n);
    int g = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC); bind(g, (void *)&na, sizeof na); show(g);
    int k = socket(AF_NETLINK, SOCK_RAW, NETLINK_KOBJECT_UEVENT); show(k);
}

static void files(void)
{
    int n = open("/dev/null", O_RDONLY); show(n);
    int z = open("/dev/zero", O_RDONLY); dup2(z, 100); show(100);
    int b = open("/dev/loop0", O_RDONLY); if (b >= 0) show(b);
    int f = open("/etc/hostname", O_RDONLY); show(f);
    int p[2]; pipe(p); show(p[1]);
    int dir = open(".", O_RDONLY | O_DIRECTORY); show(dir);
    int self = syscall(SYS_pidfd_open, getpid(), 0); show(self);
    pid_t child = fork();
    if (child == 0) _exit(0);
    /* Opened before the child is reaped, shown after: its fdinfo then says "Pid: -1". */
    int gone = syscall(SYS_pidfd_open, child, 0);
    waitpid(child, NULL, 0);
    show(gone);
}

int main(int argc, char **argv)
{
    /* The socket file goes in the working directory, or in argv[1] when a test names one. */
    if (argc > 1 && chdir(argv[1]) != 0) return 1;
    files();
    inet();
    unix_sockets();
    netlink();
    return 0;
}
