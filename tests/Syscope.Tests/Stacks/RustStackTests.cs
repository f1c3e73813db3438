using Syscope.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Syscope.Tests.Stacks;

/// <summary>
/// trace -k over a Rust program built at test time, with both manglings: its frames read as
/// demangled Rust names that nm -C confirms.  strace's libunwind loses its way in rustc's -O0
/// code (it skips from the std::fs frames to lang_start), so strace's frames must be ours in
/// order, the first ones equal, with ours in between.
/// </summary>
[Collection("stacks")]
public class RustStackTests(ITestOutputHelper output)
{
    [NeedsTheory("root", "rustc", "strace", "nm", "readelf")]
    [InlineData("v0", "<stacks::repo::Store<&str>>::load", "stacks::repo::open_named::{closure#0}", "_RNvMNtCs")]
    [InlineData("legacy", "stacks::repo::Store<T>::load", "stacks::repo::open_named::{{closure}}", "_ZN6stacks4repo")]
    public void Rust_frames_show_demangled_names_at_straces_offsets(string mangling, string load, string closure, string rawPrefix)
    {
        string program = RustPrograms.Build(mangling);
        string ours = CPrograms.TempFile("k-rust"), theirs = CPrograms.TempFile("k-rust-strace"), raw = CPrograms.TempFile("k-rust-raw");
        Runner.Run("strace", ["-o", theirs, "-k", "-e", "trace=openat", program]);
        var r = SyscopeCli.Run("trace", "-o", ours, "-k", "-e", "trace=openat", program);
        SyscopeCli.Run("trace", "-o", raw, "-k", "--no-demangle", "-e", "trace=openat", program);
        var expected = OpenOf(File.ReadAllText(theirs), program);
        var actual = OpenOf(File.ReadAllText(ours), program);
        var mangled = OpenOf(File.ReadAllText(raw), program);
        foreach (var f in new[] { ours, theirs, raw }) File.Delete(f);
        Assert.Equal(0, r.ExitCode);
        output.WriteLine(string.Join("\n", actual));

        // strace's frames, in order, among ours; its first four (libc, std::fs) are ours exactly.
        Assert.Equal(expected.Take(4).Select(f => f.Where), actual.Take(4).Select(f => f.Where));
        int at = 0;
        foreach (var f in expected)
        {
            while (at < actual.Count && actual[at].Where != f.Where) at++;
            Assert.True(at < actual.Count, $"strace's frame {f} is not among ours");
        }
        // Every frame of the program is named, and nm -C agrees with the name and its start.
        Assert.All(actual.Where(f => f.Module == program), f => Assert.True(Binutils.Defines(f), $"{f} is not a symbol nm knows"));
        var names = actual.Select(f => f.Symbol).ToList();
        int loadAt = names.IndexOf(load);
        Assert.True(loadAt > 0, $"no frame {load}");
        Assert.Equal([closure, "stacks::repo::open_named", "stacks::main"], names.Skip(loadAt + 1).Take(3));
        // --no-demangle: the same frames, named as the symbol table spells them.
        Assert.Equal(actual.Select(f => f.Where), mangled.Select(f => f.Where));
        Assert.StartsWith(rawPrefix, mangled[loadAt].Symbol);
    }

    /// <summary>The stack of the open of /dev/null.</summary>
    private static List<StackFrameLine> OpenOf(string trace, string program)
    {
        int at = trace.IndexOf("\"/dev/null\"");
        Assert.True(at >= 0, trace);
        return StackFrameLine.Stacks(trace[at..])[0];
    }
}
