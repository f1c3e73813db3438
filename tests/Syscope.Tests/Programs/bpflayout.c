// Prints the size and field offsets of every structure in syscope.h, and its constants, for
// BpfLayoutTests to compare with the C# mirrors in Tracing/Ebpf/BpfRecords.cs.
#include <stddef.h>
#include <stdio.h>
#include "../../../src/Syscope/Bpf/syscope.h"

#define S(t) printf("%s %zu\n", #t, sizeof(struct t));
#define F(t, f) printf("%s.%s %zu\n", #t, #f, offsetof(struct t, f));
#define C(c) printf("const %s %lld\n", #c, (long long)(c));

int main(void)
{
    S(record_header) F(record_header, kind) F(record_header, flags) F(record_header, tid) F(record_header, tgid)
    F(record_header, nr) F(record_header, ts)
    S(entry_record) F(entry_record, h) F(entry_record, args) F(entry_record, ip) F(entry_record, sp)
    S(exit_record) F(exit_record, h) F(exit_record, ret) F(exit_record, cpu_ns)
    S(capture) F(capture, addr) F(capture, len) F(capture, rule) F(capture, arg) F(capture, flags)
    S(fork_record) F(fork_record, h) F(fork_record, child_tid) F(fork_record, child_tgid)
    S(exec_record) F(exec_record, h) F(exec_record, old_tid) F(exec_record, pad) F(exec_record, comm)
    S(comm_record) F(comm_record, h) F(comm_record, comm) F(comm_record, pid_ns) F(comm_record, pad)
    S(task_exit_record) F(task_exit_record, h) F(task_exit_record, exit_code) F(task_exit_record, pad)
    S(kvm_exit_record) F(kvm_exit_record, h) F(kvm_exit_record, err) F(kvm_exit_record, pad)
    S(data_record) F(data_record, h) F(data_record, addr) F(data_record, len) F(data_record, pad) F(data_record, data)
    S(signal_record) F(signal_record, h) F(signal_record, siginfo)
    S(fd_identity) F(fd_identity, ino) F(fd_identity, magic) F(fd_identity, mode) F(fd_identity, rdev)
    F(fd_identity, aux) F(fd_identity, flags) F(fd_identity, count) F(fd_identity, pad)
    S(fd_socket) F(fd_socket, saddr) F(fd_socket, daddr) F(fd_socket, peer_ino) F(fd_socket, portid)
    F(fd_socket, family) F(fd_socket, protocol) F(fd_socket, type) F(fd_socket, sport) F(fd_socket, dport)
    F(fd_socket, state) F(fd_socket, name_len)
    S(capture_rule) F(capture_rule, arg) F(capture_rule, kind) F(capture_rule, phase) F(capture_rule, size_from)
    F(capture_rule, size_arg) F(capture_rule, flags) F(capture_rule, elem_size) F(capture_rule, cap) F(capture_rule, header)
    F(capture_rule, pad)
    S(capture_plan) F(capture_plan, rules)
    S(syscall_counter) F(syscall_counter, calls) F(syscall_counter, errors) F(syscall_counter, total_ns)
    F(syscall_counter, min_ns) F(syscall_counter, max_ns) F(syscall_counter, latency_log2)
    S(ring_stats) F(ring_stats, attempts) F(ring_stats, lost)
    S(ended_task) F(ended_task, exit_ts) F(ended_task, gone_ts) F(ended_task, comm)
    S(trace_set) F(trace_set, bits) F(trace_set, others)
    S(syscope_config) F(syscope_config, scope) F(syscope_config, per_thread) F(syscope_config, follow)
    F(syscope_config, emit) F(syscope_config, count) F(syscope_config, self_tgid) F(syscope_config, wake_bytes)
    F(syscope_config, cgroup_id) F(syscope_config, cgroup_level) F(syscope_config, names) F(syscope_config, comm)
    F(syscope_config, all_calls) F(syscope_config, count_wall)

    C(SYSCOPE_MAX_SYSCALLS) C(SYSCOPE_MAX_PIDS) C(SYSCOPE_LATENCY_BUCKETS) C(SYSCOPE_MAX_RULES) C(SYSCOPE_MAX_CAPTURE) C(SYSCOPE_MAX_RECORD)
    C(RECORD_SYSCALL_ENTRY) C(RECORD_SYSCALL_EXIT) C(RECORD_FORK) C(RECORD_EXEC) C(RECORD_TASK_EXIT) C(RECORD_SIGNAL) C(RECORD_DATA) C(RECORD_COMM) C(RECORD_KVM_EXIT) C(SYSCOPE_COMM_LEN) C(SYSCOPE_SYSCALL_PROGRAMS) C(SYSCOPE_DATA_CHUNK) C(SYSCOPE_MAX_DATA_CHUNKS) C(RULE_WHOLE)
    C(RECORD_ENTRY_LOST) C(RECORD_IN_SYSCALL) C(RECORD_GROUP_DEAD) C(RECORD_THREAD) C(RECORD_RETRY) C(RECORD_IGNORED) C(RECORD_WORKER)
    C(CAPTURE_RULE_RETRY) C(CAPTURE_ARG_SP) C(CAPTURE_ARG_RETURN) C(CAPTURE_DESCRIPTOR) C(CAPTURE_FD) C(CAPTURE_FD_ARRAY)
    C(FD_DELETED) C(FD_DEEP) C(FD_CLOSED) C(FD_SOCKET) C(SYSCOPE_MAX_PATH_DEPTH)
    C(CAPTURE_TRUNCATED) C(CAPTURE_FAULT) C(CAPTURE_COMPLETE_STRING)
    C(CAPTURE_NONE) C(CAPTURE_BYTES) C(CAPTURE_STRING) C(CAPTURE_STRING_ARRAY) C(CAPTURE_IOVEC) C(CAPTURE_MSGHDR) C(CAPTURE_MMSGHDR) C(CAPTURE_SIGSET_PAIR) C(SYSCOPE_MAX_MMSG)
    C(RULE_COUNT_BITS)
    C(CAPTURE_AT_ENTRY) C(CAPTURE_AT_EXIT)
    C(SIZE_FIXED) C(SIZE_FROM_ARG) C(SIZE_FROM_RETURN) C(SIZE_FROM_POINTEE) C(SIZE_FROM_IOCTL)
    C(SCOPE_PIDS) C(SCOPE_ALL)
    return 0;
}
