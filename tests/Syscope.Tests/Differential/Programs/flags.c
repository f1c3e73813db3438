#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
int main(){
  syscall(SYS_openat, -100, "/nonexist", 0x7fffffff, 0644);
  syscall(SYS_openat, -100, "/nonexist", O_WRONLY|O_CREAT|O_TRUNC, 0644);
  syscall(SYS_openat, -100, "/nonexist", O_RDWR|O_APPEND|O_NONBLOCK);
  syscall(SYS_openat, -100, "/nonexist", O_RDONLY|O_DIRECTORY|O_CLOEXEC|O_NOFOLLOW);
  syscall(SYS_openat, 5, "/nonexist", O_TMPFILE|O_RDWR, 0600);
  syscall(SYS_openat, -100, "/nonexist", 3);
  syscall(SYS_open, "/nonexist", O_WRONLY|O_CREAT|O_EXCL, 0755);
  syscall(SYS_mmap, 0, 4096, 0x7fffffff, 0x7fffffff & ~0x3, -1, 0);
  syscall(SYS_mmap, 0, 4096, 0x7fffffff, 0x3, -1, 0);
  syscall(SYS_mmap, 0, 4096, 0, 0x80000000L|MAP_PRIVATE, -1, 0);
  syscall(SYS_mprotect, 0, 4096, 0xffffffff);
  syscall(SYS_madvise, 0, 4096, 0x70);
  syscall(SYS_madvise, 0, 4096, MADV_DONTNEED);
  syscall(SYS_access, "/nonexist", 7);
  syscall(SYS_access, "/nonexist", 0);
  syscall(SYS_access, "/nonexist", 0xf0);
  syscall(SYS_faccessat2, -100, "/nonexist", 7, 0xffffffff);
  syscall(SYS_newfstatat, 1, "", 0, 0xffffffff);
  syscall(SYS_lseek, 99, 0, 0x10);
  syscall(SYS_lseek, 99, 5, SEEK_END);
  syscall(SYS_socket, 0xff, 0xffffffff, 0xff);
  syscall(SYS_socket, AF_INET6, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0);
  syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
  syscall(SYS_socket, AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, 0);
  syscall(SYS_rt_sigprocmask, 0x10, 0, 0, 8);
  syscall(SYS_fcntl, 99, 0x7fff, 0);
  syscall(SYS_fcntl, 99, F_SETFL, 0xffffffff);
  syscall(SYS_fcntl, 99, F_SETFD, FD_CLOEXEC);
  syscall(SYS_fcntl, 99, F_DUPFD_CLOEXEC, 3);
  syscall(SYS_getrandom, 0, 0, 0xff);
  syscall(SYS_clone, 0xffffffffffffff00UL | SIGCHLD, 0, 0, 0, 0);
  syscall(SYS_wait4, -1, 0, 0xffffffff, 0);
  syscall(SYS_futex, 0, 0x7f, 0, 0, 0, 0);
  syscall(SYS_prctl, 0x7fff, 0, 0, 0, 0);
  syscall(SYS_arch_prctl, 0x7fff, 0);
  syscall(SYS_eventfd2, 0, 0xffffffff);
  syscall(SYS_epoll_create1, 0xffffffff);
  syscall(SYS_inotify_init1, 0xffffffff);
  syscall(SYS_memfd_create, "x", 0xffffffff);
  syscall(SYS_timerfd_create, 1, 0xffffffff);
  syscall(SYS_pipe2, 0, 0xffffffff);
  syscall(SYS_dup3, 99, 98, 0xffffffff);
  syscall(SYS_unlinkat, -100, "/nonexist", 0xffffffff);
  syscall(SYS_statx, -100, "/nonexist", 0xffffffff, 0xffffffff, 0);
  syscall(SYS_personality, 0xffffffff);
  syscall(SYS_umask, 022);
  syscall(SYS_mremap, 0, 0, 0, 0xff, 0);
  syscall(SYS_msync, 0, 0, 0xff);
  syscall(SYS_flock, 99, 0xff);
  syscall(SYS_shutdown, 99, 0xff);
  syscall(SYS_accept4, 99, 0, 0, 0xffffffff);
  syscall(SYS_sendto, 99, 0, 0, 0xffffffff, 0, 0);
  syscall(SYS_recvfrom, 99, 0, 0, 0xffffffff, 0, 0);
  syscall(SYS_kill, 0, 0);
  syscall(SYS_kill, 0x7fffffff, 99);
  syscall(SYS_tgkill, 1, 2, SIGTERM);
  syscall(SYS_clock_gettime, 99, 0);
  syscall(SYS_clock_nanosleep, 1, 0xff, 0, 0);
  syscall(SYS_setitimer, 9, 0, 0);
  syscall(SYS_getrlimit, 99, 0);
  syscall(SYS_epoll_ctl, 99, 99, 99, 0);
  syscall(SYS_sched_getaffinity, 0, 8, 0);
  syscall(SYS_renameat2, -100, "a", 5, "b", 0xff);
  syscall(SYS_linkat, -100, "a", 5, "b", 0xffffffff);
  syscall(SYS_fchmodat, -100, "a", 0xffffffff);
  syscall(SYS_mkdirat, -100, "a", 0xffffffff);
  syscall(SYS_mknodat, -100, "a", 0xffffffff, 0);
  syscall(SYS_chmod, "a", 04755);
  syscall(SYS_utimensat, -100, "a", 0, 0xffffffff);
  syscall(SYS_fchownat, -100, "a", -1, -1, 0xffffffff);
  syscall(SYS_waitid, 9, 0, 0, 0xffffffff, 0);
  return 0;
}
