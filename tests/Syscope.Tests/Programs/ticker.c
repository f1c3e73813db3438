/* Ticks for a while (argv[1] times, 8 by default, 150 ms apart), so a test can stop and continue it. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    int ticks = argc > 1 ? atoi(argv[1]) : 8;
    for (int i = 0; i < ticks; i++) { printf("tick %d\n", i); fflush(stdout); usleep(150000); }
    return 0;
}
