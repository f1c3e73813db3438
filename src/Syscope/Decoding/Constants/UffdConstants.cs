namespace Syscope.Decoding.Constants;

/// <summary>&lt;linux/userfaultfd.h&gt;: features, modes and the requests a range allows, as strace 6.1 names them.</summary>
internal static class UffdConstants
{
    /// <summary>UFFD_FEATURE_* (UFFDIO_API).</summary>
    public static readonly FlagSet Features = new("UFFD_FEATURE_???", null,
        new(1 << 0, "UFFD_FEATURE_PAGEFAULT_FLAG_WP"), new(1 << 1, "UFFD_FEATURE_EVENT_FORK"), new(1 << 2, "UFFD_FEATURE_EVENT_REMAP"),
        new(1 << 3, "UFFD_FEATURE_EVENT_REMOVE"), new(1 << 4, "UFFD_FEATURE_MISSING_HUGETLBFS"), new(1 << 5, "UFFD_FEATURE_MISSING_SHMEM"),
        new(1 << 6, "UFFD_FEATURE_EVENT_UNMAP"), new(1 << 7, "UFFD_FEATURE_SIGBUS"), new(1 << 8, "UFFD_FEATURE_THREAD_ID"),
        new(1 << 9, "UFFD_FEATURE_MINOR_HUGETLBFS"), new(1 << 10, "UFFD_FEATURE_MINOR_SHMEM"), new(1 << 11, "UFFD_FEATURE_EXACT_ADDRESS"),
        new(1 << 12, "UFFD_FEATURE_WP_HUGETLBFS_SHMEM"));

    /// <summary>The requests the descriptor allows (UFFDIO_API's ioctls).</summary>
    public static readonly FlagSet ApiRequests = new("_UFFDIO_???", null,
        new(1UL << 0x00, "1<<_UFFDIO_REGISTER"), new(1UL << 0x01, "1<<_UFFDIO_UNREGISTER"), new(1UL << 0x3f, "1<<_UFFDIO_API"));

    /// <summary>The requests a registered range allows (UFFDIO_REGISTER's ioctls).</summary>
    public static readonly FlagSet RangeRequests = new("_UFFDIO_???", null,
        new(1 << 0x02, "1<<_UFFDIO_WAKE"), new(1 << 0x03, "1<<_UFFDIO_COPY"), new(1 << 0x04, "1<<_UFFDIO_ZEROPAGE"),
        new(1 << 0x06, "1<<_UFFDIO_WRITEPROTECT"), new(1 << 0x07, "1<<_UFFDIO_CONTINUE"));

    public static readonly FlagSet RegisterModes = new("UFFDIO_REGISTER_MODE_???", null,
        new(1 << 0, "UFFDIO_REGISTER_MODE_MISSING"), new(1 << 1, "UFFDIO_REGISTER_MODE_WP"), new(1 << 2, "UFFDIO_REGISTER_MODE_MINOR"));

    public static readonly FlagSet CopyModes = new("UFFDIO_COPY_MODE_???", null,
        new(1 << 0, "UFFDIO_COPY_MODE_DONTWAKE"), new(1 << 1, "UFFDIO_COPY_MODE_WP"));

    public static readonly FlagSet ZeropageModes = new("UFFDIO_ZEROPAGE_MODE_???", null,
        new Named(1 << 0, "UFFDIO_ZEROPAGE_MODE_DONTWAKE"));
}
