/* Exact, deterministic syscalls: the test asserts every line after the getppid() marker. */
#include <unistd.h>
#include <sys/syscall.h>
int main(void)
{
    syscall(SYS_getppid);
    write(1, "hi\n", 3);
    close(99);
    syscall(SYS_getpid);
    write(1, "\x1b[31mred\x1b[0m\t\\\"\n", 16);   /* control bytes must come out escaped */
    _exit(3);
}
