using Syscope.Cli.Commands;
using Syscope.Tracing;
using Xunit;

namespace Syscope.Tests.Filtering;

/// <summary>-e read=SET / -e write=SET and their long forms, as strace 6.1 accepts them.</summary>
public class DumpArgumentsTests
{
    private static Syscope.Decoding.DecodeOptions Filter(params string[] argv) => TraceArguments.Parse([.. argv, "true"]).ToOptions().Decode;

    [Fact]
    public void Every_spelling_of_read_and_write()
    {
        foreach (var key in new[] { "read", "reads", "r" })
            Assert.True(Filter("-e", key + "=3").ReadDumps!.Contains(3));
        foreach (var key in new[] { "write", "writes", "w" })
            Assert.True(Filter("-e", key + "=1").WriteDumps!.Contains(1));
        var f = Filter("--read=0", "--write", "!1");
        Assert.True(f.ReadDumps!.Contains(0));
        Assert.False(f.WriteDumps!.Contains(1));
        Assert.True(f.WriteDumps.Contains(2));
        Assert.Null(Filter("-e", "read=all", "-e", "read=none").ReadDumps);
        Assert.Null(Filter().WriteDumps);
    }

    [Fact]
    public void Bad_descriptors_fail_as_in_strace()
    {
        Assert.Equal("invalid descriptor 'abc'", Assert.ThrowsAny<UserError>(() => Filter("-e", "read=abc")).Message);
        Assert.Equal("invalid descriptor ''", Assert.ThrowsAny<UserError>(() => Filter("-e", "write=")).Message);
    }
}
