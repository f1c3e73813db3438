/* Loads a library, calls its lib_a_open, unloads it; then the same with a second library (which
 * the loader is free to map where the first was) and lib_b_open; then executes another program.
 * Each open's stack must name the module mapped at the time: trace -k reads the mappings again
 * after munmap, mmap and execve.  With --rebuilt, LIB_A's file is overwritten in place (same
 * inode, new build-id) with LIB_B's bytes between the two, and LIB_A's path loaded again: the
 * second open's frames must name the rebuilt file's lib_b_open.  Prints where each library was
 * loaded ("loaded at 0x...") on stdout, so a test can see the second where the first was.
 * Usage: stacks-dlopen [--rebuilt] LIB_A LIB_B [PROGRAM] */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int call(const char *library, const char *function, const char *path)
{
    void *handle = dlopen(library, RTLD_NOW);
    if (!handle) return -1;
    int (*open_it)(const char *) = (int (*)(const char *))dlsym(handle, function);
    Dl_info info;
    if (open_it && dladdr((void *)open_it, &info)) printf("loaded at %p\n", info.dli_fbase);
    fflush(stdout);
    int r = open_it ? open_it(path) : -1;
    dlclose(handle);
    return r;
}

/* Overwrites target's bytes with source's, keeping target's inode. */
static int overwrite(const char *target, const char *source)
{
    char buffer[65536];
    int in = open(source, O_RDONLY), out = open(target, O_WRONLY | O_TRUNC);
    if (in < 0 || out < 0) return -1;
    ssize_t n;
    while ((n = read(in, buffer, sizeof buffer)) > 0)
        if (write(out, buffer, n) != n) return -1;
    close(in);
    return close(out);
}

int main(int argc, char **argv)
{
    int rebuilt = argc > 1 && strcmp(argv[1], "--rebuilt") == 0;
    argv += rebuilt;
    argc -= rebuilt;
    if (argc < 3) return 2;
    if (call(argv[1], "lib_a_open", "/dev/null") < 0) return 1;
    if (rebuilt && overwrite(argv[1], argv[2]) < 0) return 1;
    if (call(rebuilt ? argv[1] : argv[2], "lib_b_open", "/dev/zero") < 0) return 1;
    if (argc > 3) execv(argv[3], (char *[]){argv[3], NULL});
    return 0;
}
