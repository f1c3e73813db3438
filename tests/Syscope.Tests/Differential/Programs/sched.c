#define _GNU_SOURCE
#include <unistd.h>
#include <sched.h>
#include <signal.h>
#include <time.h>
#include <sys/syscall.h>
#include <linux/capability.h>
struct sched_attr { unsigned size, sched_policy; unsigned long long sched_flags; int sched_nice; unsigned sched_priority;
  unsigned long long sched_runtime, sched_deadline, sched_period; unsigned sched_util_min, sched_util_max; unsigned long long extra; };
/* Capabilities, rt_sigtimedwait and the sched_* family, for their decoders.  Runs as root: the
   capsets drop capabilities, which decides what the later calls are allowed. */
int main(){
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  syscall(SYS_capget, &h, d);
  syscall(SYS_capset, &h, d);
  struct __user_cap_data_struct unknown[2] = {{1, 0, 0}, {1 << 13 | 1, 1 << 13, 1 << 13}};
  syscall(SYS_capset, &h, unknown);
  struct __user_cap_data_struct some[2] = {{1 << CAP_CHOWN | 1 << CAP_KILL | 1 << CAP_SYS_NICE, 1 << CAP_CHOWN | 1 << CAP_KILL | 1 << CAP_SETUID | 1 << CAP_SYS_NICE, 0},
    {1 << (CAP_BPF - 32), 1 << (CAP_BPF - 32), 0}};
  syscall(SYS_capset, &h, some);
  syscall(SYS_capget, &h, d);
  struct __user_cap_header_struct h1 = {_LINUX_CAPABILITY_VERSION_1, 0}, h2 = {_LINUX_CAPABILITY_VERSION_2, 1}, hbad = {0x1234, 0};
  syscall(SYS_capget, &h1, d);
  syscall(SYS_capget, &h2, 0);
  syscall(SYS_capget, &hbad, d);
  hbad.version = 0x1234;
  syscall(SYS_capset, &hbad, unknown);
  syscall(SYS_capget, (void*)8, d);
  sigset_t s; sigemptyset(&s); sigaddset(&s, SIGUSR1); sigaddset(&s, SIGRTMIN + 2);
  sigprocmask(SIG_BLOCK, &s, 0);
  kill(getpid(), SIGUSR1);
  siginfo_t si;
  struct timespec t = {0, 1000};
  syscall(SYS_rt_sigtimedwait, &s, &si, &t, 8);
  syscall(SYS_rt_sigtimedwait, &s, &si, &t, 8);
  kill(getpid(), SIGUSR1);
  syscall(SYS_rt_sigtimedwait, &s, 0, 0, 8);
  syscall(SYS_rt_sigtimedwait, &s, &si, &t, 4);
  syscall(SYS_rt_sigtimedwait, &s, 0, (void*)8, 8);
  struct sched_param p = {0};
  sched_getparam(0, &p);
  sched_setparam(0, &p);
  sched_getscheduler(0);
  sched_setscheduler(0, SCHED_BATCH, &p);
  sched_setscheduler(0, SCHED_OTHER | SCHED_RESET_ON_FORK, &p);
  sched_getscheduler(0);
  sched_setscheduler(0, 77, &p);
  syscall(SYS_sched_setscheduler, 0, 0, 0);
  syscall(SYS_sched_setscheduler, 0, 4, &p);
  syscall(SYS_sched_getparam, 0, 8);
  sched_get_priority_max(SCHED_FIFO); sched_get_priority_min(SCHED_RR); sched_get_priority_max(99);
  struct timespec rr; sched_rr_get_interval(0, &rr);
  struct sched_attr a = {0};
  syscall(SYS_sched_getattr, 0, &a, 56, 0);
  a.sched_policy = SCHED_BATCH; a.sched_nice = 3; a.sched_flags = 1;
  syscall(SYS_sched_setattr, 0, &a, 0);
  syscall(SYS_sched_getattr, 0, &a, 64, 0);
  syscall(SYS_sched_getattr, 0, &a, 48, 0);
  a.sched_policy = SCHED_DEADLINE; a.sched_flags = 4 | 0x1000; a.sched_runtime = 1000000; a.sched_deadline = 2000000; a.sched_period = 3000000;
  syscall(SYS_sched_setattr, 0, &a, 0);
  struct sched_attr k = {52, 4, 8, -2, 0, 1, 2, 3, 4, 5, 0};
  syscall(SYS_sched_setattr, 0, &k, 0);
  k.sched_flags = 0x10; syscall(SYS_sched_setattr, 0, &k, 0);
  k.size = 64; k.sched_flags = 0x18; syscall(SYS_sched_setattr, 0, &k, 0);
  k.sched_flags = 0x40; k.extra = 1; syscall(SYS_sched_setattr, 0, &k, 0);
  k.size = 20; syscall(SYS_sched_setattr, 0, &k, 0);
  k.size = 56; k.sched_policy = 99; k.sched_flags = 0x100; syscall(SYS_sched_setattr, 0, &k, 0);
  syscall(SYS_sched_setattr, 0, 0, 0);
  syscall(SYS_sched_setattr, 0, (void*)8, 0);
  syscall(SYS_sched_getattr, 0, 0, 56, 0);
  syscall(SYS_sched_getattr, 0, &a, 8, 0);
  syscall(SYS_sched_getattr, 0, &a, 56, 3);
  return 0;
}
