/* Every place strace 6.1's -Y names a process, each with a process that is alive when the line
 * is printed (a child blocked on a pipe, a zombie kept with WNOWAIT, a stopped child), so the
 * lines are the same on every run.  Traced with -e trace= naming these calls.
 * "pidnames rename": a child renames itself (prctl) and asks for its parent, under -f.
 * "pidnames exec": a child renames itself, then runs this program again (as "exe") which ends at once.
 * "pidnames self": the pids a process sees of itself and its parent (in a pid namespace of its own). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int rename_child(void)
{
    pid_t child = fork();
    if (child == 0) {
        prctl(PR_SET_NAME, "renamed");
        getppid();
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    return 0;
}

static int exec_child(void)
{
    pid_t child = fork();
    if (child == 0) {
        prctl(PR_SET_NAME, "renamed");
        getppid();
        execl("/proc/self/exe", "pidnames", "done", (char *)NULL);
        _exit(1);
    }
    int status;
    waitpid(child, &status, 0);
    return 0;
}

static int self(void)
{
    kill(getpid(), 0);
    getppid();
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "rename") == 0) return rename_child();
    if (argc > 1 && strcmp(argv[1], "exec") == 0) return exec_child();
    if (argc > 1 && strcmp(argv[1], "done") == 0) return 0;
    if (argc > 1) return self();
    /* SIGCHLD blocked: no wait is interrupted by the stop and continue of the child. */
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    pid_t me = getpid(), tid = syscall(SYS_gettid);
    getppid();
    kill(me, 0);
    kill(-getpgrp(), 0);
    syscall(SYS_tkill, tid, 0);
    syscall(SYS_tgkill, me, tid, 0);
    getpgid(me);
    getsid(me);
    getpriority(PRIO_PROCESS, me);
    syscall(SYS_ioprio_get, 1, me);
    cpu_set_t cpus;
    sched_getaffinity(me, sizeof cpus, &cpus);
    sched_getscheduler(me);
    struct rlimit rl;
    prlimit(me, RLIMIT_NOFILE, NULL, &rl);
    int pidfd = syscall(SYS_pidfd_open, me, 0);
    syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0);
    syscall(SYS_kcmp, me, me, 0, 0, 0);
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, me};
    struct __user_cap_data_struct d[2];
    syscall(SYS_capget, &h, d);

    int go[2], lockfd;
    pipe(go);
    fcntl(go[0], F_SETOWN, me);
    char path[] = "/tmp/pidnamesXXXXXX";
    lockfd = mkstemp(path);
    pid_t ptid = 0;
    pid_t child = syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, 0, &ptid, NULL, 0);
    if (child == 0) {
        struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
        fcntl(lockfd, F_SETLK, &l);
        close(go[1]);
        char c;
        read(go[0], &c, 1);   /* until the parent has looked */
        raise(SIGSTOP);
        _exit(3);
    }
    usleep(300000);
    struct flock probe = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    fcntl(lockfd, F_GETLK, &probe);
    kill(child, 0);
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    int on = 1;
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
    struct ucred cred = {child, 0, 0};
    char control[CMSG_SPACE(sizeof cred)];
    struct iovec iov = {"x", 1};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_CREDENTIALS;
    cm->cmsg_len = CMSG_LEN(sizeof cred);
    memcpy(CMSG_DATA(cm), &cred, sizeof cred);
    sendmsg(sv[0], &m, 0);
    int shm = shmget(IPC_PRIVATE, 4096, 0600);
    shmat(shm, NULL, 0);
    struct shmid_ds ds;
    shmctl(shm, IPC_STAT, &ds);
    shmctl(shm, IPC_RMID, NULL);
    write(go[1], "g", 1);
    int status;
    wait4(child, &status, WUNTRACED, NULL);
    kill(child, SIGCONT);
    siginfo_t si;
    waitid(P_PID, child, &si, WEXITED | WNOWAIT);
    wait4(child, &status, 0, NULL);
    unlink(path);
    return 0;
}
