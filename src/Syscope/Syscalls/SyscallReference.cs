namespace Syscope.Syscalls;

/// <summary>
/// The hand-written half of `explain`: for each well-known syscall its class, the errno values it
/// commonly returns and a one-line summary in our own words.  Numbers, argument names and types
/// come from the generated SyscallTable; this file holds only what no header says.
/// One line per call: name | class | errnos | summary.
/// </summary>
public static partial class SyscallReference
{
    private const string Data = """
        read | desc | EAGAIN EBADF EFAULT EINTR EINVAL EIO EISDIR | Copies up to count bytes from an open file, pipe or socket into buf; returns 0 at end of file.
        write | desc | EAGAIN EBADF EFAULT EFBIG EINTR EINVAL EIO ENOSPC EPIPE | Copies up to count bytes from buf to an open file, pipe or socket; may write fewer than asked.
        open | file | EACCES EEXIST EISDIR ELOOP EMFILE ENAMETOOLONG ENOENT ENOTDIR EROFS | Opens or creates a file by path and returns the lowest free file descriptor.
        close | desc | EBADF EINTR EIO | Releases a file descriptor; the file itself closes when its last descriptor goes.
        stat | file | EACCES EFAULT ELOOP ENAMETOOLONG ENOENT ENOTDIR | Fills a struct stat with a file's type, size, owner and times, following symbolic links.
        fstat | desc | EBADF EFAULT | Like stat, for a file that is already open.
        lstat | file | EACCES EFAULT ELOOP ENAMETOOLONG ENOENT ENOTDIR | Like stat, but describes a symbolic link itself rather than its target.
        poll | desc | EFAULT EINTR EINVAL ENOMEM | Sleeps until one of a set of descriptors becomes readable or writable, or the timeout passes.
        lseek | desc | EBADF EINVAL ENXIO EOVERFLOW ESPIPE | Moves the file position of an open file; pipes and sockets have none.
        mmap | memory | EACCES EAGAIN EBADF EINVAL ENODEV ENOMEM EPERM | Maps a file or anonymous memory into the address space and returns its address.
        mprotect | memory | EACCES EINVAL ENOMEM | Changes whether a range of pages may be read, written or executed.
        munmap | memory | EINVAL | Removes a range of pages from the address space.
        brk | memory | ENOMEM | Moves the end of the heap; malloc uses it for small allocations.
        rt_sigaction | signal | EFAULT EINVAL | Reads or sets what happens when a signal arrives: a handler, ignore or default.
        rt_sigprocmask | signal | EFAULT EINVAL | Blocks or unblocks signals for the calling thread.
        rt_sigreturn | signal | | Returns from a signal handler, restoring the state the handler interrupted.
        ioctl | desc | EBADF EFAULT EINVAL ENOTTY | Sends a device-specific request to a file descriptor (terminal size, socket options, drivers).
        pread64 | desc | EBADF EFAULT EINTR EINVAL EIO ESPIPE | Reads at a given offset without moving the file position.
        pwrite64 | desc | EBADF EFAULT EFBIG EINTR EINVAL EIO ENOSPC ESPIPE | Writes at a given offset without moving the file position.
        readv | desc | EAGAIN EBADF EFAULT EINTR EINVAL EIO | Reads into several buffers in one call (scatter input).
        writev | desc | EAGAIN EBADF EFAULT EINTR EINVAL EIO EPIPE | Writes from several buffers in one call (gather output).
        access | file | EACCES ELOOP ENAMETOOLONG ENOENT ENOTDIR EROFS | Checks whether the real user may read, write or execute a path.
        pipe | ipc | EFAULT EMFILE ENFILE | Creates a one-way channel: two descriptors, one to read and one to write.
        select | desc | EBADF EINTR EINVAL ENOMEM | Waits for any of up to nfds descriptors in three bitmaps to become ready.
        sched_yield | sched | | Gives up the CPU so another runnable thread may run.
        mremap | memory | EAGAIN EFAULT EINVAL ENOMEM | Grows, shrinks or moves an existing mapping.
        msync | memory | EBUSY EINVAL ENOMEM | Writes changed pages of a file mapping back to the file.
        madvise | memory | EACCES EAGAIN EBADF EINVAL ENOMEM | Tells the kernel how a memory range will be used so it can page accordingly.
        dup | desc | EBADF EMFILE | Returns a new descriptor for the same open file.
        dup2 | desc | EBADF EBUSY EINTR EMFILE | Makes newfd refer to the same open file as oldfd, closing newfd first.
        pause | signal | EINTR | Sleeps until a signal is delivered.
        nanosleep | time | EFAULT EINTR EINVAL | Sleeps for a given time; on interruption reports how much was left.
        getitimer | time | EFAULT EINVAL | Reads one of the process's interval timers.
        alarm | time | | Schedules a SIGALRM after a number of seconds.
        setitimer | time | EFAULT EINVAL | Arms an interval timer that sends a signal when it expires.
        getpid | process | | Returns the ID of the calling process (the thread group).
        sendfile | desc | EAGAIN EBADF EFAULT EINVAL EIO ENOMEM EOVERFLOW ESPIPE | Copies data between two descriptors inside the kernel.
        socket | network | EACCES EAFNOSUPPORT EINVAL EMFILE ENFILE ENOBUFS ENOMEM EPROTONOSUPPORT | Creates a communication endpoint of a family, type and protocol.
        connect | network | EACCES EADDRINUSE EAGAIN EALREADY ECONNREFUSED EINPROGRESS EINTR EISCONN ENETUNREACH ETIMEDOUT | Connects a socket to a remote address; blocks until the handshake ends.
        accept | network | EAGAIN EBADF ECONNABORTED EINTR EINVAL EMFILE ENOBUFS | Waits for and takes the next incoming connection on a listening socket.
        sendto | network | EAGAIN EBADF ECONNRESET EDESTADDRREQ EINTR EMSGSIZE ENOTCONN EPIPE | Sends a message on a socket, optionally to a given address.
        recvfrom | network | EAGAIN EBADF ECONNREFUSED EFAULT EINTR ENOTCONN | Receives a message from a socket, optionally with the sender's address.
        sendmsg | network | EAGAIN EBADF ECONNRESET EINTR EMSGSIZE ENOTCONN EPIPE | Sends a message made of several buffers, with ancillary data such as passed fds.
        recvmsg | network | EAGAIN EBADF ECONNREFUSED EFAULT EINTR ENOTCONN | Receives a message into several buffers, with ancillary data.
        shutdown | network | EBADF EINVAL ENOTCONN | Closes one or both directions of a connection without closing the socket.
        bind | network | EACCES EADDRINUSE EADDRNOTAVAIL EBADF EINVAL | Gives a socket its local address (port, path).
        listen | network | EADDRINUSE EBADF EOPNOTSUPP | Marks a socket as accepting connections, with a queue of a given length.
        getsockname | network | EBADF EFAULT EINVAL ENOBUFS | Reports the local address a socket is bound to.
        getpeername | network | EBADF EFAULT EINVAL ENOTCONN | Reports the address of the other end of a connected socket.
        socketpair | network | EAFNOSUPPORT EFAULT EMFILE EOPNOTSUPP | Creates two sockets already connected to each other.
        setsockopt | network | EBADF EFAULT EINVAL ENOPROTOOPT | Sets an option of a socket or its protocol.
        getsockopt | network | EBADF EFAULT EINVAL ENOPROTOOPT | Reads an option of a socket or its protocol (e.g. a pending connect error).
        clone | process | EAGAIN EINVAL ENOMEM ENOSPC EPERM | Creates a new process or thread, choosing what it shares with the caller.
        fork | process | EAGAIN ENOMEM | Creates a copy of the calling process.
        vfork | process | EAGAIN ENOMEM | Creates a child that borrows the parent's memory until it execs or exits.
        execve | process | E2BIG EACCES EFAULT EINVAL ELOOP ENOENT ENOEXEC ENOMEM ETXTBSY | Replaces the program of the calling process with a new one.
        exit | process | | Ends the calling thread.
        wait4 | process | ECHILD EINTR EINVAL | Waits for a child to change state and collects its status and resource use.
        kill | signal | EINVAL EPERM ESRCH | Sends a signal to a process or a process group.
        uname | system | EFAULT | Reports the kernel's name, release, version and machine.
        fcntl | desc | EACCES EAGAIN EBADF EDEADLK EINTR EINVAL EMFILE | Reads or changes descriptor flags, file status flags and record locks.
        flock | desc | EAGAIN EBADF EINTR EINVAL ENOLCK | Places or removes an advisory lock on a whole open file.
        fsync | desc | EBADF EIO EROFS EINVAL | Waits until a file's data and metadata reach the disk.
        fdatasync | desc | EBADF EIO EROFS EINVAL | Waits until a file's data reach the disk, skipping metadata not needed to read it.
        truncate | file | EACCES EFBIG EINTR EISDIR ENOENT EROFS | Sets the length of a file named by path.
        ftruncate | desc | EBADF EFBIG EINTR EINVAL EPERM | Sets the length of an open file.
        getdents64 | desc | EBADF EFAULT EINVAL ENOENT ENOTDIR | Reads directory entries from an open directory.
        getcwd | file | EACCES EFAULT ENOENT ERANGE | Returns the path of the current working directory.
        chdir | file | EACCES ENOENT ENOTDIR | Changes the current working directory.
        fchdir | desc | EACCES EBADF ENOTDIR | Changes the current working directory to an open directory.
        rename | file | EACCES EBUSY EEXIST EISDIR ENOENT ENOTDIR ENOTEMPTY EXDEV | Gives a file a new name, replacing any file already there.
        mkdir | file | EACCES EEXIST ENOENT ENOSPC ENOTDIR EROFS | Creates a directory.
        rmdir | file | EACCES EBUSY ENOENT ENOTDIR ENOTEMPTY | Removes an empty directory.
        link | file | EEXIST EMLINK ENOENT EPERM EXDEV | Gives an existing file an additional name.
        unlink | file | EACCES EBUSY EISDIR ENOENT EPERM EROFS | Removes a name; the file goes when no name or open descriptor remains.
        symlink | file | EACCES EEXIST ENOENT ENOSPC EROFS | Creates a symbolic link holding a path.
        readlink | file | EACCES EINVAL ENOENT ENOTDIR | Reads the path stored in a symbolic link (not NUL-terminated).
        chmod | file | EACCES ENOENT EPERM EROFS | Changes the permission bits of a file.
        fchmod | desc | EBADF EPERM EROFS | Changes the permission bits of an open file.
        chown | file | EACCES ENOENT EPERM EROFS | Changes the owner and group of a file.
        umask | file | | Sets the mask of permission bits removed from newly created files.
        gettimeofday | time | EFAULT | Reads the wall-clock time in seconds and microseconds.
        getrlimit | process | EFAULT EINVAL | Reads a resource limit such as the number of open files.
        getrusage | process | EFAULT EINVAL | Reports CPU time and other resources used by the caller or its children.
        sysinfo | system | EFAULT | Reports uptime, load and memory totals.
        ptrace | process | EBUSY EFAULT EIO EPERM ESRCH | Lets one process observe and control another (debuggers, tracers).
        getuid | creds | | Returns the real user ID.
        getgid | creds | | Returns the real group ID.
        setuid | creds | EAGAIN EINVAL EPERM | Changes the user IDs of the caller.
        setgid | creds | EINVAL EPERM | Changes the group IDs of the caller.
        geteuid | creds | | Returns the effective user ID, the one permission checks use.
        getegid | creds | | Returns the effective group ID.
        setpgid | process | EACCES EINVAL EPERM ESRCH | Moves a process into a process group (job control).
        getppid | process | | Returns the parent's process ID.
        setsid | process | EPERM | Starts a new session with no controlling terminal.
        getgroups | creds | EFAULT EINVAL | Lists the supplementary groups of the caller.
        rt_sigsuspend | signal | EFAULT EINTR | Replaces the signal mask and sleeps until a signal arrives.
        sigaltstack | signal | EFAULT EINVAL ENOMEM EPERM | Sets or reads the alternate stack that signal handlers may run on.
        statfs | file | EACCES EIO ENOENT ENOSYS | Reports the size and usage of the filesystem holding a path.
        fstatfs | desc | EBADF EIO ENOSYS | Reports the size and usage of the filesystem holding an open file.
        prctl | process | EFAULT EINVAL EPERM | Reads or sets per-process attributes such as its name or death signal.
        arch_prctl | process | EFAULT EINVAL EPERM | Sets or reads architecture state such as the FS base used for thread-local storage.
        mount | file | EACCES EBUSY EINVAL ENODEV ENOENT EPERM | Attaches a filesystem to a directory.
        gettid | process | | Returns the ID of the calling thread.
        futex | ipc | EAGAIN EDEADLK EFAULT EINTR EINVAL ETIMEDOUT | Waits on or wakes waiters of a memory word; the basis of mutexes and condition variables.
        sched_setaffinity | sched | EFAULT EINVAL EPERM ESRCH | Restricts which CPUs a thread may run on.
        sched_getaffinity | sched | EFAULT EINVAL ESRCH | Reports which CPUs a thread may run on.
        epoll_create | desc | EINVAL EMFILE ENFILE ENOMEM | Creates an epoll instance (the size argument is ignored).
        set_tid_address | process | | Registers where the kernel clears the thread ID and wakes a futex when the thread exits.
        fadvise64 | desc | EBADF EINVAL ESPIPE | Tells the kernel how a file will be read so it can cache accordingly.
        timer_create | time | EAGAIN EINVAL ENOMEM | Creates a POSIX timer that signals or notifies on expiry.
        clock_gettime | time | EFAULT EINVAL | Reads a clock: wall time, monotonic time or CPU time.
        clock_nanosleep | time | EFAULT EINTR EINVAL | Sleeps on a chosen clock, for a duration or until an absolute time.
        exit_group | process | | Ends every thread of the calling process.
        epoll_wait | desc | EBADF EFAULT EINTR EINVAL | Waits for events on the descriptors registered in an epoll instance.
        epoll_ctl | desc | EBADF EEXIST EINVAL ELOOP ENOENT ENOMEM ENOSPC EPERM | Adds, changes or removes a descriptor in an epoll instance.
        tgkill | signal | EAGAIN EINVAL EPERM ESRCH | Sends a signal to one thread of a given process.
        utimes | file | EACCES ENOENT EPERM EROFS | Sets a file's access and modification times.
        waitid | process | ECHILD EINTR EINVAL | Waits for a child to change state, with finer choice of which and what.
        inotify_init1 | file | EINVAL EMFILE ENFILE ENOMEM | Creates a descriptor that reports filesystem events.
        inotify_add_watch | file | EACCES EBADF EFAULT EINVAL ENOENT ENOMEM ENOSPC | Starts watching a path for filesystem events.
        openat | file | EACCES EBADF EEXIST EISDIR ELOOP EMFILE ENAMETOOLONG ENOENT ENOTDIR EROFS | Opens or creates a file by a path relative to a directory descriptor.
        mkdirat | file | EACCES EBADF EEXIST ENOENT ENOSPC ENOTDIR | Creates a directory relative to a directory descriptor.
        newfstatat | file | EACCES EBADF EFAULT ELOOP ENAMETOOLONG ENOENT ENOTDIR | Like stat, relative to a directory descriptor, optionally not following links.
        unlinkat | file | EACCES EBADF EBUSY EISDIR ENOENT ENOTDIR ENOTEMPTY EPERM | Removes a name or an empty directory relative to a directory descriptor.
        renameat | file | EACCES EBADF EBUSY EEXIST ENOENT ENOTDIR EXDEV | Renames a file relative to directory descriptors.
        readlinkat | file | EACCES EBADF EINVAL ENOENT ENOTDIR | Reads a symbolic link relative to a directory descriptor.
        faccessat | file | EACCES EBADF ENOENT ENOTDIR | Checks access to a path relative to a directory descriptor.
        pselect6 | desc | EBADF EFAULT EINTR EINVAL ENOMEM | Like select, with a nanosecond timeout and a signal mask applied while waiting.
        ppoll | desc | EFAULT EINTR EINVAL ENOMEM | Like poll, with a nanosecond timeout and a signal mask applied while waiting.
        set_robust_list | process | EINVAL | Registers the list of futexes to release if the thread dies holding them.
        splice | desc | EAGAIN EBADF EINVAL ENOMEM ESPIPE | Moves data between a pipe and another descriptor without copying to user space.
        epoll_pwait | desc | EBADF EFAULT EINTR EINVAL | Like epoll_wait, with a signal mask applied while waiting.
        timerfd_create | time | EINVAL EMFILE ENFILE ENODEV ENOMEM | Creates a timer that is read through a file descriptor.
        eventfd2 | desc | EINVAL EMFILE ENFILE ENODEV ENOMEM | Creates a counter descriptor used to wake waiters between threads or processes.
        timerfd_settime | time | EBADF EFAULT EINVAL | Arms or disarms a timerfd.
        accept4 | network | EAGAIN EBADF ECONNABORTED EINTR EINVAL EMFILE ENOBUFS | Like accept, setting close-on-exec or non-blocking on the new socket at once.
        signalfd4 | signal | EBADF EINVAL EMFILE ENFILE ENOMEM | Creates a descriptor from which blocked signals are read as data.
        epoll_create1 | desc | EINVAL EMFILE ENFILE ENOMEM | Creates an epoll instance, optionally close-on-exec.
        dup3 | desc | EBADF EBUSY EINTR EINVAL EMFILE | Like dup2, with flags such as close-on-exec.
        pipe2 | ipc | EFAULT EINVAL EMFILE ENFILE | Like pipe, with flags such as non-blocking or close-on-exec.
        preadv | desc | EBADF EFAULT EINTR EINVAL EIO ESPIPE | Reads into several buffers at a given offset.
        pwritev | desc | EBADF EFAULT EINTR EINVAL EIO ESPIPE | Writes from several buffers at a given offset.
        recvmmsg | network | EAGAIN EBADF EFAULT EINTR EINVAL | Receives several messages from a socket in one call.
        prlimit64 | process | EFAULT EINVAL EPERM ESRCH | Reads and sets a resource limit of any process.
        sendmmsg | network | EAGAIN EBADF EFAULT EINTR EINVAL EMSGSIZE | Sends several messages on a socket in one call.
        getrandom | system | EAGAIN EFAULT EINTR EINVAL | Fills a buffer with random bytes from the kernel's generator.
        memfd_create | memory | EFAULT EINVAL EMFILE ENFILE ENOMEM | Creates an anonymous file that lives in memory and can be mapped or passed on.
        statx | file | EACCES EBADF EFAULT ELOOP ENAMETOOLONG ENOENT ENOMEM ENOTDIR | Reports extended file attributes, including birth time, relative to a directory descriptor.
        rseq | process | EBUSY EFAULT EINVAL EPERM | Registers a restartable-sequence area that the kernel updates when a thread migrates.
        clone3 | process | EAGAIN EBUSY EEXIST EINVAL ENOMEM ENOSPC EPERM | Like clone, with its arguments in an extensible structure.
        close_range | desc | EINVAL ENOMEM | Closes, or marks close-on-exec, every descriptor in a range.
        openat2 | file | E2BIG EACCES EAGAIN EEXIST EINVAL ELOOP ENOENT EXDEV | Like openat, with resolution rules such as refusing to leave a directory.
        pidfd_open | process | EINVAL EMFILE ENFILE ENOMEM ESRCH | Returns a descriptor that refers to a process and becomes readable when it exits.
        faccessat2 | file | EACCES EBADF EINVAL ENOENT ENOTDIR | Like faccessat, with flags such as checking with the effective IDs.
        epoll_pwait2 | desc | EBADF EFAULT EINTR EINVAL | Like epoll_pwait, with a nanosecond timeout.
        process_vm_readv | process | EFAULT EINVAL ENOMEM EPERM ESRCH | Copies memory out of another process without stopping it.
        kcmp | process | EBADF EINVAL EPERM ESRCH | Tells whether two processes share a kernel resource such as an open file.
        getxattr | file | E2BIG ENODATA EOPNOTSUPP ERANGE | Reads an extended attribute of a file.
        sync | file | | Schedules all cached writes of every filesystem to reach the disks.
        setns | process | EBADF EINVAL ENOMEM EPERM | Moves the calling thread into an existing namespace.
        unshare | process | EINVAL ENOMEM ENOSPC EPERM EUSERS | Gives the caller new namespaces or unshares its file table.
        capget | creds | EFAULT EINVAL EPERM ESRCH | Reads a thread's capability sets.
        capset | creds | EFAULT EINVAL EPERM | Changes the caller's capability sets.
        chroot | file | EACCES ENOENT ENOTDIR EPERM | Changes the directory that paths starting with / resolve from.
        personality | process | EINVAL | Sets the execution domain, e.g. to disable address-space randomisation.
        """;
}
