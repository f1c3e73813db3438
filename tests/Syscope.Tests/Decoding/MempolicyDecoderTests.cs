using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Expected lines are strace 6.1's for Differential/Programs/mempolicy.c.</summary>
public class MempolicyDecoderTests
{
    [Fact]
    public void Node_masks_print_whole_longs_for_maxnode_minus_one_bits()
    {
        var m = new FakeMemory();
        ulong mask = m.Longs(1, 0x10, 0, 0);
        Assert.Equal("set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000001, 0x00000000000010, 0000000000000000], 130) = 0",
            Of("set_mempolicy", [0x8002, mask, 130], 0, m));
        Assert.Equal("set_mempolicy(MPOL_INTERLEAVE|MPOL_F_RELATIVE_NODES, [0x00000000000001], 2) = 0",
            Of("set_mempolicy", [0x4003, mask, 2], 0, m));
        Assert.Equal($"set_mempolicy(0x9 /* MPOL_??? */, 0x{mask:x}, 1) = -1 EINVAL (Invalid argument)",
            Of("set_mempolicy", [9, mask, 1], -22, m));
        Assert.Equal("set_mempolicy(MPOL_PREFERRED, 0x8, 64) = -1 EFAULT (Bad address)", Of("set_mempolicy", [1, 8, 64], -14, m));
        // maxnode 0: no bits at all, which strace shows as an empty mask whatever the address.
        Assert.Equal("set_mempolicy(MPOL_DEFAULT, [], 0) = -1 EINVAL (Invalid argument)", Of("set_mempolicy", [0, 0x7f0000001000, 0], -22, m));
        Assert.Equal("set_mempolicy(MPOL_DEFAULT, NULL, 0) = 0", Of("set_mempolicy", [0, 0, 0], 0, m));
    }

    [Fact]
    public void Get_mempolicy_prints_outputs_at_exit_and_addresses_on_failure()
    {
        var m = new FakeMemory();
        ulong mode = m.Ints(0), mask = m.Longs(0, 0);
        Assert.Equal("get_mempolicy([MPOL_DEFAULT], [0000000000000000, 0000000000000000], 129, NULL, 0) = 0",
            Of("get_mempolicy", [mode, mask, 129, 0, 0], 0, m));
        Assert.Equal($"get_mempolicy([MPOL_DEFAULT], [0000000000000000], 65, 0x{mask:x}, MPOL_F_NODE|MPOL_F_ADDR) = 0",
            Of("get_mempolicy", [mode, mask, 65, mask, 3], 0, m));
        Assert.Equal($"get_mempolicy(0x8, 0x{mask:x}, 129, NULL, 0) = -1 EFAULT (Bad address)",
            Of("get_mempolicy", [8, mask, 129, 0, 0], -14, m));
        Assert.Equal("get_mempolicy(NULL, NULL, 0, NULL, 0x80 /* MPOL_??? */) = -1 EINVAL (Invalid argument)",
            Of("get_mempolicy", [0, 0, 0, 0, 0x80], -22, m));
    }

    [Fact]
    public void Move_pages_status_names_errors_and_arrays_stop_at_the_string_limit()
    {
        var m = new FakeMemory();
        ulong pages = m.Longs(0x7f583aed1000, 0x7f583aed2000), nodes = m.Ints(0, 0), status = m.Ints(-2, 0);
        Assert.Equal("move_pages(0, 2, [0x7f583aed1000, 0x7f583aed2000], [0, 0], [-ENOENT, 0], MPOL_MF_MOVE) = 0",
            Of("move_pages", [0, 2, pages, nodes, status, 2], 0, m));
        ulong many = m.Ints(new int[40]);
        Assert.Equal("move_pages(0, 2, [0x7f583aed1000, 0x7f583aed2000], NULL, 0x8, 0) = -1 EFAULT (Bad address)",
            Of("move_pages", [0, 2, pages, 0, 8, 0], -14, m));
        // An errno in the status array is a constant for -X; an empty array prints even after a failure.
        Assert.EndsWith("[-2 /* -ENOENT */, 0], 0x2 /* MPOL_MF_MOVE */) = 0",
            Of("move_pages", [0, 2, pages, nodes, status, 2], 0, m, new DecodeOptions { ConstStyle = ConstStyle.Verbose }));
        Assert.EndsWith("[-2, 0], 0x2) = 0", Of("move_pages", [0, 2, pages, nodes, status, 2], 0, m, new DecodeOptions { ConstStyle = ConstStyle.Raw }));
        Assert.Equal("move_pages(0, 0, [], [], [], MPOL_MF_MOVE_ALL) = -1 EPERM (Operation not permitted)",
            Of("move_pages", [0, 0, pages, nodes, status, 4], -1, m));
        string zeros = string.Join(", ", Enumerable.Repeat("0", 32));
        Assert.EndsWith($"NULL, [{zeros}, ...], 0) = 0", Of("move_pages", [0, 40, m.Longs(new long[40]), 0, many, 0], 0, m));
    }

    [Fact]
    public void Mbind_and_migrate_pages()
    {
        var m = new FakeMemory();
        ulong mask = m.Longs(1);
        Assert.Equal("mbind(0x7f583aed1000, 4096, MPOL_BIND, [0x00000000000001], 65, MPOL_MF_STRICT|MPOL_MF_MOVE) = 0",
            Of("mbind", [0x7f583aed1000, 4096, 2, mask, 65, 3], 0, m));
        Assert.Equal("mbind(0x7f583aed1000, 4096, MPOL_LOCAL, NULL, 0, 0x40 /* MPOL_??? */) = -1 EINVAL (Invalid argument)",
            Of("mbind", [0x7f583aed1000, 4096, 4, 0, 0, 0x40], -22, m));
        Assert.Equal("migrate_pages(0, 64, [0x00000000000001], [0x00000000000001]) = 0", Of("migrate_pages", [0, 64, mask, mask], 0, m));
    }
}
