using System.Collections.Concurrent;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// Runs each workload untraced (it must succeed on its own), then under Debian's strace and under
/// syscope, masks what varies run to run and scores the two traces both ways (see
/// <see cref="Comparison"/>).  Each workload is traced once per test run: the per-run theory and
/// the overall figure share the results.
/// </summary>
public class DifferentialTests(ITestOutputHelper output, LocalHttpServer http) : IClassFixture<LocalHttpServer>
{
    /// <summary>The share every run must reach.  All but a few reach 100%; the margin is for races
    /// (a child exiting before or after its parent sleeps) that change which calls a program makes.</summary>
    private const double Floor = 0.95;

    /// <summary>The bar for the whole corpus (strace against itself scores ~99.5 %).</summary>
    private const double OverallFloor = 0.97;

    /// <summary>Runs whose only difference is where a signal interrupted a call are run again, at
    /// most this many times in all.</summary>
    private const int Attempts = 3;

    private static readonly string s_programs = Path.Combine(Workloads.Scratch, "bin");
    private static readonly Lazy<bool> s_prepared = new(Prepare);
    private static readonly ConcurrentDictionary<string, Comparison> s_results = new();

    public static IEnumerable<object[]> Cases() => Workloads.All();

    /// <summary>The folder of the compiled workload programs, compiled on first use.</summary>
    internal static string Programs => s_prepared.Value ? s_programs : throw new InvalidOperationException("workloads not compiled");

    [NeedsTheory(Workloads.Strace, Workloads.Gcc, Workloads.Python, Workloads.Sqlite, Workloads.Curl, Workloads.Ip)]
    [MemberData(nameof(Cases))]
    public void Syscope_reproduces_strace_lines(Workload w)
    {
        var c = Compare(w);
        output.WriteLine($"{w}: {c.Matched} matched of {c.StraceLines} strace and {c.SyscopeLines} syscope lines = {c.Share:P1}");
        foreach (var line in c.StraceOnly.Take(20)) output.WriteLine("  strace only: " + line);
        foreach (var line in c.SyscopeOnly.Take(20)) output.WriteLine("  syscope only: " + line);
        Assert.True(c.Share >= Floor, $"{w}: {c.Share:P1} of the longer trace's lines matched, floor {Floor:P0}; " +
            $"{c.StraceOnly.Count} strace only (first: {c.StraceOnly.FirstOrDefault()}), {c.SyscopeOnly.Count} syscope only (first: {c.SyscopeOnly.FirstOrDefault()})");
    }

    [NeedsFact(Workloads.Strace, Workloads.Gcc, Workloads.Python, Workloads.Sqlite, Workloads.Curl, Workloads.Ip)]
    public void Overall_share_is_at_least_97_percent()
    {
        var runs = Workloads.All().Select(c => (Workload)c[0]).Select(w => (w, c: Compare(w))).ToList();
        int matched = runs.Sum(r => r.c.Matched), longer = runs.Sum(r => r.c.Longer);
        int strace = runs.Sum(r => r.c.StraceLines), syscope = runs.Sum(r => r.c.SyscopeLines);
        double share = (double)matched / longer;
        output.WriteLine($"overall: {matched} matched over {longer} lines of the longer traces in {runs.Count} runs = {share:P2}");
        output.WriteLine($"  strace's lines syscope reproduced: {matched}/{strace} = {(double)matched / strace:P2}; " +
            $"syscope's lines strace printed: {matched}/{syscope} = {(double)matched / syscope:P2}");
        foreach (var (w, c) in runs.OrderBy(r => r.c.Share).Take(10))
            output.WriteLine($"  low: {w}: {c.Share:P1} ({c.StraceOnly.Count} strace only, {c.SyscopeOnly.Count} syscope only)");
        Assert.True(share >= OverallFloor, $"overall {share:P2}, floor {OverallFloor:P0}");
    }

    /// <summary>The same bar for `trace --ebpf` (issue 11): 99.7 % when this was written.  Runs with
    /// options --ebpf refuses (inject=, fault=) are left out; the low runs are printed.</summary>
    private const double EbpfOverallFloor = OverallFloor;

    [NeedsFact("ebpf", Workloads.Strace, Workloads.Gcc, Workloads.Python, Workloads.Sqlite, Workloads.Curl, Workloads.Ip)]
    public void Ebpf_overall_share_is_at_least_97_percent()
    {
        var runs = Workloads.All().Select(c => (Workload)c[0])
            .Where(w => !w.Options.Any(o => o.StartsWith("inject=") || o.StartsWith("fault=")))
            .Select(w => (w, c: Compare(w, ebpf: true))).ToList();
        int matched = runs.Sum(r => r.c.Matched), longer = runs.Sum(r => r.c.Longer);
        double share = (double)matched / longer;
        output.WriteLine($"--ebpf overall: {matched} matched over {longer} lines of the longer traces in {runs.Count} runs = {share:P2}");
        foreach (var (w, c) in runs.OrderBy(r => r.c.Share).Take(40))
            output.WriteLine($"  low: {w}: {c.Share:P1} ({c.StraceOnly.Count} strace only, first: {c.StraceOnly.FirstOrDefault()}; " +
                $"{c.SyscopeOnly.Count} syscope only, first: {c.SyscopeOnly.FirstOrDefault()})");
        Assert.True(share >= EbpfOverallFloor, $"--ebpf overall {share:P2}, floor {EbpfOverallFloor:P0}");
    }

    private Comparison Compare(Workload w, bool ebpf = false) =>
        s_results.GetOrAdd((ebpf ? "--ebpf " : "") + w, _ => Measure(w, ebpf));

    /// <summary>Runs the workload untraced, failing unless it succeeds, then under both tracers.</summary>
    private Comparison Measure(Workload w, bool ebpf = false)
    {
        Assert.True(s_prepared.Value);
        string[] cmd = Array.ConvertAll(w.Command, a => a.Replace("{bin}", s_programs).Replace("{http}", a.Contains("{http}") ? http.Url : ""));
        var alone = Run(cmd[0], cmd[1..]);
        Assert.True(alone.ExitCode == 0, $"{w.Name} fails untraced (exit {alone.ExitCode}), so its trace compares nothing:\n{alone.Stderr}");
        string? marker = Workloads.Marker(w.Name);
        Assert.True(marker == null || alone.Stdout.Contains(marker), $"{w.Name} untraced did not print {marker}; it printed:\n{alone.Stdout}\n{alone.Stderr}");
        for (int attempt = 1; ; attempt++)
        {
            var (expected, straceExit) = Trace("strace", w.Options, cmd);
            var (actual, syscopeExit) = Trace(SyscopeCli.Executable, ["trace", .. (ebpf ? ["--ebpf"] : Array.Empty<string>()), .. w.Options], cmd);
            Assert.True(straceExit == syscopeExit, $"{w}: exit status {syscopeExit} under syscope, {straceExit} under strace");
            var c = Comparison.Of(expected, actual);
            if (c.Share >= Floor || !c.DiffersByARestart || attempt == Attempts) return c;
            output.WriteLine($"{w}: attempt {attempt} differed where a signal interrupted a call, run again: " +
                string.Join(" | ", c.StraceOnly.Concat(c.SyscopeOnly).Take(4)));
        }
    }

    /// <summary>Runs a command in a fresh working directory, with no outputs of a previous run.</summary>
    private static RunResult Run(string exe, string[] args)
    {
        foreach (var f in Directory.GetFiles(Workloads.Scratch)) File.Delete(f);
        string cwd = Path.Combine(Workloads.Scratch, "cwd");
        if (Directory.Exists(cwd)) Directory.Delete(cwd, true);
        Directory.CreateDirectory(cwd);
        return Runner.Run(exe, args, workingDirectory: cwd);
    }

    /// <summary>The tracer's masked lines and its exit status.</summary>
    private static (List<string> Lines, int ExitCode) Trace(string tracer, string[] tracerArgs, string[] command)
    {
        string outFile = Path.Combine(Workloads.Scratch, "trace.txt");
        var r = Run(tracer, [.. tracerArgs, "-o", outFile, .. command]);
        Assert.True(File.Exists(outFile), $"{tracer} wrote no trace (exit {r.ExitCode}):\n{r.Stderr}");
        var lines = Masking.Run(JoinResumed(File.ReadAllLines(outFile)));
        File.Delete(outFile);
        return (lines, r.ExitCode);
    }

    /// <summary>Where a call is cut by another process's line ("read(3, &lt;unfinished ...&gt;" ...
    /// "&lt;... read resumed&gt;...") depends on scheduling, so both halves are joined into the
    /// line an uninterrupted call would have printed.  With -e status= strace 6.1 sometimes prints
    /// the second half without its pid and "&lt;... resumed&gt;" head; with one call open it is that
    /// call's.</summary>
    public static IEnumerable<string> JoinResumed(IEnumerable<string> lines)
    {
        const string Unfinished = " <unfinished ...>";
        var open = new Dictionary<string, string>();
        foreach (var line in lines)
        {
            int space = line.IndexOf(' ');
            bool prefixed = space > 0 && line.AsSpan(0, space).IndexOfAnyExceptInRange('0', '9') < 0;
            string pid = prefixed ? line[..space] : "";
            string body = prefixed ? line[(space + 1)..].TrimStart() : line;
            if (body.EndsWith(Unfinished)) { open[pid] = body[..^Unfinished.Length]; continue; }
            if (!prefixed && open.Count == 1 && !body.StartsWith("<... ") && !body.StartsWith(" | "))   // " | ": -e read=/write= dumps
            {
                var (key, start) = open.First();
                open.Remove(key);
                yield return start + body;
                continue;
            }
            if (body.StartsWith("<... ") && open.Remove(pid, out var head))
            {
                int end = body.IndexOf(" resumed>", StringComparison.Ordinal);
                if (end > 0) { yield return head + body[(end + " resumed>".Length)..]; continue; }
            }
            yield return body;
        }
        foreach (var rest in open.Values) yield return rest + Unfinished;
    }

    /// <summary>Compiles the C workloads and copies the python ones beside them.</summary>
    private static bool Prepare()
    {
        Directory.CreateDirectory(s_programs);
        string src = Path.Combine(AppContext.BaseDirectory, "Differential", "Programs");
        foreach (var c in Directory.GetFiles(src, "*.c"))
        {
            var gcc = Runner.Run("gcc", ["-O0", "-o", Path.Combine(s_programs, Path.GetFileNameWithoutExtension(c)), c]);
            if (gcc.ExitCode != 0) throw new InvalidOperationException($"gcc failed on {c}:\n{gcc.Stderr}");
        }
        foreach (var py in Directory.GetFiles(src, "*.py")) File.Copy(py, Path.Combine(s_programs, Path.GetFileName(py)), true);
        return true;
    }
}
