#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <sys/ioctl.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <time.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/file.h>
#include <sched.h>
/* Paths are relative to the fresh working directory the harness gives each run; the program
   exits 1 when a step the comparison relies on fails, so a broken setup cannot pass as a trace. */
int main(){
  int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  struct sockaddr_nl sa = {AF_NETLINK, 0, 0, 5}; bind(nl, (void*)&sa, sizeof sa);
  socklen_t l = sizeof sa; getsockname(nl, (void*)&sa, &l);
  stack_t ss = {malloc(65536), 0, 65536}; sigaltstack(&ss, 0); stack_t o; sigaltstack(0, &o);
  int p[2]; pipe(p); write(p[1], "abc", 3); int n; ioctl(p[0], FIONREAD, &n);
  ioctl(p[0], _IOR('x', 0x12, int), &n);
  ioctl(p[0], _IO('x', 0x13), 0);
  int ep = epoll_create1(EPOLL_CLOEXEC); struct epoll_event ev = {EPOLLIN|EPOLLET, {.u64 = 42}}; epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
  struct epoll_event out[4]; epoll_wait(ep, out, 4, 0);
  int tf = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK); struct itimerspec its = {{0,0},{5,0}}; timerfd_settime(tf, 0, &its, 0);
  int in = inotify_init1(IN_CLOEXEC); inotify_add_watch(in, "/tmp", IN_CREATE|IN_DELETE|IN_ONLYDIR);
  sigset_t s; sigemptyset(&s); sigaddset(&s, SIGUSR2); int sf = signalfd(-1, &s, SFD_CLOEXEC);
  prctl(PR_SET_NAME, "worker"); char nm[16]; prctl(PR_GET_NAME, nm);
  int f = open("lockfile", O_RDWR|O_CREAT, 0600); if (f < 0) return 1; struct flock fl = {F_WRLCK, SEEK_SET, 0, 100}; fcntl(f, F_SETLK, &fl);
  fcntl(f, F_GETLK, &fl); flock(f, LOCK_EX|LOCK_NB); fcntl(f, F_SETFL, O_NONBLOCK|O_APPEND);
  struct timeval tv; gettimeofday(&tv, 0);
  struct itimerval it = {{0,0},{0,0}}; setitimer(ITIMER_REAL, &it, 0);
  struct rlimit r; getrlimit(RLIMIT_NOFILE, &r); setrlimit(RLIMIT_CORE, &r);
  struct statfs sfs; statfs("/", &sfs);
  struct timespec ts[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}}; utimensat(AT_FDCWD, "lockfile", ts, 0);
  sched_yield(); getpriority(PRIO_PROCESS, 0); umask(077); 
  char cwd[256]; getcwd(cwd, sizeof cwd); chdir("/tmp"); fchdir(f); if (chdir(cwd) != 0) return 1;
  readlinkat(AT_FDCWD, "/proc/self/exe", cwd, sizeof cwd);
  if (mkdir("dd", 0755) != 0 || rmdir("dd") != 0 || symlink("/x", "ln") != 0 || unlink("ln") != 0) return 1;
  mmap((void*)0, 4096, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_POPULATE, -1, 0);
  struct timespec rq = {0, 1}; clock_nanosleep(CLOCK_REALTIME, 0, &rq, 0);
  clock_getres(CLOCK_BOOTTIME, &rq);
  dup3(f, 20, O_CLOEXEC); dup2(f, 21); fsync(f); ftruncate(f, 10); fallocate(f, FALLOC_FL_KEEP_SIZE, 0, 100);
  getuid(); getgid(); geteuid(); setpgid(0, 0); getpgid(0); getsid(0);
  syscall(SYS_tkill, getpid(), 0);
  return 0;
}
