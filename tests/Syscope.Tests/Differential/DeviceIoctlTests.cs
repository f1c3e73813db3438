using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// ioctl requests of device families (Programs/devioctls.c: PTP clocks, loop, block and network block devices,
/// userfaultfd, UBI)
/// against Debian's strace: as the kernel refuses them, with an injected success so that each exit
/// half reads what the program left, in each -X style, with -v and outside -e verbose=.
/// </summary>
public class DeviceIoctlTests(ITestOutputHelper output)
{
    [NeedsTheory("gcc", "strace")]
    [InlineData("")]
    [InlineData("-X raw")]
    [InlineData("-X verbose")]
    [InlineData("-e verbose=none")]
    [InlineData("-e inject=ioctl:retval=42")]
    [InlineData("-v -X verbose -e inject=ioctl:retval=42")]
    public void Device_requests_print_as_strace_prints_them(string options)
    {
        string prog = CPrograms.Path("devioctls");
        string[] opts = [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-e", "trace=ioctl"];
        string theirs = CPrograms.TempFile("devioctls.strace"), ours = CPrograms.TempFile("devioctls.syscope");
        Assert.Equal(0, Runner.Run("strace", [.. opts, "-o", theirs, prog]).ExitCode);
        Assert.Equal(0, SyscopeCli.Run(["trace", .. opts, "-o", ours, prog]).ExitCode);
        var expected = File.ReadAllLines(theirs).Where(l => l.StartsWith("ioctl(-1,")).Select(Masking.Line).ToList();
        var actual = File.ReadAllLines(ours).Where(l => l.StartsWith("ioctl(-1,")).Select(Masking.Line).ToList();
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string e = i < expected.Count ? expected[i] : "(none)", a = i < actual.Count ? actual[i] : "(none)";
            if (e != a) output.WriteLine($"strace:  {e}\nsyscope: {a}");
        }
        Assert.True(expected.Count > 50, $"strace printed only {expected.Count} lines");
        Assert.Equal(expected, actual);
    }
}
