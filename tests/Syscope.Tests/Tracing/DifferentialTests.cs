using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>Debian's strace is the oracle: the same program, the same flags, the same lines after
/// masking what changes run to run (the corpus's masks), compared in order.</summary>
public class DifferentialTests
{
    [NeedsFact("gcc", "strace")]
    public void Basic_program_matches_strace_line_for_line() => Compare("basic", []);

    [NeedsFact("gcc", "strace")]
    public void Basic_program_matches_strace_with_timing_and_string_flags() => Compare("basic", ["-T", "-s", "5"]);

    /// <summary>A status filter holds every line until its result is known; exit_group, which has
    /// none, prints whole ("exit_group(0) = ?") when unfinished calls are selected.</summary>
    [NeedsFact("gcc", "strace")]
    public void Basic_program_matches_strace_with_a_status_filter() => Compare("basic", ["-e", "status=successful,unfinished"]);

    [NeedsFact("gcc", "strace")]
    public void Signal_and_exit_lines_match_strace_under_f()
    {
        var (theirs, ours) = Both("signals", ["-f"]);
        static bool Structural(string l) => l.Contains("--- ") || l.Contains("+++ ") || l.Contains(" write(");
        Assert.Equal(theirs.Where(Structural).ToList(), ours.Where(Structural).ToList());
    }

    /// <summary>An execve in a thread that is not the leader: the leader's futex never returns
    /// ("&lt;... futex resumed&gt;) = ?"), the leader is superseded by the exec'ing thread, whose
    /// execve then returns under the leader's id.</summary>
    [NeedsFact("gcc", "strace")]
    public void Execve_in_a_thread_supersedes_the_leader_as_in_strace()
    {
        string prog = CPrograms.Path("threadexec");
        string[] flags = ["-f", "-e", "trace=getppid,write,futex,execve,exit_group"];
        string a = CPrograms.TempFile("threadexec.strace"), b = CPrograms.TempFile("threadexec.syscope");
        Runner.Run("strace", [.. flags, "-o", a, prog]);
        SyscopeCli.Run(["trace", .. flags, "-o", b, prog]);
        var (theirs, ours) = (ByRole(File.ReadAllLines(a)), ByRole(File.ReadAllLines(b)));
        Assert.Contains("L +++ superseded by execve in pid T +++", ours);
        Assert.Contains("L <... futex resumed>) = ?", ours);
        Assert.Equal(theirs, ours);

        // Leader and thread by their parts (the getppid and the execve of /bin/true), addresses
        // masked, the padding of the pid column and of " = " collapsed.
        static List<string> ByRole(string[] lines)
        {
            var after = TraceText.AfterMarker(lines);
            string leader = lines.First(l => l.Contains("getppid()")).Split(' ')[0];
            string thread = after.First(l => l.Contains("execve(\"/bin/true\"")).Split(' ')[0];
            string Role(string l) => Regex.Replace(Regex.Replace(l, $@"\b{leader}\b", "L"), $@"\b{thread}\b", "T");
            return after.Select(l => Regex.Replace(TraceText.Mask(Role(l)), " +", " ")).ToList();
        }
    }

    private static void Compare(string program, string[] flags)
    {
        var (theirs, ours) = Both(program, flags);
        Assert.True(theirs.Count > 3, "strace produced too little");
        Assert.Equal(theirs, ours);
    }

    private static (List<string> Theirs, List<string> Ours) Both(string program, string[] flags)
    {
        string prog = CPrograms.Path(program);
        string a = CPrograms.TempFile(program + ".strace"), b = CPrograms.TempFile(program + ".syscope");
        Runner.Run("strace", [.. flags, "-o", a, prog]);
        SyscopeCli.Run(["trace", .. flags, "-o", b, prog]);
        static List<string> Load(string f) => Differential.Masking.Run(TraceText.AfterMarker(File.ReadAllLines(f)));
        return (Load(a), Load(b));
    }
}
