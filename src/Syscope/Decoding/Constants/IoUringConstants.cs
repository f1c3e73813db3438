namespace Syscope.Decoding.Constants;

/// <summary>io_uring_setup/enter/register (&lt;linux/io_uring.h&gt;), in strace's order, as strace 6.1
/// knows them: later values print as numbers, as strace 6.1 prints them (issue 17).</summary>
internal static class IoUringConstants
{
    /// <summary>&lt;linux/io_uring.h&gt; IORING_SETUP_*.</summary>
    public static readonly FlagSet SetupFlags = new("IORING_SETUP_???", null,
        new(0x1, "IORING_SETUP_IOPOLL"), new(0x2, "IORING_SETUP_SQPOLL"), new(0x4, "IORING_SETUP_SQ_AFF"), new(0x8, "IORING_SETUP_CQSIZE"),
        new(0x10, "IORING_SETUP_CLAMP"), new(0x20, "IORING_SETUP_ATTACH_WQ"), new(0x40, "IORING_SETUP_R_DISABLED"),
        new(0x80, "IORING_SETUP_SUBMIT_ALL"), new(0x100, "IORING_SETUP_COOP_TASKRUN"), new(0x200, "IORING_SETUP_TASKRUN_FLAG"),
        new(0x400, "IORING_SETUP_SQE128"), new(0x800, "IORING_SETUP_CQE32"));

    /// <summary>&lt;linux/io_uring.h&gt; IORING_FEAT_* as strace 6.1 knows them (later bits print as hex).</summary>
    public static readonly FlagSet Features = new("IORING_FEAT_???", null,
        new(0x1, "IORING_FEAT_SINGLE_MMAP"), new(0x2, "IORING_FEAT_NODROP"), new(0x4, "IORING_FEAT_SUBMIT_STABLE"),
        new(0x8, "IORING_FEAT_RW_CUR_POS"), new(0x10, "IORING_FEAT_CUR_PERSONALITY"), new(0x20, "IORING_FEAT_FAST_POLL"),
        new(0x40, "IORING_FEAT_POLL_32BITS"), new(0x80, "IORING_FEAT_SQPOLL_NONFIXED"), new(0x100, "IORING_FEAT_EXT_ARG"),
        new(0x200, "IORING_FEAT_NATIVE_WORKERS"), new(0x400, "IORING_FEAT_RSRC_TAGS"), new(0x800, "IORING_FEAT_CQE_SKIP"),
        new(0x1000, "IORING_FEAT_LINKED_FILE"));

    /// <summary>&lt;linux/io_uring.h&gt; IORING_ENTER_*.</summary>
    public static readonly FlagSet EnterFlags = new("IORING_ENTER_???", null,
        new(0x1, "IORING_ENTER_GETEVENTS"), new(0x2, "IORING_ENTER_SQ_WAKEUP"), new(0x4, "IORING_ENTER_SQ_WAIT"),
        new(0x8, "IORING_ENTER_EXT_ARG"), new(0x10, "IORING_ENTER_REGISTERED_RING"));

    /// <summary>&lt;linux/io_uring.h&gt; io_uring_register opcodes.</summary>
    public static readonly ValueSet RegisterOps = new("IORING_REGISTER_???", false,
        new(0x0, "IORING_REGISTER_BUFFERS"), new(0x1, "IORING_UNREGISTER_BUFFERS"), new(0x2, "IORING_REGISTER_FILES"),
        new(0x3, "IORING_UNREGISTER_FILES"), new(0x4, "IORING_REGISTER_EVENTFD"), new(0x5, "IORING_UNREGISTER_EVENTFD"),
        new(0x6, "IORING_REGISTER_FILES_UPDATE"), new(0x7, "IORING_REGISTER_EVENTFD_ASYNC"), new(0x8, "IORING_REGISTER_PROBE"),
        new(0x9, "IORING_REGISTER_PERSONALITY"), new(0xa, "IORING_UNREGISTER_PERSONALITY"), new(0xb, "IORING_REGISTER_RESTRICTIONS"),
        new(0xc, "IORING_REGISTER_ENABLE_RINGS"), new(0xd, "IORING_REGISTER_FILES2"), new(0xe, "IORING_REGISTER_FILES_UPDATE2"),
        new(0xf, "IORING_REGISTER_BUFFERS2"), new(0x10, "IORING_REGISTER_BUFFERS_UPDATE"), new(0x11, "IORING_REGISTER_IOWQ_AFF"),
        new(0x12, "IORING_UNREGISTER_IOWQ_AFF"), new(0x13, "IORING_REGISTER_IOWQ_MAX_WORKERS"), new(0x14, "IORING_REGISTER_RING_FDS"),
        new(0x15, "IORING_UNREGISTER_RING_FDS"), new(0x16, "IORING_REGISTER_PBUF_RING"), new(0x17, "IORING_UNREGISTER_PBUF_RING"));

    /// <summary>&lt;linux/io_uring.h&gt; enum io_uring_op, IORING_OP_NOP (0) to IORING_OP_URING_CMD (46).</summary>
    public static readonly ValueSet Ops = new("IORING_OP_???", false,
        new(0, "IORING_OP_NOP"), new(1, "IORING_OP_READV"), new(2, "IORING_OP_WRITEV"), new(3, "IORING_OP_FSYNC"),
        new(4, "IORING_OP_READ_FIXED"), new(5, "IORING_OP_WRITE_FIXED"), new(6, "IORING_OP_POLL_ADD"), new(7, "IORING_OP_POLL_REMOVE"),
        new(8, "IORING_OP_SYNC_FILE_RANGE"), new(9, "IORING_OP_SENDMSG"), new(10, "IORING_OP_RECVMSG"), new(11, "IORING_OP_TIMEOUT"),
        new(12, "IORING_OP_TIMEOUT_REMOVE"), new(13, "IORING_OP_ACCEPT"), new(14, "IORING_OP_ASYNC_CANCEL"), new(15, "IORING_OP_LINK_TIMEOUT"),
        new(16, "IORING_OP_CONNECT"), new(17, "IORING_OP_FALLOCATE"), new(18, "IORING_OP_OPENAT"), new(19, "IORING_OP_CLOSE"),
        new(20, "IORING_OP_FILES_UPDATE"), new(21, "IORING_OP_STATX"), new(22, "IORING_OP_READ"), new(23, "IORING_OP_WRITE"),
        new(24, "IORING_OP_FADVISE"), new(25, "IORING_OP_MADVISE"), new(26, "IORING_OP_SEND"), new(27, "IORING_OP_RECV"),
        new(28, "IORING_OP_OPENAT2"), new(29, "IORING_OP_EPOLL_CTL"), new(30, "IORING_OP_SPLICE"), new(31, "IORING_OP_PROVIDE_BUFFERS"),
        new(32, "IORING_OP_REMOVE_BUFFERS"), new(33, "IORING_OP_TEE"), new(34, "IORING_OP_SHUTDOWN"), new(35, "IORING_OP_RENAMEAT"),
        new(36, "IORING_OP_UNLINKAT"), new(37, "IORING_OP_MKDIRAT"), new(38, "IORING_OP_SYMLINKAT"), new(39, "IORING_OP_LINKAT"),
        new(40, "IORING_OP_MSG_RING"), new(41, "IORING_OP_FSETXATTR"), new(42, "IORING_OP_SETXATTR"), new(43, "IORING_OP_FGETXATTR"),
        new(44, "IORING_OP_GETXATTR"), new(45, "IORING_OP_SOCKET"), new(46, "IORING_OP_URING_CMD"));

    /// <summary>&lt;linux/io_uring.h&gt; io_uring_probe_op flags.</summary>
    public static readonly FlagSet OpFlags = new("IO_URING_OP_???", null, new Named(1, "IO_URING_OP_SUPPORTED"));

    /// <summary>&lt;linux/io_uring.h&gt; enum io_uring_register_restriction_op.</summary>
    public static readonly ValueSet RestrictionOps = new("IORING_RESTRICTION_???", false,
        new(0, "IORING_RESTRICTION_REGISTER_OP"), new(1, "IORING_RESTRICTION_SQE_OP"),
        new(2, "IORING_RESTRICTION_SQE_FLAGS_ALLOWED"), new(3, "IORING_RESTRICTION_SQE_FLAGS_REQUIRED"));

    /// <summary>&lt;linux/io_uring.h&gt; IOSQE_* (the submission entry's flags).</summary>
    public static readonly FlagSet SqeFlags = new("IOSQE_???", null,
        new(0x1, "IOSQE_FIXED_FILE"), new(0x2, "IOSQE_IO_DRAIN"), new(0x4, "IOSQE_IO_LINK"), new(0x8, "IOSQE_IO_HARDLINK"),
        new(0x10, "IOSQE_ASYNC"), new(0x20, "IOSQE_BUFFER_SELECT"), new(0x40, "IOSQE_CQE_SKIP_SUCCESS"));

    /// <summary>The io-wq worker classes IORING_REGISTER_IOWQ_MAX_WORKERS's array is indexed by.</summary>
    public static readonly ValueSet IowqClasses = new("IO_WQ_???", true, new(0, "IO_WQ_BOUND"), new(1, "IO_WQ_UNBOUND"));

    /// <summary>A descriptor slot IORING_REGISTER_FILES_UPDATE leaves as it is.</summary>
    public static readonly ValueSet FilesUpdateFds = new("", true, new Named(0xfffffffe, "IORING_REGISTER_FILES_SKIP"));

    /// <summary>&lt;linux/io_uring.h&gt; io_uring_rsrc_register flags.</summary>
    public static readonly FlagSet RsrcRegisterFlags = new("IORING_RSRC_REGISTER_???", null, new Named(1, "IORING_RSRC_REGISTER_SPARSE"));
}
