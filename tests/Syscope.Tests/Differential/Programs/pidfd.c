/* pidfd calls: the target descriptor of pidfd_getfd is the target process's (its -y path is
   looked up there), and pidfd_send_signal with signal 0 and a real one it ignores. */
#define _GNU_SOURCE
#include <unistd.h>
#include <signal.h>
#include <sys/syscall.h>
#include <fcntl.h>

int main(void)
{
    signal(SIGUSR2, SIG_IGN);
    int fd = open("/etc/hostname", O_RDONLY);
    int p = syscall(SYS_pidfd_open, getpid(), 0);
    int n = syscall(SYS_pidfd_getfd, p, fd, 0);
    syscall(SYS_pidfd_getfd, p, 99, 0);
    syscall(SYS_pidfd_getfd, p, fd, 4);
    syscall(SYS_pidfd_send_signal, p, 0, 0, 0);
    syscall(SYS_pidfd_send_signal, p, SIGUSR2, 0, 0);
    syscall(SYS_pidfd_send_signal, 99, SIGUSR2, (void *)8, 1);
    return n < 0;
}
