/* Two processes (it forks once) that open and close /dev/null every 20 ms for SECONDS (argv[1]),
   saying so on stderr when an open fails: left with syscope's seccomp program and no tracer,
   every open would fail with ENOSYS.  Prints "ready PARENT CHILD" once both run. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    int rounds = (argc > 1 ? atoi(argv[1]) : 30) * 50;
    pid_t child = fork();
    if (child > 0) { printf("ready %d %d\n", (int)getpid(), (int)child); fflush(stdout); }
    for (int i = 0; i < rounds; i++)
    {
        int fd = open("/dev/null", O_RDONLY);
        if (fd < 0) { perror("open"); fflush(stderr); }
        else close(fd);
        usleep(20000);
    }
    if (child > 0) waitpid(child, 0, 0);
    return 0;
}
