/* A signal to a handler, then a child's exit and its SIGCHLD. */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
static void on_usr1(int sig) { (void)sig; write(1, "handled\n", 8); }
int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, 0);
    syscall(SYS_getppid);
    kill(getpid(), SIGUSR1);
    pid_t child = fork();
    if (child == 0) { usleep(100000); _exit(7); }   /* the parent is in wait4 by then */
    int status;
    waitpid(child, &status, 0);
    return WEXITSTATUS(status) == 7 ? 0 : 1;
}
