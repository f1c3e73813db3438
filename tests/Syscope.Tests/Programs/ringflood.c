// Floods the eBPF ring for the lost-events tests: argv[1] getppid() calls as fast as they go, then
// exit status 3 (so the tests see that losses leave the traced program's status alone).
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 0;
    for (long i = 0; i < n; i++) syscall(SYS_getppid);
    return 3;
}
