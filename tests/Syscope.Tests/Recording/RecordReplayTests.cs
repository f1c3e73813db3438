using Syscope.Tests.Differential;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Recording;

/// <summary>
/// `trace --record` shows a live trace and records the same run; `replay` of the recording with
/// the same options must print that live trace byte for byte, for every workload and option set
/// of the differential corpus.  The recording keeps every call whatever the live options chose, so
/// a replay with other options shows what they show (within the bytes kept).
/// </summary>
public class RecordReplayTests(ITestOutputHelper output, LocalHttpServer http) : IClassFixture<LocalHttpServer>
{
    private static readonly string s_scratch = RunFolder.RunScoped("record-replay");

    public static IEnumerable<object[]> Cases() => Workloads.All();

    [NeedsTheory("root", Workloads.Gcc, Workloads.Python, Workloads.Sqlite, Workloads.Curl, Workloads.Ip)]
    [MemberData(nameof(Cases))]
    public void Replay_prints_what_the_live_trace_printed(Workload w)
    {
        string[] cmd = Array.ConvertAll(w.Command, a => a.Replace("{bin}", DifferentialTests.Programs).Replace("{http}", a.Contains("{http}") ? http.Url : ""));
        string dir = Folder(w);
        try
        {
            string live = Path.Combine(dir, "live.txt"), replayed = Path.Combine(dir, "replayed.txt"), scope = Path.Combine(dir, "run.scope");
            var traced = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, .. w.Options, "-o", live, .. cmd], workingDirectory: dir);
            Assert.True(File.Exists(live), $"no live trace (exit {traced.ExitCode}):\n{traced.Stderr}");
            var replay = SyscopeCli.Run(["replay", scope, .. w.Options, "-o", replayed]);
            Assert.True(replay.ExitCode == 0, $"replay failed (exit {replay.ExitCode}):\n{replay.Stderr}");
            string expected = File.ReadAllText(live), actual = File.ReadAllText(replayed);
            output.WriteLine($"{w}: {expected.Split('\n').Length} lines, recording {new FileInfo(scope).Length} bytes");
            Assert.Equal(expected, actual);
        }
        finally { Directory.Delete(dir, true); }
    }

    [NeedsFact("root")]
    public void A_recording_made_with_default_options_answers_other_options()
    {
        string dir = Folder(new Workload("redecode", [], []));
        try
        {
            string live = Path.Combine(dir, "live.txt"), scope = Path.Combine(dir, "run.scope");
            string[] options = ["-f", "-e", "trace=%file", "-y", "-s", "100"];
            string[] cmd = ["sh", "-c", "cat /etc/hostname /etc/apt/sources.list.d/../apt.conf.d/../../issue > /dev/null; ls /etc/apt"];
            var traced = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, .. options, "-o", live, .. cmd], workingDirectory: dir);
            Assert.Equal(0, traced.ExitCode);
            string expected = File.ReadAllText(live);
            Assert.Contains("openat(AT_FDCWD</", expected);
            var again = SyscopeCli.Run(["replay", scope, .. options, "-o", Path.Combine(dir, "again.txt")]);
            Assert.Equal("", again.Stderr);
            Assert.Equal(expected, File.ReadAllText(Path.Combine(dir, "again.txt")));

            // The calls the live trace left out were recorded, with the memory to decode them.
            var all = SyscopeCli.Run(["replay", scope, "-f"]);
            Assert.Equal(0, all.ExitCode);
            Assert.Contains("read(3, \"", all.Stdout);
            Assert.Contains("mmap(NULL, ", all.Stdout);
            // -yy, -v, -xx and -c decode again from the same recording.
            var y = SyscopeCli.Run(["replay", scope, "-f", "-yy", "-v", "-e", "trace=read"]);
            Assert.Contains("read(3</etc/hostname>, \"", y.Stdout);
            var xx = SyscopeCli.Run(["replay", scope, "-f", "-xx", "-e", "trace=read"]);
            Assert.Matches(@"read\(3, ""\\x[0-9a-f]{2}\\x", xx.Stdout);
            var c = SyscopeCli.Run(["replay", scope, "-f", "-c"]);
            Assert.Contains("total", c.Stdout);
            Assert.Matches(@"openat", c.Stdout);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Values right before an unmapped page: a string whose NUL is the page's last byte,
    /// one with no NUL before the edge (strace prints its address), buffers ending at the edge and
    /// one byte past it.  The live trace (with any -s) shows where the tracee's memory ended, and
    /// the replay must show the same, not the bytes the recording kept before the edge.</summary>
    [NeedsTheory("root", "gcc")]
    [InlineData("")]
    [InlineData("-s 4")]
    [InlineData("-s 300")]
    [InlineData("-x -e trace=openat,write,lsetxattr")]
    public void Strings_at_the_edge_of_the_tracee_s_memory_replay_as_they_showed_live(string optionText)
    {
        string[] options = optionText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string dir = Folder(new Workload("page-edge", [], []));
        try
        {
            string live = Path.Combine(dir, "live.txt"), replayed = Path.Combine(dir, "replayed.txt"), scope = Path.Combine(dir, "run.scope");
            var traced = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, .. options, "-o", live, CPrograms.Path("pageedge")], workingDirectory: dir);
            Assert.True(traced.ExitCode == 0, traced.Stderr);
            string expected = File.ReadAllText(live);
            // The live trace itself shows the edge as strace does.
            Assert.Contains("\"/nonexistent/page-edge\"", expected);
            Assert.Matches(@"openat\(AT_FDCWD, 0x[0-9a-f]+ff8, O_RDONLY\) = -1 EFAULT", expected);
            // One byte past the edge: unreadable unless -s asks for fewer bytes than are there.
            if (optionText != "-s 4") Assert.Matches(@"write\(3, 0x[0-9a-f]+ff8, 9\) += 9", expected);
            else Assert.Contains("write(3, \"unen\"..., 9)", expected);
            // An xattr name is cut at -s as strace cuts it, so with -s 4 the edge is not reached.
            if (optionText != "-s 4") Assert.Matches(@"lsetxattr\(""/nonexistent"", 0x[0-9a-f]+ffa, ", expected);
            else Assert.Contains("lsetxattr(\"/nonexistent\", \"user\"..., \"v\", 1, 0) = -1 EFAULT", expected);
            var replay = SyscopeCli.Run(["replay", .. options, "-o", replayed, scope]);
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            Assert.Equal(expected, File.ReadAllText(replayed));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>The recorder answers a descriptor's path again without asking /proc while only
    /// calls that keep descriptors ran; a rename, a dup2 over the descriptor or a close and reopen
    /// in between must still show, live and replayed, as strace shows them.</summary>
    [NeedsFact("root", Workloads.Python, Workloads.Strace)]
    public void Paths_of_descriptors_that_change_between_reads_are_current()
    {
        string dir = Folder(new Workload("moving-fds", [], []));
        try
        {
            string live = Path.Combine(dir, "live.txt"), replayed = Path.Combine(dir, "replayed.txt"), scope = Path.Combine(dir, "run.scope");
            string[] cmd = ["python3", "-c", """
                import os
                for n in "abc": open(n, "w").write(n * 4)
                fd = os.open("a", os.O_RDONLY); os.read(fd, 1)
                os.rename("a", "moved"); os.read(fd, 1)
                b = os.open("b", os.O_RDONLY); os.dup2(b, fd); os.read(fd, 1)
                os.close(fd); os.unlink("moved"); fd = os.open("c", os.O_RDONLY); os.read(fd, 1); os.read(fd, 1)
                """];
            string[] options = ["-yy", "-e", "trace=read", "-e", "signal=none", "-qq"];
            var traced = Runner.Run(SyscopeCli.Executable, ["trace", "--record", scope, .. options, "-o", live, .. cmd], workingDirectory: dir);
            Assert.True(traced.ExitCode == 0, traced.Stderr);
            var strace = Runner.Run("strace", [.. options, "-o", Path.Combine(dir, "strace.txt"), .. cmd], workingDirectory: dir);
            Assert.True(strace.ExitCode == 0, strace.Stderr);
            static string[] Mine(string file, string dir) => [.. File.ReadAllLines(file).Where(l => l.Contains($"<{dir}/")).Select(l => l.Replace(dir, "DIR"))];
            string[] expected = Mine(Path.Combine(dir, "strace.txt"), dir);
            Assert.Equal(["read(3<DIR/a>, \"a\", 1) = 1", "read(3<DIR/moved>, \"a\", 1) = 1", "read(3<DIR/b>, \"b\", 1) = 1",
                "read(3<DIR/c>, \"c\", 1) = 1", "read(3<DIR/c>, \"c\", 1) = 1"], expected);
            Assert.Equal(expected, Mine(live, dir));
            var replay = SyscopeCli.Run(["replay", .. options, "-o", replayed, scope]);
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            Assert.Equal(File.ReadAllText(live), File.ReadAllText(replayed));
        }
        finally { Directory.Delete(dir, true); }
    }

    [NeedsFact("root")]
    public void Replay_says_in_plain_words_what_it_cannot_read()
    {
        string dir = Folder(new Workload("bad-input", [], []));
        try
        {
            string notScope = Path.Combine(dir, "notes.txt");
            File.WriteAllText(notScope, "hello\n");
            var r = SyscopeCli.Run(["replay", notScope]);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"syscope: {notScope}: not a syscope recording\n", r.Stderr);
            var missing = SyscopeCli.Run(["replay", Path.Combine(dir, "none.scope")]);
            Assert.Equal(1, missing.ExitCode);
            Assert.StartsWith("syscope: ", missing.Stderr);
            Assert.DoesNotContain(" at ", missing.Stderr);
            var noFile = SyscopeCli.Run(["record", "true"]);
            Assert.Equal(1, noFile.ExitCode);
            Assert.StartsWith("syscope record: -o FILE names the recording", noFile.Stderr);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static string Folder(Workload w)
    {
        string dir = Path.Combine(s_scratch, $"{w.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
