/* Connects to 127.0.0.1:PORT, says "connected", then blocks in read() for a reply that never comes. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (s < 0 || connect(s, (struct sockaddr *)&a, sizeof a)) return perror("client"), 1;
    printf("connected %d\n", s);
    fflush(stdout);
    char buf[64];
    return read(s, buf, sizeof buf) < 0;
}
