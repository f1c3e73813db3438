/* I/O priorities of every class, unknown classes and targets, and ioprio_get's decoded result. */
#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
int main(void) {
    syscall(SYS_ioprio_get, 1, 0);
    syscall(SYS_ioprio_get, 2, 0);
    syscall(SYS_ioprio_get, 3, 0);
    syscall(SYS_ioprio_get, 9, 0);
    syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 4);
    syscall(SYS_ioprio_get, 1, 0);
    syscall(SYS_ioprio_set, 1, 0, (1 << 13) | 0);
    syscall(SYS_ioprio_set, 1, 0, (3 << 13) | 7);
    syscall(SYS_ioprio_set, 1, 0, (5 << 13) | 7);
    syscall(SYS_ioprio_set, 1, 0, 0);
    syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 8);
    syscall(SYS_ioprio_set, 1, 0, (2 << 13) | (5 << 3) | 1);
    syscall(SYS_ioprio_set, 0, 0, (2 << 13) | (5 << 3) | 1);
    syscall(SYS_ioprio_get, 1, 0);
    return 0;
}
