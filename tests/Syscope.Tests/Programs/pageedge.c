/* Strings and buffers that end at the edge of the tracee's memory: two pages mapped, the second
 * unmapped again, and each value placed right before the hole.  A string whose NUL is the page's
 * last byte prints whole; one with no NUL before the edge prints as its address (strace cannot
 * read on), as does a buffer that runs one byte past it.  `replay` must print each as the live
 * trace did, with any -s. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/xattr.h>
#include <unistd.h>

int main(void)
{
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED || munmap(p + page, page) != 0)
        return 1;
    char *end = p + page;
    const char path[] = "/nonexistent/page-edge";
    memcpy(end - sizeof path, path, sizeof path);
    openat(AT_FDCWD, end - sizeof path, O_RDONLY);
    memcpy(end - 8, "unending", 8);
    openat(AT_FDCWD, end - 8, O_RDONLY);
    int fd = open("/dev/null", O_WRONLY);
    write(fd, end - 8, 8);
    write(fd, end - 8, 9);
    memcpy(end - 40, "0123456789012345678901234567890123456789", 40);
    write(fd, end - 40, 40);
    memcpy(end - 6, "user.x", 6);
    lsetxattr("/nonexistent", end - 6, "v", 1, 0);
    memcpy(end - 7, "user.x", 7);
    lsetxattr("/nonexistent", end - 7, end - 3, 3, 0);
    return 0;
}
