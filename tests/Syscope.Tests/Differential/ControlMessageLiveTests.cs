using System.Text.Json;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Differential;

/// <summary>
/// Programs/cmsg.c under strace and under syscope, only its sendmsg/recvmsg lines: descriptors and
/// credentials passed over a UNIX socket, the timestamps and IP_* messages a UDP socket receives,
/// IP_* messages sent, a truncated control buffer, and hand-made control data strace walks in its
/// own way must come out line for line, with nothing masked but addresses, ports, pids and times.
/// With --json every value inside msg_control has a type.
/// </summary>
public class ControlMessageLiveTests
{
    private static readonly Lazy<string> s_program = new(Build);

    [NeedsTheory("strace", "gcc")]
    [InlineData]
    [InlineData("-v")]
    [InlineData("-X", "raw")]
    [InlineData("-X", "verbose")]
    [InlineData("-s", "4", "-x")]
    public void Control_messages_match_strace(params string[] options)
    {
        string dir = Directory.CreateTempSubdirectory("syscope-cmsg-").FullName;
        try
        {
            var expected = Trace("strace", [], options, dir);
            var actual = Trace(SyscopeCli.Executable, ["trace"], options, dir);
            Assert.True(expected.Count >= 16, $"strace printed only {expected.Count} lines");
            Assert.Contains(expected, l => l.Contains("SO_TIMESTAMPING_NEW") || l.Contains("0x41 /* SO_TIMESTAMPING_NEW */") || l.Contains("cmsg_type=0x41"));
            Assert.Equal(expected, actual);
        }
        finally { Directory.Delete(dir, true); }
    }

    [NeedsFact("gcc")]
    public void Control_messages_are_typed_in_json()
    {
        string dir = Directory.CreateTempSubdirectory("syscope-cmsg-").FullName;
        try
        {
            string json = Path.Combine(dir, "trace.json");
            var r = Runner.Run(SyscopeCli.Executable, ["trace", "--json", "-e", "trace=sendmsg,recvmsg", "-o", json, s_program.Value], workingDirectory: dir);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var controls = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("type").GetString() == "syscall")
                .Select(e => e.GetProperty("args")[1].GetProperty("value"))
                .Where(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("msg_control", out _))
                .Select(m => m.GetProperty("msg_control")).ToList();
            Assert.True(controls.Count >= 10, $"only {controls.Count} calls with control data");
            foreach (var control in controls)
            {
                Assert.Contains(control.GetProperty("type").GetString(), (string[])["array", "int", "pointer"]);
                Assert.DoesNotContain("\"raw\"", control.GetRawText());
            }
            var messages = controls.Where(c => c.GetProperty("type").GetString() == "array")
                .SelectMany(c => c.GetProperty("value").EnumerateArray()).Where(m => m.GetProperty("type").GetString() == "struct")
                .Select(m => m.GetProperty("value")).ToList();
            JsonElement Data(string type) => messages.First(m => m.GetProperty("cmsg_type").GetProperty("value") is { ValueKind: JsonValueKind.String } t && t.GetString() == type).GetProperty("cmsg_data");

            var rights = Data("SCM_RIGHTS");
            Assert.Equal("array", rights.GetProperty("type").GetString());
            Assert.All(rights.GetProperty("value").EnumerateArray(), fd => Assert.True(fd.GetProperty("value").GetInt32() >= 3));
            var cred = Data("SCM_CREDENTIALS");
            Assert.Equal("struct", cred.GetProperty("type").GetString());
            Assert.Equal(0, cred.GetProperty("value").GetProperty("uid").GetProperty("value").GetInt64());
            Assert.True(Data("SO_TIMESTAMP_OLD").GetProperty("value").GetProperty("tv_sec").GetProperty("value").GetInt64() > 1_600_000_000);
            Assert.Equal(3, Data("SO_TIMESTAMPING_NEW").GetProperty("value").GetArrayLength());
            Assert.Equal("127.0.0.1", Data("IP_PKTINFO").GetProperty("value").GetProperty("ipi_addr").GetProperty("value").GetString());
            Assert.Equal(64, Data("IP_TTL").GetProperty("value")[0].GetProperty("value").GetInt32());
            Assert.Equal("AF_INET", Data("IP_ORIGDSTADDR").GetProperty("value").GetProperty("sa_family").GetProperty("value").GetString());
            var error = Data("IP_RECVERR").GetProperty("value");
            Assert.Equal(111, error.GetProperty("ee_errno").GetProperty("value").GetInt32());
            Assert.Equal(53, error.GetProperty("offender").GetProperty("value").GetProperty("sin_port").GetProperty("value").GetInt32());
            Assert.Equal("system_u:object_r:unlabeled_t:s0\0tail..\0", Data("SCM_SECURITY").GetProperty("value").GetString());
        }
        finally { Directory.Delete(dir, true); }
    }

    private static List<string> Trace(string tracer, string[] prefix, string[] options, string dir)
    {
        string output = Path.Combine(dir, "trace.txt");
        var r = Runner.Run(tracer, [.. prefix, .. options, "-e", "trace=sendmsg,recvmsg", "-e", "signal=none", "-o", output, s_program.Value], workingDirectory: dir);
        Assert.True(r.ExitCode == 0, $"{tracer}: {r.Stderr}");
        var lines = File.ReadAllLines(output).Select(Masking.Line).ToList();
        File.Delete(output);
        return lines;
    }

    private static string Build()
    {
        string source = Path.Combine(SyscopeCli.RepoRoot, "tests/Syscope.Tests/Differential/Programs/cmsg.c");
        string binary = Path.Combine(CPrograms.TempDir, "cmsg");
        var r = Runner.Run("gcc", ["-O0", "-o", binary, source]);
        if (r.ExitCode != 0) throw new InvalidOperationException("gcc cmsg.c failed:\n" + r.Stderr);
        return binary;
    }
}
