using System.Text.Json;
using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Tracing;

/// <summary>
/// Failures of the trace output are said, once, in strace's words, and make the exit status
/// non-zero: a full device, a file that cannot be created, an -ff directory that vanished.  Also
/// what goes to stderr beside the trace (-o FILE PROG implies -q, as in strace) and --json -c.
/// </summary>
public class OutputErrorTests
{
    [NeedsFact("strace")]
    public void A_full_device_is_reported_once_in_straces_words_and_fails_the_run()
    {
        var syscope = SyscopeCli.Run("trace", "-o", "/dev/full", "ls", "/");
        var strace = Runner.Run("strace", ["-o", "/dev/full", "ls", "/"]);
        Assert.Equal("strace: /dev/full: No space left on device", strace.StderrLines[0]);
        Assert.Equal("syscope: /dev/full: No space left on device\n", syscope.Stderr);
        Assert.Equal(1, syscope.ExitCode);
    }

    /// <summary>A 64 KiB tmpfs fills up mid-trace: the trace is cut there, and syscope says so.</summary>
    [NeedsFact("root", "mount")]
    public void A_disk_that_fills_up_mid_trace_is_reported_and_fails_the_run()
    {
        string dir = Directory.CreateTempSubdirectory("syscope-full-").FullName;
        try
        {
            var mount = Runner.Run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]);
            Assert.True(mount.ExitCode == 0, "root could not mount a tmpfs: " + mount.Stderr);
            try
            {
                string file = Path.Combine(dir, "trace");
                var r = SyscopeCli.Run("trace", "-o", file, "python3", "-c", "import os\nfor i in range(3000): os.stat('/')");
                Assert.Equal($"syscope: {file}: No space left on device\n", r.Stderr);
                Assert.Equal(1, r.ExitCode);
                Assert.InRange(new FileInfo(file).Length, 32 * 1024, 64 * 1024);
            }
            finally { Runner.Run("umount", [dir]); }
        }
        finally { Directory.Delete(dir, true); }
    }

    [NeedsFact("strace")]
    public void An_output_file_that_cannot_be_created_is_said_as_strace_says_it()
    {
        foreach (string path in new[] { "", "/nonexistent-dir/trace" })
        {
            var syscope = SyscopeCli.Run("trace", "-o", path, "true");
            var strace = Runner.Run("strace", ["-o", path, "true"]);
            Assert.Equal(strace.Stderr.Replace("strace: ", "syscope: "), syscope.Stderr);
            Assert.Equal(1, syscope.ExitCode);
            Assert.Equal(1, strace.ExitCode);
        }
    }

    /// <summary>-ff -o DIR/x and DIR vanishes: the first NAME.PID that cannot be created ends the run
    /// as it ends strace's (exit 1, the command gets SIGTERM), instead of running on unrecorded.</summary>
    [NeedsFact("strace")]
    public void An_ff_file_that_cannot_be_created_ends_the_trace_as_in_strace()
    {
        foreach (var tracer in new[] { SyscopeCli.Executable, "strace" })
        {
            string dir = Directory.CreateTempSubdirectory("syscope-ff-").FullName;
            // strace opens a new child's file before it resumes the parent; syscope's output opens it
            // a moment later, on its own thread, so the parent is given a second to be stopped in.
            string script = $"while [ -d '{dir}' ]; do :; done; /bin/true; sleep 1; echo still-running >&2; exit 7";
            string[] args = [.. tracer == "strace" ? Array.Empty<string>() : ["trace"], "-ff", "-o", Path.Combine(dir, "x"), "bash", "-c", script];
            using var p = Runner.Start(tracer, args);
            try
            {
                AttachTests.WaitUntil(() => Directory.GetFiles(dir).Length > 0);
                Directory.Delete(dir, true);
                Assert.True(p.WaitForExit(20_000), $"{tracer} ran on");
                string stderr = p.StandardError.ReadToEnd(10_000);
                string name = tracer == "strace" ? "strace" : "syscope";
                Assert.Matches($"^{name}: Can't fopen '{Regex.Escape(dir)}/x\\.[0-9]+': No such file or directory\n$", stderr);
                Assert.Equal(1, p.ExitCode);
            }
            finally
            {
                if (!p.HasExited) p.Kill();
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }
    }

    /// <summary>strace implies -q for -o FILE PROG: a child's "Process N attached" would land in the
    /// program's own stderr.  An explicit -e quiet= brings them back.</summary>
    [NeedsFact("strace")]
    public void With_the_trace_in_a_file_a_launched_command_s_children_are_not_announced_as_in_strace()
    {
        string file = CPrograms.TempFile("quiet");
        foreach (var quiet in new[] { Array.Empty<string>(), ["-e", "quiet=none"] })
        {
            string[] args = ["-f", .. quiet, "-o", file, "sh", "-c", "/bin/true; /bin/true"];
            var syscope = SyscopeCli.Run(["trace", .. args]);
            var strace = Runner.Run("strace", args);
            Assert.Equal(strace.StderrLines.Length, syscope.StderrLines.Length);
            Assert.Equal(quiet.Length == 0 ? 0 : 2, syscope.StderrLines.Count(l => Regex.IsMatch(l, "^syscope: Process [0-9]+ attached$")));
        }
    }

    /// <summary>strace has no --json; with -c the summary comes as one JSON object, so the output
    /// stays JSON Lines.  Its counts are strace's.</summary>
    [NeedsFact("strace")]
    public void Json_summary_is_one_object_with_straces_counts()
    {
        var r = SyscopeCli.Run("trace", "--json", "-c", "-e", "trace=openat,close", "cat", "/dev/null", "/nonexistent");
        var line = Assert.Single(r.StderrLines, l => l.StartsWith('{'));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("summary", doc.RootElement.GetProperty("type").GetString());
        var strace = Runner.Run("strace", ["-c", "-e", "trace=openat,close", "cat", "/dev/null", "/nonexistent"]);
        foreach (var row in doc.RootElement.GetProperty("syscalls").EnumerateArray())
        {
            string name = row.GetProperty("syscall").GetString()!;
            var cols = strace.StderrLines.Single(l => l.EndsWith(" " + name)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(cols[3], row.GetProperty("calls").GetInt64().ToString());
            Assert.Equal(cols.Length == 6 ? cols[4] : "0", row.GetProperty("errors").GetInt64().ToString());
        }
        Assert.Equal(2, doc.RootElement.GetProperty("syscalls").GetArrayLength());
    }
}
