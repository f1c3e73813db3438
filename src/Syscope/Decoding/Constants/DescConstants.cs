namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets of descriptor calls: fcntl, ioctl, poll, epoll and the *fd calls.</summary>
internal static class DescConstants
{
    /// <summary>&lt;asm-generic/fcntl.h&gt; and &lt;linux/fcntl.h&gt; fcntl commands.</summary>
    public static readonly ValueSet FcntlCommands = new("F_???", false,
        new(0, "F_DUPFD"), new(1, "F_GETFD"), new(2, "F_SETFD"), new(3, "F_GETFL"), new(4, "F_SETFL"),
        new(5, "F_GETLK"), new(6, "F_SETLK"), new(7, "F_SETLKW"), new(8, "F_SETOWN"), new(9, "F_GETOWN"),
        new(10, "F_SETSIG"), new(11, "F_GETSIG"), new(15, "F_SETOWN_EX"), new(16, "F_GETOWN_EX"),
        new(17, "F_GETOWNER_UIDS"), new(36, "F_OFD_GETLK"), new(37, "F_OFD_SETLK"), new(38, "F_OFD_SETLKW"),
        new(1024, "F_SETLEASE"), new(1025, "F_GETLEASE"), new(1026, "F_NOTIFY"), new(1030, "F_DUPFD_CLOEXEC"),
        new(1031, "F_SETPIPE_SZ"), new(1032, "F_GETPIPE_SZ"), new(1033, "F_ADD_SEALS"), new(1034, "F_GET_SEALS"));

    /// <summary>&lt;asm-generic/fcntl.h&gt; descriptor flags.</summary>
    public static readonly FlagSet FdFlags = new("FD_???", null, new Named(1, "FD_CLOEXEC"));

    /// <summary>&lt;asm-generic/fcntl.h&gt; record lock types.</summary>
    public static readonly ValueSet LockTypes = new("F_???", false,
        new(0, "F_RDLCK"), new(1, "F_WRLCK"), new(2, "F_UNLCK"));

    /// <summary>&lt;linux/fcntl.h&gt; F_SETLEASE / F_GETLEASE values.</summary>
    public static readonly ValueSet LeaseTypes = new("F_???", false,
        new(0, "F_RDLCK"), new(1, "F_WRLCK"), new(2, "F_UNLCK"));

    /// <summary>&lt;asm-generic/fcntl.h&gt; F_OWNER_* kinds of struct f_owner_ex.</summary>
    public static readonly ValueSet OwnerTypes = new("F_OWNER_???", false,
        new(0, "F_OWNER_TID"), new(1, "F_OWNER_PID"), new(2, "F_OWNER_PGRP"));

    /// <summary>&lt;linux/fcntl.h&gt; F_NOTIFY's DN_* events.</summary>
    public static readonly FlagSet DnotifyEvents = new("DN_???", null,
        new(0x1, "DN_ACCESS"), new(0x2, "DN_MODIFY"), new(0x4, "DN_CREATE"), new(0x8, "DN_DELETE"),
        new(0x10, "DN_RENAME"), new(0x20, "DN_ATTRIB"), new(0x80000000, "DN_MULTISHOT"));

    /// <summary>&lt;linux/fcntl.h&gt; F_SEAL_* bits.</summary>
    public static readonly FlagSet Seals = new("F_SEAL_???", null,
        new(1, "F_SEAL_SEAL"), new(2, "F_SEAL_SHRINK"), new(4, "F_SEAL_GROW"), new(8, "F_SEAL_WRITE"),
        new(0x10, "F_SEAL_FUTURE_WRITE"));

    /// <summary>&lt;linux/splice.h&gt; splice, tee and vmsplice flags.</summary>
    public static readonly FlagSet SpliceFlags = new("SPLICE_F_???", null,
        new(1, "SPLICE_F_MOVE"), new(2, "SPLICE_F_NONBLOCK"), new(4, "SPLICE_F_MORE"), new(8, "SPLICE_F_GIFT"));

    /// <summary>&lt;linux/fs.h&gt; sync_file_range flags.</summary>
    public static readonly FlagSet SyncFileRangeFlags = new("SYNC_FILE_RANGE_???", null,
        new(1, "SYNC_FILE_RANGE_WAIT_BEFORE"), new(2, "SYNC_FILE_RANGE_WRITE"), new(4, "SYNC_FILE_RANGE_WAIT_AFTER"));

    /// <summary>userfaultfd's flags: &lt;linux/userfaultfd.h&gt;'s own, then the descriptor's.</summary>
    public static readonly FlagSet UserfaultfdFlags = new("UFFD_???", null,
        new(1, "UFFD_USER_MODE_ONLY"), new(0x800, "O_NONBLOCK"), new(0x80000, "O_CLOEXEC"));

    /// <summary>&lt;asm-generic/poll.h&gt; poll events.</summary>
    public static readonly FlagSet PollEvents = new("POLL???", null,
        new(0x1, "POLLIN"), new(0x2, "POLLPRI"), new(0x4, "POLLOUT"), new(0x8, "POLLERR"), new(0x10, "POLLHUP"),
        new(0x20, "POLLNVAL"), new(0x40, "POLLRDNORM"), new(0x80, "POLLRDBAND"), new(0x100, "POLLWRNORM"),
        new(0x200, "POLLWRBAND"), new(0x400, "POLLMSG"), new(0x2000, "POLLRDHUP"));

    /// <summary>&lt;linux/eventpoll.h&gt; epoll events.</summary>
    public static readonly FlagSet EpollEvents = new("EPOLL???", null,
        new(0x1, "EPOLLIN"), new(0x2, "EPOLLPRI"), new(0x4, "EPOLLOUT"), new(0x8, "EPOLLERR"),
        new(0x10, "EPOLLHUP"), new(0x20, "EPOLLNVAL"), new(0x40, "EPOLLRDNORM"), new(0x80, "EPOLLRDBAND"),
        new(0x100, "EPOLLWRNORM"), new(0x200, "EPOLLWRBAND"), new(0x400, "EPOLLMSG"), new(0x2000, "EPOLLRDHUP"),
        new(0x8000000, "EPOLLURING_WAKE"), new(0x10000000, "EPOLLEXCLUSIVE"), new(0x20000000, "EPOLLWAKEUP"),
        new(0x40000000, "EPOLLONESHOT"), new(0x80000000, "EPOLLET"));

    /// <summary>&lt;linux/eventpoll.h&gt; epoll_ctl operations.</summary>
    public static readonly ValueSet EpollOps = new("EPOLL_CTL_???", false,
        new(1, "EPOLL_CTL_ADD"), new(2, "EPOLL_CTL_DEL"), new(3, "EPOLL_CTL_MOD"));

    /// <summary>&lt;linux/eventpoll.h&gt;</summary>
    public static readonly FlagSet EpollCreateFlags = new("EPOLL_???", null, new Named(0x80000, "EPOLL_CLOEXEC"));

    /// <summary>&lt;linux/eventfd.h&gt;</summary>
    public static readonly FlagSet EventfdFlags = new("EFD_???", null,
        new(1, "EFD_SEMAPHORE"), new(0x80000, "EFD_CLOEXEC"), new(0x800, "EFD_NONBLOCK"));

    /// <summary>&lt;linux/inotify.h&gt;</summary>
    public static readonly FlagSet InotifyInitFlags = new("IN_???", null,
        new(0x800, "IN_NONBLOCK"), new(0x80000, "IN_CLOEXEC"));

    /// <summary>&lt;linux/timerfd.h&gt;</summary>
    public static readonly FlagSet TimerfdFlags = new("TFD_???", null,
        new(1, "TFD_TIMER_ABSTIME"), new(2, "TFD_TIMER_CANCEL_ON_SET"), new(0x80000, "TFD_CLOEXEC"),
        new(0x800, "TFD_NONBLOCK"));

    /// <summary>&lt;linux/signalfd.h&gt;</summary>
    public static readonly FlagSet SignalfdFlags = new("SFD_???", null,
        new(0x80000, "SFD_CLOEXEC"), new(0x800, "SFD_NONBLOCK"));

    /// <summary>&lt;linux/memfd.h&gt; (the huge page size field prints as N&lt;&lt;MFD_HUGE_SHIFT).</summary>
    public static readonly FlagSet MemfdFlags = new("MFD_???", null,
        new(1, "MFD_CLOEXEC"), new(2, "MFD_ALLOW_SEALING"), new(4, "MFD_HUGETLB"));

    /// <summary>&lt;linux/inotify.h&gt; watch masks.</summary>
    public static readonly FlagSet InotifyMask = new("IN_???", null,
        new(0x1, "IN_ACCESS"), new(0x2, "IN_MODIFY"), new(0x4, "IN_ATTRIB"), new(0x8, "IN_CLOSE_WRITE"),
        new(0x10, "IN_CLOSE_NOWRITE"), new(0x20, "IN_OPEN"), new(0x40, "IN_MOVED_FROM"), new(0x80, "IN_MOVED_TO"),
        new(0x100, "IN_CREATE"), new(0x200, "IN_DELETE"), new(0x400, "IN_DELETE_SELF"), new(0x800, "IN_MOVE_SELF"),
        new(0x2000, "IN_UNMOUNT"), new(0x4000, "IN_Q_OVERFLOW"), new(0x8000, "IN_IGNORED"),
        new(0x1000000, "IN_ONLYDIR"), new(0x2000000, "IN_DONT_FOLLOW"), new(0x4000000, "IN_EXCL_UNLINK"),
        new(0x10000000, "IN_MASK_CREATE"), new(0x20000000, "IN_MASK_ADD"), new(0x40000000, "IN_ISDIR"),
        new(0x80000000, "IN_ONESHOT"));

    /// <summary>&lt;linux/fs.h&gt; preadv2/pwritev2 flags (strace 6.1 predates RWF_NOAPPEND).</summary>
    public static readonly FlagSet RwFlags = new("RWF_???", null,
        new(0x01, "RWF_HIPRI"), new(0x02, "RWF_DSYNC"), new(0x04, "RWF_SYNC"), new(0x08, "RWF_NOWAIT"), new(0x10, "RWF_APPEND"));
}
