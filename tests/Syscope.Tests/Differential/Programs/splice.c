#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>
int main(){
  int p[2], q[2]; pipe(p); pipe(q); write(p[1], "abcdef", 6);
  splice(p[0], NULL, q[1], NULL, 3, SPLICE_F_MOVE|SPLICE_F_NONBLOCK);
  write(p[1], "xyz", 3); tee(p[0], q[1], 2, SPLICE_F_NONBLOCK);
  off_t off = 0; int f = open("/etc/issue", O_RDONLY); splice(f, &off, q[1], NULL, 4, 0);
  unshare(CLONE_NEWUTS|CLONE_NEWNS); setns(99, CLONE_NEWNET);
  return 0;
}
