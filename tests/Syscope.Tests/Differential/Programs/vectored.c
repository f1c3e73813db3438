#define _GNU_SOURCE
#include <unistd.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <time.h>
/* Reads and writes of every family on a file and a socketpair: the calls -e read=/-e write= dump,
   and the sendmmsg/recvmmsg and preadv2/pwritev2 decoders. */
int main(){
  char big[100]; for (int i = 0; i < 100; i++) big[i] = (char)(i * 7);
  int f = open("data.bin", O_RDWR|O_CREAT|O_TRUNC, 0600);
  write(f, big, 100);
  pwrite64(f, "tail\n", 5, 100);
  struct iovec wv[3] = {{"abc", 3}, {"", 0}, {"0123456789abcdefXYZ", 19}};
  writev(f, wv, 3);
  writev(f, wv + 2, 1);
  struct iovec two[2] = {{"first\n", 6}, {"second\n", 7}};
  pwritev(f, two, 2, 200);
  pwritev2(f, wv, 2, 300, RWF_DSYNC);
  char a[8], b[40], c[200];
  lseek(f, 0, SEEK_SET);
  read(f, c, 20);
  pread64(f, c, 200, 90);
  struct iovec rv[3] = {{a, 8}, {b, 0}, {c, 40}}, rv2[2] = {{a, 8}, {c, 100}};
  readv(f, rv, 3);
  readv(f, rv2, 2);
  preadv(f, rv2, 2, 120);
  preadv2(f, rv, 3, 0, 0);
  preadv2(f, rv, 3, 0, 0x3f);
  readv(99, rv, 1);
  int sv[2]; socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
  sendto(sv[0], "dgram\0\1\2", 8, 0, 0, 0);
  recvfrom(sv[1], c, sizeof c, 0, 0, 0);
  struct msghdr mh = {0, 0, two, 2, 0, 0, 0};
  sendmsg(sv[0], &mh, 0);
  struct msghdr rh = {0, 0, rv2, 2, 0, 0, 0};
  recvmsg(sv[1], &rh, 0);
  struct iovec m1[2] = {{"one", 3}, {"-1", 2}}, m2[1] = {{"second message", 14}};
  struct mmsghdr out[4] = {{{0, 0, m1, 2, 0, 0, 0}, 0}, {{0, 0, m2, 1, 0, 0, 0}, 0}, {{0, 0, m2, 1, 0, 0, 0}, 0}, {{0, 0, m1, 1, 0, 0, 0}, 0}};
  sendmmsg(sv[0], out, 2, MSG_DONTWAIT);
  char r1[4], r2[16], r3[32];
  struct iovec i1[2] = {{r1, 4}, {r2, 16}}, i2[1] = {{r3, 32}};
  struct mmsghdr in[3] = {{{0, 0, i1, 2, 0, 0, 0}, 0}, {{0, 0, i2, 1, 0, 0, 0}, 0}, {{0, 0, i2, 1, 0, 0, 0}, 0}};
  struct timespec to = {1, 5};
  recvmmsg(sv[1], in, 2, MSG_DONTWAIT, &to);
  recvmmsg(sv[1], in, 2, MSG_DONTWAIT, 0);
  sendmmsg(sv[0], out, 4, 0);
  recvmmsg(sv[1], in, 3, MSG_WAITFORONE, 0);
  recvmmsg(sv[1], in, 3, MSG_DONTWAIT, &to);
  /* A failed sendmmsg still shows its array.  On its own socket (fd 6): strace 6.1 dumps a failed
     sendmmsg as if it had sent -errno messages, reading past the array, so dump workloads leave fd 6 out. */
  int dead[2]; socketpair(AF_UNIX, SOCK_DGRAM, 0, dead);
  shutdown(dead[0], SHUT_WR);
  sendmmsg(dead[0], out, 2, MSG_NOSIGNAL);
  sendmmsg(sv[0], (void*)8, 2, 0);
  recvmmsg(sv[1], (void*)8, 2, 0, (void*)16);
  write(1, "done\n", 5);
  return 0;
}
