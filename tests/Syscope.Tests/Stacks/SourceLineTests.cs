using Syscope.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Syscope.Tests.Stacks;

/// <summary>
/// trace -kk: each frame's " at file:line" from DWARF line tables (version 5, gcc's default, and
/// version 4), in the program and in libc's separate debug file when installed, equal to what
/// addr2line says of the same address: the frame's own for the first, the call's (the byte before
/// the return address) for the others.  binutils 2.40's addr2line reads a DWARF 5 line table's
/// file register one entry off (1 as entry 0; unseen where gcc repeats the primary file as entry
/// 1, seen in glibc's ld.so): where llvm-addr2line, which reads it as the standard says, gives
/// the same line in another file, llvm-addr2line's file is the one expected.
/// </summary>
[Collection("stacks")]
public class SourceLineTests(ITestOutputHelper output)
{
    [NeedsTheory("root", "gcc", "addr2line", "readelf")]
    [InlineData("g-O0", "-g", "-O0")]
    [InlineData("g-O2", "-g", "-O2")]
    [InlineData("g-dwarf4", "-gdwarf-4", "-O2", "-no-pie")]
    public void Frames_show_the_file_and_line_addr2line_gives(string variant, params string[] flags)
    {
        string program = Path.Combine(CPrograms.TempDir, "stacks-" + variant);
        var gcc = Runner.Run("gcc", [.. flags, "-pthread", "-o", program, Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/stacks.c")]);
        Assert.True(gcc.ExitCode == 0, gcc.Stderr);
        string ours = CPrograms.TempFile("kk");
        var r = SyscopeCli.Run("trace", "-o", ours, "-f", "-kk", "-e", "trace=openat", program);
        var stacks = StackFrameLine.Stacks(File.ReadAllText(ours));
        File.Delete(ours);
        Assert.Equal(0, r.ExitCode);
        // Frames up to a signal handler's: the one after the signal trampoline is looked up at
        // its own address, which the test does not try to tell.
        var frames = stacks.SelectMany(s => s.Select((f, i) => (Frame: f, First: i == 0))
            .TakeWhile((x, i) => i == 0 || s[i - 1].Symbol != "on_signal")).Where(x => x.Frame.Module.StartsWith('/')).ToList();
        int compared = 0, inProgram = 0;
        foreach (var module in frames.GroupBy(x => x.Frame.Module))
        {
            var list = module.ToList();
            var addresses = list.Select(x =>
            {
                Assert.True(Binutils.ToAddress(x.Frame.Module, x.Frame.At - (x.First ? 0UL : 1UL), out ulong a), x.Frame.ToString());
                return "0x" + a.ToString("x");
            }).ToList();
            var lines = Addr2line("addr2line", module.Key, addresses);
            var llvm = Machine.Find("llvm-addr2line") != null ? Addr2line("llvm-addr2line", module.Key, addresses) : null;
            for (int i = 0; i < list.Count; i++)
            {
                string? said = lines[i];
                if (said != null && llvm?[i] is { } other && other != said && Line(other) == Line(said))
                {
                    output.WriteLine($"{addresses[i]} in {module.Key}: addr2line {said}, llvm-addr2line {other}");
                    said = other;
                }
                Assert.True(said == list[i].Frame.Source, $"{list[i].Frame}: addr2line {addresses[i]} says {lines[i]}");
                if (said == null) continue;
                compared++;
                if (module.Key == program) inProgram++;
            }
        }
        output.WriteLine($"{frames.Count} frames, {compared} with a line, {inProgram} in the program");
        Assert.True(inProgram >= 10, $"{inProgram} frames of the program have a line");
        Assert.Contains(frames, x => x.Frame.Symbol == "open_leaf" && x.Frame.Source!.EndsWith("Programs/stacks.c:12"));
    }

    /// <summary>What an addr2line says of each address: "file:line", or null where it knows no line.</summary>
    private static string?[] Addr2line(string tool, string module, List<string> addresses) =>
        Runner.Run(tool, ["-e", module, .. addresses]).Stdout.Split('\n').Take(addresses.Count).Select(l =>
        {
            string said = l.Split(" (discriminator")[0];
            return said.StartsWith("??") || said.EndsWith(":?") || said.EndsWith(":0") ? null : said;
        }).ToArray();

    private static string Line(string fileLine) => fileLine[(fileLine.LastIndexOf(':') + 1)..];

    [NeedsFact("root", "gcc")]
    public void Json_frames_carry_file_and_line_under_kk_only()
    {
        string program = Path.Combine(CPrograms.TempDir, "stacks-g-json");
        var gcc = Runner.Run("gcc", ["-g", "-O0", "-pthread", "-o", program, Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/stacks.c")]);
        Assert.True(gcc.ExitCode == 0, gcc.Stderr);
        foreach (var k in new[] { "-k", "-kk" })
        {
            string ours = CPrograms.TempFile("kk-json");
            SyscopeCli.Run("trace", "--json", "-o", ours, k, "-e", "trace=openat", program);
            var call = File.ReadAllLines(ours).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
                .First(e => e.GetProperty("type").GetString() == "syscall" && e.GetProperty("args")[1].GetProperty("value").GetString() == "/dev/null");
            File.Delete(ours);
            var leaf = call.GetProperty("stack").EnumerateArray().First(f => f.GetProperty("symbol").GetString() == "open_leaf");
            if (k == "-k") Assert.False(leaf.TryGetProperty("file", out _));
            else
            {
                Assert.Equal(Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/stacks.c"), leaf.GetProperty("file").GetString());
                Assert.Equal(12, leaf.GetProperty("line").GetInt32());
            }
        }
    }
}
