/* A thread that is not the leader calls execve after the leader has either ended itself with
   SYS_exit ("exit": the execve line is still open when the exec comes, so it ends with
   "<pid changed to L ...>") or gone to sleep in nanosleep ("sleep": the leader's call, whose
   second argument prints at its exit, is cut short with "<unfinished ...>) = ?"). */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
static void *run(void *arg)
{
    (void)arg;
    usleep(300000);   /* the leader has exited or is asleep by then */
    char *argv[] = {"/bin/true", 0};
    execv("/bin/true", argv);
    return 0;
}
int main(int argc, char **argv)
{
    syscall(SYS_getppid);
    pthread_t t;
    pthread_create(&t, 0, run, 0);
    if (argc > 1 && strcmp(argv[1], "exit") == 0) syscall(SYS_exit, 0);
    struct timespec ts = {30, 0};
    syscall(SYS_nanosleep, &ts, 0);
    return 1;
}
