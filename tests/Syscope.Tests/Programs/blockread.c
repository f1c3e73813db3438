/* Blocks in read(0) until the test writes; prints what read returned, so a test can tell that
   attaching and detaching did not make the call fail. */
#include <stdio.h>
#include <unistd.h>
int main(void)
{
    char buf[64];
    fprintf(stderr, "ready\n");
    ssize_t n = read(0, buf, sizeof buf);
    printf("read returned %zd: %.*s\n", n, n > 0 ? (int)n : 0, buf);
    return 0;
}
