/* Two runs of one program that differ in one way, chosen by argv[1], for `syscope diff`:
 *   connect PORT   connects a TCP socket to 127.0.0.1:PORT (0: makes the socket, connects nowhere)
 *   exit N         exits with status N
 *   signal 0|1     installs a SIGUSR1 handler, then (1) sends itself SIGUSR1
 *   sleep MS       sleeps MS milliseconds
 *   extra N        between two umask calls, N sched_yield calls (the runs part, then meet again) */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig) { (void)sig; }

int main(int argc, char **argv)
{
    if (argc < 3) return 2;
    int n = atoi(argv[2]);
    if (!strcmp(argv[1], "connect")) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (n > 0) {
            struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(n) };
            sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            connect(fd, (struct sockaddr *)&sin, sizeof sin);
        }
        close(fd);
    } else if (!strcmp(argv[1], "exit")) {
        umask(022);
        return n;
    } else if (!strcmp(argv[1], "signal")) {
        signal(SIGUSR1, on_usr1);
        if (n) raise(SIGUSR1);
        umask(022);
    } else if (!strcmp(argv[1], "sleep")) {
        struct timespec ts = { n / 1000, (n % 1000) * 1000000L };
        nanosleep(&ts, NULL);
    } else if (!strcmp(argv[1], "extra")) {
        umask(027);
        for (int i = 0; i < n; i++) sched_yield();
        umask(022);
        umask(077);
    }
    return 0;
}
