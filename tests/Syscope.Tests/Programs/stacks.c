/* Calls open() through named functions, from main, from a signal handler and from a thread, so
 * that syscope trace -k and strace -k can be compared frame by frame.  Built at test time with
 * -O0, -O2 -fomit-frame-pointer, -static and -no-pie. */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) int open_leaf(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd >= 0) close(fd);
    return fd;
}

__attribute__((noinline)) int open_middle(const char *path, int depth)
{
    int r = depth > 0 ? open_middle(path, depth - 1) : open_leaf(path);
    return r + (depth & 1);   /* not a tail call */
}

static volatile int last_fd;

static void on_signal(int sig)
{
    (void)sig;
    last_fd = open_leaf("/dev/zero");   /* stored, so never a tail call */
}

static void *thread_main(void *arg)
{
    open_middle((const char *)arg, 1);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argc; (void)argv;
    open_middle("/dev/null", 3);
    signal(SIGUSR1, on_signal);
    raise(SIGUSR1);
    pthread_t t;
    pthread_create(&t, NULL, thread_main, "/dev/full");
    pthread_join(t, NULL);
    return 0;
}
