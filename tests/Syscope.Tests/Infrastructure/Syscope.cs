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

    public static TestProcess Start(params string[] args) => Runner.Start(Executable, args);
}

public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Starts the processes of the tests (syscope itself, strace, tracees, servers) as
/// <see cref="TestProcess"/>es.  syscope never starts its tracees this way; only the tests use
/// Process, to drive the real command line.</summary>
public static class Runner
{
    public static TestProcess Start(string exe, IEnumerable<string> args, bool redirectStdin = false, string? workingDirectory = null) =>
        TestProcess.Start(exe, args, redirectStdin, workingDirectory);

    /// <summary>Runs the program to its end; past the time it is killed and the test fails with
    /// what it printed.</summary>
    public static RunResult Run(string exe, IEnumerable<string> args, int timeoutMs = TestProcess.DefaultTimeoutMs, string? workingDirectory = null)
    {
        using var p = Start(exe, args, workingDirectory: workingDirectory);
        int code = p.AssertExits(timeoutMs);
        return new RunResult(code, p.StandardOutput.ReadToEnd(timeoutMs), p.StandardError.ReadToEnd(timeoutMs));
    }
}
