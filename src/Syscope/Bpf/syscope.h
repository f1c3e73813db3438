/* The contract between syscope.bpf.c and user space: the records the BPF programs write into the
 * ring buffer, the capture plan user space writes per syscall, the -c counters and the load-time
 * configuration.  Tracing/Ebpf/BpfRecords.cs mirrors these structures, and a test compiles this
 * header with gcc and compares every size and offset, so change both together.  Every structure
 * is a multiple of 8 bytes with explicit padding: the same layout for clang -target bpf and gcc. */
#ifndef SYSCOPE_BPF_H
#define SYSCOPE_BPF_H

#include <linux/types.h>

/* The traced set is a bitmap of ids (array map "traced": one 64-bit word per 64 ids, mmap'd by user
 * space), so that the test every call of every process makes is a load, not a hash lookup; ids
 * stay below the kernel's PID_MAX_LIMIT on 64-bit. */
#define SYSCOPE_MAX_PIDS (4 * 1024 * 1024)

/* Syscall numbers the maps index; x86_64 uses fewer than 512. */
#define SYSCOPE_MAX_SYSCALLS 512
/* log2 latency buckets: bucket i counts calls of [2^i, 2^(i+1)) ns; the last holds the rest. */
#define SYSCOPE_LATENCY_BUCKETS 40
/* Capture rules per syscall (several rules may name the same argument: a socklen_t read at entry
 * and again at exit). */
#define SYSCOPE_MAX_RULES 12
/* Largest copy of one region, and largest record; a capture that would overflow either is cut
 * short and flagged CAPTURE_TRUNCATED. */
#define SYSCOPE_MAX_CAPTURE 8192
#define SYSCOPE_MAX_RECORD 16384

/* ---- records (ring buffer) ---- */

enum syscope_record_kind {
	RECORD_SYSCALL_ENTRY = 1, /* struct entry_record, then captures */
	RECORD_SYSCALL_EXIT = 2,  /* struct exit_record, then captures */
	RECORD_FORK = 3,          /* struct fork_record: a traced task made a process or thread */
	RECORD_EXEC = 4,          /* struct exec_record: a traced process exec'd */
	RECORD_TASK_EXIT = 5,     /* struct task_exit_record: a traced thread ended */
	RECORD_SIGNAL = 6,        /* struct signal_record: a signal is being delivered */
	RECORD_DATA = 7,          /* struct data_record: more of a region than a record holds (-e read=,
	                           * -e write= dumps), sent before the record of the capture it continues */
	RECORD_COMM = 8,          /* struct comm_record: a task's process name, at its first traced call
	                           * and when its process is renamed (config.names) */
	RECORD_KVM_EXIT = 9,      /* struct kvm_exit_record: KVM_RUN returns to user space (-e kvm=vcpu) */
};

/* record_header.flags */
#define RECORD_ENTRY_LOST   0x1  /* exit: this call's entry record could not be written */
#define RECORD_IN_SYSCALL   0x2  /* task exit: the thread ended inside a call (exit, exit_group, killed) */
#define RECORD_GROUP_DEAD   0x4  /* task exit: it was the last thread of its process */
#define RECORD_THREAD       0x8  /* fork: the new task shares the parent's thread group */
#define RECORD_RETRY        0x10 /* entry: a capture faulted (a page not yet in memory); it is copied
                                  * again at exit, after the kernel has touched it, in the exit record
                                  * with the rule's index | CAPTURE_RULE_RETRY */
#define RECORD_IGNORED      0x20 /* signal: generated for a task that ignores it, so never delivered */
#define RECORD_WORKER       0x40 /* task exit: a kernel worker of the process (KVM's, io_uring's), which
                                  * ptrace never sees, ended last: only that the process is gone */

struct record_header {
	__u16 kind;
	__u16 flags;
	__u32 tid;
	__u32 tgid;
	__s32 nr;          /* syscall number, signal number; 0 otherwise */
	__u64 ts;          /* CLOCK_MONOTONIC ns (bpf_ktime_get_ns) */
};

struct entry_record {
	struct record_header h;
	__u64 args[6];
	__u64 ip;          /* user instruction pointer (after the syscall instruction) */
	__u64 sp;          /* user stack pointer */
	/* captures follow, each a struct capture then its bytes padded to 8 */
};

struct exit_record {
	struct record_header h;
	__s64 ret;
	__u64 cpu_ns;      /* CPU time the thread ran between entry and exit: the call's system time */
	/* captures follow */
};

/* capture.flags */
#define CAPTURE_TRUNCATED 0x1  /* fewer bytes than the rule asked for (cap or record size) */
#define CAPTURE_FAULT     0x2  /* the address could not be read: no bytes */
#define CAPTURE_COMPLETE_STRING 0x4 /* a string whose terminating NUL is included */

#define CAPTURE_DESCRIPTOR 0x8    /* not memory: what descriptor addr (AT_FDCWD: the working directory)
                                   * refers to, a struct fd_identity and its path's components */
#define CAPTURE_RULE_RETRY 0x80  /* capture.rule: an entry capture copied again at exit */

struct capture {
	__u64 addr;        /* tracee address of the first byte */
	__u32 len;         /* bytes that follow (before padding to 8) */
	__u8 rule;         /* index of the rule in the plan that produced it (| CAPTURE_RULE_RETRY) */
	__u8 arg;          /* argument the address came from (or the element's argument for arrays) */
	__u16 flags;
};

struct fork_record {
	struct record_header h;   /* tid/tgid: the parent */
	__u32 child_tid;
	__u32 child_tgid;
};

#define SYSCOPE_COMM_LEN 16

struct exec_record {
	struct record_header h;   /* tid: the id after exec (the thread group's id) */
	__u32 old_tid;            /* the id of the thread that called execve */
	__u32 pad;
	char comm[SYSCOPE_COMM_LEN]; /* the process's name after exec */
};

struct comm_record {
	struct record_header h;
	char comm[SYSCOPE_COMM_LEN]; /* the name of the task's process (its thread group leader's comm) */
	__u32 pid_ns;             /* the inode of the task's pid namespace (0: not read): whether its ids
	                           * are syscope's, without /proc, which is gone when a line is late */
	__u32 pad;
};

struct task_exit_record {
	struct record_header h;   /* nr: the call it ended in when RECORD_IN_SYSCALL */
	__s32 exit_code;          /* wait status bits: (code << 8) | signal | 0x80 for a core */
	__u32 pad;
};

struct kvm_exit_record {
	struct record_header h;   /* nr: the KVM_EXIT_* reason */
	__s32 err;                /* the tracepoint's errno: negative when KVM_RUN failed */
	__u32 pad;
};

/* Whole buffers for dumps: a capture of a rule with RULE_WHOLE continues in data records, each
 * up to SYSCOPE_DATA_CHUNK bytes, at most SYSCOPE_MAX_DATA_CHUNKS of them per region. */
#define SYSCOPE_DATA_CHUNK 16384
#define SYSCOPE_MAX_DATA_CHUNKS 64

struct data_record {
	struct record_header h;
	__u64 addr;               /* tracee address of data[0] */
	__u32 len;                /* bytes of data used */
	__u32 pad;
	__u8 data[SYSCOPE_DATA_CHUNK];
};

struct signal_record {
	struct record_header h;   /* nr: the signal */
	__u8 siginfo[48];         /* the kernel's siginfo (the first 48 bytes of the user siginfo_t) */
};

/* What a descriptor refers to, as /proc/PID/fd/N would say it (-y): the file's identity, then the
 * names of its path from the file up to the root, each NUL-terminated (user space joins them).  Files
 * of pseudo file systems (pipes, sockets, anonymous inodes) have no path: their magic and inode (and
 * the anonymous inode's name, as the one component) say it. */
#define FD_DELETED   0x1         /* the file was unlinked: " (deleted)" */
#define FD_DEEP      0x2         /* more components than SYSCOPE_MAX_PATH_DEPTH: the path is cut short */
#define FD_CLOSED    0x4         /* no such descriptor */
#define FD_SOCKET    0x8         /* a socket: a struct fd_socket and its bound name follow the identity */
#define SYSCOPE_MAX_PATH_DEPTH 32

struct fd_identity {
	__u64 ino;
	__u32 magic;              /* the superblock's magic: PIPEFS_MAGIC, SOCKFS_MAGIC... */
	__u32 mode;               /* i_mode */
	__u32 rdev;               /* i_rdev, the kernel's dev_t (major << 20 | minor) */
	__u32 aux;                /* a socket's family; a pidfd's pid */
	__u16 flags;              /* FD_* */
	__u16 count;              /* components that follow (a socket: its protocol's name) */
	__u32 pad;
};

/* A socket's endpoints (-yy), as sock_diag would have told them while it existed. */
struct fd_socket {
	__u8 saddr[16];           /* network order; 4 bytes used for AF_INET */
	__u8 daddr[16];
	__u64 peer_ino;           /* AF_UNIX: the peer's inode (0: none) */
	__u32 portid;             /* AF_NETLINK: the port id (0: not bound) */
	__u16 family;
	__u16 protocol;           /* sk_protocol: IPPROTO_TCP, NETLINK_ROUTE... */
	__u16 type;
	__u16 sport;              /* host order */
	__u16 dport;
	__u8 state;
	__u8 name_len;            /* AF_UNIX: the bound name's bytes that follow (after sun_family) */
};

/* ---- capture plan (array map "plans", key: syscall number) ---- */

enum syscope_capture_kind {
	CAPTURE_NONE = 0,         /* ends the rule list */
	CAPTURE_BYTES = 1,        /* the rule's size in bytes at the argument's address */
	CAPTURE_STRING = 2,       /* a NUL-terminated string, at most cap bytes including the NUL */
	CAPTURE_STRING_ARRAY = 3, /* a NULL-terminated array of string pointers (argv, envp): the
	                           * pointers (at most elem_size of them) and each string, up to cap */
	CAPTURE_IOVEC = 4,        /* struct iovec[count] (count: the rule's size): the array, then each
	                           * buffer, at most cap bytes in all (at exit: the returned length) */
	CAPTURE_MSGHDR = 5,       /* a struct msghdr, its name, its iovecs and their buffers (at most cap
	                           * bytes in all; at exit the returned length) and its control data */
	CAPTURE_MMSGHDR = 6,      /* struct mmsghdr[count] (count: the rule's size), and for the first
	                           * SYSCOPE_MAX_MMSG of them what CAPTURE_MSGHDR takes (at exit each
	                           * message's msg_len bytes of data) */
	CAPTURE_SIGSET_PAIR = 7,  /* a { sigset_t *, size_t } pair and the set it points to */
	CAPTURE_FD = 8,           /* the argument (or the return value) is a descriptor: what it refers
	                           * to, as a CAPTURE_DESCRIPTOR capture (nothing for a negative one but
	                           * AT_FDCWD) */
	CAPTURE_FD_ARRAY = 9,     /* the argument points to the two descriptors a call made (pipe's,
	                           * socketpair's): each as CAPTURE_FD */
};

/* Messages of a CAPTURE_MMSGHDR whose contents are captured. */
#define SYSCOPE_MAX_MMSG 8

enum syscope_capture_phase {
	CAPTURE_AT_ENTRY = 0,
	CAPTURE_AT_EXIT = 1,      /* only when the call succeeded (return >= 0) */
};

/* The rule's size: header + count * elem_size bytes (elem_size 0 counts as 1), the count as
 * size_from says; for string arrays, iovecs and mmsghdrs the count of elements. */
enum syscope_size_source {
	SIZE_FIXED = 0,           /* count 1 */
	SIZE_FROM_ARG = 1,        /* count args[size_arg] */
	SIZE_FROM_RETURN = 2,     /* count the return value */
	SIZE_FROM_POINTEE = 3,    /* count the __u32 at address args[size_arg] (a socklen_t *), read at
	                           * the rule's phase */
	SIZE_FROM_IOCTL = 4,      /* header bytes, or more when args[size_arg], an ioctl request, encodes
	                           * a larger size for its argument (_IOC_SIZE: KVM_GET_SREGS' 312) */
};

/* capture_rule.arg: the user stack pointer at entry (rt_sigreturn's frame lies there), and the
 * return value (a descriptor the call made) */
#define CAPTURE_ARG_SP 6
#define CAPTURE_ARG_RETURN 7

/* capture_rule.flags */
#define RULE_COUNT_BITS 0x1       /* the count is of bits, stored in whole 64-bit words (fd_set) */
#define RULE_WHOLE      0x2       /* copy all of it, past cap, in data records (dumps) */

struct capture_rule {
	__u8 arg;                 /* which argument holds the address (0-5), or CAPTURE_ARG_SP */
	__u8 kind;                /* enum syscope_capture_kind */
	__u8 phase;               /* enum syscope_capture_phase */
	__u8 size_from;           /* enum syscope_size_source */
	__u8 size_arg;            /* argument for SIZE_FROM_ARG and SIZE_FROM_POINTEE */
	__u8 flags;               /* RULE_* */
	__u16 elem_size;          /* bytes per counted element (0 means 1); for string arrays the
	                           * most pointers read */
	__u32 cap;                /* at most this many bytes (per string for string arrays) */
	__u16 header;             /* bytes before the counted elements */
	__u16 pad;
};

struct capture_plan {
	struct capture_rule rules[SYSCOPE_MAX_RULES];
};

/* ---- -c counters (per-CPU array map "counters", key: syscall number) ---- */

struct syscall_counter {
	__u64 calls;
	__u64 errors;             /* returns in [-4095, -1] */
	__u64 total_ns;
	__u64 min_ns;             /* 0 until the first call */
	__u64 max_ns;
	__u64 latency_log2[SYSCOPE_LATENCY_BUCKETS];
};

/* ---- ring statistics (per-CPU array map "ring_stats", one entry) ---- */

struct ring_stats {
	__u64 attempts;           /* records the programs tried to write */
	__u64 lost;               /* of those, records the full ring refused */
};

/* ---- ended tasks (LRU hash map "ended", key: tid; config.names) ---- */

/* Any task's name when it ended, for -Y's names of processes that are not traced: a line is written
 * after the fact, when the process named may be gone, so user space names it as it was at the call
 * if the call came before the task was gone (gone_ts: when the kernel freed it, after its reaping). */
struct ended_task {
	__u64 exit_ts;            /* when it ended (sched_process_exit) */
	__u64 gone_ts;            /* when it was freed (sched_process_free); ~0 until then */
	char comm[SYSCOPE_COMM_LEN]; /* its name then (the thread's, as /proc/TID/comm says it) */
};

#define SYSCOPE_MAX_ENDED 16384

/* ---- the -e trace= set (array map "trace_set", one entry) ---- */

struct trace_set {
	__u64 bits[SYSCOPE_MAX_SYSCALLS / 64];
	__u64 others;             /* nonzero: numbers past the table are traced too */
};

/* ---- load-time configuration (the .rodata of syscope.bpf.c: "const volatile struct
 * syscope_config config", set before load so the verifier prunes what a run does not use) ---- */

enum syscope_scope {
	SCOPE_PIDS = 0,           /* tasks whose key (tgid, or tid when per_thread) has its bit in "traced" */
	SCOPE_ALL = 1,            /* every task but syscope's own, narrowed by cgroup_id and comm */
};

struct syscope_config {
	__u32 scope;              /* enum syscope_scope */
	__u32 per_thread;         /* key "traced" by tid (strace without -f traces one thread) */
	__u32 follow;             /* -f: add the children of traced tasks in the kernel */
	__u32 emit;               /* write syscall records (0 for -c alone: only execve's, and the
	                           * records of processes and signals) */
	__u32 count;              /* update the -c counters */
	__u32 self_tgid;          /* syscope itself, never traced under SCOPE_ALL */
	__u64 wake_bytes;         /* wake the reader when this much data waits (0: at every record) */
	__u64 cgroup_id;          /* SCOPE_ALL: only tasks in this cgroup v2 or below it (0: any) */
	__u32 cgroup_level;       /* its depth under the root (the root is 0) */
	__u32 names;              /* write a comm_record at each task's first traced call and rename */
	char comm[SYSCOPE_COMM_LEN]; /* SCOPE_ALL: only processes of this name, NUL-padded ("": any) */
	__u32 all_calls;          /* every syscall is in the trace set: no bit to test */
	__u32 count_wall;         /* -c -w: count each call's wall-clock latency, not its system time */
};

/* Per-syscall programs (on syscalls:sys_enter_NAME and sys_exit_NAME) for a small trace set, so that
 * other calls run no program at all: the object holds this many pairs, loaded on demand. */
#define SYSCOPE_SYSCALL_PROGRAMS 4

#endif
