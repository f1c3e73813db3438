/* 50 threads and 100 child processes, each making a known number of syscalls. */
#include <pthread.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
static void *worker(void *arg) { (void)arg; syscall(SYS_sched_yield); syscall(SYS_sched_yield); return 0; }
int main(void)
{
    pthread_t t[50];
    for (int i = 0; i < 50; i++) pthread_create(&t[i], 0, worker, 0);
    for (int i = 0; i < 50; i++) pthread_join(t[i], 0);
    for (int i = 0; i < 100; i++)
    {
        pid_t p = fork();
        if (p == 0) { syscall(SYS_getuid); syscall(SYS_getuid); syscall(SYS_getuid); _exit(0); }
        waitpid(p, 0, 0);
    }
    return 0;
}
