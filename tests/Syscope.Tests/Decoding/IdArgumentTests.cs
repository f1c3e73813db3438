using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>uid_t and gid_t arguments: unsigned, but -1 (no change) as -1 (strace 6.1's chown,
/// setfsuid and setresuid tests).</summary>
public class IdArgumentTests
{
    [Fact]
    public void Ids_print_unsigned_but_minus_one()
    {
        var m = new FakeMemory();
        ulong path = m.Str("chown_sample");
        Assert.Equal("chown(\"chown_sample\", 4294901760, -1) = -1 ENOENT (No such file or directory)",
            Of("chown", [path, 0xffff0000, 0xffffffff], -2, m));
        Assert.Equal("fchown(3, 3235839999, 0) = -1 EBADF (Bad file descriptor)", Of("fchown", [3, 0xc0deffff, 0], -9));
        Assert.Equal("setfsuid(3735928559) = 0", Of("setfsuid", [0xdeadbeef], 0));
        Assert.Equal("setresgid(-1, 0, 65535) = 0", Of("setresgid", [0xffffffffffffffff, 0, 0xffff], 0));
    }
}
