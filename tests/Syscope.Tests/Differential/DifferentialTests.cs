using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// Runs each workload under Debian's strace and under syscope, masks what varies run to run and
/// reports the share of strace's lines that syscope reproduced exactly.  Lines are matched as a
/// multiset, because with -f the order in which processes' lines interleave is up to the scheduler.
/// </summary>
public class DifferentialTests(ITestOutputHelper output, LocalHttpServer http) : IClassFixture<LocalHttpServer>
{
    /// <summary>The share of strace's lines every workload must reproduce.  All but a few reach 100%;
    /// the margin is for races (a child exiting before or after its parent sleeps) that change which
    /// calls a program makes at all.</summary>
    private const double Floor = 0.95;

    private static readonly string s_bin = Path.Combine(AppContext.BaseDirectory, "syscope-cli", "syscope");
    private static readonly string s_programs = Path.Combine(Workloads.Scratch, "bin");
    private static readonly Lazy<string?> s_skipReason = new(Prepare);

    public static IEnumerable<object[]> Cases() => Workloads.All();

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Syscope_reproduces_strace_lines(Workload w)
    {
        Skip.If(s_skipReason.Value != null, s_skipReason.Value);
        var cmd = Command(w);
        Skip.If(cmd == null, "python3 could not start the loopback HTTP server");
        var expected = Run("strace", w.Options, cmd, "strace");
        var actual = Run(s_bin, ["trace", .. w.Options], cmd, "syscope");
        var (matched, missing) = Score(expected, actual);
        double share = expected.Count == 0 ? 0 : (double)matched / expected.Count;
        output.WriteLine($"{w}: {matched}/{expected.Count} lines = {share:P1}");
        foreach (var line in missing.Take(8)) output.WriteLine("  strace only: " + line);
        Assert.True(share >= Floor, $"{w}: {share:P1} of strace's lines, floor {Floor:P0}");
    }

    /// <summary>The bar the issue sets for the whole corpus: over every workload and option set,
    /// syscope reproduces at least 97 % of strace's lines (strace against itself scores ~99.5 %).</summary>
    [SkippableFact]
    public void Overall_share_is_at_least_97_percent()
    {
        Skip.If(s_skipReason.Value != null, s_skipReason.Value);
        int matched = 0, total = 0, runs = 0;
        foreach (var c in Workloads.All())
        {
            var w = (Workload)c[0];
            var cmd = Command(w);
            if (cmd == null) continue;
            var expected = Run("strace", w.Options, cmd, "strace");
            var (m, _) = Score(expected, Run(s_bin, ["trace", .. w.Options], cmd, "syscope"));
            matched += m;
            total += expected.Count;
            runs++;
        }
        double share = (double)matched / total;
        output.WriteLine($"overall: {matched}/{total} of strace's lines over {runs} runs = {share:P2}");
        Assert.True(share >= 0.97, $"overall {share:P2}, floor 97 %");
    }

    /// <summary>The workload's command with the compiled programs' folder and the server's URL filled
    /// in; null when it needs a server that did not start.</summary>
    private string[]? Command(Workload w)
    {
        if (http.Url == null && w.Command.Any(a => a.Contains("{http}"))) return null;
        return Array.ConvertAll(w.Command, a => a.Replace("{bin}", s_programs).Replace("{http}", http.Url));
    }

    /// <summary>Matched lines, and strace lines syscope did not produce.</summary>
    public static (int Matched, List<string> Missing) Score(List<string> expected, List<string> actual)
    {
        var pool = new Dictionary<string, int>();
        foreach (var l in actual) pool[l] = pool.GetValueOrDefault(l) + 1;
        int matched = 0;
        var missing = new List<string>();
        foreach (var l in expected)
        {
            if (pool.GetValueOrDefault(l) > 0) { pool[l]--; matched++; }
            else missing.Add(l);
        }
        return (matched, missing);
    }

    private static List<string> Run(string tracer, string[] tracerArgs, string[] command, string tag)
    {
        // Each run starts from the same state: no outputs of the previous run, a fresh empty cwd.
        foreach (var f in Directory.GetFiles(Workloads.Scratch)) File.Delete(f);
        string cwd = Path.Combine(Workloads.Scratch, "cwd");
        if (Directory.Exists(cwd)) Directory.Delete(cwd, true);
        Directory.CreateDirectory(cwd);
        string outFile = Path.Combine(Workloads.Scratch, $"{tag}.txt");
        // The test host ignores SIGPIPE and strace passes that on to the tracee, which changes what
        // programs like gzip do; both tracers start as they would from a shell.
        var psi = new ProcessStartInfo("env") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd };
        psi.ArgumentList.Add("--default-signal=PIPE");
        psi.ArgumentList.Add(tracer);
        foreach (var a in tracerArgs) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("-o");
        psi.ArgumentList.Add(outFile);
        foreach (var a in command) psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!)
        {
            p.StandardInput.Close();
            // Both pipes drain at once, so a chatty stderr cannot block the child.
            var err = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            err.Wait();
            if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException(tracer); }
        }
        var lines = Masking.Run(JoinResumed(File.ReadAllLines(outFile)));
        File.Delete(outFile);
        return lines;
    }

    /// <summary>Where a call is cut by another process's line ("read(3, &lt;unfinished ...&gt;" ...
    /// "&lt;... read resumed&gt;...") depends on scheduling, so both halves are joined into the
    /// line an uninterrupted call would have printed.</summary>
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
            if (body.StartsWith("<... ") && open.Remove(pid, out var head))
            {
                int end = body.IndexOf(" resumed>", StringComparison.Ordinal);
                if (end > 0) { yield return head + body[(end + " resumed>".Length)..]; continue; }
            }
            yield return body;
        }
        foreach (var rest in open.Values) yield return rest + Unfinished;
    }

    /// <summary>Null when strace, ptrace and gcc are usable; otherwise why the tests skip.</summary>
    private static string? Prepare()
    {
        if (!File.Exists(s_bin)) return "syscope binary not built next to the tests: " + s_bin;
        Directory.CreateDirectory(s_programs);
        try
        {
            if (Exec("strace", "-o", "/dev/null", "true") != 0) return "strace cannot trace here (no ptrace permission?)";
            string src = Path.Combine(AppContext.BaseDirectory, "Differential", "Programs");
            foreach (var c in Directory.GetFiles(src, "*.c"))
                if (Exec("gcc", "-O0", "-o", Path.Combine(s_programs, Path.GetFileNameWithoutExtension(c)), c) != 0)
                    return "gcc failed on " + c;
            foreach (var py in Directory.GetFiles(src, "*.py")) File.Copy(py, Path.Combine(s_programs, Path.GetFileName(py)), true);
        }
        catch (System.ComponentModel.Win32Exception e) { return "missing tool: " + e.Message; }
        return null;
    }

    private static int Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        // Both pipes drain at once, so a chatty stderr cannot block the child.
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        err.Wait();
        p.WaitForExit();
        return p.ExitCode;
    }
}
