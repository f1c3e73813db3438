using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>
/// The binary called as strace, lsof, pgrep or pkill (links made by `syscope install-links`)
/// behaves as trace, files, pgrep and pkill with those tools' syntax, and its messages start
/// with the tool's name.  The links point at the CLI copy the tests run.
/// </summary>
public sealed class CalledByNameTests : IDisposable
{
    private readonly string _dir = Path.Combine(RunFolder.Root, "links-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<TestProcess> _started = [];

    public CalledByNameTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        foreach (var p in _started) { p.Kill(); p.Dispose(); }
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The process's name once it has exec'd (Start returns before).</summary>
    private static string? Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
    }

    private string Link(string name) => Path.Combine(_dir, name);

    private void Install()
    {
        var r = SyscopeCli.Run("install-links", _dir);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(string.Concat(new[] { "strace", "lsof", "pgrep", "pkill" }.Select(n => $"{Link(n)} -> {SyscopeCli.Executable}\n")), r.Stdout);
    }

    [Fact]
    public void Install_links_makes_four_links_once_and_leaves_other_files_alone()
    {
        File.WriteAllText(Link("lsof"), "mine\n");
        var first = SyscopeCli.Run("install-links", _dir);
        Assert.Equal(1, first.ExitCode);
        Assert.Equal($"{Link("strace")} -> {SyscopeCli.Executable}\n{Link("pgrep")} -> {SyscopeCli.Executable}\n{Link("pkill")} -> {SyscopeCli.Executable}\n", first.Stdout);
        Assert.Equal($"syscope: '{Link("lsof")}' exists and is not a link to '{SyscopeCli.Executable}'; left alone\n", first.Stderr);
        Assert.Equal("mine\n", File.ReadAllText(Link("lsof")));
        Assert.Equal(SyscopeCli.Executable, new FileInfo(Link("pkill")).LinkTarget);
        File.Delete(Link("lsof"));
        var second = SyscopeCli.Run("install-links", _dir);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"{Link("strace")} already links to {SyscopeCli.Executable}\n{Link("lsof")} -> {SyscopeCli.Executable}\n" +
            $"{Link("pgrep")} already links to {SyscopeCli.Executable}\n{Link("pkill")} already links to {SyscopeCli.Executable}\n", second.Stdout);
        var missing = SyscopeCli.Run("install-links", Path.Combine(_dir, "none"));
        Assert.Equal((1, $"syscope: no directory '{Path.Combine(_dir, "none")}'\n"), (missing.ExitCode, missing.Stderr));
    }

    [NeedsFact("pgrep")]
    public void Pgrep_and_pkill_by_name_answer_as_procps_does_by_the_same_name()
    {
        Install();
        string name = "pn" + Guid.NewGuid().ToString("N")[..10];
        File.CreateSymbolicLink(Path.Combine(_dir, name), "/bin/sleep");
        var sleeper = Runner.Start(Path.Combine(_dir, name), ["300"]);
        _started.Add(sleeper);
        Tracing.AttachTests.WaitUntil(() => Comm(sleeper.Id) == name);
        // Debian's tools called through a link of the same shape print their argv[0] in getopt's messages.
        string procps = Path.Combine(_dir, "procps");
        Directory.CreateDirectory(procps);
        File.CreateSymbolicLink(Path.Combine(procps, "pgrep"), "/usr/bin/pgrep");
        File.CreateSymbolicLink(Path.Combine(procps, "pkill"), "/usr/bin/pkill");
        foreach (string[] args in new string[][] { ["-l", name], ["-x", "-a", name], ["-Z"], [], ["-c", name + "x"] })
        {
            var expected = Runner.Run(Path.Combine(procps, "pgrep"), args);
            var actual = Runner.Run(Link("pgrep"), args);
            Assert.Equal(expected with { Stderr = expected.Stderr.Replace(procps, _dir) }, actual);
        }
        Assert.Equal($"{sleeper.Id}\n", Runner.Run(Link("pgrep"), [name]).Stdout);
        var bad = Runner.Run(Link("pkill"), ["-Z"]);
        Assert.StartsWith($"{Link("pkill")}: invalid option -- 'Z'\n\nUsage:\n pkill [options] <pattern>\n", bad.Stderr);
        var killed = Runner.Run(Link("pkill"), ["-e", "-x", name]);
        Assert.Equal((0, $"{name} killed (pid {sleeper.Id})\n", ""), (killed.ExitCode, killed.Stdout, killed.Stderr));
        Assert.True(sleeper.WaitForExit(10_000));
    }

    [NeedsFact("root")]
    public void Strace_and_lsof_by_name_are_trace_and_files_with_their_names_in_messages()
    {
        Install();
        var traced = Runner.Run(Link("strace"), ["-e", "trace=exit_group", "true"]);
        var viaTrace = SyscopeCli.Run("trace", "-e", "trace=exit_group", "true");
        var viaAlias = SyscopeCli.Run("strace", "-e", "trace=exit_group", "true");
        Assert.Equal("exit_group(0)                           = ?\n+++ exited with 0 +++\n", traced.Stderr);
        Assert.Equal(viaTrace, traced);
        Assert.Equal(viaTrace, viaAlias);

        // Messages: the same words, the tool's name where syscope's stood.
        var bare = Runner.Run(Link("strace"), []);
        var bareTrace = SyscopeCli.Run("trace");
        Assert.Equal(bareTrace.ExitCode, bare.ExitCode);
        // strace's name is argv[0] as called, the link's whole path here, as strace's own messages say it.
        Assert.StartsWith($"{Link("strace")}: ", bare.Stderr);
        Assert.Equal(bareTrace.Stderr.Replace("syscope trace: ", $"{Link("strace")}: ").Replace("'syscope trace ", $"'{Link("strace")} "), bare.Stderr);

        var sleeper = Runner.Start("sleep", ["300"]);
        _started.Add(sleeper);
        Tracing.AttachTests.WaitUntil(() => Comm(sleeper.Id) == "sleep");
        var files = Runner.Run(Link("lsof"), [sleeper.Id.ToString()]);
        Assert.Equal(SyscopeCli.Run("files", sleeper.Id.ToString()), files);
        Assert.Contains(" cwd ", files.Stdout);
        var none = Runner.Run(Link("lsof"), ["no-such-process-[0-9]{40}"]);
        Assert.Equal((1, "lsof: no process matches 'no-such-process-[0-9]{40}'\n"), (none.ExitCode, none.Stderr));
    }
}

/// <summary>`syscope help COMMAND` prints what `syscope COMMAND --help` prints.</summary>
public class HelpCommandTests
{
    [Theory]
    [InlineData("trace")]
    [InlineData("strace")]
    [InlineData("files")]
    [InlineData("ps")]
    [InlineData("pgrep")]
    [InlineData("why")]
    [InlineData("replay")]
    public void Help_command_is_the_commands_own_help(string command)
    {
        var help = SyscopeCli.Run("help", command);
        var own = SyscopeCli.Run(command, "--help");
        Assert.Equal((own.ExitCode, own.Stdout, own.Stderr), (help.ExitCode, help.Stdout, help.Stderr));
        Assert.NotEqual("", help.Stdout);
    }

    [Fact]
    public void Help_alone_is_the_overview() => Assert.Equal(SyscopeCli.Run("--help").Stdout, SyscopeCli.Run("help").Stdout);
}
