using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>Runs a test program under strace and under syscope with the same options and asserts
/// that the masked lines are the same, writing each differing pair to the test's output.</summary>
internal static class StraceComparison
{
    public static void AssertSameLines(ITestOutputHelper output, string program, string[] options, Func<string, string> mask, int minLines)
    {
        string prog = CPrograms.Path(program);
        string theirs = CPrograms.TempFile(program + ".strace"), ours = CPrograms.TempFile(program + ".syscope");
        Assert.Equal(0, Runner.Run("strace", [.. options, "-o", theirs, prog]).ExitCode);
        Assert.Equal(0, SyscopeCli.Run(["trace", .. options, "-o", ours, prog]).ExitCode);
        var expected = File.ReadAllLines(theirs).Select(mask).ToList();
        var actual = File.ReadAllLines(ours).Select(mask).ToList();
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string e = i < expected.Count ? expected[i] : "(none)", a = i < actual.Count ? actual[i] : "(none)";
            if (e != a) output.WriteLine($"strace:  {e}\nsyscope: {a}");
        }
        Assert.True(expected.Count > minLines, $"strace printed only {expected.Count} lines");
        Assert.Equal(expected, actual);
    }
}
