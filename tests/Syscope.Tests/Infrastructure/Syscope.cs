using System.Diagnostics;
using System.Text;

namespace Syscope.Tests.Infrastructure;

/// <summary>Runs the real `syscope` command built from src/Syscope.Cli, as a user would.</summary>
public static class SyscopeCli
{
    public static readonly string RepoRoot = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "syscope.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("syscope.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The CLI copied beside the tests when they were built (so a later publish or clean of
    /// src/Syscope.Cli cannot change what runs), else the apphost of the same configuration.</summary>
    public static string Executable
    {
        get
        {
            string copied = Path.Combine(AppContext.BaseDirectory, "syscope-cli", "syscope");
            if (File.Exists(copied)) return copied;
            string config = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";
            var candidates = new[] { config, config == "Release" ? "Debug" : "Release" }
                .SelectMany(c => new[] { $"src/Syscope.Cli/bin/{c}/net10.0/linux-x64/syscope", $"src/Syscope.Cli/bin/{c}/net10.0/syscope" })
                .Select(p => Path.Combine(RepoRoot, p)).Where(File.Exists).ToList();
            return candidates.FirstOrDefault() ?? throw new InvalidOperationException("build src/Syscope.Cli first (dotnet build syscope.slnx)");
        }
    }

    public static RunResult Run(params string[] args) => Runner.Run(Executable, args);

    public static Process Start(params string[] args) => Runner.Start(Executable, args);
}

public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Starts test processes (syscope itself, strace, servers).  Tracees are never started
/// this way by syscope; only the tests use Process, to drive the real command line.</summary>
public static class Runner
{
    public static Process Start(string exe, IEnumerable<string> args, bool redirectStdin = false)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    public static RunResult Run(string exe, IEnumerable<string> args, int timeoutMs = 60_000)
    {
        using var p = Start(exe, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(true);
            throw new TimeoutException($"{exe} {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }
        p.WaitForExit();
        return new RunResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
