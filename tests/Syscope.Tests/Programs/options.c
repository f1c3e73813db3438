/* The tracee of StraceOptionsTests: a short, fixed sequence of calls that every output option
 * shows something of: a file opened, read and closed, a failed open, a mapping, a string with
 * bytes outside ASCII, getpid (for -e inject delays), and exit status 3. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
    char buf[64];
    int fd = open("/etc/hostname", O_RDONLY);
    if (read(fd, buf, sizeof buf) < 0) return 1;
    close(fd);
    open("/nonexistent/options", O_RDONLY);
    void *p = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p, 4096);
    if (write(1, "ab\x01\xff\ncd\t\"\n", 10) != 10) return 1;
    if (write(1, "plain\n", 6) != 6) return 1;
    getpid();
    return 3;
}
