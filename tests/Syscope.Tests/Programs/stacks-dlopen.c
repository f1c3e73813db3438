/* Loads a library, calls its lib_a_open, unloads it; then the same with a second library (which
 * the loader is free to map where the first was) and lib_b_open; then executes another program.
 * Each open's stack must name the module mapped at the time: trace -k reads the mappings again
 * after munmap, mmap and execve.
 * Usage: stacks-dlopen LIB_A LIB_B [PROGRAM] */
#include <dlfcn.h>
#include <unistd.h>

static int call(const char *library, const char *function, const char *path)
{
    void *handle = dlopen(library, RTLD_NOW);
    if (!handle) return -1;
    int (*open_it)(const char *) = (int (*)(const char *))dlsym(handle, function);
    int r = open_it ? open_it(path) : -1;
    dlclose(handle);
    return r;
}

int main(int argc, char **argv)
{
    if (argc < 3) return 2;
    if (call(argv[1], "lib_a_open", "/dev/null") < 0 || call(argv[2], "lib_b_open", "/dev/zero") < 0) return 1;
    if (argc > 3) execv(argv[3], (char *[]){argv[3], NULL});
    return 0;
}
