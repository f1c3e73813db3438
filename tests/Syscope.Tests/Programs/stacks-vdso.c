/* Makes clock_gettime(CLOCK_PROCESS_CPUTIME_ID) twice: the vDSO has no fast path for that clock,
 * so its own code makes the system call, and the stack's first frame is in the vDSO. */
#include <time.h>

int main(void)
{
    struct timespec ts;
    return clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) + clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
}
