/* Ticks for a while, so a test can stop and continue it. */
#include <stdio.h>
#include <unistd.h>
int main(void)
{
    for (int i = 0; i < 8; i++) { printf("tick %d\n", i); fflush(stdout); usleep(150000); }
    return 0;
}
