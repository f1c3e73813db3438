/* Five writes; prints which succeeded, so a test can see what an injected fault did to it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void)
{
    char report[256] = "";
    for (int i = 1; i <= 5; i++)
    {
        ssize_t n = write(1, "x", 1);
        char item[48];
        snprintf(item, sizeof item, "%d:%s ", i, n == 1 ? "ok" : strerror(errno));
        strcat(report, item);
    }
    fprintf(stderr, "%s\n", report);
    return 0;
}
