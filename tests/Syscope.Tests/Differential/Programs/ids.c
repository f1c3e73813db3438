#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <grp.h>
int main(){
  struct open_how how = {O_RDONLY|O_CLOEXEC, 0, RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH};
  int fd = syscall(SYS_openat2, AT_FDCWD, "/etc/issue", &how, sizeof how);
  struct open_how how2 = {O_WRONLY|O_CREAT, 0600, 0};
  syscall(SYS_openat2, AT_FDCWD, "/nonexistent/x", &how2, sizeof how2);
  uid_t r, e, s; getresuid(&r, &e, &s); gid_t g1, g2, g3; getresgid(&g1, &g2, &g3);
  gid_t gs[8]; int n = getgroups(0, 0); getgroups(8, gs); setgroups(1, gs);
  syscall(SYS_close_range, 10, ~0U, 4); syscall(SYS_close_range, 10, 20, 0);
  return 0;
}
