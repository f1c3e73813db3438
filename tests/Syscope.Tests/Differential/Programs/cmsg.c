/* Control messages both ways: descriptors and credentials over a UNIX socketpair, the timestamps
   and IP_* messages a loopback UDP socket receives, IP_* messages sent, a control buffer the
   kernel truncates (MSG_CTRUNC), and hand-made control data on a closed descriptor that strace
   decodes all the same (a short cmsg_len, an unknown level and type, a length past the buffer,
   short data, bytes after the last header). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/net_tstamp.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef SO_TIMESTAMP_NEW
#define SO_TIMESTAMP_NEW 63
#define SO_TIMESTAMPNS_NEW 64
#define SO_TIMESTAMPING_NEW 65
#endif
#ifndef SCM_SECURITY
#define SCM_SECURITY 3
#endif

static union { struct cmsghdr align; char bytes[512]; } control, received;

static void put(size_t *off, int level, int type, const void *data, size_t len)
{
    struct cmsghdr *c = (struct cmsghdr *)(control.bytes + *off);
    c->cmsg_len = CMSG_LEN(len);
    c->cmsg_level = level;
    c->cmsg_type = type;
    memcpy(CMSG_DATA(c), data, len);
    *off += CMSG_SPACE(len);
}

static void receive(int fd, size_t controllen)
{
    char buf[16];
    struct iovec iov = { buf, sizeof buf };
    struct sockaddr_in from;
    struct msghdr mh = { &from, sizeof from, &iov, 1, received.bytes, controllen, 0 };
    memset(&received, 0, sizeof received);
    recvmsg(fd, &mh, MSG_DONTWAIT);
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
            for (size_t i = 0; i < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int); i++)
                close(((int *)CMSG_DATA(c))[i]);
}

static int udp(struct sockaddr_in *addr)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    socklen_t len = sizeof *addr;
    addr->sin_family = AF_INET;
    addr->sin_port = 0;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, (struct sockaddr *)addr, len);
    getsockname(fd, (struct sockaddr *)addr, &len);
    return fd;
}

int main(void)
{
    int one = 1, sv[2];
    size_t off = 0;
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
    int passed[2] = { open("/dev/null", O_RDONLY), open("/etc/issue", O_RDONLY) };
    struct ucred cred = { getpid(), getuid(), getgid() };
    put(&off, SOL_SOCKET, SCM_RIGHTS, passed, sizeof passed);
    put(&off, SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof cred);
    struct iovec iov = { "fds", 3 };
    struct msghdr mh = { 0, 0, &iov, 1, control.bytes, off, 0 };
    sendmsg(sv[0], &mh, 0);
    receive(sv[1], sizeof received);
    /* Room for the credentials only: the descriptors are cut off (MSG_CTRUNC). */
    sendmsg(sv[0], &mh, 0);
    close(passed[0]);
    close(passed[1]);
    receive(sv[1], CMSG_SPACE(sizeof cred) + 4);
    /* Nothing left to receive: a failed call shows only the name length offered. */
    receive(sv[1], sizeof received);

    struct sockaddr_in a, b;
    int rx = udp(&a), tx = udp(&b);
    int ts = SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE;
    setsockopt(rx, SOL_SOCKET, SO_TIMESTAMP, &one, sizeof one);
    setsockopt(rx, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    setsockopt(rx, IPPROTO_IP, IP_RECVTTL, &one, sizeof one);
    setsockopt(rx, IPPROTO_IP, IP_RECVTOS, &one, sizeof one);
    setsockopt(rx, IPPROTO_IP, IP_RECVORIGDSTADDR, &one, sizeof one);
    sendto(tx, "udp", 3, 0, (struct sockaddr *)&a, sizeof a);
    receive(rx, sizeof received);
    setsockopt(rx, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
    setsockopt(rx, SOL_SOCKET, SO_TIMESTAMPING, &ts, sizeof ts);
    sendto(tx, "ns", 2, 0, (struct sockaddr *)&a, sizeof a);
    receive(rx, sizeof received);
    setsockopt(rx, SOL_SOCKET, SO_TIMESTAMPNS_NEW, &one, sizeof one);
    setsockopt(rx, SOL_SOCKET, SO_TIMESTAMPING_NEW, &ts, sizeof ts);
    sendto(tx, "new", 3, 0, (struct sockaddr *)&a, sizeof a);
    receive(rx, sizeof received);
    setsockopt(rx, SOL_SOCKET, SO_TIMESTAMP_NEW, &one, sizeof one);
    sendto(tx, "new2", 4, 0, (struct sockaddr *)&a, sizeof a);
    receive(rx, sizeof received);

    /* IP_* messages sent. */
    off = 0;
    struct in_pktinfo pi = { 0, { htonl(INADDR_LOOPBACK) }, { 0 } };
    int ttl = 7, tos = 0x10;
    put(&off, IPPROTO_IP, IP_PKTINFO, &pi, sizeof pi);
    put(&off, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
    put(&off, IPPROTO_IP, IP_TOS, &tos, 1);
    struct msghdr out = { &a, sizeof a, &iov, 1, control.bytes, off, 0 };
    sendmsg(tx, &out, 0);

    /* Hand-made control data, decoded on entry although the descriptor is closed. */
    int bad = 99;
    off = 0;
    unsigned char opts[6] = { 1, 2, 3, 4, 5, 6 };
    put(&off, 0x1234, 5, opts, 3);
    put(&off, IPPROTO_IP, IP_RETOPTS, opts, 6);
    put(&off, SOL_SOCKET, SCM_RIGHTS, opts, 2);
    put(&off, SOL_SOCKET, SO_TIMESTAMP, opts, 4);
    put(&off, IPPROTO_IP, 0x77, opts, 2);
    put(&off, SOL_SOCKET, 0x55, opts, 1);
    struct msghdr odd = { 0, 0, &iov, 1, control.bytes, off + 9, MSG_DONTWAIT };
    sendmsg(bad, &odd, 0);
    ((struct cmsghdr *)control.bytes)->cmsg_len = 8;
    sendmsg(bad, &odd, 0);
    ((struct cmsghdr *)control.bytes)->cmsg_len = 4096;
    sendmsg(bad, &odd, 0);
    /* Arrays strace cuts at -s elements unless -v, a security context (every byte, the NUL
       too), an extended error with its offender. */
    int many[40];
    memset(many, 0xff, sizeof many);
    char context[40] = "system_u:object_r:unlabeled_t:s0\0tail..";
    struct { unsigned int err; unsigned char origin, type, code, pad; unsigned int info, data; struct sockaddr_in offender; } ee =
        { 111, 2, 3, 4, 0, 5, 6, { AF_INET, htons(53), { htonl(INADDR_LOOPBACK) } } };
    unsigned char bytes[36];
    for (int i = 0; i < 36; i++) bytes[i] = i;
    off = 0;
    put(&off, SOL_SOCKET, SCM_RIGHTS, many, sizeof many);
    put(&off, SOL_SOCKET, SCM_SECURITY, context, sizeof context);
    put(&off, IPPROTO_IP, IP_RECVERR, &ee, sizeof ee);
    put(&off, IPPROTO_IP, IP_RECVOPTS, bytes, sizeof bytes);
    odd.msg_controllen = off;
    odd.msg_control = control.bytes;
    sendmsg(bad, &odd, 0);
    odd.msg_controllen = 10;
    sendmsg(bad, &odd, 0);
    odd.msg_control = (void *)16;
    sendmsg(bad, &odd, 0);
    return 0;
}
