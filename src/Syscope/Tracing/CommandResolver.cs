namespace Syscope.Tracing;

/// <summary>Finds the program to run the way strace does before it starts anything, so a typo
/// fails with "Can't stat" and no process is created.</summary>
internal static class CommandResolver
{
    public static string Resolve(string command)
    {
        // A name no path can hold fails as exec would fail it, before any search (strace's words).
        if (System.Text.Encoding.UTF8.GetByteCount(command) >= Kernel.PathLimits.PathMax) throw new UserError($"exec: {Kernel.Errno.Message(Kernel.Errno.ENAMETOOLONG)}");
        if (command.Contains('/'))
        {
            // stat's own errno: a directory closed to us is "Permission denied", as strace says.
            int rc = Interop.FileStatus.Stat(command, out _);
            if (rc != 0) throw new UserError($"Can't stat {Text.UntrustedText.Quote(command)}: {Kernel.Errno.Message(-rc)}");
            return command;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(':'))
        {
            string candidate = Path.Combine(dir.Length == 0 ? "." : dir, command);
            if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
        }
        throw new UserError($"Can't stat {Text.UntrustedText.Quote(command)}: No such file or directory");
    }

    private static bool IsExecutable(string path)
    {
        UnixFileMode mode;
        // The file may go, or be closed to us, between the two looks.
        try { mode = File.GetUnixFileMode(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
