using Syscope.Tests.Differential;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Recording;

/// <summary>
/// Recordings made other ways than the corpus makes them: with the eBPF backend (the same file
/// format), of a process attached with -p, and without options then replayed with -e trace=%file
/// -y -s 100, which must print what a live trace with those options prints of the same workload.
/// </summary>
[Collection(Ebpf.EbpfCollection.Name)]
public class RecordOptionsTests(ITestOutputHelper output)
{
    private const string LongPath = "/etc/apt/../apt/../apt/../apt/../apt/../apt/../apt/../apt/../apt/../apt/../apt/../apt/../apt/../hostname";

    /// <summary>A deterministic workload: files opened by a shell and the program it execs, a script
    /// longer than -s 100, so the replay must cut it where the live trace does.</summary>
    private static readonly string[] s_workload = ["sh", "-c", $"cat /etc/hostname /etc/apt/sources.list.d/../apt.conf.d/../../issue > /dev/null; ls /etc/apt; exec cat {LongPath}"];

    [NeedsFact("ebpf")]
    public void Ebpf_replay_prints_what_trace_ebpf_printed() => AssertReplayIsLive(["--ebpf", "-f"], s_workload);

    [NeedsFact("root")]
    public void Attached_replay_prints_what_trace_p_printed() => AssertAttachedReplayIsLive([]);

    [NeedsFact("ebpf")]
    public void Ebpf_attached_replay_prints_what_trace_ebpf_p_printed() => AssertAttachedReplayIsLive(["--ebpf"]);

    [NeedsFact("ebpf")]
    public void Record_ebpf_writes_a_recording_replay_reads()
    {
        InFolder(dir =>
        {
            string scope = Path.Combine(dir, "run.scope");
            var r = Runner.Run(SyscopeCli.Executable, ["record", "--ebpf", "-o", scope, "cat", "/etc/hostname"], workingDirectory: dir);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var replay = SyscopeCli.Run("replay", scope, "-e", "trace=openat,read", "-y");
            Assert.Equal("", replay.Stderr);
            string host = File.ReadAllText("/etc/hostname");
            Assert.Contains($"openat(AT_FDCWD<{dir}>, \"/etc/hostname\", O_RDONLY) = 3</etc/hostname>\n", replay.Stdout);
            Assert.Contains($"read(3</etc/hostname>, \"{host.Replace("\n", "\\n")}\", ", replay.Stdout);
        });
    }

    /// <summary>The issue's re-decoding promise: a recording made with no options answers -e
    /// trace=%file -y -s 100 as a live trace with them does (two runs: pids, addresses and the
    /// like masked).</summary>
    [NeedsFact("root")]
    public void Replay_with_other_options_prints_what_a_live_trace_with_them_prints()
    {
        InFolder(dir =>
        {
            string scope = Path.Combine(dir, "run.scope"), live = Path.Combine(dir, "live.txt"), replayed = Path.Combine(dir, "replayed.txt");
            string[] options = ["-e", "trace=%file", "-y", "-s", "100"];
            Assert.Equal(0, Runner.Run(SyscopeCli.Executable, ["record", "-o", scope, .. s_workload], workingDirectory: dir).ExitCode);
            Assert.Equal(0, Runner.Run(SyscopeCli.Executable, ["trace", .. options, "-o", live, .. s_workload], workingDirectory: dir).ExitCode);
            var replay = SyscopeCli.Run(["replay", scope, .. options, "-o", replayed]);
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            var expected = Masking.Run(File.ReadAllLines(live));
            // -s cuts the script at 100 bytes (strace never cuts a path).
            Assert.StartsWith($"execve(\"/usr/bin/sh\", [\"sh\", \"-c\", \"{s_workload[2][..100]}\"...], ", expected[0]);
            Assert.Contains($"openat(AT_FDCWD<{dir}>, \"{LongPath}\", O_RDONLY) = 3</etc/hostname>", expected);
            output.WriteLine($"{expected.Count} lines");
            Assert.Equal(expected, Masking.Run(File.ReadAllLines(replayed)));
        });
    }

    /// <summary>trace --record with the backend options shows and records one run: the replay with
    /// the same options prints the same bytes.</summary>
    private static void AssertReplayIsLive(string[] options, string[] command)
    {
        InFolder(dir =>
        {
            string scope = Path.Combine(dir, "run.scope"), live = Path.Combine(dir, "live.txt"), replayed = Path.Combine(dir, "replayed.txt");
            var traced = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, .. options, "-o", live, .. command], workingDirectory: dir);
            Assert.True(traced.ExitCode == 0, traced.Stderr);
            var replayOptions = options.Where(o => o != "--ebpf").ToArray();
            var replay = SyscopeCli.Run(["replay", scope, .. replayOptions, "-o", replayed]);
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            string expected = File.ReadAllText(live);
            Assert.Contains("openat(", expected);
            Assert.Equal(expected, File.ReadAllText(replayed));
        });
    }

    private static void AssertAttachedReplayIsLive(string[] backend)
    {
        InFolder(dir =>
        {
            // Long enough for the eBPF programs to load on a busy machine, then it ends by itself.
            using var ticker = Runner.Start("sh", ["-c", "for i in $(seq 20); do echo tick $i; sleep 0.2; done"]);
            Assert.Equal("tick 1", ticker.StandardOutput.ReadLine());
            string scope = Path.Combine(dir, "run.scope"), live = Path.Combine(dir, "live.txt"), replayed = Path.Combine(dir, "replayed.txt");
            var traced = Runner.Run(SyscopeCli.Executable, ["trace", .. backend, "--record", scope, "-o", live, "-p", ticker.Id.ToString()], workingDirectory: dir);
            Assert.True(traced.ExitCode == 0, traced.Stderr);
            Assert.Equal(0, ticker.AssertExits());
            var replay = SyscopeCli.Run("replay", scope, "-o", replayed);
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            string expected = File.ReadAllText(live);
            Assert.Matches(@"write\(1, ""tick \d+\\n"", \d\) += \d\n", expected);
            Assert.EndsWith("+++ exited with 0 +++\n", expected);
            Assert.Equal(expected, File.ReadAllText(replayed));
        });
    }

    private static void InFolder(Action<string> test)
    {
        string dir = RunFolder.RunScoped("record-options-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try { test(dir); }
        finally { Directory.Delete(dir, true); }
    }
}
