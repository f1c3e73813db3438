using System.Collections.Concurrent;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Stacks;

/// <summary>Programs/stacks.rs built with rustc once per run, with the legacy mangling (rustc's
/// default) or v0.</summary>
public static class RustPrograms
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> s_built = new();

    public static string Build(string mangling) => s_built.GetOrAdd(mangling, m => new Lazy<string>(() =>
    {
        string output = Path.Combine(CPrograms.TempDir, "stacks-rust-" + m);
        string source = Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/stacks.rs");
        string[] flags = m == "v0" ? ["-C", "symbol-mangling-version=v0"] : [];
        var r = Runner.Run("rustc", ["-C", "opt-level=0", .. flags, "-o", output, source]);
        if (r.ExitCode != 0) throw new InvalidOperationException("rustc stacks.rs failed:\n" + r.Stderr);
        return output;
    })).Value;
}
