using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>-k in a recording: `trace --record -k` keeps each call's stack as the live trace
/// resolved it (with source lines under -kk), and `replay -k` prints it byte for byte as the live trace did (frames in main, a
/// signal handler and a thread); without -k a replay shows none.  Recordings of format version 1
/// (before stacks) still read.</summary>
[Collection("stacks")]
public class RecordedStackTests
{
    [NeedsTheory("root", "gcc")]
    [InlineData("-k")]
    [InlineData("-kk")]
    public void Replay_k_prints_the_stacks_the_live_trace_printed(string k)
    {
        InFolder(dir =>
        {
            // With debug information, so that -kk has source lines to keep.
            string program = Path.Combine(dir, "stacks");
            var gcc = Runner.Run("gcc", ["-g", "-O1", "-pthread", "-o", program, Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/stacks.c")]);
            Assert.True(gcc.ExitCode == 0, gcc.Stderr);
            string live = Path.Combine(dir, "live.txt"), replayed = Path.Combine(dir, "replayed.txt"), scope = Path.Combine(dir, "run.scope");
            var traced = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, "-f", k, "-o", live, program], workingDirectory: dir);
            Assert.True(traced.ExitCode == 0, traced.Stderr);
            string expected = File.ReadAllText(live);
            Assert.Contains(" > " + program + "(open_leaf+0x", expected);
            Assert.Contains("(on_signal+0x", expected);
            Assert.Contains("(thread_main+0x", expected);
            Assert.Equal(k == "-kk", expected.Contains("stacks.c:"));
            var replay = SyscopeCli.Run("replay", scope, "-f", k, "-o", replayed);
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            Assert.Equal(expected, File.ReadAllText(replayed));

            var plain = SyscopeCli.Run("replay", scope, "-f");
            Assert.Equal(0, plain.ExitCode);
            Assert.Contains("openat(", plain.Stdout);
            Assert.DoesNotContain("\n > ", plain.Stdout);
            // A -kk recording replayed with -k shows the frames without their source lines.
            var one = SyscopeCli.Run("replay", scope, "-f", "-k");
            Assert.Contains(" > " + program + "(open_leaf+0x", one.Stdout);
            Assert.DoesNotContain("stacks.c:", one.Stdout);

            // `record -k` keeps them too (and shows nothing while it records).
            string recorded = Path.Combine(dir, "recorded.scope");
            var r = Runner.Run(SyscopeCli.Executable, ["record", k, "-f", "-o", recorded, program], workingDirectory: dir);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var again = SyscopeCli.Run("replay", recorded, "-f", k, "-e", "trace=openat");
            Assert.Contains(" > " + program + "(open_leaf+0x", again.Stdout);
        });
    }

    [NeedsFact("root")]
    public void A_recording_of_format_version_1_reads_back()
    {
        InFolder(dir =>
        {
            string scope = Path.Combine(dir, "run.scope");
            var r = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, "-o", Path.Combine(dir, "live.txt"), "cat", "/etc/hostname"], workingDirectory: dir);
            Assert.Equal(0, r.ExitCode);
            string expected = SyscopeCli.Run("replay", scope).Stdout;
            // Version 2 added the Name and Stack records only: without -k a file is a version 1 file
            // but for the version number (bytes 8-9, outside the header's checksum).
            var bytes = File.ReadAllBytes(scope);
            Assert.Equal(2, bytes[8]);
            bytes[8] = 1;
            File.WriteAllBytes(scope, bytes);
            var v1 = SyscopeCli.Run("replay", scope);
            Assert.Equal("", v1.Stderr);
            Assert.Equal(expected, v1.Stdout);
            bytes[8] = 3;
            File.WriteAllBytes(scope, bytes);
            var v3 = SyscopeCli.Run("replay", scope);
            Assert.Equal($"syscope: {scope}: recording format version 3 is newer than this syscope reads (2)\n", v3.Stderr);
        });
    }

    private static void InFolder(Action<string> test)
    {
        string dir = RunFolder.RunScoped("stack-record-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try { test(dir); }
        finally { Directory.Delete(dir, true); }
    }
}
