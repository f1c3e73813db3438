using System.Buffers.Binary;
using Syscope.Recording;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>-k in a recording: `trace --record -k` keeps each call's stack as the live trace
/// resolved it (with source lines under -kk), and `replay -k` prints it byte for byte as the live trace did (frames in main, a
/// signal handler and a thread); without -k a replay shows none.  Recordings of format version 1
/// (before stacks), 2 (before raw symbol names) and 3 (pid_max in the header) still read.</summary>
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

    /// <summary>replay --no-demangle, as trace --no-demangle: a recording keeps each demangled
    /// symbol's raw name too, so the replay shows the frames the live trace showed with every C++
    /// name as the module spells it (c++filt turns each back into the live one), and the rest of
    /// every line unchanged; a recording made with --no-demangle replays demangled unless asked not to.</summary>
    [NeedsFact("root", "g++", "c++filt")]
    public void Replay_no_demangle_shows_the_raw_names_as_trace_no_demangle_does()
    {
        InFolder(dir =>
        {
            string program = Path.Combine(dir, "stacks-cxx");
            var gxx = Runner.Run("g++", ["-O1", "-o", program, Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Programs/stacks.cc")]);
            Assert.True(gxx.ExitCode == 0, gxx.Stderr);
            string live = Path.Combine(dir, "live.txt"), scope = Path.Combine(dir, "run.scope"), raw = Path.Combine(dir, "raw.scope");
            Assert.Equal(0, Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, "-k", "-e", "trace=openat", "-o", live, program], workingDirectory: dir).ExitCode);
            string shown = File.ReadAllText(live);
            Assert.Contains("(app::Repository::load(char const*, int)+0x", shown);

            var replay = SyscopeCli.Run("replay", scope, "-k", "--no-demangle", "-e", "trace=openat");
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            Assert.Contains("(_ZN3app10Repository4loadEPKci+0x", replay.Stdout);
            AssertSameButMangled(shown, replay.Stdout);
            Assert.Equal(shown, SyscopeCli.Run("replay", scope, "-k", "-e", "trace=openat").Stdout);

            // Recorded raw: shown raw by replay --no-demangle, demangled by a plain replay.  (A
            // recording keeps every call, whatever trace's -e trace=: the replays select again.)
            var r = Runner.Run(SyscopeCli.Executable, ["trace", "--record", raw, "-k", "--no-demangle", "-e", "trace=openat", "-o", live, program], workingDirectory: dir);
            Assert.Equal(0, r.ExitCode);
            string rawLive = File.ReadAllText(live);
            Assert.Equal(rawLive, SyscopeCli.Run("replay", raw, "-k", "--no-demangle", "-e", "trace=openat").Stdout);
            AssertSameButMangled(SyscopeCli.Run("replay", raw, "-k", "-e", "trace=openat").Stdout, rawLive);
        });
    }

    /// <summary>The lines of mangled are those of demangled, but for symbols c++filt demangles
    /// into demangled's (at least one).</summary>
    private static void AssertSameButMangled(string demangled, string mangled)
    {
        string[] expected = demangled.Split('\n'), actual = mangled.Split('\n');
        Assert.Equal(expected.Length, actual.Length);
        int changed = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] == actual[i]) continue;
            var want = Stacks.StackFrameLine.Parse(expected[i]).Single();
            var got = Stacks.StackFrameLine.Parse(actual[i]).Single();
            Assert.Equal(want with { Symbol = null }, got with { Symbol = null });
            Assert.Equal(want.Symbol, Runner.Run("c++filt", [got.Symbol!]).Stdout.Trim());
            changed++;
        }
        Assert.True(changed > 0, "no symbol was demangled");
    }

    [NeedsFact("root")]
    public void Recordings_of_format_versions_1_to_3_read_back()
    {
        InFolder(dir =>
        {
            string scope = Path.Combine(dir, "run.scope");
            var r = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, "-o", Path.Combine(dir, "live.txt"), "cat", "/etc/hostname"], workingDirectory: dir);
            Assert.Equal(0, r.ExitCode);
            string expected = SyscopeCli.Run("replay", scope).Stdout;
            // Versions 2 and 3 added the Name and Stack records and raw symbol names in them only,
            // and version 4 dropped pid_max from the head of the header's fields: without -k a file
            // is a version 1, 2 or 3 file but for those.
            var bytes = File.ReadAllBytes(scope);
            Assert.Equal(4, bytes[8]);
            foreach (ushort older in new ushort[] { 1, 2, 3 })
            {
                File.WriteAllBytes(scope, WithPidMax(bytes, older));
                var v = SyscopeCli.Run("replay", scope);
                Assert.Equal("", v.Stderr);
                Assert.Equal(expected, v.Stdout);
            }
            bytes[8] = 5;
            File.WriteAllBytes(scope, bytes);
            var v5 = SyscopeCli.Run("replay", scope);
            Assert.Equal($"syscope: {scope}: recording format version 5 is newer than this syscope reads (4)\n", v5.Stderr);
        });
    }

    /// <summary>A current recording as an older version would have written it: pid_max (any
    /// value) first in the header's fields, the length and checksum to match.</summary>
    private static byte[] WithPidMax(byte[] current, ushort version)
    {
        int fieldsLength = BinaryPrimitives.ReadInt32LittleEndian(current.AsSpan(12));
        var pidMax = new RecordBuffer(16);
        pidMax.Signed(4194304);
        var fields = pidMax.Written.ToArray().Concat(current.AsSpan(RecordFormat.HeaderPrefix, fieldsLength).ToArray()).ToArray();
        var prefix = current.AsSpan(0, RecordFormat.HeaderPrefix).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(prefix.AsSpan(8), version);
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(12), fields.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(16), Checksum.Crc32C(fields));
        return [.. prefix, .. fields, .. current.AsSpan(RecordFormat.HeaderPrefix + fieldsLength)];
    }

    private static void InFolder(Action<string> test)
    {
        string dir = RunFolder.RunScoped("stack-record-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try { test(dir); }
        finally { Directory.Delete(dir, true); }
    }
}
