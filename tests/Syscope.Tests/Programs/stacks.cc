// A C++ call chain with namespaces, overloads and a template, for demangled frame names.
#include <fcntl.h>
#include <unistd.h>

namespace app {
struct Repository {
    __attribute__((noinline)) static int load(const char *path, int flags);
};
int Repository::load(const char *path, int flags)
{
    int fd = open(path, flags);
    if (fd >= 0) close(fd);
    return fd;
}
template <typename T> __attribute__((noinline)) int through(T path) { return Repository::load(path, O_RDONLY) + 1; }
}

int main() { return app::through<const char *>("/dev/null") > 0 ? 0 : 1; }
