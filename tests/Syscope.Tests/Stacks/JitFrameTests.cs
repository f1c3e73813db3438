using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Stacks;

/// <summary>JIT-compiled frames, which strace cannot name: a small C# program run with
/// DOTNET_PerfMapEnabled=1 shows its methods from the runtime's /tmp/perf-PID.map.</summary>
[Collection("stacks")]
public class JitFrameTests
{
    [NeedsFact("root", "dotnet")]
    public void Dotnet_methods_show_from_the_perf_map_down_to_the_native_host()
    {
        string dir = Path.Combine(CPrograms.TempDir, "perfmap");
        string source = Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/perfmap");
        Directory.CreateDirectory(dir);
        foreach (var f in new[] { "Program.cs", "perfmap.csproj" }) File.Copy(Path.Combine(source, f), Path.Combine(dir, f), true);
        // Its scratch files in the test's folder, and no build server left running after it.
        string scratch = Directory.CreateDirectory(Path.Combine(dir, "tmp")).FullName;
        var build = Runner.Run("env", [$"TMPDIR={scratch}", "DOTNET_CLI_TELEMETRY_OPTOUT=1", "dotnet", "build", "--disable-build-servers",
            "-c", "Release", "-o", Path.Combine(dir, "out"), Path.Combine(dir, "perfmap.csproj")]);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        string trace = CPrograms.TempFile("k-jit");
        // The variables go to the tracee only (env execs it in place): syscope, a .NET program
        // itself when built without NativeAOT, would write a perf map of its own.
        var r = SyscopeCli.Run("trace", "-f", "-o", trace, "-k", "-e", "trace=openat", "/usr/bin/env", "DOTNET_PerfMapEnabled=1",
            "DOTNET_EnableDiagnostics_Debugger=0", $"TMPDIR={scratch}", Path.Combine(dir, "out", "perfmap"), "/dev/null");
        string text = File.ReadAllText(trace);
        File.Delete(trace);
        foreach (Match m in Regex.Matches(text, @"^(\d+) ", RegexOptions.Multiline))
            foreach (var map in new[] { "perf", "perfinfo" }) File.Delete($"/tmp/{map}-{m.Groups[1].Value}.map");
        Assert.Equal(0, r.ExitCode);
        // The stack of the open of /dev/null: libc, the runtime's native shim, then managed frames.
        var stack = StackFrameLine.Stacks(text[text.IndexOf("\"/dev/null\"")..])[0];
        Assert.Equal("SystemNative_Open", stack[1].Symbol);
        int load = stack.FindIndex(f => f.Module == "[jit]" && f.Symbol!.Contains("MyApp.Repository::Load(string)"));
        Assert.True(load > 1, string.Join("\n", stack));
        Assert.Contains("MyApp.Program::Main(string[])", stack[load + 1].Symbol);
        Assert.Contains(stack.Skip(load), f => f.Symbol == "__libc_start_main");
    }
}
