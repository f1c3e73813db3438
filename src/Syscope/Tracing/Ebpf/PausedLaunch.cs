using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Tracing.Ptrace;

namespace Syscope.Tracing.Ebpf;

/// <summary>
/// A command started through the launcher stub, which stops itself (SIGSTOP) before it execs: the
/// eBPF backend puts its pid in the traced set and then continues it with SIGCONT, so its first
/// traced call is the execve, and nothing ever ptraces it.  syscope is its parent and reaps it.
/// Disposing kills and reaps a command that has not been reaped, so none is left stopped.
/// </summary>
internal sealed class PausedLaunch : IDisposable
{
    public int Pid { get; }
    private bool _reaped;

    private PausedLaunch(int pid) => Pid = pid;

    public static PausedLaunch Start(string executablePath, IReadOnlyList<string> argv)
    {
        var args = new List<string>(argv.Count + 3) { "syscope-launcher", "-", executablePath };
        args.AddRange(argv);
        int pid = Spawn.Start(LauncherStub.Path, args, LauncherStub.RuntimeIgnoredSignals);
        int rc = Wait.For(pid, out int status, Wait.WUNTRACED | Wait.WALL);
        if (rc != pid || !Wait.Stopped(status))
        {
            if (rc != pid) Signals.Kill(pid, SignalNames.SIGKILL);
            throw new UserError($"the launcher for '{executablePath}' did not start (status {status:x})");
        }
        return new PausedLaunch(pid);
    }

    /// <summary>Lets it exec the command.</summary>
    public void Resume()
    {
        int rc = Signals.Kill(Pid, SignalNames.SIGCONT);
        if (rc < 0) throw new SyscallException("kill(SIGCONT)", -rc);
    }

    /// <summary>Reaps it if it has ended (without waiting unless block): its wait status, or null.</summary>
    public int? TryReap(bool block = false)
    {
        if (_reaped) return null;
        int rc = Wait.For(Pid, out int status, (block ? 0 : Wait.WNOHANG) | Wait.WALL);
        if (rc != Pid) return null;
        _reaped = true;
        return status;
    }

    public void Dispose()
    {
        if (_reaped) return;
        Signals.Kill(Pid, SignalNames.SIGKILL);
        TryReap(block: true);
    }
}
