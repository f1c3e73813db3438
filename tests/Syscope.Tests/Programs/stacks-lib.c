/* A shared library whose one function (named by -DLIB_OPEN=...) opens a file: built twice under
 * two names, loaded and unloaded in turn by stacks-dlopen.c. */
#include <fcntl.h>
#include <unistd.h>

__attribute__((noinline)) int LIB_OPEN(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd >= 0) close(fd);
    return fd + 1;   /* not a tail call */
}
