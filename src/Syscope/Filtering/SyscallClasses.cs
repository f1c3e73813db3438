namespace Syscope.Filtering;

/// <summary>
/// strace's trace classes (-e trace=%file and the rest) for x86_64, as data in one place.  Each
/// list was read off strace 6.1 itself: a static test program made every syscall 0..334 and
/// 424..450 once, run under `strace -e trace=%CLASS -e inject=all:error=ENOSYS`, so each call
/// strace prints is a member (see tests/Syscope.Tests/Filtering/SyscallClassesTests.cs for the
/// checks against live strace).  Names are the table's (SyscallTable.g.cs), in number order.
/// </summary>
public static class SyscallClasses
{
    private static readonly Dictionary<string, string[]> s_lists = new(StringComparer.Ordinal)
    {
        // %file: calls that take a file name
        ["file"] = [
            "open", "stat", "lstat", "access", "execve", "truncate", "getcwd", "chdir", "rename", "mkdir",
            "rmdir", "creat", "link", "unlink", "symlink", "readlink", "chmod", "chown", "lchown", "utime",
            "mknod", "uselib", "statfs", "pivot_root", "chroot", "acct", "mount", "umount2", "swapon", "swapoff",
            "quotactl", "setxattr", "lsetxattr", "getxattr", "lgetxattr", "listxattr", "llistxattr",
            "removexattr", "lremovexattr", "utimes", "inotify_add_watch", "openat", "mkdirat", "mknodat",
            "fchownat", "futimesat", "newfstatat", "unlinkat", "renameat", "linkat", "symlinkat", "readlinkat",
            "fchmodat", "faccessat", "utimensat", "fanotify_mark", "name_to_handle_at", "renameat2", "execveat",
            "statx", "open_tree", "move_mount", "fsconfig", "fspick", "openat2", "faccessat2", "mount_setattr",
        ],
        // %process: process lifecycle: fork, exec, wait, exit, kill
        ["process"] = [
            "clone", "fork", "vfork", "execve", "exit", "wait4", "kill", "rt_sigqueueinfo", "tkill",
            "exit_group", "tgkill", "waitid", "rt_tgsigqueueinfo", "execveat", "pidfd_send_signal", "clone3",
        ],
        // %network: sockets
        ["network"] = [
            "sendfile", "socket", "connect", "accept", "sendto", "recvfrom", "sendmsg", "recvmsg", "shutdown",
            "bind", "listen", "getsockname", "getpeername", "socketpair", "setsockopt", "getsockopt", "getpmsg",
            "putpmsg", "accept4", "recvmmsg", "sendmmsg",
        ],
        // %signal: signal-related calls
        ["signal"] = [
            "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "pause", "kill", "rt_sigpending",
            "rt_sigtimedwait", "rt_sigqueueinfo", "rt_sigsuspend", "sigaltstack", "tkill", "tgkill", "signalfd",
            "signalfd4", "rt_tgsigqueueinfo", "pidfd_send_signal", "io_uring_enter",
        ],
        // %ipc: SysV IPC
        ["ipc"] = [
            "shmget", "shmat", "shmctl", "semget", "semop", "semctl", "shmdt", "msgget", "msgsnd", "msgrcv",
            "msgctl", "semtimedop",
        ],
        // %desc: calls that take or return a file descriptor
        ["desc"] = [
            "read", "write", "open", "close", "fstat", "poll", "lseek", "mmap", "ioctl", "pread64", "pwrite64",
            "readv", "writev", "pipe", "select", "dup", "dup2", "sendfile", "fcntl", "flock", "fsync",
            "fdatasync", "ftruncate", "getdents", "fchdir", "creat", "fchmod", "fchown", "fstatfs", "readahead",
            "fsetxattr", "fgetxattr", "flistxattr", "fremovexattr", "epoll_create", "getdents64", "fadvise64",
            "epoll_wait", "epoll_ctl", "mq_open", "mq_timedsend", "mq_timedreceive", "mq_notify",
            "mq_getsetattr", "inotify_init", "inotify_add_watch", "inotify_rm_watch", "openat", "mkdirat",
            "mknodat", "fchownat", "futimesat", "newfstatat", "unlinkat", "renameat", "linkat", "symlinkat",
            "readlinkat", "fchmodat", "faccessat", "pselect6", "ppoll", "splice", "tee", "sync_file_range",
            "vmsplice", "utimensat", "epoll_pwait", "signalfd", "timerfd_create", "eventfd", "fallocate",
            "timerfd_settime", "timerfd_gettime", "signalfd4", "eventfd2", "epoll_create1", "dup3", "pipe2",
            "inotify_init1", "preadv", "pwritev", "perf_event_open", "fanotify_init", "fanotify_mark",
            "name_to_handle_at", "open_by_handle_at", "syncfs", "setns", "finit_module", "renameat2",
            "memfd_create", "kexec_file_load", "bpf", "execveat", "userfaultfd", "copy_file_range", "preadv2",
            "pwritev2", "statx", "pidfd_send_signal", "io_uring_setup", "io_uring_enter", "io_uring_register",
            "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "pidfd_open", "openat2",
            "pidfd_getfd", "faccessat2", "process_madvise", "epoll_pwait2", "mount_setattr", "quotactl_fd",
            "landlock_create_ruleset", "landlock_add_rule", "landlock_restrict_self", "memfd_secret",
            "process_mrelease",
        ],
        // %memory: memory mapping
        ["memory"] = [
            "mmap", "mprotect", "munmap", "brk", "mremap", "msync", "mincore", "madvise", "shmat", "shmdt",
            "mlock", "munlock", "mlockall", "munlockall", "io_setup", "io_destroy", "remap_file_pages", "mbind",
            "set_mempolicy", "get_mempolicy", "migrate_pages", "move_pages", "mlock2", "pkey_mprotect",
            "io_uring_register", "set_mempolicy_home_node",
        ],
        // %creds: user and group ids, capabilities
        ["creds"] = [
            "getuid", "getgid", "setuid", "setgid", "geteuid", "getegid", "setreuid", "setregid", "getgroups",
            "setgroups", "setresuid", "getresuid", "setresgid", "getresgid", "setfsuid", "setfsgid", "capget",
            "capset", "prctl",
        ],
        // %clock: reading and setting clocks
        ["clock"] = [
            "gettimeofday", "adjtimex", "settimeofday", "time", "clock_settime", "clock_gettime", "clock_getres",
            "clock_adjtime",
        ],
        // %stat: stat variants
        ["stat"] = [
            "stat",
        ],
        // %lstat: lstat variants
        ["lstat"] = [
            "lstat",
        ],
        // %fstat: fstat variants
        ["fstat"] = [
            "fstat", "newfstatat", "statx",
        ],
        // %%stat: every stat-like call
        ["%stat"] = [
            "stat", "fstat", "lstat", "newfstatat", "statx",
        ],
        // %statfs: statfs variants
        ["statfs"] = [
            "statfs",
        ],
        // %fstatfs: fstatfs variants
        ["fstatfs"] = [
            "fstatfs",
        ],
        // %%statfs: every statfs-like call
        ["%statfs"] = [
            "ustat", "statfs", "fstatfs",
        ],
        // %pure: calls that always succeed and take no arguments
        ["pure"] = [
            "getpid", "getuid", "getgid", "geteuid", "getegid", "getppid", "getpgrp", "gettid",
        ],
    };

    /// <summary>Other spellings strace accepts for a class.</summary>
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.Ordinal) { ["net"] = "network" };

    private static readonly Dictionary<string, HashSet<string>> s_sets =
        s_lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Class names as written after '%' ("file", "net", "%stat"); lowercase only, as in strace.</summary>
    public static IEnumerable<string> Names => s_lists.Keys.Concat(s_aliases.Keys);

    /// <summary>The members of a class (name without the leading '%'), or null for no such class.</summary>
    public static IReadOnlySet<string>? Get(string className) =>
        s_sets.GetValueOrDefault(s_aliases.GetValueOrDefault(className, className));
}
