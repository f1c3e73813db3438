using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// Every x86_64 syscall once, all arguments zero, each answered with an injected ENOSYS so nothing
/// really runs (tests/Syscope.Tests/Programs/everysyscall.c): strace's line and syscope's must be
/// the same for each, including the argument count of calls the kernel no longer implements.
/// Zero is where decoders most often disagree (NULL or 0, MAP_FILE, IPC_PRIVATE, a flag set's
/// zero name), and the program reaches calls that no workload of the corpus makes.
/// </summary>
public class EverySyscallTests(ITestOutputHelper output)
{
    public static TheoryData<string> OptionSets => new() { "", "-v", "-X raw", "-X verbose", "-e raw=all" };

    [NeedsTheory("gcc", "strace")]
    [MemberData(nameof(OptionSets))]
    public void Each_call_prints_as_strace_prints_it(string options)
    {
        string prog = CPrograms.Path("everysyscall", "-O1", "-static", "-nostdlib");
        string[] opts = [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-e", "inject=all:error=ENOSYS:when=1"];
        string theirs = CPrograms.TempFile("every.strace"), ours = CPrograms.TempFile("every.syscope");
        Runner.Run("strace", [.. opts, "-o", theirs, prog]);
        SyscopeCli.Run(["trace", .. opts, "-o", ours, prog]);
        var expected = File.ReadAllLines(theirs).Select(Masking.Line).ToList();
        var actual = File.ReadAllLines(ours).Select(Masking.Line).ToList();
        Assert.True(expected.Count > 300, $"strace printed only {expected.Count} lines");
        var c = Comparison.Of(expected, actual);
        output.WriteLine($"[{options}]: {c.Matched} matched of {c.StraceLines} strace and {c.SyscopeLines} syscope lines");
        foreach (var line in c.StraceOnly) output.WriteLine("  strace only: " + line);
        foreach (var line in c.SyscopeOnly) output.WriteLine("  syscope only: " + line);
        bool Known(string l) => s_knownDifferences.Contains(l[..Math.Max(0, l.IndexOf('('))]);
        Assert.DoesNotContain(c.StraceOnly, l => !Known(l));
        Assert.DoesNotContain(c.SyscopeOnly, l => !Known(l));
    }

    /// <summary>Calls whose zero-argument line still differs from strace's; each entry is a known
    /// gap, and the list only ever shrinks.</summary>
    private static readonly HashSet<string> s_knownDifferences = [];
}
