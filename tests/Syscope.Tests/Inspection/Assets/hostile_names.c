/* A process whose every name is hostile: argv, comm, a thread's comm, cwd (long: nested
   directories), the executable, an open and mapped file, a mapped deleted file, UNIX socket
   paths, a pipe and a socket whose other ends a second process with a hostile comm holds, and
   a TCP listener.  Every name holds the control bytes 0x01-0x1f and 0x7f, C1 controls as UTF-8
   and raw, invalid UTF-8, a newline and escape sequences (OSC 52 clipboard write, screen clear).
   Usage: hostile_names /ABSOLUTE/DIR MARKER (it runs itself again as DIR/exe-... MARKER arg-...).  Prints "PID CHILD PORT" when all is in place, then both threads block in read(). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void hostile(char *out, const char *prefix)
{
    char *p = stpcpy(out, prefix);
    for (int b = 1; b < 0x20; b++) *p++ = (char)b;
    *p++ = 0x7f;
    *p++ = '-';
    for (int b = 0x80; b < 0xa0; b++) { *p++ = (char)0xc2; *p++ = (char)b; }
    *p++ = '-';
    for (int b = 0x80; b < 0xa0; b++) *p++ = (char)b;
    strcpy(p, "\xff\xfe\xc3\xed\xa0\x80 \\ \xe2\x80\xa8\n\x1b]52;c;SGVsbG8=\a\x1b[2J");
}

static void fail(const char *what) { perror(what); exit(1); }

static int socks[2], pipefd[2];

static void *reader(void *arg)
{
    (void)arg;
    prctl(PR_SET_NAME, "t\x1b[1m\n\x9b\xc2\x85\x7f\r");
    char c;
    read(socks[0], &c, 1);
    return NULL;
}

static void *mapped(const char *name, int fd)
{
    char page[4096];
    memset(page, 'x', sizeof page);
    if (write(fd, page, sizeof page) != sizeof page) fail("write");
    void *m = mmap(NULL, sizeof page, PROT_READ, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) fail(name);
    return m;
}

int main(int argc, char **argv)
{
    char name[512];
    if (argc == 3 && argv[1][0] == '/') {
        /* Run again from a copy of the executable with a hostile name and command line. */
        if (chdir(argv[1]) != 0) fail("chdir");
        hostile(name, "exe-");
        int in = open("/proc/self/exe", O_RDONLY), out = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0755);
        char buf[65536];
        ssize_t n;
        if (in < 0 || out < 0) fail("copy");
        while ((n = read(in, buf, sizeof buf)) > 0) if (write(out, buf, n) != n) fail("copy");
        close(in);
        close(out);
        char arg[512], path[600];
        hostile(arg, "arg-");
        snprintf(path, sizeof path, "%s/%s", argv[1], name);
        execl(path, path, argv[2], arg, (char *)NULL);
        fail("execl");
    }
    /* A mapped name without a tab or newline, in DIR (the nested directories have tabs), shown
       whole by both tools, size included: it must be stat'ed by its bytes, which are not UTF-8. */
    const char *plain = "map-\xff\xfe\x1b[31m\xc2\x85\x7f\\";
    int mapfd = open(plain, O_CREAT | O_RDWR, 0644);
    if (mapfd < 0) fail("open");
    mapped(plain, mapfd);
    close(mapfd);
    /* A long cwd: eight nested directories of 250-byte hostile names. */
    for (int depth = 0; depth < 8; depth++) {
        char dir[300];
        hostile(dir, depth == 0 ? "cwd-" : "d-");
        size_t len = strlen(dir);
        memset(dir + len, 'L', sizeof dir - len);
        dir[250] = 0;
        if (mkdir(dir, 0755) != 0 || chdir(dir) != 0) fail("mkdir");
    }
    hostile(name, "file-");
    int file = open(name, O_CREAT | O_RDWR, 0644);
    if (file < 0) fail("open");
    mapped(name, file);
    hostile(name, "del-");
    int gone = open(name, O_CREAT | O_RDWR, 0644);
    if (gone < 0) fail("open");
    mapped(name, gone);
    close(gone);
    unlink(name);

    /* A listener on a hostile path and a connection to it; a second listener whose path has no
       newline (/proc/net/unix, which lsof reads too, ends a path at its first newline). */
    int listener = socket(AF_UNIX, SOCK_STREAM, 0), client = socket(AF_UNIX, SOCK_STREAM, 0);
    int other = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX }, b = { .sun_family = AF_UNIX };
    memcpy(a.sun_path, "s\x1b[31m\n\xff\x85\xc2\x9b\a\r", 11);
    memcpy(b.sun_path, "u\x1b]0;T\a\xff\xc2\x85\r\t\x7f\\", 14);
    if (bind(listener, (struct sockaddr *)&a, sizeof a) != 0 || listen(listener, 1) != 0) fail("bind");
    if (bind(other, (struct sockaddr *)&b, sizeof b) != 0 || listen(other, 1) != 0) fail("bind");
    if (connect(client, (struct sockaddr *)&a, sizeof a) != 0) fail("connect");
    int accepted = accept(listener, NULL, NULL);
    socks[0] = client;
    socks[1] = accepted;
    if (pipe(pipefd) != 0) fail("pipe");
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in in = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t inlen = sizeof in;
    if (bind(tcp, (struct sockaddr *)&in, sizeof in) != 0 || listen(tcp, 1) != 0) fail("tcp");
    getsockname(tcp, (struct sockaddr *)&in, &inlen);

    pid_t child = fork();
    if (child == 0) {
        /* The other end of the pipe and of the socket, under a hostile name. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        prctl(PR_SET_NAME, "p\x1b]0;X\a\n\r\x85\xc2\x9b\xff");
        close(pipefd[0]);
        close(client);
        pause();
        return 0;
    }
    close(pipefd[1]);
    close(accepted);
    prctl(PR_SET_NAME, "c\x1b[2J\a\n\xff\x9b\xc2\x9b\r\x7f");
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    printf("%d %d %d\n", getpid(), child, ntohs(in.sin_port));
    fflush(stdout);
    char c;
    read(pipefd[0], &c, 1);
    return 0;
}
