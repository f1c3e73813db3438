using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Differential;

/// <summary>
/// Programs/fds.c under strace and under syscope with -yy and each --decode-fds set, only its
/// fcntl lines: every descriptor form must come out line for line as strace prints it, with
/// nothing masked but socket inodes, ports and pids.
/// </summary>
public class FdDecodingLiveTests
{
    private static readonly Lazy<string> s_program = new(Build);

    [NeedsTheory("strace", "gcc", "root")]
    [InlineData("-yy")]
    [InlineData("-y")]
    [InlineData("--decode-fds=socket")]
    [InlineData("--decode-fds=dev,pidfd")]
    [InlineData("-e", "decode-fds=!path")]
    [InlineData("-x", "-yy")]
    public void Every_descriptor_form_matches_strace(params string[] options)
    {
        // One directory for both runs: the program shows it as its working directory.
        string dir = Directory.CreateTempSubdirectory("syscope-fds-").FullName;
        try
        {
            var expected = Trace("strace", [], options, dir);
            var actual = Trace(SyscopeCli.Executable, ["trace"], options, dir);
            Assert.True(expected.Count >= 30, $"strace printed only {expected.Count} lines");
            Assert.Equal(expected, actual);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static List<string> Trace(string tracer, string[] prefix, string[] options, string dir)
    {
        string output = Path.Combine(dir, "trace.txt");
        var r = Runner.Run(tracer, [.. prefix, .. options, "-e", "trace=fcntl", "-e", "signal=none", "-o", output, s_program.Value, dir]);
        Assert.True(r.ExitCode == 0, $"{tracer}: {r.Stderr}");
        var lines = File.ReadAllLines(output).Select(Masking.Line).ToList();
        File.Delete(output);
        return lines;
    }

    private static string Build()
    {
        string source = Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Differential/Programs/fds.c");
        string binary = Path.Combine(CPrograms.TempDir, "fds");
        var r = Runner.Run("gcc", ["-O0", "-o", binary, source]);
        if (r.ExitCode != 0) throw new InvalidOperationException("gcc fds.c failed:\n" + r.Stderr);
        return binary;
    }
}
