using Syscope.Tests.Tracing;

namespace Syscope.Tests.Infrastructure;

/// <summary>
/// Runs a command under a python3 parent that reports how it ended, "exited N" or "signaled N":
/// .NET's Process turns a death by signal into exit code 128+N, which cannot tell a tracer that
/// died of SIGINT (as strace does, and as a shell loop needs) from one that exited 130.
/// </summary>
public sealed class ChildStatus : IDisposable
{
    private const string Reporter = "import subprocess, sys\n"
        + "p = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(sys.argv[1], 'wb'))\n"
        + "print(p.pid, flush=True)\n"
        + "r = p.wait()\n"
        + "print(('signaled %d' % -r) if r < 0 else ('exited %d' % r), flush=True)\n";

    private readonly TestProcess _parent;

    /// <summary>The command's own pid (python's child).</summary>
    public int Pid { get; }

    private ChildStatus(TestProcess parent)
    {
        _parent = parent;
        Pid = int.Parse(parent.StandardOutput.ReadLine() ?? throw new InvalidOperationException("python3 did not start the command"));
    }

    /// <summary>Starts exe with args, its stdin and stdout on /dev/null and its stderr into the file
    /// stderrPath (or /dev/null).</summary>
    public static ChildStatus Start(string? stderrPath, string exe, params string[] args) =>
        new(Runner.Start("python3", ["-c", Reporter, stderrPath ?? "/dev/null", exe, .. args]));

    /// <summary>"exited N" or "signaled N" once the command ends; past the time the command is
    /// killed (no test leaves it behind) and the test fails.</summary>
    public string Wait(int timeoutMs = 20_000)
    {
        try { return _parent.StandardOutput.ReadLine(timeoutMs) ?? throw new InvalidOperationException("python3 ended without a status"); }
        finally { if (!_parent.HasExited) AttachTests.Kill(Pid, 9); }
    }

    public void Dispose()
    {
        if (!_parent.HasExited) AttachTests.Kill(Pid, 9);
        _parent.Dispose();
    }
}
