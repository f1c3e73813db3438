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
