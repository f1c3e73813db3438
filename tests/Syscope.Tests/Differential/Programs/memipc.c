/* Memory, System V IPC, POSIX message queue, AIO, keyring and descriptor calls with real
   arguments (branch zeroA).  IPC objects are IPC_PRIVATE and removed; the queue name comes from
   argv[1] (unique per test run, the same under both tracers; the syscall takes it without the
   leading slash glibc strips) and is unlinked. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <mqueue.h>
#include <linux/aio_abi.h>
#include <linux/futex.h>
#include <linux/kcmp.h>
#include <linux/keyctl.h>
#include <linux/landlock.h>
#include <linux/fanotify.h>
#include <linux/membarrier.h>
#include <sys/timex.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif

static void memory(void)
{
    long page = 4096;
    char *p = (char *)syscall(SYS_mmap, 0, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, 0, page, PROT_READ, MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, 0, page, PROT_READ, MAP_FIXED_NOREPLACE | MAP_POPULATE, 7, 0);
    char *q = (char *)syscall(SYS_mremap, p, page, 2 * page, MREMAP_MAYMOVE, 0);
    syscall(SYS_mremap, q, 2 * page, 2 * page, MREMAP_MAYMOVE | MREMAP_FIXED, p + 2 * page);
    syscall(SYS_mremap, p, page, page, 0x40, p);
    unsigned char vec[4];
    syscall(SYS_mincore, p + 2 * page, 2 * page, vec);
    syscall(SYS_mincore, p + 1, page, vec);
    syscall(SYS_mlock2, p + 2 * page, page, MLOCK_ONFAULT);
    syscall(SYS_mlock2, p + 2 * page, page, 6);
    syscall(SYS_munlock, p + 2 * page, page);
    char *s = (char *)syscall(SYS_mmap, 0, 4 * page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_remap_file_pages, s, page, 0, 1, MAP_NONBLOCK);
    syscall(SYS_remap_file_pages, s, page, PROT_READ | PROT_WRITE, 0, MAP_POPULATE | 0x200);
    struct iovec iov = { p + 2 * page, page };
    syscall(SYS_process_madvise, -1, &iov, 1, MADV_COLD, 0);
    syscall(SYS_process_madvise, -1, &iov, 1, 77, 1);
    syscall(SYS_set_mempolicy_home_node, p + 2 * page, page, 0, 0);
    syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
    syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
    syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 0);
    syscall(SYS_membarrier, 0x400, 3, 5);
    syscall(SYS_munmap, p, 4 * page);
    syscall(SYS_munmap, s, 4 * page);
}

static void sysv(void)
{
    int shm = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | 0600);
    syscall(SYS_shmget, 0x1234, 4096, SHM_HUGETLB | 0644);
    void *a = (void *)syscall(SYS_shmat, shm, 0, SHM_RDONLY);
    syscall(SYS_shmdt, a);
    syscall(SYS_shmctl, shm, IPC_RMID, 0);
    syscall(SYS_shmctl, -1, 77, 0);
    int sem = syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | 0600);
    syscall(SYS_semget, 0x1234, 1, IPC_EXCL | 0444);
    struct sembuf ops[2] = { { 0, 1, 0 }, { 1, 2, IPC_NOWAIT | SEM_UNDO } };
    syscall(SYS_semop, sem, ops, 2);
    struct timespec ts = { 0, 1000 };
    struct sembuf down = { 0, -5, IPC_NOWAIT };
    syscall(SYS_semtimedop, sem, &down, 1, &ts);
    syscall(SYS_semctl, sem, 0, GETVAL, 0);
    syscall(SYS_semctl, sem, 1, SETVAL, 5);
    syscall(SYS_semctl, sem, 0, IPC_RMID, 0);
    int msg = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0640);
    struct { long type; char text[16]; } m = { 3, "hello" };
    syscall(SYS_msgsnd, msg, &m, 5, IPC_NOWAIT);
    syscall(SYS_msgrcv, msg, &m, 16, 0, IPC_NOWAIT | MSG_NOERROR);
    syscall(SYS_msgrcv, msg, &m, 16, 2, IPC_NOWAIT);
    syscall(SYS_msgctl, msg, IPC_RMID, 0);
}

static void queues(const char *name)
{
    struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 16 };
    int q = syscall(SYS_mq_open, name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600, &attr);
    struct timespec ts = { 0, 1000 };
    syscall(SYS_mq_timedsend, q, "hello", 5, 1, &ts);
    char buf[16];
    unsigned prio;
    syscall(SYS_mq_timedreceive, q, buf, 16, &prio, &ts);
    syscall(SYS_mq_timedreceive, q, buf, 16, &prio, &ts);
    syscall(SYS_mq_notify, q, 0);
    struct mq_attr set = { .mq_flags = O_NONBLOCK }, old;
    syscall(SYS_mq_getsetattr, q, &set, &old);
    int r = syscall(SYS_mq_open, name, O_RDONLY | O_NONBLOCK, 0600, 0);
    close(r);
    close(q);
    syscall(SYS_mq_unlink, name);
    syscall(SYS_mq_open, name, O_WRONLY, 0, 0);
}

static void aio(void)
{
    aio_context_t ctx = 0;
    syscall(SYS_io_setup, 4, &ctx);
    int fd = open("/dev/null", O_WRONLY);
    struct iocb cb = { .aio_data = 7, .aio_lio_opcode = IOCB_CMD_PWRITE, .aio_fildes = fd,
                       .aio_buf = (unsigned long)"hello", .aio_nbytes = 5, .aio_offset = 0 };
    struct iocb *cbs[1] = { &cb };
    syscall(SYS_io_submit, ctx, 1, cbs);
    struct io_event ev[2];
    struct timespec ts = { 1, 0 };
    syscall(SYS_io_getevents, ctx, 1, 2, ev, &ts);
    syscall(SYS_io_cancel, ctx, &cb, ev);
    ts.tv_sec = 0; ts.tv_nsec = 1000;
    syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &ts, 0);
    syscall(SYS_io_destroy, ctx);
    close(fd);
}

static void misc(void)
{
    syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, -12345, 0);
    syscall(SYS_keyctl, KEYCTL_DESCRIBE, -12345, 0, 0);
    syscall(SYS_keyctl, KEYCTL_READ, 1, 0, 0);
    syscall(SYS_keyctl, KEYCTL_SETPERM, 1, 0x3f010000);
    syscall(SYS_keyctl, KEYCTL_REVOKE, 1);
    syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, "user", "nokey-zeroA", 0);
    syscall(SYS_keyctl, 999, 1, 2, 3, 4);
    syscall(SYS_kcmp, 0, 0, KCMP_FILE, 0, 1);
    syscall(SYS_kcmp, 0, 0, KCMP_VM, 0, 0);
    syscall(SYS_kcmp, 0, 0, 42, 1, 2);
    syscall(SYS_landlock_create_ruleset, 0, 0, LANDLOCK_CREATE_RULESET_VERSION);
    struct landlock_ruleset_attr ra = { .handled_access_fs = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR };
    int rs = syscall(SYS_landlock_create_ruleset, &ra, sizeof ra, 0);
    int dir = open("/", O_PATH);
    struct landlock_path_beneath_attr pb = { .allowed_access = LANDLOCK_ACCESS_FS_READ_FILE, .parent_fd = dir };
    syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
    syscall(SYS_landlock_add_rule, rs, 9, &pb, 3);
    close(dir);
    close(rs);
    int fa = syscall(SYS_fanotify_init, FAN_CLASS_CONTENT | FAN_CLOEXEC | FAN_NONBLOCK | FAN_UNLIMITED_QUEUE, O_RDONLY | O_LARGEFILE);
    close(fa);
    syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_REPORT_FID | FAN_REPORT_DIR_FID | FAN_REPORT_NAME, O_RDWR | O_CLOEXEC);
    struct { unsigned bytes; int type; unsigned char h[8]; } fh = { 8, 1, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    syscall(SYS_open_by_handle_at, -1, &fh, O_RDONLY | O_PATH | O_CLOEXEC);
    struct timex tx;
    memset(&tx, 0, sizeof tx);
    syscall(SYS_clock_adjtime, 77, &tx);
    syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, 0);
    syscall(SYS_recvmmsg, -1, 0, 0, 0, 0);
    struct futex_waitv w = { .val = 1, .uaddr = (unsigned long)&tx, .flags = FUTEX_32 };
    struct timespec ts = { 0, 0 };
    syscall(SYS_futex_waitv, &w, 1, 0, &ts, CLOCK_MONOTONIC);
    syscall(SYS_futex_waitv, 0, 0, 0, 0, 5);
}

int main(int argc, char **argv)
{
    memory();
    sysv();
    queues(argc > 1 ? argv[1] : "syscope-zeroA");
    aio();
    misc();
    return 0;
}
