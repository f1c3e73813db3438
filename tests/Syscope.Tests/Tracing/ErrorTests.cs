using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>Bad input: a clear message, a non-zero exit, and no process left stopped or traced.</summary>
public class ErrorTests
{
    [Fact]
    public void Unknown_command()
    {
        var r = SyscopeCli.Run("trace", "nosuch-command-xyz");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope: Can't stat 'nosuch-command-xyz': No such file or directory"], r.StderrLines);
    }

    [Fact]
    public void Names_no_path_can_hold_fail_as_strace_says()
    {
        string command = new string('c', 4096);
        var r = SyscopeCli.Run("trace", command);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope: exec: File name too long"], r.StderrLines);
        // -ff adds ".PID" to the name: one with no room left for it is refused before anything runs.
        string output = new string('o', 4084);
        var ff = SyscopeCli.Run("trace", "-ff", "-o", output, "true");
        Assert.Equal(1, ff.ExitCode);
        Assert.Equal([$"syscope: {output}: File name too long"], ff.StderrLines);
        // Empty items of --timestamps are skipped, as strace skips them.
        Assert.Equal(0, SyscopeCli.Run("trace", "--timestamps=s,,none", "-o", "/dev/null", "true").ExitCode);
    }

    [Fact]
    public void Not_executable_file_fails_like_straces_exec()
    {
        // Short enough that -s 32 does not cut it in argv.
        string file = Path.Combine(RunFolder.Root, $"ne-{Guid.NewGuid().ToString("N")[..6]}");
        File.WriteAllText(file, "#!/bin/sh\n");
        var r = SyscopeCli.Run("trace", file);
        File.Delete(file);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(3, r.StderrLines.Length);
        Assert.Equal($"execve(\"{file}\", [\"{file}\"], 0xADDR /* N vars */) = -1 EACCES (Permission denied)",
            System.Text.RegularExpressions.Regex.Replace(r.StderrLines[0], @"0x[0-9a-f]+ /\* \d+ vars", "0xADDR /* N vars"));
        Assert.Equal("syscope: exec: Permission denied", r.StderrLines[1]);
        Assert.Equal("+++ exited with 1 +++", r.StderrLines[2]);
    }

    [Fact]
    public void No_such_pid()
    {
        var r = SyscopeCli.Run("trace", "-p", "4194000");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope: attach: ptrace(PTRACE_SEIZE, 4194000): No such process"], r.StderrLines);
    }

    [Fact]
    public void No_such_pid_under_ebpf_does_not_speak_of_ptrace()
    {
        // Checked before any backend starts, so it needs neither root nor BPF.
        var r = SyscopeCli.Run("trace", "--ebpf", "-p", "4194000");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope: attach: 4194000: No such process"], r.StderrLines);
    }

    [Fact]
    public void Pid_given_twice_is_refused_and_leaves_the_process_running()
    {
        using var sleeper = Runner.Start("sleep", ["30"]);
        try
        {
            var r = SyscopeCli.Run("trace", "-p", sleeper.Id.ToString(), "-p", sleeper.Id.ToString());
            Assert.Equal(1, r.ExitCode);
            Assert.Equal([$"syscope: Process {sleeper.Id} is given more than once"], r.StderrLines);
            Assert.Equal("S", ProcState(sleeper.Id));
            Assert.Equal("0", TracerPid(sleeper.Id));
        }
        finally { sleeper.Kill(); }
    }

    [Fact]
    public void Tracing_syscope_itself_is_refused()
    {
        var r = Runner.Run("sh", ["-c", $"exec '{SyscopeCli.Executable}' trace -p $$"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"^syscope: cannot trace syscope itself \(PID \d+\)\n$", r.Stderr);
    }

    [Fact]
    public void Unknown_option_and_missing_argument_print_the_usage_line()
    {
        var r = SyscopeCli.Run("trace", "-K", "true");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope trace: invalid option -- 'K'", TryHelp], r.StderrLines);
        r = SyscopeCli.Run("trace", "-o");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["syscope trace: option requires an argument -- 'o'", TryHelp], r.StderrLines);
        r = SyscopeCli.Run("trace");
        Assert.Equal(["syscope trace: must have PROG [ARGS] or -p PID", TryHelp], r.StderrLines);
    }

    [NeedsFact("setpriv")]
    public void Permission_denied_for_another_users_process()
    {
        if (Environment.UserName != "root") return;   // as non-root, every root process is "another user's"
        using var sleeper = Runner.Start("sleep", ["30"]);
        try
        {
            var r = Runner.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", SyscopeCli.Executable, "trace", "-p", sleeper.Id.ToString()]);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains($"syscope: attach: ptrace(PTRACE_SEIZE, {sleeper.Id}): Operation not permitted", r.Stderr);
            Assert.Equal("S", ProcState(sleeper.Id));
        }
        finally { sleeper.Kill(); }
    }

    [NeedsFact("strace")]
    public void Launch_under_another_tracer_fails_cleanly_and_leaves_nothing_stopped()
    {
        // Other tests run launchers of their own meanwhile: look only for this one's.
        string marker = "marker-" + Guid.NewGuid().ToString("N");
        var r = Runner.Run("strace", ["-f", "-o", "/dev/null", SyscopeCli.Executable, "trace", "/bin/true", marker]);
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"^syscope: ptrace\(PTRACE_SEIZE, \d+\): Operation not permitted \(is syscope itself being traced, or is ptrace restricted here\?\)\n$", r.Stderr);
        Assert.DoesNotContain(Directory.GetDirectories("/proc"), d => SafeRead(d + "/cmdline").Contains(marker));
    }

    private static string SafeRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>strace's second line after a usage error.</summary>
    public const string TryHelp = "Try 'syscope trace -h' for more information.";

    public static string ProcState(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("State:"))[7..].Trim()[..1];

    public static string TracerPid(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("TracerPid:"))[10..].Trim();
}
