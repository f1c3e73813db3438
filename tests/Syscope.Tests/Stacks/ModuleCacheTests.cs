using System.Globalization;
using Syscope.Events;
using Syscope.Stacks.Unwind;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Stacks;

/// <summary>
/// The unwinder's module cache, in-process over files compiled here: a file is parsed once per
/// content, known by its build-id (and size) where it has one, else by device, inode, size and
/// time.  Copies and hard links share one parse; a rebuild written in place over the same inode
/// (same size, same time), a stripped copy and files without a build-id each get their own.
/// </summary>
public class ModuleCacheTests
{
    private const string Source = """
        __attribute__((noinline)) int NAME(int x) { return x * 3; }
        int main(int argc, char **argv) { return NAME(argc); }
        """;

    [NeedsFact("gcc", "nm", "strip", "ln", "touch")]
    public void Files_are_parsed_once_per_build_id_and_again_when_rebuilt()
    {
        string dir = Directory.CreateDirectory(CPrograms.TempFile("module-cache")).FullName;
        try
        {
            string first = Compile(dir, "first", "first_one"), rebuilt = Compile(dir, "rebuilt", "other_one");
            string copy = Path.Combine(dir, "copy"), link = Path.Combine(dir, "link"), stripped = Path.Combine(dir, "stripped");
            File.Copy(first, copy);
            Assert.Equal(0, Runner.Run("ln", [first, link]).ExitCode);
            Assert.Equal(0, Runner.Run("strip", ["-o", stripped, first]).ExitCode);
            // Written moments before the cache first sees it (its time set ahead, so that the test
            // does not depend on how fast this machine runs it): the stat is not trusted later.
            File.SetLastWriteTimeUtc(first, DateTime.UtcNow.AddHours(1));
            var cache = new ModuleCache(demangle: true);

            var module = Get(cache, first);
            Assert.NotNull(module);
            Assert.Equal(1, cache.Parsed);
            Assert.Same(module, Get(cache, copy));
            Assert.Same(module, Get(cache, link));
            Assert.Same(module, Get(cache, first));
            Assert.Equal(1, cache.Parsed);
            Assert.Equal("first_one", NameAt(module!, first, "first_one"));

            // A stripped copy has the build-id but not the .symtab: read on its own.
            Assert.NotSame(module, Get(cache, stripped));
            Assert.Equal(2, cache.Parsed);

            // Rewritten in place: the same path, inode and size, another build-id, and even its
            // modification time put back (as a rewrite within one tick of the clock keeps it): the
            // stat was taken too soon after the file was written to be trusted, so the build-id is
            // read again.
            long inode = Inode(first);
            Assert.Equal(new FileInfo(first).Length, new FileInfo(rebuilt).Length);
            string times = Path.Combine(dir, "times");
            File.WriteAllText(times, "");
            Assert.Equal(0, Runner.Run("touch", ["-r", first, times]).ExitCode);
            using (var f = new FileStream(first, FileMode.Open, FileAccess.Write)) f.Write(File.ReadAllBytes(rebuilt));
            Assert.Equal(0, Runner.Run("touch", ["-r", times, first]).ExitCode);
            Assert.Equal(inode, Inode(first));
            Assert.Equal(File.GetLastWriteTimeUtc(times), File.GetLastWriteTimeUtc(first));
            var again = Get(cache, first);
            Assert.NotSame(module, again);
            Assert.Equal(3, cache.Parsed);
            Assert.Equal("other_one", NameAt(again!, first, "other_one"));
            // The copy still holds the first build: still its module, not read again.
            Assert.Same(module, Get(cache, copy));
            Assert.Equal(3, cache.Parsed);
        }
        finally { Directory.Delete(dir, true); }
    }

    [NeedsFact("gcc")]
    public void Files_without_a_build_id_are_known_by_inode_size_and_time()
    {
        string dir = Directory.CreateDirectory(CPrograms.TempFile("module-cache-noid")).FullName;
        try
        {
            string first = Compile(dir, "first", "first_one", "-Wl,--build-id=none"), copy = Path.Combine(dir, "copy");
            File.Copy(first, copy);
            var cache = new ModuleCache(demangle: true);
            var module = Get(cache, first);
            Assert.NotNull(module);
            Assert.Null(module!.Elf.BuildId());
            Assert.Same(module, Get(cache, first));
            Assert.Equal(1, cache.Parsed);
            Assert.NotSame(module, Get(cache, copy));
            Assert.Equal(2, cache.Parsed);
            // A new modification time (as a rewrite in place gives it): read again.
            File.SetLastWriteTimeUtc(first, DateTime.UtcNow.AddMinutes(-5));
            Assert.NotSame(module, Get(cache, first));
            Assert.Equal(3, cache.Parsed);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static string Compile(string dir, string name, string function, params string[] flags)
    {
        string source = Path.Combine(dir, name + ".c"), output = Path.Combine(dir, name);
        File.WriteAllText(source, Source.Replace("NAME", function));
        var r = Runner.Run("gcc", ["-O1", .. flags, "-o", output, source]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return output;
    }

    /// <summary>The module of path as if mapped by some process (map_files has no such mapping of
    /// this one, so the cache reads the path).</summary>
    private static LoadedModule? Get(ModuleCache cache, string path)
    {
        return cache.Get(new CodeMapping(0x1000, 0x2000, 0, 1, (ulong)Inode(path), path), Environment.ProcessId, new SnapshotMemory());
    }

    private static long Inode(string path) => long.Parse(Runner.Run("stat", ["-c", "%i", path]).Stdout.Trim(), CultureInfo.InvariantCulture);

    /// <summary>The name the module gives the address nm says function starts at.</summary>
    private static string? NameAt(LoadedModule module, string file, string function)
    {
        string line = Runner.Run("nm", [file]).Stdout.Split('\n').Single(l => l.EndsWith(" T " + function));
        ulong address = ulong.Parse(line.Split(' ')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return module.Symbols.TryName(address, out var match) ? match.Name : null;
    }
}
