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

    private const string Calls = "trace=prctl,arch_prctl,memfd_create,process_madvise,remap_file_pages,quotactl,mbind,move_pages,chdir,faccessat,utimensat,getrlimit,setrlimit,times,openat2,kcmp,memfd_secret,add_key";

    /// <summary>times(2)'s clock ticks move between the two runs: its value and return (formatting
    /// is checked exactly in ProcessDecoderTests).</summary>
    private static string MaskTimes(string line) => line.StartsWith("times(")
        ? System.Text.RegularExpressions.Regex.Replace(line, @"=\d+( /\* [\d.]+ s \*/)?", "=N").Split(" = ")[0] + " = TICKS"
        : line;

    [NeedsTheory("gcc", "strace")]
    [MemberData(nameof(OptionSets))]
    public void Syscope_prints_the_lines_strace_prints(string options) =>
        StraceComparison.AssertSameLines(output, "breadth", [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-e", Calls],
            line => MaskTimes(Masking.Line(line)), 45);

    /// <summary>ioctl requests by name and their arguments (Programs/ioctls.c; the console's and
    /// infrared remotes' in Programs/consoleioctls.c, sockets' in Programs/sockioctls.c), as the
    /// kernel refuses or answers them and, with an injected success, as the exit half reads what
    /// the program left.</summary>
    [NeedsTheory("gcc", "strace")]
    [InlineData("ioctls", "")]
    [InlineData("ioctls", "-X verbose")]
    [InlineData("ioctls", "-e inject=ioctl:retval=42")]
    [InlineData("ioctls", "-v -e inject=ioctl:retval=42")]
    [InlineData("consoleioctls", "")]
    [InlineData("consoleioctls", "-X verbose")]
    [InlineData("consoleioctls", "-e inject=ioctl:retval=42")]
    [InlineData("consoleioctls", "-v -X raw -s 8 -e inject=ioctl:retval=42")]
    [InlineData("sockioctls", "")]
    [InlineData("sockioctls", "-X verbose")]
    [InlineData("sockioctls", "-v -X raw -s 8 -e inject=ioctl:retval=42")]
    public void Ioctl_requests_print_as_strace_prints_them(string program, string options)
    {
        string prog = CPrograms.Path(program);
        string[] opts = [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-e", "trace=ioctl"];
        string theirs = CPrograms.TempFile(program + ".strace"), ours = CPrograms.TempFile(program + ".syscope");
        Assert.Equal(0, Runner.Run("strace", [.. opts, "-o", theirs, prog]).ExitCode);
        Assert.Equal(0, SyscopeCli.Run(["trace", .. opts, "-o", ours, prog]).ExitCode);
        // The program's own calls: on descriptor -1, or on the one socket sockioctls.c opens.
        static bool Own(string l) => l.StartsWith("ioctl(-1,") || l.StartsWith("ioctl(3,");
        var expected = File.ReadAllLines(theirs).Where(Own).Select(Masking.Line).ToList();
        var actual = File.ReadAllLines(ours).Where(Own).Select(Masking.Line).ToList();
        for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string e = i < expected.Count ? expected[i] : "(none)", a = i < actual.Count ? actual[i] : "(none)";
            if (e != a) output.WriteLine($"strace:  {e}\nsyscope: {a}");
        }
        Assert.True(expected.Count > 15, $"strace printed only {expected.Count} lines");
        Assert.Equal(expected, actual);
    }

    [NeedsFact("strace")]
    public void A_relative_path_given_to_P_also_selects_what_it_resolves_to()
    {
        // strace -P keeps the path as given and its real path, so calls on a descriptor (cat's read
        // of a redirected stdin, whose /proc link is absolute) are selected too.
        string dir = CPrograms.TempDir, name = "p-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(System.IO.Path.Combine(dir, name), "hello\n");
        string theirs = CPrograms.TempFile("p.strace"), ours = CPrograms.TempFile("p.syscope");
        try
        {
            string[] args = ["-P", name, "sh", "-c", $"exec cat < {name}"];
            using var strace = Runner.Start("strace", ["-o", theirs, .. args], workingDirectory: dir);
            strace.AssertExits(30_000);
            using var syscope = Runner.Start(SyscopeCli.Executable, ["trace", "-o", ours, .. args], workingDirectory: dir);
            syscope.AssertExits(30_000);
            string said = $"Requested path \"{name}\" resolved into \"{System.IO.Path.Combine(dir, name)}\"";
            Assert.Contains("strace: " + said, strace.StandardError.ReadToEnd());
            Assert.Contains("syscope trace: " + said, syscope.StandardError.ReadToEnd());
            var expected = File.ReadAllLines(theirs).Select(Masking.Line).ToList();
            Assert.Contains(expected, l => l.StartsWith("read(0, \"hello\\n\""));
            Assert.Equal(expected, File.ReadAllLines(ours).Select(Masking.Line).ToList());
        }
        finally { File.Delete(System.IO.Path.Combine(dir, name)); }
    }
}
