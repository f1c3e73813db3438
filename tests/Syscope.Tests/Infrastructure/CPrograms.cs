using System.Collections.Concurrent;

namespace Syscope.Tests.Infrastructure;

/// <summary>Compiles the small C tracees in Programs/ with gcc, once per test run, into a folder of
/// the run.  They make exact, deterministic syscalls, so tests can assert exact lines.  The folder's
/// path is short: a test that prints argv expects the program's path within -s 32.</summary>
public static class CPrograms
{
    private static readonly string s_dir = RunFolder.RunScoped("bin");
    private static readonly ConcurrentDictionary<string, Lazy<string>> s_built = new();

    /// <summary>The folder, created on first use.</summary>
    public static string TempDir => Directory.CreateDirectory(s_dir).FullName;

    /// <param name="gccFlags">Replaces the usual "-O1 -pthread" (a program built with -nostdlib needs its own).</param>
    public static string Path(string name, params string[] gccFlags) =>
        s_built.GetOrAdd(name, n => new Lazy<string>(() => Build(n, gccFlags.Length > 0 ? gccFlags : ["-O1", "-pthread"]))).Value;

    private static string Build(string name, string[] flags)
    {
        string source = System.IO.Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs", name + ".c");
        string output = System.IO.Path.Combine(TempDir, name);
        var r = Runner.Run("gcc", [.. flags, "-o", output, source]);
        if (r.ExitCode != 0) throw new InvalidOperationException($"gcc {name}.c failed:\n{r.Stderr}");
        return output;
    }

    /// <summary>A fresh path for a test's output file, deleted with the run's folder.</summary>
    public static string TempFile(string name) => System.IO.Path.Combine(TempDir, name + "-" + Guid.NewGuid().ToString("N")[..8]);
}
