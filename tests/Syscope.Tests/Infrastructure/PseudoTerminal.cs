namespace Syscope.Tests.Infrastructure;

/// <summary>Runs a program with its stdin, stdout and stderr on a pseudo-terminal (python3's pty
/// module), as in a person's terminal, and returns what the terminal showed.</summary>
public static class PseudoTerminal
{
    private const string Pty = """
        import os, pty, sys
        pid, fd = pty.fork()
        if pid == 0:
            os.execvp(sys.argv[1], sys.argv[1:])
        out = b""
        while True:
            try: data = os.read(fd, 65536)
            except OSError: break
            if not data: break
            out += data
        os.waitpid(pid, 0)
        sys.stdout.buffer.write(out)
        """;

    /// <param name="environment">NAME=VALUE settings for the program.</param>
    /// <param name="command">The program and its arguments.</param>
    public static string Run(string[] environment, params string[] command)
    {
        var r = Runner.Run("env", [.. environment, "python3", "-c", Pty, .. command]);
        // The terminal turns "\n" into "\r\n".
        return r.Stdout.Replace("\r\n", "\n");
    }
}
