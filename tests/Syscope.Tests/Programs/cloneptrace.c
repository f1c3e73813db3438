/* A process whose child is made with CLONE_PTRACE (argv[1] "ptrace"), CLONE_PTRACE|CLONE_UNTRACED
 * ("untraced") or CLONE_PARENT ("parent"), as strace's tests clone_ptrace and clone_parent make
 * them.  The CLONE_PTRACE child is born ptraced by its parent's tracer, if any. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[65536] __attribute__((aligned(16)));

static int child(void *arg)
{
	if (arg) return 42;
	for (;;) pause();
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "ptrace";
	int parent = strcmp(mode, "parent") == 0;
	int flags = parent ? CLONE_PARENT : strcmp(mode, "untraced") == 0 ? CLONE_PTRACE | CLONE_UNTRACED : CLONE_PTRACE;
	pid_t pid = clone(child, stack + sizeof(stack), flags | SIGCHLD, parent ? (void *)1 : NULL);
	if (pid < 0) { perror("clone"); return 1; }
	if (parent) {
		while (kill(pid, 0) == 0) usleep(1000);
		return 0;
	}
	kill(pid, SIGUSR1);
	int status;
	if (waitpid(pid, &status, 0) != pid) { perror("waitpid"); return 1; }
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1 ? 0 : 2;
}
