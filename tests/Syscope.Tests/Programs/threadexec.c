/* A thread that is not the leader calls execve while the leader waits in pthread_join (futex):
   the kernel ends the leader, whose futex never returns, and the execve returns in its place. */
#include <pthread.h>
#include <unistd.h>
#include <sys/syscall.h>
static void *run(void *arg)
{
    (void)arg;
    usleep(300000);   /* the leader is in its futex by then */
    char *argv[] = {"/bin/true", 0};
    execv("/bin/true", argv);
    return 0;
}
int main(void)
{
    syscall(SYS_getppid);
    pthread_t t;
    pthread_create(&t, 0, run, 0);
    write(1, "x\n", 2);
    pthread_join(t, 0);
    return 1;
}
