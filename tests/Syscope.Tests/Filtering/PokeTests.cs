using Syscope.Filtering;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Filtering;

/// <summary>inject's poke_enter/poke_exit: tracee memory rewritten where an argument points, the
/// program acting on it, and the line equal to strace's.</summary>
public class PokeTests
{
    [Theory]
    [InlineData("write:poke_enter=@arg2=41424344", new[] { "/bin/echo", "hello" })]
    [InlineData("pipe2:poke_exit=@arg1=0700000008000000", new[] { "/bin/sh", "-c", "cat /dev/null | cat" })]
    public void Poked_memory_matches_strace(string inject, string[] command)
    {
        if (Machine.Find("strace") == null) Assert.Fail("strace is needed (tools/test.sh installs it)");
        string syscall = inject[..inject.IndexOf(':')];
        var theirs = Runner.Run("strace", ["-qq", "-e", $"trace={syscall}", "-e", $"inject={inject}", .. command]);
        var ours = SyscopeCli.Run(["trace", "-qq", "-e", $"trace={syscall}", "-e", $"inject={inject}", .. command]);
        Assert.Equal(theirs.Stdout, ours.Stdout);
        Assert.Equal(theirs.StderrLines.Where(l => !l.StartsWith("---")), ours.StderrLines.Where(l => !l.StartsWith("---")));
        Assert.Contains("(INJECTED: args)", ours.Stderr);
    }

    /// <summary>strace 6.1's poke, poke-range and tampering-notes tests: an argument the call does
    /// not take is never written through (its register holds whatever was there), a bad pointer
    /// is said and leaves no note, and a poke with a changed result says both.</summary>
    [Theory]
    [InlineData("chdir:poke_enter=@arg2=4142:retval=0", "chdir(\"/tmp\")                           = 0 (INJECTED)", new[] { "sh", "-c", "cd /tmp" })]
    [InlineData("chdir:poke_enter=@arg1=41", "chdir(0x10)                             = -1 EFAULT (Bad address)", new[] { "python3", "-c", "import ctypes; ctypes.CDLL(None).syscall(80, 16)" })]
    [InlineData("chdir:poke_enter=@arg1=2f00:retval=42", "chdir(\"/\")                              = 42 (INJECTED: args, retval)", new[] { "sh", "-c", "cd /tmp" })]
    public void Pokes_that_cannot_be_made_are_said_and_notes_match_strace(string inject, string line, string[] command)
    {
        if (Machine.Find("strace") == null) Assert.Fail("strace is needed (tools/test.sh installs it)");
        string[] flags = ["-qq", "-e", "trace=chdir", "-e", "signal=none", "-e", $"inject={inject}"];
        var theirs = Runner.Run("strace", [.. flags, .. command]);
        var ours = SyscopeCli.Run(["trace", .. flags, .. command]);
        static IEnumerable<string> Lines(RunResult r) =>
            r.StderrLines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^(strace: poke_tcb|syscope): (.* process )\d+", "$2N"));
        Assert.Equal(Lines(theirs), Lines(ours));
        Assert.Contains(line, ours.StderrLines);
    }

    [Fact]
    public void Poke_syntax()
    {
        var rule = InjectionParser.Parse("write:poke_enter=@arg2=0000DEAD,@arg1=ff:poke_exit=@arg3=00", fault: false);
        static string[] Text(IReadOnlyList<(int Arg, byte[] Data)> pokes) => pokes.Select(p => $"@arg{p.Arg}={Convert.ToHexString(p.Data)}").ToArray();
        Assert.Equal(["@arg2=0000DEAD", "@arg1=FF"], Text(rule.PokeEnter));
        Assert.Equal(["@arg3=00"], Text(rule.PokeExit));
        foreach (var bad in new[] { "write:poke_enter=@arg7=00", "write:poke_enter=@arg1=0", "write:poke_enter=@arg1=zz", "write:poke_enter=arg1=00" })
            Assert.Throws<Syscope.UserError>(() => InjectionParser.Parse(bad, fault: false));
    }
}
