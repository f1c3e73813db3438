using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>User errors print one "syscope: ..." line and exit 1; explain and ps on real data.</summary>
public class CliTests
{
    [Theory]
    [InlineData("syscope: no process with PID 999999999", "why", "999999999")]
    [InlineData("syscope: no process matches 'no-such-process-[0-9]{40}'", "files", "no-such-process-[0-9]{40}")]
    [InlineData("syscope: invalid pattern '(': Unmatched ( or \\(", "ps", "(")]
    [InlineData("syscope: unknown system call 'nope' (try: syscope explain --list)", "explain", "nope")]
    public void User_errors_print_one_line_and_exit_1(string expected, params string[] args)
    {
        var r = Cli.Run(args);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(expected + "\n", r.Error);
        Assert.Equal("", r.Output);
    }

    [NeedsFact("root")]
    public void Why_refuses_a_pattern_that_matches_several_and_lists_them()
    {
        using var live = new LiveProcesses();
        var a = live.Start("sleep", "3001");
        var b = live.Start("sleep", "3001");
        // Start returns before exec: until then the child's command line is still the test host's.
        foreach (var p in new[] { a, b })
            Syscope.Tests.Tracing.AttachTests.WaitUntil(() =>
            {
                try { return File.ReadAllText($"/proc/{p.Id}/cmdline") == "sleep\03001\0"; }
                catch (IOException) { return false; }
            });
        var r = Cli.Run("why", "^sleep 3001$");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"syscope: '^sleep 3001$' matches 2 processes; give one PID:\n  {Math.Min(a.Id, b.Id)} sleep 3001\n  {Math.Max(a.Id, b.Id)} sleep 3001\n", r.Error);
    }

    [NeedsFact("root")]
    public void Ps_lists_matches_and_never_itself()
    {
        using var live = new LiveProcesses();
        var p = live.Start("sleep", "3002");
        var r = Cli.Run("ps", "sleep 300[2]");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("PID USER STATE THREADS ELAPSED COMMAND", string.Join(' ', r.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Matches($@"^\s*{p.Id} root (sleeping|running)\s+1\s+00:0\d sleep 3002$", r.Lines[1]);
        Assert.Equal(2, r.Lines.Length);
        Assert.Equal(1, Cli.Run("ps", $"^{Environment.ProcessId}-never$").ExitCode);
    }

    [Fact]
    public void Explain_shows_number_signature_class_summary_and_errors()
    {
        var r = Cli.Run("explain", "connect");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("connect: x86_64 system call 42, class network", r.Lines[0]);
        Assert.Equal("  connect(int fd, struct sockaddr *uservaddr, int addrlen)", r.Lines[1]);
        Assert.Equal("  Connects a socket to a remote address; blocks until the handshake ends.", r.Lines[2]);
        Assert.Equal("  common errors:", r.Lines[3]);
        Assert.Equal("    EACCES           13  Permission denied", r.Lines[4]);
        Assert.Matches("^  manual: (man 2 connect|no page installed.*)$", r.Lines[^1]);
        Assert.Equal(r.Output, Cli.Run("explain", "42").Output);
    }

    [Fact]
    public void Explain_without_notes_still_gives_number_and_signature()
    {
        var r = Cli.Run("explain", "kexec_load");
        Assert.Equal("kexec_load: x86_64 system call 246, class unclassified", r.Lines[0]);
        Assert.Equal("  no summary yet", r.Lines[2]);
    }

    [Fact]
    public void Explain_list_filters_by_class_and_rejects_unknown_ones()
    {
        var r = Cli.Run("explain", "--list", "network");
        Assert.All(r.Lines.Skip(1), l => Assert.Contains(" network ", l));
        Assert.Contains(r.Lines, l => l.Contains(" accept4 "));
        Assert.Equal(1, Cli.Run("explain", "--list", "nonsense").ExitCode);
        Assert.Equal(SyscallTable.All.Count() + 1, Cli.Run("explain", "--list").Lines.Length);
    }

    [Fact]
    public void Every_reference_entry_names_a_real_syscall_class_and_errno()
    {
        Assert.True(SyscallReference.All.Count() >= 120);
        foreach (var note in SyscallReference.All)
        {
            Assert.True(SyscallTable.ByName(note.Name) != null, $"{note.Name} is not in the syscall table");
            Assert.True(SyscallReference.Classes.ContainsKey(note.Class), $"{note.Name}: unknown class {note.Class}");
            Assert.All(note.Errnos, e => Assert.True(Syscope.Kernel.Errno.Parse(e) > 0, $"{note.Name}: unknown errno {e}"));
        }
    }
}
