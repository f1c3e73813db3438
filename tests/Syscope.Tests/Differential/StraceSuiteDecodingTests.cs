using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// Decoding that strace 6.1's own test suite checks (tools/strace-suite.sh) and everyday programs
/// do not reach: prctl's options each with the arguments it reads, and odd arguments of other calls
/// (Programs/breadth.c). Every line strace prints, syscope must print the same, in each -X style.
/// </summary>
public class StraceSuiteDecodingTests(ITestOutputHelper output)
{
    public static TheoryData<string> OptionSets => new() { "", "-X raw", "-X verbose" };

    private const string Calls = "trace=prctl,arch_prctl,memfd_create,process_madvise,remap_file_pages,quotactl,mbind,move_pages";

    [NeedsTheory("gcc", "strace")]
    [MemberData(nameof(OptionSets))]
    public void Syscope_prints_the_lines_strace_prints(string options)
    {
        string prog = CPrograms.Path("breadth");
        string[] opts = [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-e", Calls];
        string theirs = CPrograms.TempFile("breadth.strace"), ours = CPrograms.TempFile("breadth.syscope");
        Assert.Equal(0, Runner.Run("strace", [.. opts, "-o", theirs, prog]).ExitCode);
        Assert.Equal(0, SyscopeCli.Run(["trace", .. opts, "-o", ours, prog]).ExitCode);
        var expected = File.ReadAllLines(theirs).Select(Masking.Line).ToList();
        var actual = File.ReadAllLines(ours).Select(Masking.Line).ToList();
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string e = i < expected.Count ? expected[i] : "(none)", a = i < actual.Count ? actual[i] : "(none)";
            if (e != a) output.WriteLine($"strace:  {e}\nsyscope: {a}");
        }
        Assert.True(expected.Count > 45, $"strace printed only {expected.Count} lines");
        Assert.Equal(expected, actual);
    }
}
