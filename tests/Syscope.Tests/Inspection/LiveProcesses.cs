using System.Diagnostics;

namespace Syscope.Tests.Inspection;

/// <summary>Real processes for the integration tests: C programs compiled with gcc into a temp
/// dir, started and killed by the test.</summary>
public sealed class LiveProcesses : IDisposable
{
    private readonly List<Process> _started = [];
    public string Dir { get; } = Directory.CreateTempSubdirectory("syscope-inspect-").FullName;

    public string Compile(string asset)
    {
        string source = Path.Combine(AppContext.BaseDirectory, "Inspection", "Assets", asset);
        string exe = Path.Combine(Dir, Path.GetFileNameWithoutExtension(asset));
        var gcc = Start("gcc", "-O", "-o", exe, source);
        gcc.WaitForExit();
        if (gcc.ExitCode != 0) throw new InvalidOperationException($"gcc failed: {gcc.StandardError.ReadToEnd()}");
        return exe;
    }

    public Process Start(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        _started.Add(p);
        return p;
    }

    /// <summary>Reads stdout lines until one satisfies the predicate, failing after the timeout.</summary>
    public static string WaitForLine(Process p, Func<string, bool> predicate, int timeoutMs = 20000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var task = p.StandardOutput.ReadLineAsync();
            if (!task.Wait(deadline - DateTime.UtcNow) || task.Result == null) break;
            if (predicate(task.Result)) return task.Result;
        }
        throw new TimeoutException($"{p.StartInfo.FileName} did not print the expected line");
    }

    /// <summary>Waits until the thread is asleep in one of the given syscalls, as /proc/PID/syscall shows.</summary>
    public static void WaitUntilBlocked(int pid, params int[] syscallNumbers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            string text = File.ReadAllText($"/proc/{pid}/syscall");
            if (syscallNumbers.Any(n => text.StartsWith(n + " "))) return;
            Thread.Sleep(20);
        }
        throw new TimeoutException($"PID {pid} never blocked in syscall {string.Join(" or ", syscallNumbers)}");
    }

    public static string RunTool(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    public void Dispose()
    {
        foreach (var p in _started)
        {
            try { if (!p.HasExited) { p.Kill(entireProcessTree: true); p.WaitForExit(5000); } }
            catch (InvalidOperationException) { }
            p.Dispose();
        }
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
