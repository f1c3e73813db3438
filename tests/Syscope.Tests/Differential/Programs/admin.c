/* Administration calls that are safe to make for real: ptrace on a child of our own, syslog's
 * buffer size, device nodes in the scratch directory (argv[1]), quotactl and reboot failing on
 * bad arguments, and calls the kernel removed. */
#define _GNU_SOURCE
#include <unistd.h>
#include <stdio.h>
#include <stddef.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <sys/user.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/quota.h>
#include <linux/reboot.h>
#include <linux/sysctl.h>

long word = 0x1234;

int main(int argc, char **argv)
{
  char buf[64], fifo[256], node[256];
  /* The child's stop would otherwise deliver SIGCHLD at a moment the scheduler picks. */
  sigset_t chld; sigemptyset(&chld); sigaddset(&chld, SIGCHLD); sigprocmask(SIG_BLOCK, &chld, 0);
  pid_t p = fork();
  if (!p) { ptrace(PTRACE_TRACEME, 0, 0, 0); raise(SIGSTOP); _exit(0); }
  int st; waitpid(p, &st, 0);
  unsigned long msg;
  ptrace(PTRACE_PEEKDATA, p, &word, 0);
  ptrace(PTRACE_PEEKUSER, p, offsetof(struct user_regs_struct, orig_rax), 0);
  ptrace(PTRACE_POKEDATA, p, &word, 0x55);
  ptrace(PTRACE_POKEUSER, p, offsetof(struct user, u_debugreg) + 7 * 8, 0);
  ptrace(PTRACE_SETOPTIONS, p, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
  ptrace(PTRACE_GETEVENTMSG, p, 0, &msg);
  ptrace(PTRACE_GETREGSET, p, 0x4711, buf);
  ptrace(0x4321, p, 1, 2);
  ptrace(PTRACE_KILL, p, 0, 0);
  waitpid(p, &st, 0);
  ptrace(PTRACE_CONT, p, 0, SIGCONT);

  syscall(SYS_syslog, 10, 0, 0);
  syscall(SYS_syslog, 3, buf, 0);
  syscall(SYS_syslog, 100, buf, 1);

  snprintf(fifo, sizeof fifo, "%s/admin.fifo", argc > 1 ? argv[1] : "/tmp");
  snprintf(node, sizeof node, "%s/admin.null", argc > 1 ? argv[1] : "/tmp");
  unlink(fifo); unlink(node);
  mknod(fifo, S_IFIFO | 0600, 0);
  mknod(fifo, S_IFIFO | 0600, 0);
  mknodat(AT_FDCWD, node, S_IFCHR | 0600, makedev(1, 3));
  syscall(SYS_mknod, node, 060600, 0x12345678abcL);
  unlink(fifo); unlink(node);

  syscall(SYS_ustat, makedev(8, 3), buf);
  quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/null", 0, buf);
  quotactl(QCMD(Q_GETINFO, GRPQUOTA), "/dev/null", 0, buf);
  quotactl(QCMD(0x5805, 3), "/dev/null", 2, buf);
  syscall(SYS_quotactl_fd, -1, QCMD(Q_GETNEXTQUOTA, PRJQUOTA), 5, buf);
  /* Bad magic: the kernel refuses before looking at the command. */
  syscall(SYS_reboot, 1, 2, LINUX_REBOOT_CMD_CAD_ON, 0);
  syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 2, 0x12345678, 0);
  struct __sysctl_args a = {0, 2, 0, 0, 0, 0};
  syscall(SYS__sysctl, &a);
  syscall(SYS_create_module, 1, 2);
  syscall(SYS_vserver, 1, 2, 3, 4, 5);
  return 0;
}
