/* Reads its configuration from the file named by argv[1] (as an application would), then its data
 * file; with the configuration missing it says so and exits 1.  `syscope diff` compares a run with
 * an existing file against one with a missing name. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char buf[256];
    int fd = open(argc > 1 ? argv[1] : "/etc/app/config.yml", O_RDONLY);
    if (fd < 0) {
        perror("config");
        return 1;
    }
    read(fd, buf, sizeof buf);
    close(fd);
    fd = open("/etc/hostname", O_RDONLY);
    if (fd >= 0) {
        read(fd, buf, sizeof buf);
        close(fd);
    }
    return 0;
}
