#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/un.h>
#include <arpa/inet.h>
#include <poll.h>
#include <fcntl.h>
#include <sys/uio.h>
struct ks { unsigned long h; unsigned long flags; unsigned long r; unsigned long mask; };
int main(){
  struct ks k = {1, 0xffffffffUL, 0x1234, 0};
  syscall(SYS_rt_sigaction, SIGUSR1, &k, 0, 8);
  k.h = 0x1234; k.flags = 0x04000000|SA_ONSTACK|SA_SIGINFO|SA_RESTART|SA_NODEFER; k.mask = (1UL<<(SIGINT-1))|(1UL<<(SIGRTMIN+3-1)) | (1UL<<63);
  syscall(SYS_rt_sigaction, SIGUSR1, &k, &k, 8);
  k.flags = 0; syscall(SYS_rt_sigaction, SIGUSR1, &k, 0, 8);
  pid_t p = fork(); if (p==0) _exit(3); int st; wait4(p, &st, 0, 0);
  p = fork(); if (p==0) { raise(SIGKILL);} wait4(p, &st, 0, 0);
  struct sockaddr_in a = {AF_INET, htons(8080), {htonl(0x7f000001)}};
  int s = socket(AF_INET, SOCK_STREAM, 0); connect(s, (void*)&a, sizeof a);
  struct sockaddr_in6 a6 = {AF_INET6, htons(80)}; inet_pton(AF_INET6, "::1", &a6.sin6_addr);
  connect(s, (void*)&a6, sizeof a6);
  struct sockaddr_un u = {AF_UNIX}; strcpy(u.sun_path+1, "abstract"); connect(s, (void*)&u, 2+1+8);
  socklen_t len = sizeof a; getsockname(s, (void*)&a, &len);
  int one = 1; setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, 4);
  len = 4; getsockopt(s, SOL_SOCKET, SO_ERROR, &one, &len);
  struct pollfd pf[2] = {{0, POLLIN}, {1, POLLOUT|POLLIN}}; poll(pf, 2, 0);
  struct iovec iov[2] = {{"ab", 2}, {"cde\n", 4}}; writev(1, iov, 2);
  char b1[3], b2[10]; struct iovec io2[2] = {{b1,3},{b2,10}}; int fd = open("/etc/issue", 0); readv(fd, io2, 2);
  int pp[2]; pipe(pp);
  return 0;
}
