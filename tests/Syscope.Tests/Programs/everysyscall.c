/* Makes every x86_64 syscall once, numbers 0..334 and 424..450, with all arguments zero, then
 * exits.  Static and without libc so that nothing else runs: the test traces it with
 * `strace -e trace=%CLASS -e inject=all:error=ENOSYS:when=1`, so each call strace prints is a
 * member of CLASS and is never really made.  Calls outside the class do run (strace injects only
 * into traced calls), so the ones that would block, fork, end the process, remove IPC objects,
 * unload a kexec kernel or the like are left out; SKIPPED lists them for the test. */
#define SKIPPED 15, 23, 31, 34, 56, 57, 58, 60, 66, 68, 70, 71, 153, 163, 170, 171, 231, 246, 270, 271, 313, 317, 320

static long call(long nr)
{
    long ret;
    register long r10 __asm__("r10") = 0, r8 __asm__("r8") = 0, r9 __asm__("r9") = 0;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(0), "S"(0), "d"(0), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

static int skipped(long nr)
{
    static const long list[] = { SKIPPED };
    for (unsigned i = 0; i < sizeof list / sizeof list[0]; i++)
        if (list[i] == nr) return 1;
    return 0;
}

void _start(void)
{
    for (long nr = 0; nr <= 450; nr++)
        if ((nr <= 334 || nr >= 424) && !skipped(nr)) call(nr);
    /* exit_group twice: with when=1 the first may be injected. */
    call(231);
    call(231);
    for (;;) ;
}
