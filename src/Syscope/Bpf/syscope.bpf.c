// syscope's kernel side: BTF raw tracepoints on sys_enter/sys_exit that filter by process and
// syscall in the kernel, count calls for -c, copy argument memory at the moment of the call as
// the per-syscall capture plan says, and write records into one ring buffer that user space
// drains in batches.  The records and maps are described in syscope.h.  Built by
// tools/build-bpf.sh; the object is committed beside this file and embedded in the binary.
#include <stdbool.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "syscope.h"

// The few kernel fields read, relocated against the running kernel's BTF at load (CO-RE), so no
// vmlinux.h is needed.
struct pt_regs {
	unsigned long r10, r9, r8, dx, si, di, orig_ax, ip, sp;
} __attribute__((preserve_access_index));

typedef struct { int counter; } atomic_t;

struct signal_struct {
	atomic_t live;
} __attribute__((preserve_access_index));

struct super_block {
	unsigned long s_magic;
} __attribute__((preserve_access_index));

struct inode {
	unsigned short i_mode;
	unsigned int i_rdev;
	unsigned long i_ino;
	struct super_block *i_sb;
	void *i_private;
} __attribute__((preserve_access_index));

struct qstr {
	union {
		struct {
			__u32 hash;
			__u32 len;
		};
		__u64 hash_len;
	};
	const unsigned char *name;
} __attribute__((preserve_access_index));

struct hlist_bl_node {
	struct hlist_bl_node *next, **pprev;
} __attribute__((preserve_access_index));

struct dentry {
	struct hlist_bl_node d_hash;
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
} __attribute__((preserve_access_index));

struct vfsmount {
	struct dentry *mnt_root;
} __attribute__((preserve_access_index));

struct mount {
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct vfsmount mnt;
} __attribute__((preserve_access_index));

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
} __attribute__((preserve_access_index));

struct file {
	struct path f_path;
	struct inode *f_inode;
	void *private_data;
} __attribute__((preserve_access_index));

struct proto {
	char name[32];
} __attribute__((preserve_access_index));

struct in6_addr {
	__u8 s6_addr[16];
} __attribute__((preserve_access_index));

struct sock_common {
	__u32 skc_daddr;
	__u32 skc_rcv_saddr;
	__u16 skc_dport;
	__u16 skc_num;
	unsigned short skc_family;
	unsigned char skc_state;
	struct in6_addr skc_v6_daddr;
	struct in6_addr skc_v6_rcv_saddr;
} __attribute__((preserve_access_index));

struct socket;
struct sock {
	struct sock_common __sk_common;
	struct proto *sk_prot_creator;
	struct socket *sk_socket;
	__u16 sk_protocol;
	__u16 sk_type;
} __attribute__((preserve_access_index));

struct socket {
	struct sock *sk;
} __attribute__((preserve_access_index));

struct socket_alloc {
	struct socket socket;
	struct inode vfs_inode;
} __attribute__((preserve_access_index));

struct sockaddr_un {
	unsigned short sun_family;
	char sun_path[108];
} __attribute__((preserve_access_index));

struct unix_address {
	int len;
	struct sockaddr_un name[0];
} __attribute__((preserve_access_index));

struct unix_sock {
	struct unix_address *addr;
	struct sock *peer;
} __attribute__((preserve_access_index));

struct netlink_sock {
	__u32 portid;
} __attribute__((preserve_access_index));

struct ns_common {
	unsigned int inum;
} __attribute__((preserve_access_index));

struct pid_namespace {
	struct ns_common ns;
} __attribute__((preserve_access_index));

struct upid {
	int nr;
	struct pid_namespace *ns;
} __attribute__((preserve_access_index));

struct hlist_node;
struct hlist_head {
	struct hlist_node *first;
} __attribute__((preserve_access_index));

struct pid {
	unsigned int level;
	struct hlist_head tasks[1];
	struct upid numbers[1];
} __attribute__((preserve_access_index));

typedef struct {
	unsigned long sig[1];
} sigset_t;

struct sigpending {
	sigset_t signal;
} __attribute__((preserve_access_index));

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
} __attribute__((preserve_access_index));

struct files_struct {
	struct fdtable *fdt;
} __attribute__((preserve_access_index));

struct fs_struct {
	struct path pwd;
} __attribute__((preserve_access_index));

struct sched_entity {
	__u64 exec_start;
	__u64 sum_exec_runtime;
} __attribute__((preserve_access_index));

struct task_struct {
	unsigned int flags;
	struct sched_entity se;
	int pid;
	int tgid;
	struct pid *thread_pid;
	char comm[16];
	struct task_struct *group_leader;
	int exit_code;
	struct signal_struct *signal;
	struct files_struct *files;
	struct fs_struct *fs;
	struct sigpending pending;
} __attribute__((preserve_access_index));

const volatile struct syscope_config config = {};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 22);              // user space sets --buffer-size before load
} ring SEC(".maps");

// Bit (id % 64) of word (id / 64) is set for each traced id: tgid, or tid when config.per_thread.
// The programs set and clear bits atomically, and so does user space through its mapping.
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SYSCOPE_MAX_PIDS / 64);
	__uint(map_flags, BPF_F_MMAPABLE);
	__type(key, __u32);
	__type(value, __u64);
} traced SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct trace_set);
} trace_set SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SYSCOPE_MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct capture_plan);
} plans SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SYSCOPE_MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct syscall_counter);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ring_stats);
} ring_stats SEC(".maps");

// A record with captures is assembled here and copied into the ring with bpf_ringbuf_output,
// since bpf_ringbuf_reserve takes only a constant size.  Twice the largest record, so that an
// offset below SYSCOPE_MAX_RECORD plus one capture always lies inside (the verifier checks this).
struct scratch { __u8 data[2 * SYSCOPE_MAX_RECORD]; };
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

// The call a thread is in, from entry to exit: the exit needs the entry's arguments (output
// buffers are copied then) and time.  Task storage lives and dies with the thread.
struct task_call {
	__u64 ts;
	__u64 cpu;                                 // the scheduler's sum_exec_runtime at entry
	__u64 exec_start;                          // and its exec_start then
	__u64 args[6];
	__u64 sp;                                  // the user stack pointer at entry
	__s64 ret;                                 // at exit, for sizes taken from the return value
	__s32 nr;                                  // -1: not in a traced call
	__u32 flags;                               // RECORD_ENTRY_LOST
	__u32 retry;                               // entry rules (bit per index) whose capture faulted
	__u32 pad;
};
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_call);
} calls SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, SYSCOPE_MAX_ENDED);
	__type(key, __u32);                        // tid
	__type(value, struct ended_task);
} ended SEC(".maps");

char LICENSE[] SEC("license") = "GPL";

// Whether a process name (comm, NUL-padded by the kernel) is config.comm: two word compares.
static __always_inline bool named(const char *comm)
{
	__u64 name[2] = {};
	if (bpf_probe_read_kernel(name, sizeof(name), comm)) return false;
	// Read through volatile, as every config field: a plain const read would be folded to the
	// object's zeros at compile time instead of the value user space sets before load.
	const volatile __u64 *wanted = (const volatile __u64 *)config.comm;
	return name[0] == wanted[0] && name[1] == wanted[1];
}

// Whether key's bit is set in the traced set; first sets the bits of set and clears those of clear
// (at most one of them nonzero).  The array lookup is inlined by the verifier: no helper call.
static __always_inline bool traced_bit(__u32 key, bool set, bool clear)
{
	__u32 word = key / 64;
	__u64 *bits = bpf_map_lookup_elem(&traced, &word);
	if (!bits) return false;
	__u64 bit = 1ULL << (key % 64);
	if (set) __sync_fetch_and_or(bits, bit);
	if (clear) __sync_fetch_and_and(bits, ~bit);
	return (*bits & bit) != 0;
}

// Whether the current task (id: its pid_tgid) is traced: in the traced set, or under SCOPE_ALL
// any task but syscope's own, in config.cgroup_id's subtree and of config.comm's name if given.
static __always_inline bool is_traced(__u64 id)
{
	if (config.scope == SCOPE_ALL) {
		if ((__u32)(id >> 32) == config.self_tgid) return false;
		if (config.cgroup_id && bpf_get_current_ancestor_cgroup_id(config.cgroup_level) != config.cgroup_id) return false;
		if (config.comm[0]) return named(bpf_get_current_task_btf()->group_leader->comm);
		return true;
	}
	return traced_bit(config.per_thread ? (__u32)id : (__u32)(id >> 32), 0, 0);
}

static __always_inline bool in_trace_set(long nr)
{
	if (config.all_calls) return true;
	__u32 zero = 0;
	struct trace_set *set = bpf_map_lookup_elem(&trace_set, &zero);
	if (!set) return false;
	if (nr >= SYSCOPE_MAX_SYSCALLS) return set->others != 0;
	return (set->bits[nr / 64] >> (nr % 64)) & 1;
}

static __always_inline struct ring_stats *stats(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&ring_stats, &zero);
}

// BPF_RB_NO_WAKEUP until config.wake_bytes wait unread, then a forced wake-up; user space also
// polls with a timeout.  wake_bytes 0 keeps the kernel's own policy (a wake-up whenever the reader
// has caught up), for runs that need each record at once.
// The fill is looked at every 32nd record of a CPU only: a helper call per record costs more than
// a wake-up that comes a few records late.
static __always_inline __u64 submit_flags(bool urgent)
{
	if (urgent) return BPF_RB_FORCE_WAKEUP;
	if (config.wake_bytes == 0) return 0;
	struct ring_stats *s = stats();
	if (s && (s->attempts & 31)) return BPF_RB_NO_WAKEUP;
	return bpf_ringbuf_query(&ring, BPF_RB_AVAIL_DATA) >= config.wake_bytes ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

// Reserves a fixed-size record, counting the attempt and, when the ring is full, the loss.
static __always_inline void *reserve(__u64 size)
{
	struct ring_stats *s = stats();
	if (s) s->attempts++;
	void *r = bpf_ringbuf_reserve(&ring, size, 0);
	if (!r && s) s->lost++;
	return r;
}

static __always_inline bool output(void *data, __u64 size, bool urgent)
{
	struct ring_stats *s = stats();
	if (s) s->attempts++;
	if (bpf_ringbuf_output(&ring, data, size, submit_flags(urgent)) == 0) return true;
	if (s) s->lost++;
	return false;
}

static __always_inline void fill_header(struct record_header *h, __u16 kind, __u64 id, __s32 nr, __u64 ts)
{
	h->kind = kind;
	h->flags = 0;
	h->tid = (__u32)id;
	h->tgid = id >> 32;
	h->nr = nr;
	h->ts = ts;
}

// ---- argument capture ----

#define OFFSET_MASK (SYSCOPE_MAX_RECORD - 1)
#define ROUND8(n) (((n) + 7) & ~7ULL)

// The capture functions are global (not inlined): the verifier checks each once, for any offset,
// instead of once per rule and path, which would exceed its budget.  Each takes the offset where
// its capture starts in the scratch record and returns the offset after it.

// How many bytes may still be copied after a capture header at off.
static __always_inline __u64 room(__u64 off)
{
	__u64 used = off + sizeof(struct capture);
	return used >= SYSCOPE_MAX_RECORD ? 0 : SYSCOPE_MAX_RECORD - used;
}

static __always_inline void fill_capture(struct capture *c, __u64 addr, __u64 len, __u8 rule, __u8 arg, __u16 flags)
{
	c->addr = addr;
	c->len = len;
	c->rule = rule;
	c->arg = arg;
	c->flags = flags;
}

// meta: CAPTURE_* flags in bits 0-7, the rule in 8-15, the argument in 16-23, bit 24 for a string.
#define META(flags, rule, arg, string) ((flags) | (rule) << 8 | (arg) << 16 | (string) << 24)

// In meta's flag byte, not a CAPTURE_* flag: the rest of a region the record cannot hold goes into
// data records.
#define META_WHOLE 0x40

// Sends one data record of chunk bytes at addr; returns chunk, or 0 when it could not.  A global
// function of its own, so the loop below holds no ring reservation the verifier must follow.
__noinline __u64 send_chunk(__u64 addr, __u64 chunk)
{
	if (chunk > SYSCOPE_DATA_CHUNK) chunk = SYSCOPE_DATA_CHUNK;
	struct data_record *r = reserve(sizeof(*r));
	if (!r) return 0;
	if (bpf_probe_read_user(r->data, chunk, (const void *)addr)) {
		bpf_ringbuf_discard(r, BPF_RB_NO_WAKEUP);
		return 0;
	}
	fill_header(&r->h, RECORD_DATA, bpf_get_current_pid_tgid(), 0, 0);
	r->addr = addr;
	r->len = chunk;
	r->pad = 0;
	bpf_ringbuf_submit(r, submit_flags(false));
	return chunk;
}

struct rest_walk {
	__u64 addr;
	__u64 len;
	__u64 done;
};

static long send_next_chunk(__u32 i, struct rest_walk *w)
{
	if (w->done >= w->len) return 1;
	__u64 chunk = w->len - w->done;
	if (chunk > SYSCOPE_DATA_CHUNK) chunk = SYSCOPE_DATA_CHUNK;
	if (send_chunk(w->addr + w->done, chunk) != chunk) return 1;
	w->done += chunk;
	return 0;
}

// Sends [addr, addr + len) as data records (dumps want buffers whole); returns the bytes sent.
__noinline __u64 capture_rest(__u64 addr, __u64 len)
{
	struct rest_walk w = { .addr = addr, .len = len };
	bpf_loop(SYSCOPE_MAX_DATA_CHUNKS, send_next_chunk, &w, 0);
	return w.done;
}

// Copies len bytes (or a string of at most len bytes) at addr into the record as one capture.
__noinline __u64 capture_region(struct scratch *s, __u64 off, __u64 addr, __u64 len, __u32 meta)
{
	if (!s) return off;
	__u64 space = room(off);
	if (space == 0) return off;
	__u16 flags = meta & 0xff & ~META_WHOLE;
	__u64 wanted = len;
	if (len > space) { len = space; flags |= CAPTURE_TRUNCATED; }
	if (len > SYSCOPE_MAX_CAPTURE) { len = SYSCOPE_MAX_CAPTURE; flags |= CAPTURE_TRUNCATED; }
	if ((meta & META_WHOLE) && wanted > len && !(meta >> 24) && capture_rest(addr + len, wanted - len) == wanted - len)
		flags &= ~CAPTURE_TRUNCATED;
	off &= OFFSET_MASK;
	void *dst = &s->data[off + sizeof(struct capture)];
	long n = 0;
	if (len > 0) {
		if (meta >> 24) {
			n = bpf_probe_read_user_str(dst, len, (const void *)addr);
			if (n > 0 && (__u64)n == len) { n--; flags |= CAPTURE_TRUNCATED; }  // the NUL is the helper's
			else if (n > 0) flags |= CAPTURE_COMPLETE_STRING;
		} else {
			n = bpf_probe_read_user(dst, len, (const void *)addr) == 0 ? (long)len : -1;
			// As process_vm_readv stops at the first unmapped page, keep what precedes it.
			__u64 first = 4096 - (addr & 4095);
			if (n < 0 && first < len) {
				n = bpf_probe_read_user(dst, first, (const void *)addr) == 0 ? (long)first : -1;
				if (n > 0) flags |= CAPTURE_TRUNCATED;
			}
		}
	}
	if (n < 0) { n = 0; flags = CAPTURE_FAULT; }
	fill_capture((struct capture *)&s->data[off], addr, n, meta >> 8, meta >> 16, flags);
	return off + sizeof(struct capture) + ROUND8((__u64)n);
}

static __always_inline __u64 arg_at(const struct task_call *call, __u8 i)
{
	if (i == CAPTURE_ARG_SP) return call->sp;
	if (i == CAPTURE_ARG_RETURN) return call->ret;
	return i < 6 ? call->args[i] : 0;
}

// How many elements the rule covers (1 for a fixed size).
static __always_inline __u64 rule_count(const struct capture_rule *r, const struct task_call *call)
{
	__u32 pointee = 0;
	switch (r->size_from) {
	case SIZE_FIXED: return 1;
	case SIZE_FROM_ARG: return arg_at(call, r->size_arg);
	case SIZE_FROM_RETURN: return call->ret > 0 ? (__u64)call->ret : 0;
	case SIZE_FROM_POINTEE:
		if (bpf_probe_read_user(&pointee, sizeof(pointee), (const void *)arg_at(call, r->size_arg))) return 0;
		return pointee;
	}
	return 0;
}

// The rule's size in bytes: its header, then its elements (bits in whole 64-bit words).
static __always_inline __u64 rule_bytes(const struct capture_rule *r, const struct task_call *call)
{
	if (r->size_from == SIZE_FROM_IOCTL) {
		__u64 encoded = (arg_at(call, r->size_arg) >> 16) & 0x3fff;
		return encoded > r->header ? encoded : r->header;
	}
	__u64 count = rule_count(r, call);
	if (count > (1ULL << 32)) count = 1ULL << 32;   // no overflow below; caps cut it anyway
	if (r->flags & RULE_COUNT_BITS) return r->header + (count + 63) / 64 * 8;
	return r->header + count * (r->elem_size ? r->elem_size : 1);
}

#define MAX_STRING_ARRAY 256
#define MAX_IOVECS 32
#define MAX_NAME 128
#define MAX_CONTROL 1024
#define MAX_SIGSET 128

struct iovec_raw { __u64 base; __u64 len; };

// The long loops run under bpf_loop, whose body the verifier checks once, not once per turn:
// checked turn by turn, argv's 256 strings alone took it a third of a second at every start.

// One turn of the walk over an argv: a pointer into the record, until the NULL.
struct pointer_walk {
	struct scratch *s;
	__u64 addr;                                // the tracee's array
	__u64 base;                                // where the pointers go in the record
	__u64 max;
	__u64 count;
	__u64 flags;
};

static long read_pointer(__u32 i, struct pointer_walk *w)
{
	if (i > w->max || i > MAX_STRING_ARRAY) return 1;
	__u64 p = 0;
	if (bpf_probe_read_user(&p, 8, (const void *)(w->addr + i * 8))) {
		w->flags = i == 0 ? CAPTURE_FAULT : CAPTURE_TRUNCATED;
		return 1;
	}
	*(__u64 *)&w->s->data[(w->base & OFFSET_MASK) + i * 8] = p;
	w->count = i + 1;
	if (!p) {
		w->flags = 0;
		return 1;
	}
	return 0;
}

// One turn of the copy of argv's strings.
struct string_walk {
	struct scratch *s;
	__u64 off;
	__u64 ptrs;                                // the pointers in the record, NULL-terminated
	__u32 cap;
	__u32 meta;
};

static long copy_string(__u32 i, struct string_walk *w)
{
	if (i >= MAX_STRING_ARRAY) return 1;
	__u64 p = *(__u64 *)&w->s->data[(w->ptrs & OFFSET_MASK) + i * 8];
	if (!p) return 1;
	w->off = capture_region(w->s, w->off, p, w->cap, w->meta);
	return 0;
}

// argv/envp: the pointers up to the NULL (at most r->elem_size of them, as one capture), then each
// string up to r->cap bytes when cap is not 0.
static __always_inline __u64 capture_string_array(struct scratch *s, __u64 off, const struct capture_rule *r,
						  __u8 rule, __u64 addr)
{
	__u64 start = off & OFFSET_MASK;
	if (room(start) < (MAX_STRING_ARRAY + 2) * 8) return off;
	struct pointer_walk w = {
		.s = s, .addr = addr, .base = start + sizeof(struct capture),
		.max = r->elem_size < MAX_STRING_ARRAY ? r->elem_size : MAX_STRING_ARRAY, .flags = CAPTURE_TRUNCATED,
	};
	bpf_loop(MAX_STRING_ARRAY + 1, read_pointer, &w, 0);
	__u64 count = w.count & (MAX_STRING_ARRAY * 2 - 1);
	// A NULL ends the walk below where the array was cut short; the next capture overwrites it.
	if (w.flags) *(__u64 *)&s->data[start + sizeof(struct capture) + count * 8] = 0;
	fill_capture((struct capture *)&s->data[start], addr, count * 8, rule, r->arg, w.flags);
	off = start + sizeof(struct capture) + count * 8;
	if (!r->cap) return off;
	struct string_walk sw = { .s = s, .off = off, .ptrs = start + sizeof(struct capture), .cap = r->cap, .meta = META(0, rule, r->arg, 1) };
	bpf_loop(MAX_STRING_ARRAY, copy_string, &sw, 0);
	return sw.off;
}

// The count of an iovec array rides in meta's top byte (global functions take five arguments).
#define META_COUNT(meta) ((meta) >> 25)
#define WITH_COUNT(meta, count) (((meta) & 0x1ffffff) | (__u32)(count) << 25)

// An iovec array (at most MAX_IOVECS), then each buffer in order until total bytes are taken.
__noinline __u64 capture_iovecs(struct scratch *s, __u64 off, __u64 addr, __u64 total, __u32 meta)
{
	if (!s) return off;
	__u64 count = META_COUNT(meta);
	if (count > MAX_IOVECS) count = MAX_IOVECS;
	meta &= 0xffffff;
	__u64 start = off & OFFSET_MASK;
	if (room(start) < MAX_IOVECS * sizeof(struct iovec_raw)) return off;
	struct iovec_raw *iov = (struct iovec_raw *)&s->data[start + sizeof(struct capture)];
	__u64 bytes = count * sizeof(struct iovec_raw);
	if (bpf_probe_read_user(iov, bytes, (const void *)addr)) {
		fill_capture((struct capture *)&s->data[start], addr, 0, meta >> 8, meta >> 16, CAPTURE_FAULT);
		return start + sizeof(struct capture);
	}
	fill_capture((struct capture *)&s->data[start], addr, bytes, meta >> 8, meta >> 16, 0);
	off = start + sizeof(struct capture) + bytes;
	for (int i = 0; i < MAX_IOVECS; i++) {
		if (i >= count || total == 0) break;
		__u64 base = iov[i].base, len = iov[i].len;
		if (len > total) len = total;
		total -= len;
		off = capture_region(s, off, base, len, meta);
	}
	return off;
}

// struct msghdr's fields (x86_64).
struct msghdr_raw {
	__u64 name;
	__u32 namelen;
	__u32 pad;
	__u64 iov;
	__u64 iovlen;
	__u64 control;
	__u64 controllen;
	__u32 flags;
	__u32 pad2;
};

// A struct msghdr, its name, its iovecs with at most total bytes of their buffers, its control data.
__noinline __u64 capture_msghdr(struct scratch *s, __u64 off, __u64 addr, __u64 total, __u32 meta)
{
	if (!s) return off;
	struct msghdr_raw m;
	if (bpf_probe_read_user(&m, sizeof(m), (const void *)addr)) return capture_region(s, off, addr, 0, meta);
	off = capture_region(s, off, addr, sizeof(m), meta);
	if (m.name) off = capture_region(s, off, m.name, m.namelen < MAX_NAME ? m.namelen : MAX_NAME, meta);
	if (m.iov) off = capture_iovecs(s, off, m.iov, total, WITH_COUNT(meta, m.iovlen < MAX_IOVECS ? m.iovlen : MAX_IOVECS));
	if (m.control) off = capture_region(s, off, m.control, m.controllen < MAX_CONTROL ? m.controllen : MAX_CONTROL, meta);
	return off;
}

// struct mmsghdr[count]: the array, then what capture_msghdr takes of the first messages; at exit
// each message's data is its msg_len, at entry total bytes.
#define MMSGHDR_SIZE 64
static __always_inline __u64 capture_mmsghdr(struct scratch *s, __u64 off, const struct capture_rule *r, __u8 rule,
					     __u64 addr, __u64 count)
{
	off = capture_region(s, off, addr, count * MMSGHDR_SIZE, META(0, rule, r->arg, 0));
	for (int i = 0; i < SYSCOPE_MAX_MMSG; i++) {
		if (i >= count) break;
		__u64 msg = addr + i * MMSGHDR_SIZE;
		__u64 total = r->cap;
		__u32 len = 0;
		if (r->phase == CAPTURE_AT_EXIT && bpf_probe_read_user(&len, sizeof(len), (const void *)(msg + 56)) == 0 && len < total)
			total = len;
		off = capture_msghdr(s, off, msg, total, META(0, rule, r->arg, 0));
	}
	return off;
}

// pselect6's { const sigset_t *, size_t }: the pair, then the set.
static __always_inline __u64 capture_sigset_pair(struct scratch *s, __u64 off, __u8 rule, __u8 arg, __u64 addr)
{
	__u64 pair[2] = {};
	off = capture_region(s, off, addr, sizeof(pair), META(0, rule, arg, 0));
	if (bpf_probe_read_user(pair, sizeof(pair), (const void *)addr) || !pair[0]) return off;
	return capture_region(s, off, pair[0], pair[1] < MAX_SIGSET ? pair[1] : MAX_SIGSET, META(0, rule, arg, 0));
}

// ---- descriptors (-y) ----

#define AT_FDCWD (-100)
#define SIGKILL 9
#define PIPEFS_MAGIC 0x50495045
#define SOCKFS_MAGIC 0x534F434B
#define ANON_INODE_FS_MAGIC 0x09041934
#define PID_FS_MAGIC 0x50494446
#define NAME_ROOM 256                               // NAME_MAX and its NUL

#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define AF_NETLINK 16
#define UNIX_PATH_MAX 108

// -yy: a socket's endpoints (struct fd_socket, then a UNIX socket's bound name) and its protocol's
// name ("TCP", "UNIX-STREAM", "NETLINK", as system.sockprotoname says it) as the one component;
// returns the capture's length so far.
static __always_inline __u32 capture_socket(struct scratch *s, __u64 start, struct fd_identity *id, struct socket *sock)
{
	__u64 at = start + sizeof(struct capture) + sizeof(*id);
	struct fd_socket *fs = (struct fd_socket *)&s->data[at];
	__builtin_memset(fs, 0, sizeof(*fs));
	id->flags |= FD_SOCKET;
	struct sock *sk = BPF_CORE_READ(sock, sk);
	fs->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	fs->protocol = BPF_CORE_READ(sk, sk_protocol);
	fs->type = BPF_CORE_READ(sk, sk_type);
	fs->state = BPF_CORE_READ(sk, __sk_common.skc_state);
	__u64 len = sizeof(*id) + sizeof(*fs);
	if (fs->family == AF_INET || fs->family == AF_INET6) {
		fs->sport = BPF_CORE_READ(sk, __sk_common.skc_num);
		fs->dport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
		if (fs->family == AF_INET) {
			*(__u32 *)fs->saddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
			*(__u32 *)fs->daddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		} else {
			BPF_CORE_READ_INTO(&fs->saddr, sk, __sk_common.skc_v6_rcv_saddr);
			BPF_CORE_READ_INTO(&fs->daddr, sk, __sk_common.skc_v6_daddr);
		}
	} else if (fs->family == AF_UNIX) {
		struct unix_sock *u = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(u, peer);
		struct socket_alloc *peer_socket = peer ? (struct socket_alloc *)BPF_CORE_READ(peer, sk_socket) : 0;
		if (peer_socket) fs->peer_ino = BPF_CORE_READ(peer_socket, vfs_inode.i_ino);
		struct unix_address *addr = BPF_CORE_READ(u, addr);
		int alen = addr ? BPF_CORE_READ(addr, len) - 2 : 0;   // less sun_family
		if (alen > 0) {
			if (alen > UNIX_PATH_MAX) alen = UNIX_PATH_MAX;
			if (bpf_probe_read_kernel(&s->data[at + sizeof(*fs)], alen & 127, (void *)addr + bpf_core_field_offset(struct unix_address, name) + 2) == 0) {
				fs->name_len = alen;
				len += alen;
			}
		}
	} else if (fs->family == AF_NETLINK) {
		fs->portid = BPF_CORE_READ((struct netlink_sock *)sk, portid);
	}
	struct proto *prot = BPF_CORE_READ(sk, sk_prot_creator);
	long n = prot ? bpf_probe_read_kernel_str(&s->data[start + sizeof(struct capture) + (len & 255)], 32, prot->name) : 0;
	if (n > 0) {
		len += n;
		id->count = 1;
	}
	return len;
}

// One step of the walk from a file up to the root, as d_path() walks: a name, or a mount crossed.
struct path_walk {
	struct scratch *s;
	__u64 start;
	struct capture *c;                         // its len: the bytes so far
	struct fd_identity *id;
	struct dentry *d;
	struct vfsmount *vfs;
	struct mount *mnt;
};

// Appends d's name to the capture; false when there is no room or it cannot be read.
static __always_inline bool add_name(struct path_walk *w)
{
	__u32 used = w->c->len;
	if (w->id->count >= SYSCOPE_MAX_PATH_DEPTH || used > SYSCOPE_MAX_CAPTURE - NAME_ROOM || used + NAME_ROOM > room(w->start)) {
		w->id->flags |= FD_DEEP;
		return false;
	}
	// (Kernel pointers go through locals: BPF_CORE_READ would relocate w's own fields too.)
	struct dentry *d = w->d;
	const unsigned char *name = BPF_CORE_READ(d, d_name.name);
	long n = bpf_probe_read_kernel_str(&w->s->data[(w->start & OFFSET_MASK) + sizeof(struct capture) + used], NAME_ROOM, name);
	if (n <= 0) return false;
	w->c->len = used + n;
	w->id->count++;
	return true;
}

static long path_step(__u32 i, struct path_walk *w)
{
	struct dentry *d = w->d;
	struct vfsmount *vfs = w->vfs;
	struct mount *mnt = w->mnt;
	struct dentry *parent = BPF_CORE_READ(d, d_parent);
	bool mount_root = d == BPF_CORE_READ(vfs, mnt_root);
	if (d == parent && !mount_root) {
		// A file made without a place in any directory (memfd, an anonymous inode): its one name,
		// which /proc shows as "/NAME (deleted)" (or "anon_inode:NAME").
		if (add_name(w) && w->id->magic != ANON_INODE_FS_MAGIC) w->id->flags |= FD_DELETED;
		return 1;
	}
	if (mount_root || d == parent) {
		// The root of a mount: go on from where it is mounted, up to the root of all.
		struct mount *up = BPF_CORE_READ(mnt, mnt_parent);
		if (up == mnt || !up) return 1;
		w->d = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = up;
		w->vfs = (struct vfsmount *)((void *)up + bpf_core_field_offset(struct mount, mnt));
		return 0;
	}
	if (!add_name(w)) return 1;
	w->d = parent;
	return 0;
}

// What /proc/PID/fd/N would say of a descriptor (or of the working directory for AT_FDCWD), from the
// kernel's own structures at the moment of the call: the file's identity and its path's names, leaf
// first, walked up its dentries and across the mounts it sits on, as d_path() walks them.
__noinline __u64 capture_fd(struct scratch *s, __u64 off, __s64 fd, __u32 meta)
{
	if (!s) return off;
	__u64 start = off & OFFSET_MASK;
	if (room(start) < sizeof(struct fd_identity) + NAME_ROOM) return off;
	struct fd_identity *id = (struct fd_identity *)&s->data[start + sizeof(struct capture)];
	__builtin_memset(id, 0, sizeof(*id));
	struct task_struct *task = bpf_get_current_task_btf();
	struct path path = {};
	struct file *f = 0;
	if (fd == AT_FDCWD) {
		BPF_CORE_READ_INTO(&path, task, fs, pwd);
	} else {
		struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
		struct file **table = BPF_CORE_READ(fdt, fd);
		if (fd >= 0 && fd < BPF_CORE_READ(fdt, max_fds))
			bpf_probe_read_kernel(&f, sizeof(f), &table[fd]);
		if (f) BPF_CORE_READ_INTO(&path, f, f_path);
	}
	// The length so far lives in the capture's header, not in a register: read back from memory it
	// is a number the verifier does not follow, so each path through the walk checks alike.
	struct capture *c = (struct capture *)&s->data[start];
	c->len = sizeof(*id);
	if (!path.dentry) {
		id->flags = FD_CLOSED;
	} else {
		struct inode *inode = BPF_CORE_READ(path.dentry, d_inode);
		id->ino = BPF_CORE_READ(inode, i_ino);
		id->mode = BPF_CORE_READ(inode, i_mode);
		id->rdev = BPF_CORE_READ(inode, i_rdev);
		id->magic = BPF_CORE_READ(inode, i_sb, s_magic);
		if (!BPF_CORE_READ(path.dentry, d_hash.pprev) && BPF_CORE_READ(path.dentry, d_parent) != path.dentry)
			id->flags |= FD_DELETED;
		bool pseudo = id->magic == PIPEFS_MAGIC || id->magic == SOCKFS_MAGIC || id->magic == PID_FS_MAGIC;
		void *priv = f ? BPF_CORE_READ(f, private_data) : 0;
		if (id->magic == SOCKFS_MAGIC && priv) c->len = capture_socket(s, start, id, (struct socket *)priv);
		if (id->magic == PID_FS_MAGIC) {
			// -yy: the pid (pidfs keeps the struct pid with the inode; older kernels with the file).
			struct pid *pid = BPF_CORE_READ(inode, i_private);
			if (!pid) pid = priv;
			// Only while the process lives (fdinfo then says Pid: -1).
			if (pid && BPF_CORE_READ(pid, tasks[0].first)) id->aux = BPF_CORE_READ(pid, numbers[0].nr);
		}
		struct path_walk w = {
			.s = s, .start = start, .c = c, .id = id, .d = path.dentry, .vfs = path.mnt,
			.mnt = (struct mount *)((void *)path.mnt - bpf_core_field_offset(struct mount, mnt)),
		};
		if (!pseudo) bpf_loop(SYSCOPE_MAX_PATH_DEPTH * 2, path_step, &w, 0);
	}
	__u64 len = c->len;
	if (len > SYSCOPE_MAX_CAPTURE) len = SYSCOPE_MAX_CAPTURE;
	__u16 flags = (meta & 0xff) | CAPTURE_DESCRIPTOR;
	fill_capture((struct capture *)&s->data[start], (__u64)fd, len, meta >> 8, meta >> 16, flags);
	return start + sizeof(struct capture) + ROUND8(len);
}

__noinline __u64 capture_rule(struct scratch *s, __u64 off, const struct capture_rule *r, __u32 rule,
			      const struct task_call *call)
{
	if (!s || !r || !call) return off;
	__u64 addr = arg_at(call, r->arg);
	__u32 meta = META((r->flags & RULE_WHOLE) ? META_WHOLE : 0, rule, r->arg, 0);
	if (r->kind == CAPTURE_FD) {
		__s32 fd = (__s32)addr;                // descriptors are ints
		return fd >= 0 || fd == AT_FDCWD ? capture_fd(s, off, fd, meta) : off;
	}
	if (r->kind == CAPTURE_FD_ARRAY) {
		__s32 fds[2] = { -1, -1 };
		if (!addr || bpf_probe_read_user(fds, sizeof(fds), (const void *)addr)) return off;
		if (fds[0] >= 0) off = capture_fd(s, off, fds[0], meta);
		if (fds[1] >= 0) off = capture_fd(s, off, fds[1], meta);
		return off;
	}
	if (!addr) return off;                     // NULL: decoders print it without reading
	switch (r->kind) {
	case CAPTURE_BYTES: {
		__u64 size = rule_bytes(r, call);
		if (size > r->cap && !(r->flags & RULE_WHOLE)) return capture_region(s, off, addr, r->cap, meta | CAPTURE_TRUNCATED);
		return capture_region(s, off, addr, size, meta);
	}
	case CAPTURE_STRING:
		return capture_region(s, off, addr, r->cap, META(0, rule, r->arg, 1));
	case CAPTURE_STRING_ARRAY:
		return capture_string_array(s, off, r, rule, addr);
	case CAPTURE_IOVEC: {
		// the bytes: cap at entry, the return value (capped) at exit
		__u64 total = r->cap;
		if (r->phase == CAPTURE_AT_EXIT) total = call->ret < 0 ? 0 : (__u64)call->ret < total ? (__u64)call->ret : total;
		__u64 count = rule_count(r, call);
		return capture_iovecs(s, off, addr, total, WITH_COUNT(meta, count < MAX_IOVECS ? count : MAX_IOVECS));
	}
	case CAPTURE_MSGHDR: {
		__u64 total = r->cap;
		if (r->phase == CAPTURE_AT_EXIT) total = call->ret < 0 ? 0 : (__u64)call->ret < total ? (__u64)call->ret : total;
		return capture_msghdr(s, off, addr, total, meta);
	}
	case CAPTURE_MMSGHDR: {
		__u64 count = rule_count(r, call);
		return capture_mmsghdr(s, off, r, rule, addr, count < 1024 ? count : 1024);
	}
	case CAPTURE_SIGSET_PAIR:
		return capture_sigset_pair(s, off, rule, r->arg, addr);
	}
	return off;
}

// Appends the captures of every rule of this phase after the fixed part already in the scratch
// record; returns the record's length.  At entry, a rule whose first capture faulted (a page the
// process has not touched yet: BPF cannot fault it in) is noted in call->retry; at exit those
// rules are copied again, the kernel having brought the page in while it ran the call.
static __always_inline __u64 capture_phase(struct scratch *s, __u64 fixed, const struct capture_plan *plan,
					   __u8 phase, struct task_call *call)
{
	__u64 off = fixed;
	__u32 retry = phase == CAPTURE_AT_EXIT ? call->retry : 0;
	for (int i = 0; i < SYSCOPE_MAX_RULES; i++) {
		const struct capture_rule *r = &plan->rules[i];
		if (r->kind == CAPTURE_NONE) break;
		if (retry & (1u << i)) {
			off = capture_rule(s, off, r, i | CAPTURE_RULE_RETRY, call);
			continue;
		}
		if (r->phase != phase) continue;
		__u64 before = off & OFFSET_MASK;
		off = capture_rule(s, off, r, i, call);
		if (phase == CAPTURE_AT_ENTRY && off > before &&
		    (((struct capture *)&s->data[before])->flags & CAPTURE_FAULT))
			call->retry |= 1u << i;
	}
	return off > SYSCOPE_MAX_RECORD ? SYSCOPE_MAX_RECORD : off;
}

static __always_inline const struct capture_plan *plan_of(long nr)
{
	if (nr >= SYSCOPE_MAX_SYSCALLS) return 0;
	__u32 key = nr;
	const struct capture_plan *plan = bpf_map_lookup_elem(&plans, &key);
	return plan && plan->rules[0].kind != CAPTURE_NONE ? plan : 0;
}

static __always_inline struct scratch *scratch_record(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&scratch, &zero);
}

// ---- syscalls ----

// Syscall records, unless -c counts alone in the kernel; execve's always, since its result says
// whether a launched command started.  (Processes, execs and signals are always reported.)
#define EXECVE 59
static __always_inline bool emits(long nr)
{
	return config.emit || nr == EXECVE;
}

// The inode of the pid namespace a task lives in (its pid's number at its deepest level).
static __always_inline __u32 pid_namespace(struct task_struct *task)
{
	struct pid *pid = BPF_CORE_READ(task, thread_pid);
	if (!pid) return 0;
	unsigned int level = BPF_CORE_READ(pid, level);
	if (level > 32) return 0;
	struct upid *at = (struct upid *)((char *)pid + bpf_core_field_offset(struct pid, numbers)
		+ level * bpf_core_type_size(struct upid));
	struct pid_namespace *ns = 0;
	if (bpf_probe_read_kernel(&ns, sizeof(ns), (char *)at + bpf_core_field_offset(struct upid, ns)) || !ns) return 0;
	return BPF_CORE_READ(ns, ns.inum);
}

static __always_inline void emit_comm(__u64 id, struct task_struct *task)
{
	struct comm_record *r = reserve(sizeof(*r));
	if (!r) return;
	fill_header(&r->h, RECORD_COMM, id, 0, bpf_ktime_get_ns());
	if (bpf_probe_read_kernel(r->comm, sizeof(r->comm), task->group_leader->comm))
		__builtin_memset(r->comm, 0, sizeof(r->comm));
	r->pid_ns = pid_namespace(task);
	r->pad = 0;
	bpf_ringbuf_submit(r, submit_flags(false));
}

// A task's call slot, made at the first sight of the task (not in a call yet); under config.names
// its process's name is reported then, before any line of it.
static __always_inline struct task_call *task_slot(struct task_struct *task, __u64 id)
{
	struct task_call *call = bpf_task_storage_get(&calls, task, 0, 0);
	if (call) return call;
	call = bpf_task_storage_get(&calls, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!call) return 0;
	call->nr = -1;
	if (config.names) emit_comm(id, task);
	return call;
}

static __always_inline bool emit_entry(struct pt_regs *regs, struct task_call *call, __u64 id, long nr)
{
	const struct capture_plan *plan = plan_of(nr);
	struct scratch *s = plan ? scratch_record() : 0;
	struct entry_record *e;
	if (s) e = (struct entry_record *)s->data;
	else if (!(e = reserve(sizeof(*e)))) return false;
	fill_header(&e->h, RECORD_SYSCALL_ENTRY, id, nr, call->ts);
	for (int i = 0; i < 6; i++) e->args[i] = call->args[i];
	e->ip = regs->ip;
	e->sp = regs->sp;
	if (!s) {
		bpf_ringbuf_submit(e, submit_flags(false));
		return true;
	}
	__u64 len = capture_phase(s, sizeof(*e), plan, CAPTURE_AT_ENTRY, call);
	if (call->retry) e->h.flags |= RECORD_RETRY;
	return output(s, len, false);
}

// The CPU time the current thread ran in its call, in ns.  Not rescheduled nor accounted since
// entry: the time since entry.  Else what the scheduler accounted since entry, on its task clock:
// bpf_ktime_get_ns's clock differs from that clock by the time the CPU lost to interrupts and to a
// hypervisor (steal), which over a sleep added tens of ms on a busy host, and more from another CPU.
static __always_inline __s64 call_cpu_time(struct task_struct *task, struct task_call *call, __u64 now)
{
	if (task->se.exec_start == call->exec_start && task->se.sum_exec_runtime == call->cpu) return now - call->ts;
	return task->se.sum_exec_runtime - call->cpu;
}

static __always_inline int on_enter(struct pt_regs *regs, long nr)
{
	// The trace set first: a bit test, where is_traced is a hash lookup, for every process.
	if (nr < 0 || !in_trace_set(nr)) return 0;
	__u64 id = bpf_get_current_pid_tgid();
	if (!is_traced(id)) return 0;
	struct task_struct *task = bpf_get_current_task_btf();
	struct task_call *call = task_slot(task, id);
	if (!call) return 0;
	call->ts = bpf_ktime_get_ns();
	call->cpu = task->se.sum_exec_runtime;
	call->exec_start = task->se.exec_start;
	call->nr = nr;
	call->flags = 0;
	if (!emits(nr)) return 0;   // -c alone: the counters need only the times
	call->ret = 0;
	call->retry = 0;
	call->sp = regs->sp;
	call->args[0] = regs->di;
	call->args[1] = regs->si;
	call->args[2] = regs->dx;
	call->args[3] = regs->r10;
	call->args[4] = regs->r8;
	call->args[5] = regs->r9;
	if (!emit_entry(regs, call, id, nr)) call->flags |= RECORD_ENTRY_LOST;
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(syscope_enter, struct pt_regs *regs, long nr)
{
	return on_enter(regs, nr);
}

// Bucket i holds [2^i, 2^(i+1)) ns.
static __always_inline __u32 log2_bucket(__u64 v)
{
	__u32 r = 0;
	if (v >> 32) { v >>= 32; r += 32; }
	if (v >> 16) { v >>= 16; r += 16; }
	if (v >> 8) { v >>= 8; r += 8; }
	if (v >> 4) { v >>= 4; r += 4; }
	if (v >> 2) { v >>= 2; r += 2; }
	if (v >> 1) r += 1;
	return r < SYSCOPE_LATENCY_BUCKETS ? r : SYSCOPE_LATENCY_BUCKETS - 1;
}

static __always_inline void count_call(__s32 nr, __s64 ret, __u64 ns)
{
	if (nr < 0 || nr >= SYSCOPE_MAX_SYSCALLS) return;
	__u32 key = nr;
	struct syscall_counter *c = bpf_map_lookup_elem(&counters, &key);
	if (!c) return;
	c->calls++;
	if (ret < 0 && ret >= -4095) c->errors++;
	c->total_ns += ns;
	if (ns < c->min_ns || c->calls == 1) c->min_ns = ns;
	if (ns > c->max_ns) c->max_ns = ns;
	c->latency_log2[log2_bucket(ns)]++;
}

static __always_inline int on_exit(struct pt_regs *regs, long ret)
{
	// Calls outside the trace set never had an entry: a bit test ends them, as at entry.
	long nr_now = regs->orig_ax;
	if (nr_now >= 0 && !in_trace_set(nr_now)) return 0;
	// Only threads whose entry was traced have a call in flight; others return here.
	struct task_struct *task = bpf_get_current_task_btf();
	struct task_call *call = bpf_task_storage_get(&calls, task, 0, 0);
	if (!call || call->nr < 0) return 0;
	// Killed by SIGKILL in the call (its own tgkill, a group exit): it dies before returning to
	// user space, and ptrace never sees it return; the task's exit record says it was inside.
	if (task->pending.signal.sig[0] & (1UL << (SIGKILL - 1))) return 0;
	__s32 nr = call->nr;
	call->nr = -1;
	__u64 now = bpf_ktime_get_ns();
	__s64 cpu = call_cpu_time(task, call, now);
	if (cpu < 0) cpu = 0;
	if (config.count) count_call(nr, ret, config.count_wall ? now - call->ts : (__u64)cpu);
	if (!emits(nr)) return 0;
	__u64 id = bpf_get_current_pid_tgid();
	const struct capture_plan *plan = plan_of(nr);
	struct scratch *s = plan ? scratch_record() : 0;
	struct exit_record *x;
	if (s) x = (struct exit_record *)s->data;
	else if (!(x = reserve(sizeof(*x)))) return 0;
	fill_header(&x->h, RECORD_SYSCALL_EXIT, id, nr, now);
	x->h.flags = call->flags & RECORD_ENTRY_LOST;
	x->ret = ret;
	x->cpu_ns = cpu;
	if (!s) {
		bpf_ringbuf_submit(x, submit_flags(false));
		return 0;
	}
	call->ret = ret;
	output(s, capture_phase(s, sizeof(*x), plan, CAPTURE_AT_EXIT, call), false);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(syscope_exit, struct pt_regs *regs, long ret)
{
	return on_exit(regs, ret);
}

// The same on one syscall's own tracepoints (syscalls:sys_enter_NAME and sys_exit_NAME), for a
// small trace set: user space attaches each pair to a syscall of the set and loads only those,
// instead of the tracepoints above, which run a program for every call of every process; a call
// outside the set then costs the kernel's own bit test.  Their context is the events' format
// (tracefs: __syscall_nr at 8, then the arguments or the return value at 16); the registers are
// the task's.
struct syscall_enter_event {
	__u64 common;
	__s32 nr;
	__u32 pad;
	__u64 args[6];
};

struct syscall_exit_event {
	__u64 common;
	__s32 nr;
	__u32 pad;
	__s64 ret;
};

// One program for the entries and one for the exits, loaded once; the per-syscall programs, attached
// to the tracepoints, only jump into them (a tail call), so that each costs the verifier nothing.
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} call_programs SEC(".maps");

#define CALL_ENTER 0
#define CALL_EXIT 1

SEC("tracepoint")
int syscope_call_enter(struct syscall_enter_event *e)
{
	return on_enter((struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf()), e->nr);
}

SEC("tracepoint")
int syscope_call_exit(struct syscall_exit_event *e)
{
	return on_exit((struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf()), e->ret);
}

#define SYSCALL_PROGRAMS(i) \
	SEC("tracepoint/syscalls/sys_enter_write") \
	int syscope_call_enter##i(void *ctx) \
	{ \
		bpf_tail_call(ctx, &call_programs, CALL_ENTER); \
		return 0; \
	} \
	SEC("tracepoint/syscalls/sys_exit_write") \
	int syscope_call_exit##i(void *ctx) \
	{ \
		bpf_tail_call(ctx, &call_programs, CALL_EXIT); \
		return 0; \
	}
SYSCALL_PROGRAMS(0)
SYSCALL_PROGRAMS(1)
SYSCALL_PROGRAMS(2)
SYSCALL_PROGRAMS(3)

// ---- processes ----

// Tasks the kernel runs for a process (KVM's NX-recovery worker, io_uring's workers): threads of its
// group that never return to user space, which ptrace never sees (they are made untraced).
#define PF_IO_WORKER 0x10
#define PF_USER_WORKER 0x4000
#define PF_KTHREAD 0x200000
static __always_inline bool kernel_worker(const struct task_struct *task)
{
	return task->flags & (PF_IO_WORKER | PF_USER_WORKER | PF_KTHREAD);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(syscope_fork, struct task_struct *parent, struct task_struct *child)
{
	__u64 id = bpf_get_current_pid_tgid();
	if (!config.follow || kernel_worker(child) || !is_traced(id)) return 0;
	__u32 child_tid = child->pid, child_tgid = child->tgid;
	if (config.scope == SCOPE_PIDS) {
		traced_bit(config.per_thread ? child_tid : child_tgid, true, false);
	}
	struct fork_record *f = reserve(sizeof(*f));
	if (!f) return 0;
	fill_header(&f->h, RECORD_FORK, id, 0, bpf_ktime_get_ns());
	if (child_tgid == (__u32)(id >> 32)) f->h.flags = RECORD_THREAD;
	f->child_tid = child_tid;
	f->child_tgid = child_tgid;
	bpf_ringbuf_submit(f, submit_flags(false));
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(syscope_exec, struct task_struct *task, int old_pid)
{
	__u64 id = bpf_get_current_pid_tgid();
	if (!is_traced(id)) return 0;
	struct exec_record *e = reserve(sizeof(*e));
	if (!e) return 0;
	fill_header(&e->h, RECORD_EXEC, id, 0, bpf_ktime_get_ns());
	e->old_tid = old_pid;
	e->pad = 0;
	if (bpf_probe_read_kernel(e->comm, sizeof(e->comm), task->comm)) __builtin_memset(e->comm, 0, sizeof(e->comm));
	bpf_ringbuf_submit(e, submit_flags(false));
	return 0;
}

// A process renamed (prctl(PR_SET_NAME) by its main thread, a write to /proc/PID/comm, exec):
// its lines carry the new name from here on.  The task may not be the current one (/proc), and the
// tracepoint fires before the kernel copies the name in, so the name comes from the argument.
SEC("tp_btf/task_rename")
int BPF_PROG(syscope_rename, struct task_struct *task, const char *comm)
{
	if (!config.names || task->pid != task->tgid) return 0;
	__u64 id = (__u64)task->tgid << 32 | (__u32)task->pid;
	if (config.scope == SCOPE_ALL) {
		// Not seen yet: its first traced call will name it.
		if ((__u32)task->tgid == config.self_tgid || !bpf_task_storage_get(&calls, task, 0, 0)) return 0;
	} else if (!is_traced(id)) return 0;
	struct comm_record *r = reserve(sizeof(*r));
	if (!r) return 0;
	fill_header(&r->h, RECORD_COMM, id, 0, bpf_ktime_get_ns());
	__builtin_memset(r->comm, 0, sizeof(r->comm));
	bpf_probe_read_kernel_str(r->comm, sizeof(r->comm), comm);
	r->pid_ns = pid_namespace(task);
	r->pad = 0;
	bpf_ringbuf_submit(r, submit_flags(false));
	return 0;
}

// -e kvm=vcpu: why a traced thread's KVM_RUN came back, which the tracepoint says just before the
// ioctl returns (so the record comes before the call's exit record).  Loaded only when asked.
struct kvm_userspace_exit_event {
	__u64 common;
	__u32 reason;
	int err;
};

SEC("tracepoint/kvm/kvm_userspace_exit")
int syscope_kvm_exit(struct kvm_userspace_exit_event *e)
{
	__u64 id = bpf_get_current_pid_tgid();
	if (!config.emit || !is_traced(id)) return 0;
	struct kvm_exit_record *r = reserve(sizeof(*r));
	if (!r) return 0;
	fill_header(&r->h, RECORD_KVM_EXIT, id, e->reason, bpf_ktime_get_ns());
	r->err = e->err;
	r->pad = 0;
	bpf_ringbuf_submit(r, submit_flags(false));
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(syscope_task_exit, struct task_struct *task)
{
	__u64 id = bpf_get_current_pid_tgid();
	// Every task's name as it ends, traced or not (-Y names the pids calls pass).
	if (config.names) {
		struct ended_task e = { .exit_ts = bpf_ktime_get_ns(), .gone_ts = ~0ULL };
		if (bpf_probe_read_kernel(e.comm, sizeof(e.comm), task->comm)) __builtin_memset(e.comm, 0, sizeof(e.comm));
		__u32 tid = (__u32)id;
		bpf_map_update_elem(&ended, &tid, &e, BPF_ANY);
	}
	if (!is_traced(id)) return 0;
	bool group_dead = task->signal->live.counter == 0;
	if (config.scope == SCOPE_PIDS && (group_dead || config.per_thread)) {
		traced_bit(config.per_thread ? (__u32)id : (__u32)(id >> 32), false, true);
	}
	bool worker = kernel_worker(task);
	// A worker's end is no line; it says only that its process is gone, when it was the last.
	if (worker && !group_dead) return 0;
	struct task_call *call = bpf_task_storage_get(&calls, bpf_get_current_task_btf(), 0, 0);
	// A task never seen before still ends under its name.
	if (!call && config.names && !worker) emit_comm(id, bpf_get_current_task_btf());
	struct task_exit_record *x = reserve(sizeof(*x));
	if (!x) return 0;
	fill_header(&x->h, RECORD_TASK_EXIT, id, 0, bpf_ktime_get_ns());
	if (worker) x->h.flags = RECORD_WORKER;
	if (call && call->nr >= 0) {
		x->h.flags |= RECORD_IN_SYSCALL;
		x->h.nr = call->nr;
	}
	if (group_dead) x->h.flags |= RECORD_GROUP_DEAD;
	x->exit_code = task->exit_code;
	x->pad = 0;
	// The end of a process is worth a wake-up: the reader may be waiting for the last one.
	bpf_ringbuf_submit(x, group_dead ? BPF_RB_FORCE_WAKEUP : submit_flags(false));
	return 0;
}

// An ended task freed: its id may now be another's.  (Freed an RCU grace period after its reaping.)
SEC("tp_btf/sched_process_free")
int BPF_PROG(syscope_task_free, struct task_struct *task)
{
	__u32 tid = task->pid;
	struct ended_task *e = bpf_map_lookup_elem(&ended, &tid);
	if (e) e->gone_ts = bpf_ktime_get_ns();
	return 0;
}

// A signal the target ignores is dropped when it is generated and never delivered (SIGCHLD by
// default); ptrace would have stopped the tracee for it, so strace shows it: it is reported here.
#define TRACE_SIGNAL_IGNORED 1
SEC("tp_btf/signal_generate")
int BPF_PROG(syscope_signal_ignored, int sig, void *info, struct task_struct *task, int group, int result)
{
	if (result != TRACE_SIGNAL_IGNORED) return 0;
	__u64 id = (__u64)task->tgid << 32 | (__u32)task->pid;
	// The target is not the current task: under SCOPE_ALL it is traced if it has made a traced call
	// (only syscope's own is out when nothing narrows the scope).
	if (config.scope == SCOPE_ALL) {
		if ((__u32)task->tgid == config.self_tgid) return 0;
		if ((config.cgroup_id || config.comm[0]) && !bpf_task_storage_get(&calls, task, 0, 0)) return 0;
	} else if (!is_traced(id)) return 0;
	if (config.names) task_slot(task, id);
	struct signal_record *r = reserve(sizeof(*r));
	if (!r) return 0;
	fill_header(&r->h, RECORD_SIGNAL, id, sig, bpf_ktime_get_ns());
	r->h.flags = RECORD_IGNORED;
	// info may be one of the kernel's markers (SEND_SIG_NOINFO, SEND_SIG_PRIV), not a pointer.
	if ((unsigned long)info < 4096 || bpf_probe_read_kernel(r->siginfo, sizeof(r->siginfo), info))
		__builtin_memset(r->siginfo, 0, sizeof(r->siginfo));
	bpf_ringbuf_submit(r, submit_flags(false));
	return 0;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(syscope_signal, int sig, void *info, void *ka)
{
	__u64 id = bpf_get_current_pid_tgid();
	// SIGKILL never stops a ptraced process: strace never shows it.
	if (sig == SIGKILL || !is_traced(id)) return 0;
	if (config.names) task_slot(bpf_get_current_task_btf(), id);
	struct signal_record *r = reserve(sizeof(*r));
	if (!r) return 0;
	fill_header(&r->h, RECORD_SIGNAL, id, sig, bpf_ktime_get_ns());
	if (bpf_probe_read_kernel(r->siginfo, sizeof(r->siginfo), info)) __builtin_memset(r->siginfo, 0, sizeof(r->siginfo));
	bpf_ringbuf_submit(r, submit_flags(false));
	return 0;
}
