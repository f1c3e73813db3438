using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>`syscope diff` on two recorded runs of one C program that differ in one way: a missing
/// configuration file, a connection, an exit status, a signal, a sleep, extra calls in the middle.
/// Each report must say that one way first or in its section, in exact lines, and nothing the runs
/// share (addresses, pids, descriptor numbers, socket inodes) may show as a difference.</summary>
public class DiffTests
{
    [NeedsFact("root", "gcc")]
    public void Diff_names_the_missing_config_file_and_its_errno_first()
    {
        string program = CPrograms.Path("configload");
        InFolder(dir =>
        {
            string config = Path.Combine(dir, "config.yml"), missing = Path.Combine(dir, "confg.yml");
            File.WriteAllText(config, "level: 1\n");
            var (lines, stdout) = Diff(dir, [program, config], [program, missing], expectedExits: (0, 1));
            Assert.Matches($@"^First difference in {Regex.Escape(program)} \(pid \d+ vs \d+\), call \d+:$", lines[0]);
            int plus = Array.FindIndex(lines, l => l.StartsWith("  + "));
            Assert.Equal($"  - openat(AT_FDCWD<{dir}>, \"{config}\", O_RDONLY) = 3<{config}>", lines[4]);
            Assert.Equal($"  + openat(AT_FDCWD<{dir}>, \"{missing}\", O_RDONLY) = -1 ENOENT (No such file or directory)", lines[plus]);
            Assert.Contains($"\nCalls that failed more often in one run (first run vs second):\n  openat ENOENT {missing}: 0 vs 1\n", stdout);
            Assert.Contains($"\nFiles touched only in the first run: /etc/hostname, {config}\n", stdout);
            Assert.Matches($@"\nProcesses that ended differently \(first run vs second\):\n  {Regex.Escape(program)} \(pid \d+ vs \d+\): exit 0 vs exit 1\n", stdout);

            var json = SyscopeCli.Run("diff", "--json", Path.Combine(dir, "first.scope"), Path.Combine(dir, "second.scope"));
            using var doc = JsonDocument.Parse(json.Stdout);
            var d = doc.RootElement.GetProperty("divergences")[0];
            Assert.Equal(program, d.GetProperty("program").GetString());
            Assert.Equal($"openat(AT_FDCWD<{dir}>, \"{missing}\", O_RDONLY) = -1 ENOENT (No such file or directory)", d.GetProperty("only_second")[0].GetString());
            var first = doc.RootElement.GetProperty("failures")[0];
            Assert.Equal("openat", first.GetProperty("syscall").GetString());
            Assert.Equal("ENOENT", first.GetProperty("errno").GetString());
            Assert.Equal(missing, first.GetProperty("path").GetString());
            Assert.Equal(0, first.GetProperty("first").GetInt32());
            Assert.Equal(1, first.GetProperty("second").GetInt32());
        });
    }

    [NeedsFact("root", "gcc")]
    public void Diff_names_a_loopback_connection_made_in_one_run_only()
    {
        string program = CPrograms.Path("diffcases");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        InFolder(dir =>
        {
            var (lines, stdout) = Diff(dir, [program, "connect", port.ToString()], [program, "connect", "0"]);
            Assert.Matches($@"^First difference in {Regex.Escape(program)} \(pid \d+ vs \d+\), call \d+:$", lines[0]);
            Assert.Matches(@"^    socket\(AF_INET, SOCK_STREAM, IPPROTO_IP\) = 3<socket:\[\d+\]>$", lines[3]);
            Assert.Matches($@"^  - connect\(3<socket:\[\d+\]>, {{sa_family=AF_INET, sin_port=htons\({port}\), sin_addr=inet_addr\(""127.0.0.1""\)}}, 16\) = 0$", lines[4]);
            Assert.Matches(@"^    close\(3<socket:\[\d+\]>\) = 0$", lines[5]);
            Assert.Contains($"\nSockets only in the first run: connect 127.0.0.1:{port}\n", stdout);
            Assert.DoesNotContain("Sockets only in the second run", stdout);
            Assert.DoesNotContain("more place", stdout);
        });
    }

    [NeedsFact("root", "gcc")]
    public void Diff_names_a_different_exit_status()
    {
        string program = CPrograms.Path("diffcases");
        InFolder(dir =>
        {
            var (lines, stdout) = Diff(dir, [program, "exit", "0"], [program, "exit", "3"], expectedExits: (0, 3));
            int at = Array.IndexOf(lines, "Processes that ended differently (first run vs second):");
            Assert.True(at > 0, stdout);
            Assert.Matches($@"^  {Regex.Escape(program)} \(pid \d+ vs \d+\): exit 0 vs exit 3$", lines[at + 1]);
            Assert.Equal("  - exit_group(0) = ?", lines[4]);
            Assert.Equal("  + exit_group(3) = ?", lines[5]);
        });
    }

    [NeedsFact("root", "gcc")]
    public void Diff_names_a_signal_received_in_one_run_only()
    {
        string program = CPrograms.Path("diffcases");
        InFolder(dir =>
        {
            var (lines, stdout) = Diff(dir, [program, "signal", "0"], [program, "signal", "1"]);
            Assert.Contains("\nSignals received (first run vs second):\n  " + program + " SIGUSR1: 0 vs 1\n", stdout);
            Assert.Matches(@"^  \+ tgkill\(\d+, \d+, SIGUSR1\) = 0$", lines.First(l => l.StartsWith("  + tgkill(")));
            Assert.Contains("\n  + --- SIGUSR1 ---\n", stdout);
            Assert.DoesNotContain("Processes that ended differently", stdout);
        });
    }

    [NeedsFact("root", "gcc")]
    public void Diff_reports_a_call_whose_time_changed_beyond_the_threshold()
    {
        string program = CPrograms.Path("diffcases");
        InFolder(dir =>
        {
            var (lines, stdout) = Diff(dir, [program, "sleep", "1"], [program, "sleep", "200"], options: ["--latency-threshold=100ms"]);
            // The sleeps' lengths are times in a structure: masked, so the calls are the same.
            Assert.Equal("The runs made the same calls.", lines[0]);
            int at = Array.IndexOf(lines, "Syscalls whose total time changed by more than 100 ms (first run vs second):");
            Assert.True(at > 0, stdout);
            var sleep = lines.Skip(at + 1).TakeWhile(l => l.StartsWith("  ")).Select(l => Regex.Match(l, @"^  (clock_)?nanosleep: ([\d.]+) ms vs ([\d.]+) ms \(1 vs 1 calls\)$")).Single(m => m.Success);
            Assert.InRange(double.Parse(sleep.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 100);
            Assert.InRange(double.Parse(sleep.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), 200, 10_000);

            var json = SyscopeCli.Run("diff", "--json", "--latency-threshold=100", Path.Combine(dir, "first.scope"), Path.Combine(dir, "second.scope"));
            using var doc = JsonDocument.Parse(json.Stdout);
            Assert.Equal(100_000_000, doc.RootElement.GetProperty("latency_threshold_ns").GetInt64());
            Assert.Contains(doc.RootElement.GetProperty("latency").EnumerateArray(), l => l.GetProperty("syscall").GetString()!.EndsWith("nanosleep"));
            var bad = SyscopeCli.Run("diff", "--latency-threshold=soon", Path.Combine(dir, "first.scope"), Path.Combine(dir, "second.scope"));
            Assert.Equal(1, bad.ExitCode);
            Assert.Equal("syscope: invalid --latency-threshold 'soon' (a duration: 10ms, 1.5s, 200us)\n", bad.Stderr);
        });
    }

    [NeedsFact("root", "gcc")]
    public void Diff_aligns_the_calls_after_extra_ones_in_the_middle()
    {
        string program = CPrograms.Path("diffcases");
        InFolder(dir =>
        {
            // Timing is not what this test is about: a busy machine can slow any call by more than 10 ms.
            var (lines, stdout) = Diff(dir, [program, "extra", "0"], [program, "extra", "3"], options: ["--latency-threshold=1000s"]);
            Assert.Matches($@"^First difference in {Regex.Escape(program)} \(pid \d+ vs \d+\), call \d+:$", lines[0]);
            Assert.Matches(@"^    umask\(027\) = 0\d*$", lines[3]);
            Assert.Equal("  + sched_yield() = 0", lines[4]);
            Assert.Equal("  + sched_yield() = 0", lines[5]);
            Assert.Equal("  + sched_yield() = 0", lines[6]);
            Assert.Equal("    umask(022) = 027", lines[7]);
            Assert.Equal("    umask(077) = 022", lines[8]);
            // After the runs meet again nothing differs: no other stretch, no other section.
            Assert.Equal("", lines[9]);
            Assert.Equal(10, lines.Length);
        });
    }

    /// <summary>Records both runs (first.scope, second.scope) and diffs them: the report's lines and text.</summary>
    private static (string[] Lines, string Stdout) Diff(string dir, string[] first, string[] second, (int, int) expectedExits = default, string[]? options = null)
    {
        string a = Path.Combine(dir, "first.scope"), b = Path.Combine(dir, "second.scope");
        var ra = Runner.Run(SyscopeCli.Executable, ["record", "-o", a, .. first], workingDirectory: dir);
        Assert.True(ra.ExitCode == expectedExits.Item1, ra.Stderr);
        var rb = Runner.Run(SyscopeCli.Executable, ["record", "-o", b, .. second], workingDirectory: dir);
        Assert.True(rb.ExitCode == expectedExits.Item2, rb.Stderr);
        var r = SyscopeCli.Run(["diff", .. options ?? [], a, b]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        ValidJsonReport(SyscopeCli.Run(["diff", "--json", .. options ?? [], a, b]));
        return (r.Stdout.Split('\n'), r.Stdout);
    }

    private static readonly Lazy<JsonSchema> s_schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(SyscopeCli.RepoRoot, "docs/diff.schema.json"))));

    /// <summary>The --json report of the same two runs is one object valid against docs/diff.schema.json.</summary>
    private static void ValidJsonReport(RunResult json)
    {
        Assert.True(json.ExitCode == 0, json.Stderr);
        using var doc = JsonDocument.Parse(json.Stdout);
        var result = s_schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "diff --json is not valid against docs/diff.schema.json:\n" + json.Stdout + "\n" +
            string.Join("\n", (result.Details ?? []).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation}: {e.Value}")).Take(20)));
    }

    private static void InFolder(Action<string> test)
    {
        string dir = RunFolder.RunScoped("diff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try { test(dir); }
        finally { Directory.Delete(dir, true); }
    }
}
