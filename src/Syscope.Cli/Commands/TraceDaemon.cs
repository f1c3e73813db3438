using Microsoft.Win32.SafeHandles;
using Syscope.Interop;
using Syscope.Tracing.Ptrace;

namespace Syscope.Cli.Commands;

/// <summary>
/// trace -D (--daemonize): the traced command stays the caller's own child, as under strace -D, so
/// it sees the shell as its parent and the shell waits for it and gets its status directly.
/// syscope's first process starts the tracer (the same binary with --syscope-daemon-of=PID,FD)
/// through `sh -c '... &'`, so the tracer is a grandchild whose parent is gone at once; the tracer
/// seizes the first process and writes a byte into the pipe FD; the first process then execs
/// the launcher stub (no fork in managed code anywhere) which execs the command, traced from its
/// execve on.  -DD puts the tracer in a process group of its own, -DDD in a session of its own.
/// The tracer seizes with PTRACE_O_EXITKILL until the launcher has stopped, so the command can
/// never be left stopped or untraced behind a tracer that failed; the seccomp program is not used.
/// </summary>
internal static class TraceDaemon
{
    /// <summary>In the first process: start the tracer, wait until it has seized us, become the
    /// command.  Returns only when the tracer could not start (it said why): exit status 1.</summary>
    public static int BecomeTracedCommand(string executable, IReadOnlyList<string> command, IReadOnlyList<string> options)
    {
        var (ready, readyWriter) = Descriptors.Pipe();
        int fd = (int)readyWriter.DangerousGetHandle();
        string self = Environment.ProcessPath ?? throw new UserError("cannot find syscope's own executable for -D");
        int shell;
        using (readyWriter)
            shell = Spawn.Start("/bin/sh", ["sh", "-c", "\"$0\" \"$@\" &", self, "trace", $"--syscope-daemon-of={Environment.ProcessId},{fd}", .. options, .. command],
                LauncherStub.RuntimeIgnoredSignals, inherit: fd);
        // The shell only starts the tracer in the background: reaped now, it leaves no child behind
        // that the command would not expect.
        Wait.For(shell, out _, 0);
        using (ready)
        using (var pipe = new FileStream(ready, FileAccess.Read, 1))
            if (pipe.ReadByte() < 0) return 1;
        Spawn.Exec(LauncherStub.Path, ["syscope-launcher", "-", executable, .. command], LauncherStub.RuntimeIgnoredSignals);
        return 1;
    }

    /// <summary>In the tracer: leave the caller's process group or session as -DD and -DDD ask.</summary>
    public static void Detach(int level)
    {
        if (level == 2) Sessions.NewProcessGroup();
        else if (level >= 3) Sessions.NewSession();
    }

    /// <summary>In the tracer, once the first process is seized: tell it to go on.</summary>
    public static void Ready(int fd)
    {
        using var pipe = new SafeFileHandle(fd, ownsHandle: true);
        Descriptors.WriteAll(pipe, "r"u8);
    }
}
