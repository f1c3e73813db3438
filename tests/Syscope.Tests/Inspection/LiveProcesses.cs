using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Inspection;

/// <summary>Real processes for the integration tests: C programs compiled with gcc into a temp
/// dir, started and killed by the test.</summary>
public sealed class LiveProcesses : IDisposable
{
    private readonly List<TestProcess> _started = [];
    public string Dir { get; } = Directory.CreateTempSubdirectory("syscope-inspect-").FullName;

    public string Compile(string asset)
    {
        string source = Path.Combine(AppContext.BaseDirectory, "Inspection", "Assets", asset);
        string exe = Path.Combine(Dir, Path.GetFileNameWithoutExtension(asset));
        var gcc = Runner.Run("gcc", ["-O", "-o", exe, source]);
        if (gcc.ExitCode != 0) throw new InvalidOperationException($"gcc failed: {gcc.Stderr}");
        return exe;
    }

    /// <summary>Starts a program with its stdin open (many of these wait on it); it is killed when
    /// the test ends.</summary>
    public TestProcess Start(string program, params string[] args)
    {
        var p = Runner.Start(program, args, redirectStdin: true);
        _started.Add(p);
        return p;
    }

    /// <summary>Reads stdout lines until one satisfies the predicate, failing after the timeout.</summary>
    public static string WaitForLine(TestProcess p, Func<string, bool> predicate, int timeoutMs = 20000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var line = p.StandardOutput.ReadLine((int)Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds));
            if (line == null) break;
            if (predicate(line)) return line;
        }
        throw new TimeoutException($"{p} did not print the expected line\n{p.Printed()}");
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

    /// <summary>Waits until the thread is asleep in the syscall with its first argument an fd open
    /// on the path: a python3 preempted while reading its own .pyc also shows read() in
    /// /proc/PID/syscall, and a test that took that for the wait it set up raced the reader.</summary>
    public static void WaitUntilBlockedOn(int pid, int syscallNumber, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            string[] fields = File.ReadAllText($"/proc/{pid}/syscall").Split(' ');
            if (fields.Length > 1 && fields[0] == syscallNumber.ToString() && fields[1].StartsWith("0x"))
            {
                long fd = Convert.ToInt64(fields[1][2..], 16);
                try
                {
                    if (File.ResolveLinkTarget($"/proc/{pid}/fd/{fd}", false)?.FullName == path) return;
                }
                catch (IOException) { }
            }
            Thread.Sleep(20);
        }
        throw new TimeoutException($"PID {pid} never blocked in syscall {syscallNumber} on {path}");
    }

    public static string RunTool(string program, params string[] args) => Runner.Run(program, args).Stdout;

    public void Dispose()
    {
        foreach (var p in _started) p.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
