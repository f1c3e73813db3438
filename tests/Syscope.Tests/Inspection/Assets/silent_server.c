/* Accepts one TCP connection on 127.0.0.1 and never answers.  Prints its port, then "accepted". */
#include <arpa/inet.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 8) || getsockname(s, (struct sockaddr *)&a, &len))
        return perror("server"), 1;
    printf("%d\n", ntohs(a.sin_port));
    fflush(stdout);
    int c = accept(s, NULL, NULL);
    if (c < 0) return perror("accept"), 1;
    printf("accepted\n");
    fflush(stdout);
    for (;;) pause();
}
