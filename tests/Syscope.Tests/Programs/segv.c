/* Dies of SIGSEGV: syscope must die of the same signal. */
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
int main(void) { syscall(SYS_getppid); raise(SIGSEGV); return 0; }
