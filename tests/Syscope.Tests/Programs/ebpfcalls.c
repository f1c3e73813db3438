// Known calls for the eBPF probe tests (built -static, so no loader calls come first).  After the
// marker getpid(): openat of a missing file, write and read through a pipe, then exit_group(3).
// With an argument it forks first; the child makes the same calls and exits with 4.
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void calls(int status)
{
    int p[2];
    char buf[16];
    if (pipe(p)) syscall(SYS_exit_group, 1);
    syscall(SYS_getpid);
    syscall(SYS_openat, AT_FDCWD, "/nonexistent/syscope-ebpf", O_RDONLY);
    syscall(SYS_write, p[1], "hello, ebpf", 11);
    syscall(SYS_read, p[0], buf, sizeof buf);
    syscall(SYS_exit_group, status);
}

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        pid_t child = fork();
        if (child == 0) calls(4);
        int status;
        waitpid(child, &status, 0);
    }
    calls(3);
}
