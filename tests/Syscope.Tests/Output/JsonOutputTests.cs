using System.Text.Json;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Output;

/// <summary>--json carries the same decoded calls as the text format, one JSON object per line.</summary>
public class JsonOutputTests
{
    [NeedsFact("gcc")]
    public void Json_lines_hold_exactly_what_strace_text_shows()
    {
        string prog = CPrograms.Path("basic");
        string text = CPrograms.TempFile("basic.txt"), json = CPrograms.TempFile("basic.json");
        SyscopeCli.Run(["trace", "-o", text, prog]);
        SyscopeCli.Run(["trace", "--json", "-o", json, prog]);

        var fromText = TraceText.AfterMarker(File.ReadAllLines(text)).Select(Differential.Masking.Line).ToList();
        var events = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var fromJson = events.SkipWhile(e => e.GetProperty("syscall").GetString() != "getppid").Skip(1)
            .Select(Rebuild).Select(Differential.Masking.Line).ToList();
        Assert.Equal([
            "write(1, \"hi\\n\", 3) = 3",
            "close(99) = -1 EBADF (Bad file descriptor)",
            "getpid() = PID",
            "write(1, \"\\33[31mred\\33[0m\\t\\\\\\\"\\n\", 16) = 16",
            "exit_group(3) = ?",
            "+++ exited with 3 +++"], fromJson);
        Assert.Equal(fromText, fromJson);
    }

    [NeedsFact("gcc")]
    public void Signals_kills_descriptor_paths_and_failures_have_their_fields()
    {
        string json = CPrograms.TempFile("sh.json");
        var r = SyscopeCli.Run(["trace", "--json", "-y", "-f", "-o", json, "sh", "-c", "cat /etc/hostname /nonexistent; kill -USR1 $$"]);
        Assert.NotEqual(0, r.ExitCode);
        var events = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e => Assert.True(e.GetProperty("time").GetDouble() > 1.7e9 && e.GetProperty("pid").GetInt32() > 0));

        var open = events.First(e => IsCall(e, "openat") && e.GetProperty("args")[1].GetString() == "\"/etc/hostname\"");
        Assert.Matches("^AT_FDCWD</.*>$", open.GetProperty("args")[0].GetString());
        long fd = open.GetProperty("retval").GetInt64();
        Assert.Equal($"{fd}</etc/hostname>", open.GetProperty("decoded").GetString());

        var missing = events.First(e => IsCall(e, "openat") && e.GetProperty("args")[1].GetString() == "\"/nonexistent\"");
        Assert.Equal(-1, missing.GetProperty("retval").GetInt64());
        Assert.Equal("ENOENT", missing.GetProperty("errno").GetString());

        var signal = events.Single(e => e.GetProperty("type").GetString() == "signal" && e.GetProperty("signal").GetString() == "SIGUSR1");
        Assert.Equal("SIGUSR1", signal.GetProperty("signal").GetString());
        Assert.StartsWith("{si_signo=SIGUSR1, si_code=SI_USER, si_pid=", signal.GetProperty("siginfo").GetString());
        var killed = events.Last();
        Assert.Equal("killed", killed.GetProperty("type").GetString());
        Assert.Equal("SIGUSR1", killed.GetProperty("signal").GetString());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "exited" && e.GetProperty("status").GetInt32() == 1);
    }

    [Fact]
    public void Json_cannot_split_output_per_process()
    {
        var r = SyscopeCli.Run(["trace", "--json", "-ff", "-o", "/tmp/never", "true"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--json writes one stream: it cannot be combined with -ff -o", r.Stderr);
    }

    private static bool IsCall(JsonElement e, string name) =>
        e.GetProperty("type").GetString() == "syscall" && e.GetProperty("syscall").GetString() == name;

    /// <summary>The strace line a JSON event stands for.</summary>
    private static string Rebuild(JsonElement e)
    {
        switch (e.GetProperty("type").GetString())
        {
            case "exited": return $"+++ exited with {e.GetProperty("status").GetInt32()} +++";
            case "syscall":
                var args = string.Join(", ", e.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
                string line = $"{e.GetProperty("syscall").GetString()}({args}) = ";
                var ret = e.GetProperty("retval");
                if (ret.ValueKind == JsonValueKind.Null) return line + "?";
                if (e.TryGetProperty("errno", out var errno))
                    return line + $"-1 {errno.GetString()} ({Kernel.Errno.Message(Kernel.Errno.Parse(errno.GetString()!))})";
                return line + (e.TryGetProperty("decoded", out var d) ? d.GetString() : ret.GetInt64().ToString());
            default: return e.ToString();
        }
    }
}
