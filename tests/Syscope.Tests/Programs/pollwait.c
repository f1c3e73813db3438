/* Waits on the read end of an empty pipe (fd 3) in poll or ppoll, from the main thread or from a
 * second one while the main thread makes one call: the waits `why` shows and the unfinished poll
 * line of a trace.  Usage: pollwait poll|ppoll|thread */
#define _GNU_SOURCE
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int fds[2];

static void *poller(void *arg)
{
    struct pollfd p = { .fd = fds[0], .events = POLLIN };
    syscall(SYS_poll, &p, 1, 300);
    return arg;
}

int main(int argc, char **argv)
{
    if (argc < 2 || pipe(fds) != 0) return 2;
    struct pollfd p = { .fd = fds[0], .events = POLLIN | POLLPRI };
    if (strcmp(argv[1], "thread") == 0) {
        pthread_t t;
        pthread_create(&t, NULL, poller, NULL);
        struct timespec pause = { 0, 100 * 1000 * 1000 };
        nanosleep(&pause, NULL);
        syscall(SYS_getpid);
        pthread_join(t, NULL);
        return 0;
    }
    printf("waiting\n");
    fflush(stdout);
    if (strcmp(argv[1], "poll") == 0) return syscall(SYS_poll, &p, 1, 60000) < 0;
    struct timespec limit = { 60, 0 };
    return syscall(SYS_ppoll, &p, 1, &limit, NULL, 8) < 0;
}
