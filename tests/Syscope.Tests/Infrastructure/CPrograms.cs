using System.Collections.Concurrent;

namespace Syscope.Tests.Infrastructure;

/// <summary>Compiles the small C tracees in Programs/ with gcc, once per test run, into a temp folder.
/// They make exact, deterministic syscalls, so tests can assert exact lines.</summary>
public static class CPrograms
{
    private static readonly string s_dir = Directory.CreateTempSubdirectory("syscope-tests-").FullName;
    private static readonly ConcurrentDictionary<string, Lazy<string>> s_built = new();

    public static string TempDir => s_dir;

    /// <param name="gccFlags">Replaces the usual "-O1 -pthread" (a program built with -nostdlib needs its own).</param>
    public static string Path(string name, params string[] gccFlags) =>
        s_built.GetOrAdd(name, n => new Lazy<string>(() => Build(n, gccFlags.Length > 0 ? gccFlags : ["-O1", "-pthread"]))).Value;

    private static string Build(string name, string[] flags)
    {
        string source = System.IO.Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs", name + ".c");
        string output = System.IO.Path.Combine(s_dir, name);
        var r = Runner.Run("gcc", [.. flags, "-o", output, source]);
        if (r.ExitCode != 0) throw new InvalidOperationException($"gcc {name}.c failed:\n{r.Stderr}");
        return output;
    }

    public static string TempFile(string name) => System.IO.Path.Combine(s_dir, name + "-" + Guid.NewGuid().ToString("N")[..8]);
}
