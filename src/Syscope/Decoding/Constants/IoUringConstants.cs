namespace Syscope.Decoding.Constants;

/// <summary>io_uring_setup/enter/register (&lt;linux/io_uring.h&gt;), in strace's order.</summary>
internal static class IoUringConstants
{
    /// <summary>&lt;linux/io_uring.h&gt; IORING_SETUP_*.</summary>
    public static readonly FlagSet SetupFlags = new("IORING_SETUP_???", null,
        new(0x1, "IORING_SETUP_IOPOLL"), new(0x2, "IORING_SETUP_SQPOLL"), new(0x4, "IORING_SETUP_SQ_AFF"), new(0x8, "IORING_SETUP_CQSIZE"),
        new(0x10, "IORING_SETUP_CLAMP"), new(0x20, "IORING_SETUP_ATTACH_WQ"), new(0x40, "IORING_SETUP_R_DISABLED"),
        new(0x80, "IORING_SETUP_SUBMIT_ALL"), new(0x100, "IORING_SETUP_COOP_TASKRUN"), new(0x200, "IORING_SETUP_TASKRUN_FLAG"),
        new(0x400, "IORING_SETUP_SQE128"), new(0x800, "IORING_SETUP_CQE32"), new(0x1000, "IORING_SETUP_SINGLE_ISSUER"),
        new(0x2000, "IORING_SETUP_DEFER_TASKRUN"));

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
        new(0x15, "IORING_UNREGISTER_RING_FDS"), new(0x16, "IORING_REGISTER_PBUF_RING"), new(0x17, "IORING_UNREGISTER_PBUF_RING"),
        new(0x18, "IORING_REGISTER_SYNC_CANCEL"), new(0x19, "IORING_REGISTER_FILE_ALLOC_RANGE"));
}
