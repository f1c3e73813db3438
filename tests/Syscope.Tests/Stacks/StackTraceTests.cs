using Syscope.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Syscope.Tests.Stacks;

/// <summary>
/// trace -k against Debian's strace -k on the same programs: every frame's module and bracketed
/// file offset equal strace's, in order; every symbol equals strace's or is one binutils confirms
/// starts where syscope says (a better name than strace's nearest export).
/// </summary>
[Collection("stacks")]
public class StackTraceTests(ITestOutputHelper output)
{
    private static readonly string s_bin = CPrograms.TempDir;

    private static string Build(string source, string name, params string[] flags)
    {
        string output = Path.Combine(s_bin, name);
        if (File.Exists(output)) return output;
        bool cxx = source.EndsWith(".cc");
        var r = Runner.Run(cxx ? "g++" : "gcc", [.. flags, "-o", output, Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs", source)]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return output;
    }

    /// <summary>Traces args with both and compares; returns syscope's frames.</summary>
    private List<StackFrameLine> AssertSameFrames(params string[] args) => AssertFrames(false, args);

    private List<StackFrameLine> AssertFrames(bool straceStopsEarly, params string[] args) => AssertFrames(straceStopsEarly, [], args, out _);

    /// <param name="straceStopsEarly">strace's libunwind finds only the first frame of a static
    /// binary's stacks: then each of strace's stacks must begin ours, and every frame of ours
    /// must name a symbol binutils confirms.</param>
    /// <param name="syscopeOnly">Options given to syscope only (-d).</param>
    /// <param name="run">syscope's run: its exit code, what the command printed, syscope's stderr.</param>
    /// <param name="debugFile">A separate debug file binutils is to read symbols from too.</param>
    private List<StackFrameLine> AssertFrames(bool straceStopsEarly, string[] syscopeOnly, string[] args, out RunResult run, string? debugFile = null)
    {
        string ours = CPrograms.TempFile("k-syscope"), theirs = CPrograms.TempFile("k-strace");
        var s = Runner.Run("strace", ["-o", theirs, .. args]);
        var r = run = SyscopeCli.Run(["trace", .. syscopeOnly, "-o", ours, .. args]);
        Assert.Equal(s.ExitCode, r.ExitCode);
        var expected = StackFrameLine.Parse(File.ReadAllText(theirs));
        var actual = StackFrameLine.Parse(File.ReadAllText(ours));
        var all = actual;
        if (straceStopsEarly)
        {
            var theirStacks = StackFrameLine.Stacks(File.ReadAllText(theirs));
            var ourStacks = StackFrameLine.Stacks(File.ReadAllText(ours));
            Assert.Equal(theirStacks.Count, ourStacks.Count);
            for (int i = 0; i < theirStacks.Count; i++)
                Assert.Equal(theirStacks[i].Select(f => f.Where), ourStacks[i].Take(theirStacks[i].Count).Select(f => f.Where));
            Assert.All(actual, f => Assert.True(Binutils.Defines(f), $"{f} is not a symbol binutils knows"));
            expected = [.. theirStacks.SelectMany((s, i) => s)];
            actual = [.. theirStacks.SelectMany((s, i) => ourStacks[i].Take(s.Count))];
        }
        File.Delete(ours);
        File.Delete(theirs);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(f => f.Where), actual.Select(f => f.Where));
        int better = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            if (expected[i].Symbol == actual[i].Symbol && expected[i].SymbolOffset == actual[i].SymbolOffset) continue;
            Assert.True(Binutils.Defines(actual[i], debugFile), $"frame {i}: {actual[i]} is not a symbol binutils knows (strace: {expected[i]})");
            better++;
        }
        output.WriteLine($"{all.Count} frames, {better} named better than strace");
        return all;
    }

    [NeedsTheory("root", "strace", "readelf", "nm")]
    [InlineData("/usr/bin/cat", "/etc/hostname")]
    [InlineData("/usr/bin/ls", "/")]
    public void Coreutils_frames_are_straces(string program, string argument) =>
        AssertSameFrames("-k", "-e", "trace=openat", program, argument);

    [NeedsFact("root", "strace", "readelf", "nm")]
    public void Python_frames_are_straces()
    {
        string python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : Machine.Find("python3")!;
        AssertSameFrames("-k", "-e", "trace=openat", python, "-c", "open('/dev/null').close()");
    }

    [NeedsTheory("root", "strace", "gcc", "readelf", "nm")]
    [InlineData("O0", "-O0")]
    [InlineData("O2", "-O2", "-fomit-frame-pointer")]
    [InlineData("static", "-O2", "-static")]
    [InlineData("nopie", "-O1", "-no-pie")]
    public void C_programStacks_are_straces_in_main_a_signal_handler_and_a_thread(string variant, params string[] flags)
    {
        string program = Build("stacks.c", "stacks-" + variant, [.. flags, "-pthread"]);
        var frames = AssertFrames(variant == "static", "-f", "-k", "-e", "trace=openat", program);
        // The handler's call and the thread's each show their own function under open_leaf.
        Assert.Contains(frames, f => f.Module == program && f.Symbol == "on_signal");
        Assert.Contains(frames, f => f.Module == program && f.Symbol == "thread_main");
        Assert.True(frames.Count(f => f.Symbol == "open_middle") >= 4);
    }

    /// <summary>-ff: each thread's stacks go to its own file, as strace's do (files paired by
    /// their thread ids' order).</summary>
    [NeedsFact("root", "strace", "gcc")]
    public void Per_thread_files_carry_their_threads_stacks_as_straces_do()
    {
        string program = Build("stacks.c", "stacks-O0", "-O0", "-pthread");
        string dir = Directory.CreateDirectory(CPrograms.TempFile("k-ff")).FullName;
        Runner.Run("strace", ["-ff", "-o", Path.Combine(dir, "strace"), "-k", "-e", "trace=openat", program]);
        var r = SyscopeCli.Run("trace", "-ff", "-o", Path.Combine(dir, "syscope"), "-k", "-e", "trace=openat", program);
        List<List<string>> Files(string prefix) => Directory.GetFiles(dir, prefix + ".*")
            .OrderBy(f => int.Parse(Path.GetExtension(f)[1..]))
            .Select(f => StackFrameLine.Parse(File.ReadAllText(f)).Select(x => x.Where).ToList()).ToList();
        var theirs = Files("strace");
        var ours = Files("syscope");
        Directory.Delete(dir, true);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(2, ours.Count);
        Assert.Equal(theirs, ours);
    }

    /// <summary>The mappings are read again after munmap, mmap and execve: a library unloaded and
    /// another loaded at the same address, then another program executed, each open's frames
    /// name the module mapped at the time, as strace's do.</summary>
    [NeedsFact("root", "strace", "gcc", "readelf", "nm")]
    public void Frames_follow_libraries_loaded_and_unloaded_and_execve()
    {
        string a = Build("stacks-lib.c", "libstacks-a.so", "-shared", "-fPIC", "-O1", "-DLIB_OPEN=lib_a_open");
        string b = Build("stacks-lib.c", "libstacks-b.so", "-shared", "-fPIC", "-O1", "-DLIB_OPEN=lib_b_open");
        string program = Build("stacks-dlopen.c", "stacks-dlopen", "-O1");
        string next = Build("stacks.c", "stacks-nopie", "-O1", "-no-pie", "-pthread");
        var frames = AssertFrames(false, [], ["-f", "-k", "-e", "trace=openat", program, a, b, next], out var run);
        AssertLoadedTwiceAtOneAddress(run.Stdout);
        Assert.Equal(["lib_a_open", "lib_b_open"], frames.Where(f => f.Module == a || f.Module == b).Select(f => f.Symbol));
        Assert.Equal([a, b], frames.Where(f => f.Module == a || f.Module == b).Select(f => f.Module));
        Assert.Contains(frames, f => f.Module == next && f.Symbol == "open_leaf");
    }

    /// <summary>A library unloaded, its file rebuilt in place (same path, same inode, same size, a
    /// new build-id), then loaded again at the same address: the second open's frames name the
    /// new build's function, as strace's do (modules are known by build-id, not by inode).</summary>
    [NeedsFact("root", "strace", "gcc", "readelf", "nm")]
    public void A_library_rebuilt_in_place_is_read_again_and_named_by_its_new_symbols()
    {
        string dir = Directory.CreateDirectory(CPrograms.TempFile("k-rebuilt")).FullName;
        string library = Path.Combine(dir, "librebuilt.so");
        string original = Build("stacks-lib.c", "libstacks-a.so", "-shared", "-fPIC", "-O1", "-DLIB_OPEN=lib_a_open");
        File.Copy(original, library);
        string rebuilt = Build("stacks-lib.c", "libstacks-b.so", "-shared", "-fPIC", "-O1", "-DLIB_OPEN=lib_b_open");
        string program = Build("stacks-dlopen.c", "stacks-dlopen", "-O1");
        Assert.Equal(new FileInfo(library).Length, new FileInfo(rebuilt).Length);
        Assert.NotEqual(BuildId(original), BuildId(rebuilt));
        long inode = Inode(library);
        try
        {
            // Each trace starts from the first build: cp rewrites the file in place.
            var frames = AssertFrames(false, ["-d"], ["-f", "-k", "-e", "trace=openat", "/bin/sh", "-c",
                $"cp {original} {library} && exec {program} --rebuilt {library} {rebuilt}"], out var run);
            AssertLoadedTwiceAtOneAddress(run.Stdout);
            Assert.Equal(inode, Inode(library));
            var inLibrary = frames.Where(f => f.Module == library).ToList();
            Assert.Equal(["lib_a_open", "lib_b_open"], inLibrary.Select(f => f.Symbol));
            // Both builds read, each once.
            Assert.Equal([$"read '{library}', build-id {BuildId(original)}", $"read '{library}', build-id {BuildId(rebuilt)}"],
                DebugLines(run.Stderr).Where(l => l.Contains(library)).Select(l => l.Replace("syscope trace: debug: -k: ", "")));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Two copies of one program (two paths, two inodes, one build-id) run in one trace:
    /// the second is known by its build-id and not read again (-d says each module read), and its
    /// frames name its own path, as strace's do.</summary>
    [NeedsFact("root", "strace", "gcc", "readelf", "nm")]
    public void Copies_of_one_program_share_one_parse_by_build_id()
    {
        string dir = Directory.CreateDirectory(CPrograms.TempFile("k-copies")).FullName;
        string original = Build("stacks.c", "stacks-O0", "-O0", "-pthread");
        string first = Path.Combine(dir, "first"), second = Path.Combine(dir, "second");
        File.Copy(original, first);
        File.Copy(original, second);
        try
        {
            var frames = AssertFrames(false, ["-d"], ["-f", "-k", "-e", "trace=openat", "/bin/sh", "-c", $"{first}; {second}"], out var run);
            Assert.True(frames.Count(f => f.Module == first && f.Symbol == "open_leaf") >= 3);
            Assert.Equal(frames.Count(f => f.Module == first), frames.Count(f => f.Module == second));
            string id = BuildId(original);
            var lines = DebugLines(run.Stderr);
            Assert.Equal([$"syscope trace: debug: -k: read '{first}', build-id {id}",
                $"syscope trace: debug: -k: '{second}' is '{first}' (build-id {id}): not read again"], lines.Where(l => l.Contains(id)));
            // libc, mapped by sh and both programs, is read once.
            Assert.Single(lines, l => l.StartsWith("syscope trace: debug: -k: read '/usr/lib/x86_64-linux-gnu/libc.so.6'"));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A program stripped of every symbol, its debug information in a separate file that
    /// its .gnu_debuglink names, beside it: strace names its frames with nothing, syscope with the
    /// functions the debug file defines (static ones too, which no .dynsym has), each checked
    /// with nm on that file; the frames are strace's.</summary>
    [NeedsFact("root", "strace", "gcc", "objcopy", "strip", "readelf", "nm")]
    public void A_stripped_program_is_named_from_the_debug_file_its_debuglink_names()
    {
        string dir = Directory.CreateDirectory(CPrograms.TempFile("k-debuglink")).FullName;
        string program = Path.Combine(dir, "stripped"), debug = program + ".debug";
        try
        {
            var gcc = Runner.Run("gcc", ["-g", "-O1", "-pthread", "-o", program, Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/stacks.c")]);
            Assert.True(gcc.ExitCode == 0, gcc.Stderr);
            Assert.Equal(0, Runner.Run("objcopy", ["--only-keep-debug", program, debug]).ExitCode);
            Assert.Equal(0, Runner.Run("strip", ["--strip-all", program]).ExitCode);
            Assert.Equal(0, Runner.Run("objcopy", ["--add-gnu-debuglink=" + debug, program]).ExitCode);
            Assert.Contains("no symbols", Runner.Run("nm", [program]).Stderr);
            var frames = AssertFrames(false, [], ["-f", "-k", "-e", "trace=openat", program], out _, debug);
            Assert.Equal(3, frames.Count(f => f.Module == program && f.Symbol == "open_leaf"));
            Assert.Contains(frames, f => f.Module == program && f.Symbol == "on_signal");
            Assert.Contains(frames, f => f.Module == program && f.Symbol == "thread_main");
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A call the vDSO's own code makes: its frame is named from the vDSO's symbols
    /// (copied out of the tracee; nm on the vDSO of the test's own process, the same kernel's,
    /// confirms the name), where strace names none; the frames below are strace's up to where
    /// its libunwind goes astray, then go on to _start.</summary>
    [NeedsFact("root", "strace", "gcc", "readelf", "nm")]
    public void A_call_made_in_the_vdso_is_named_by_the_vdsos_symbols()
    {
        string program = Build("stacks-vdso.c", "stacks-vdso", "-O1");
        string vdso = CPrograms.TempFile("vdso");
        File.WriteAllBytes(vdso, OwnVdso());
        string ours = CPrograms.TempFile("k-vdso"), theirs = CPrograms.TempFile("k-vdso-strace");
        Runner.Run("strace", ["-o", theirs, "-k", "-e", "trace=clock_gettime", program]);
        var r = SyscopeCli.Run("trace", "-o", ours, "-k", "-e", "trace=clock_gettime", program);
        var theirStacks = StackFrameLine.Stacks(File.ReadAllText(theirs));
        var ourStacks = StackFrameLine.Stacks(File.ReadAllText(ours));
        File.Delete(ours);
        File.Delete(theirs);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(2, ourStacks.Count);
        Assert.Equal(2, theirStacks.Count);
        for (int i = 0; i < 2; i++)
        {
            var good = theirStacks[i].TakeWhile(f => f.Module != "unexpected_backtracing_error").ToList();
            Assert.Equal(good.Select(f => f.Where), ourStacks[i].Take(good.Count).Select(f => f.Where));
            var top = ourStacks[i][0];
            Assert.Equal("[vdso]", top.Module);
            Assert.True(Binutils.Defines(top with { Module = vdso }), $"{top} is not a symbol of the vDSO");
            Assert.Contains(ourStacks[i], f => f.Module == program && f.Symbol == "main");
            Assert.Equal("_start", ourStacks[i][^1].Symbol);
        }
        File.Delete(vdso);
    }

    /// <summary>The vDSO of this process, as its memory holds it.</summary>
    private static byte[] OwnVdso()
    {
        var range = File.ReadLines("/proc/self/maps").Single(l => l.EndsWith("[vdso]")).Split(' ')[0].Split('-');
        long start = Convert.ToInt64(range[0], 16), end = Convert.ToInt64(range[1], 16);
        using var mem = new FileStream("/proc/self/mem", FileMode.Open, FileAccess.Read);
        mem.Seek(start, SeekOrigin.Begin);
        var bytes = new byte[end - start];
        mem.ReadExactly(bytes);
        return bytes;
    }

    private static List<string> DebugLines(string stderr) => [.. stderr.Split('\n').Where(l => l.StartsWith("syscope trace: debug: -k: "))];

    /// <summary>stacks-dlopen's "loaded at" lines: two loads, the second where the first was.</summary>
    private static void AssertLoadedTwiceAtOneAddress(string stdout)
    {
        var loads = stdout.Split('\n').Where(l => l.StartsWith("loaded at ")).ToList();
        Assert.Equal(2, loads.Count);
        Assert.Equal(loads[0], loads[1]);
    }

    private static string BuildId(string file) => Runner.Run("readelf", ["-n", file]).Stdout.Split('\n').Select(l => l.Trim())
        .Single(l => l.StartsWith("Build ID: "))["Build ID: ".Length..];

    private static long Inode(string file) => long.Parse(Runner.Run("stat", ["-c", "%i", file]).Stdout.Trim());

    /// <summary>Code without unwind tables is walked by its frame pointers, as strace's libunwind
    /// walks it; where libunwind then goes astray ("unexpected_backtracing_error" after main, in
    /// the signal handler's caller), ours goes on by the call-frame information of libc to _start.</summary>
    [NeedsFact("root", "strace", "gcc", "readelf", "nm")]
    public void C_program_without_unwind_tables_is_walked_by_its_frame_pointers()
    {
        string program = Build("stacks.c", "stacks-nounwind", "-O0", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
            "-fno-omit-frame-pointer", "-pthread");
        // No FDE covers the program's own functions.
        ulong leaf = Convert.ToUInt64(Runner.Run("nm", [program]).Stdout.Split('\n').Single(l => l.EndsWith(" open_leaf")).Split(' ')[0], 16);
        var fdes = System.Text.RegularExpressions.Regex.Matches(Runner.Run("readelf", ["--debug-dump=frames", program]).Stdout, @"pc=([0-9a-f]+)\.\.([0-9a-f]+)");
        Assert.NotEmpty(fdes);
        Assert.DoesNotContain(fdes, m => Convert.ToUInt64(m.Groups[1].Value, 16) <= leaf && leaf < Convert.ToUInt64(m.Groups[2].Value, 16));
        string ours = CPrograms.TempFile("k-nounwind"), theirs = CPrograms.TempFile("k-nounwind-strace");
        Runner.Run("strace", ["-o", theirs, "-f", "-k", "-e", "trace=openat", program]);
        var r = SyscopeCli.Run("trace", "-o", ours, "-f", "-k", "-e", "trace=openat", program);
        var theirStacks = StackFrameLine.Stacks(File.ReadAllText(theirs));
        var ourStacks = StackFrameLine.Stacks(File.ReadAllText(ours));
        File.Delete(ours);
        File.Delete(theirs);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(theirStacks.Count, ourStacks.Count);
        int named = 0;
        for (int i = 0; i < ourStacks.Count; i++)
        {
            var good = theirStacks[i].TakeWhile(f => f.Module != "unexpected_backtracing_error").ToList();
            Assert.Equal(good.Select(f => f.Where), ourStacks[i].Take(good.Count).Select(f => f.Where));
            Assert.DoesNotContain(ourStacks[i], f => f.Module == "unexpected_backtracing_error");
            for (int j = 0; j < ourStacks[i].Count; j++)
            {
                var f = ourStacks[i][j];
                if (j < good.Count && good[j].Symbol == f.Symbol && good[j].SymbolOffset == f.SymbolOffset) continue;
                Assert.True(Binutils.Defines(f), $"{f} is not a symbol binutils knows");
                named++;
            }
        }
        output.WriteLine($"{ourStacks.Sum(s => s.Count)} frames, {named} beyond or better than strace's");
        var programStacks = ourStacks.Where(s => s.Any(f => f.Symbol == "open_leaf")).ToList();
        Assert.Equal(3, programStacks.Count);
        Assert.All(programStacks, s => Assert.Contains(s[^1].Symbol, new[] { "_start", "__clone3" }));
        Assert.Contains(programStacks, s => s.Any(f => f.Symbol == "on_signal") && s.Any(f => f.Symbol == "main"));
    }

    [NeedsFact("root", "strace", "g++", "readelf", "nm")]
    public void Cxx_frames_are_demangled_as_strace_does_unless_asked_not_to()
    {
        string program = Build("stacks.cc", "stacks-cxx", "-O1");
        var frames = AssertSameFrames("-k", "-e", "trace=openat", program);
        Assert.Contains(frames, f => f.Symbol == "app::Repository::load(char const*, int)");
        Assert.Contains(frames, f => f.Symbol == "int app::through<char const*>(char const*)");
        string raw = CPrograms.TempFile("k-raw");
        SyscopeCli.Run("trace", "-o", raw, "-k", "--no-demangle", "-e", "trace=openat", program);
        var mangled = StackFrameLine.Parse(File.ReadAllText(raw));
        File.Delete(raw);
        Assert.Contains(mangled, f => f.Symbol == "_ZN3app10Repository4loadEPKci");
    }

    [NeedsFact("root", "strace")]
    public void Exit_group_stack_follows_the_exit_line_as_straces_does()
    {
        string ours = CPrograms.TempFile("k-exit");
        SyscopeCli.Run("trace", "-o", ours, "-k", "-e", "trace=exit_group", "/usr/bin/true");
        var lines = File.ReadAllLines(ours);
        File.Delete(ours);
        Assert.StartsWith("exit_group(0)", lines[0]);
        Assert.Equal("+++ exited with 0 +++", lines[1]);
        Assert.Matches(@"^ > /usr/lib/x86_64-linux-gnu/libc\.so\.6\(_exit\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$", lines[2]);
    }

    [NeedsFact("root", "gcc")]
    public void Json_calls_carry_their_stack_as_objects()
    {
        string program = Build("stacks.c", "stacks-O0", "-O0", "-pthread");
        string ours = CPrograms.TempFile("k-json");
        SyscopeCli.Run("trace", "--json", "-o", ours, "-k", "-e", "trace=openat", program);
        var call = File.ReadAllLines(ours).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .First(e => e.GetProperty("type").GetString() == "syscall" && e.GetProperty("args")[1].GetProperty("value").GetString() == "/dev/null");
        File.Delete(ours);
        var frames = call.GetProperty("stack").EnumerateArray().ToList();
        var leaf = frames.First(f => f.GetProperty("symbol").GetString() == "open_leaf");
        Assert.Equal(program, leaf.GetProperty("module").GetString());
        Assert.True(Binutils.Defines(new StackFrameLine(program, "open_leaf", leaf.GetProperty("symbol_offset").GetUInt64(), leaf.GetProperty("offset").GetUInt64())));
        Assert.Equal(4, frames.Count(f => f.GetProperty("symbol").GetString() == "open_middle"));
        Assert.Equal("main", frames.Single(f => f.GetProperty("symbol").GetString() == "main").GetProperty("symbol").GetString());
    }

    [Fact]
    public void Ebpf_refuses_stack_traces_in_one_line()
    {
        var r = SyscopeCli.Run("trace", "--ebpf", "-k", "/usr/bin/true");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal("syscope: --ebpf cannot unwind stacks (-k): that needs stopping the tracee (use ptrace: --backend=ptrace)", r.Stderr.Trim());
    }
}
