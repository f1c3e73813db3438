using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

public class MemoryDecoderTests
{
    [Fact]
    public void Mmap_prot_flags_and_hex_return()
    {
        Assert.Equal("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7faddd43c000",
            Of("mmap", [0, 8192, 3, 0x22, 0xffffffff, 0], 0x7faddd43c000));
        Assert.Equal("mmap(0x7faddd276000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7faddd276000",
            Of("mmap", [0x7faddd276000, 1400832, 5, 0x812, 3, 0x26000], 0x7faddd276000));
    }

    [Fact]
    public void Mmap_unknown_bits_type_and_huge_size()
    {
        Assert.Equal("mmap(NULL, 4096, PROT_READ|PROT_WRITE|PROT_EXEC|PROT_SEM|PROT_GROWSDOWN|PROT_GROWSUP|0x7cfffff0, 0xc /* MAP_??? */|MAP_FIXED|MAP_ANONYMOUS|MAP_32BIT|MAP_NORESERVE|MAP_POPULATE|MAP_NONBLOCK|MAP_GROWSDOWN|MAP_DENYWRITE|MAP_EXECUTABLE|MAP_LOCKED|MAP_STACK|MAP_HUGETLB|MAP_SYNC|MAP_FIXED_NOREPLACE|0x3e00680|31<<MAP_HUGE_SHIFT, -1, 0) = -1 EINVAL (Invalid argument)",
            Of("mmap", [0, 4096, 0x7fffffff, 0x7ffffffc, 0xffffffff, 0], -22));
        Assert.Equal("mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|32<<MAP_HUGE_SHIFT, -1, 0) = -1 EBADF (Bad file descriptor)",
            Of("mmap", [0, 4096, 0, 0x80000002, 0xffffffff, 0], -9));
    }

    [Fact]
    public void Mprotect_madvise_mremap()
    {
        Assert.Equal("mprotect(0x7faddd41f000, 16384, PROT_READ) = 0", Of("mprotect", [0x7faddd41f000, 16384, 1], 0));
        Assert.Equal("madvise(NULL, 4096, MADV_DONTNEED) = -1 ENOMEM (Cannot allocate memory)", Of("madvise", [0, 4096, 4], -12));
        Assert.Equal("madvise(NULL, 4096, 0x70 /* MADV_??? */) = -1 EINVAL (Invalid argument)", Of("madvise", [0, 4096, 0x70], -22));
        Assert.Equal("mremap(NULL, 0, 0, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP|0xf8, NULL) = -1 EINVAL (Invalid argument)",
            Of("mremap", [0, 0, 0, 0xff, 0], -22));
        Assert.Equal("brk(NULL) = 0x557998ac7000", Of("brk", [0], 0x557998ac7000));
    }
}
