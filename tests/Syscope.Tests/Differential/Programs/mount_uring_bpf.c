/* Mount, new mount API, io_uring and bpf calls with every flag set the decoders name. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/io_uring.h>
#include <linux/bpf.h>
#include <linux/mount.h>

int main(void)
{
    if (unshare(CLONE_NEWNS) != 0) return 1;
    mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL);
    /* Relative to the fresh working directory the harness gives each run, so the path is the
       same under both tracers and unique per test process; the mount namespace is private, so
       nothing here reaches the host's mount table. */
    const char *dir = "mnt";
    mkdir(dir, 0700);
    mount("none", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m");
    mount("none", dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOEXEC | MS_SYNCHRONOUS | MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME | MS_LAZYTIME | MS_SILENT | MS_POSIXACL | MS_UNBINDABLE | MS_SLAVE | MS_SHARED | MS_MANDLOCK | MS_DIRSYNC | MS_NOSYMFOLLOW | MS_MOVE | MS_KERNMOUNT | MS_I_VERSION | 0x40000000 | MS_ACTIVE | MS_NOUSER, (void *)0);
    mount("/nonexistent", dir, "ext4", 0xC0ED0000 | MS_RDONLY, "errors=remount-ro");
    mount(NULL, dir, NULL, 0x10000000 /* unknown bit */, NULL);
    umount2(dir, MNT_DETACH | MNT_FORCE | MNT_EXPIRE | UMOUNT_NOFOLLOW);
    umount2(dir, 0);
    umount2(dir, 0x80);
    int fs = syscall(SYS_fsopen, "tmpfs", FSOPEN_CLOEXEC);
    syscall(SYS_fsconfig, fs, FSCONFIG_SET_STRING, "size", "1m", 0);
    syscall(SYS_fsconfig, fs, FSCONFIG_SET_FLAG, "ro", NULL, 0);
    syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
    int mfd = syscall(SYS_fsmount, fs, FSMOUNT_CLOEXEC, MOUNT_ATTR_NODEV | MOUNT_ATTR_NOSUID | MOUNT_ATTR_RELATIME);
    syscall(SYS_move_mount, mfd, "", AT_FDCWD, dir, MOVE_MOUNT_F_EMPTY_PATH);
    int t = syscall(SYS_open_tree, AT_FDCWD, dir, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
    struct mount_attr attr = { .attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOEXEC, .attr_clr = MOUNT_ATTR_NOSUID, .propagation = MS_PRIVATE, .userns_fd = 0 };
    syscall(SYS_mount_setattr, t, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof attr);
    syscall(SYS_fspick, AT_FDCWD, dir, FSPICK_CLOEXEC | FSPICK_NO_AUTOMOUNT);
    umount2(dir, MNT_DETACH);
    rmdir(dir);

    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CLAMP;
    int ring = syscall(SYS_io_uring_setup, 4, &p);
    syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, NULL, 0);
    syscall(SYS_io_uring_register, ring, IORING_REGISTER_PROBE, NULL, 0);
    syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, NULL, 0);
    close(ring);
    memset(&p, 0, sizeof p);
    syscall(SYS_io_uring_setup, 0, &p);

    union bpf_attr a;
    memset(&a, 0, sizeof a);
    a.map_type = BPF_MAP_TYPE_ARRAY;
    a.key_size = 4;
    a.value_size = 8;
    a.max_entries = 4;
    int map = syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof a);
    memset(&a, 0, sizeof a);
    int key = 1; long long val = 42;
    a.map_fd = map; a.key = (unsigned long)&key; a.value = (unsigned long)&val; a.flags = BPF_ANY;
    syscall(SYS_bpf, BPF_MAP_UPDATE_ELEM, &a, sizeof a);
    syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &a, sizeof a);
    close(map);
    struct bpf_insn insns[2] = { { .code = BPF_ALU64 | BPF_MOV | BPF_K }, { .code = BPF_JMP | BPF_EXIT } };
    char log[64] = "";
    memset(&a, 0, sizeof a);
    a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
    a.insn_cnt = 2;
    a.insns = (unsigned long)insns;
    a.license = (unsigned long)"GPL";
    a.log_level = 1; a.log_size = sizeof log; a.log_buf = (unsigned long)log;
    strcpy(a.prog_name, "test");
    int prog = syscall(SYS_bpf, BPF_PROG_LOAD, &a, sizeof a);
    struct bpf_prog_info info;
    memset(&info, 0, sizeof info);
    memset(&a, 0, sizeof a);
    a.info.bpf_fd = prog; a.info.info_len = sizeof info; a.info.info = (unsigned long)&info;
    syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, &a, sizeof a);
    close(prog);
    memset(&a, 0, sizeof a);
    a.prog_type = BPF_PROG_TYPE_KPROBE; a.insn_cnt = 2; a.insns = (unsigned long)insns; a.license = (unsigned long)"GPL";
    a.prog_flags = BPF_F_STRICT_ALIGNMENT; a.kern_version = 0x60100;
    syscall(SYS_bpf, BPF_PROG_LOAD, &a, 72);
    memset(&a, 0, sizeof a);
    syscall(SYS_bpf, 1234, &a, sizeof a);
    return 0;
}
