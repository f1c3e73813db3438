using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>A client blocked in read() on a TCP server that accepted and never answers, both real
/// processes on loopback; `why` and `files` are run on the client as a user would.</summary>
[Collection(Syscope.Tests.Infrastructure.LsofSnapshots.Name)]
public sealed class LoopbackTests : IDisposable
{
    private readonly LiveProcesses _live = new();
    private TestProcess _server = null!, _client = null!;
    private int _port;

    private void StartPair()
    {
        string server = _live.Compile("silent_server.c"), client = _live.Compile("blocked_client.c");
        _server = _live.Start(server);
        _port = int.Parse(LiveProcesses.WaitForLine(_server, _ => true));
        _client = _live.Start(client, _port.ToString());
        LiveProcesses.WaitForLine(_client, l => l.StartsWith("connected"));
        LiveProcesses.WaitForLine(_server, l => l == "accepted");
        LiveProcesses.WaitUntilBlocked(_client.Id, 0);
    }

    [NeedsFact("root", "gcc")]
    public void Why_names_the_blocked_read_both_endpoints_and_the_server()
    {
        StartPair();
        var r = Cli.Run("why", _client.Id.ToString());
        Assert.Equal(0, r.ExitCode);
        var lines = r.Lines;
        Assert.Equal($"PID {_client.Id} (blocked_client): {_live.Dir}/blocked_client {_port}", lines[0]);
        Assert.Matches($@"^thread {_client.Id} \(blocked_client\): sleeping, off CPU for [0-9.]+ s$", lines[2]);
        Assert.Equal("  in read(3, ...)", lines[3]);
        Assert.Matches($@"^  fd 3: TCP 127\.0\.0\.1:\d+ -> 127\.0\.0\.1:{_port}( \([\w.-]+\))? ESTABLISHED, other end held by silent_server \(PID {_server.Id}, fd 4\)$", lines[4]);
        Assert.Equal("findings:", lines[5]);
        Assert.Matches($@"^  thread {_client.Id} has waited [0-9.]+ s in read\(\) for a reply from 127\.0\.0\.1:{_port}( \([\w.-]+\))?, served by silent_server \(PID {_server.Id}\)\.$", lines[6]);
    }

    [NeedsFact("root", "gcc")]
    public void Why_accepts_a_pattern_and_explains_the_server_side()
    {
        StartPair();
        var r = Cli.Run("why", "silent_serve[r]$");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"  thread {_server.Id} has waited", r.Output);
        Assert.Contains("in pause() for a signal.", r.Output);
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Files_agrees_with_lsof_on_the_client()
    {
        StartPair();
        string expected = LiveProcesses.RunTool("lsof", "-p", _client.Id.ToString());
        var r = Cli.Run("files", _client.Id.ToString());
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Rows(expected), Rows(r.Output));
        Assert.Contains(r.Lines, l => l.Contains($"->localhost:{_port} (ESTABLISHED)"));
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Files_with_peers_and_numbers_agrees_with_lsof_plus_E()
    {
        StartPair();
        string pid = _client.Id.ToString();
        string[] theirs = [], ours = [];
        // Inherited pipes (the shell's, the test host's) are shared with processes that come and
        // go between the two runs; a few attempts give both tools the same machine to look at.
        // Each tool leaves itself out of the endpoint lists, and in-process syscope is the test
        // host, so the test host's entries are masked in lsof's rows.
        string self = $" {Environment.ProcessId},";
        for (int attempt = 0; attempt < 5; attempt++)
        {
            theirs = Rows(LiveProcesses.RunTool("lsof", "+E", "-n", "-P", "-p", pid))
                .Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == pid)
                .Select(l => string.Join(' ', Columns(l).Split(' ').Where(c => !(" " + c).StartsWith(self)))).ToArray();
            ours = Rows(Cli.Run("files", "-E", "-n", "-P", pid).Output).Select(Columns).ToArray();
            if (theirs.SequenceEqual(ours)) break;
        }
        Assert.Equal(theirs, ours);
        Assert.Contains(ours, l => l.Contains($"->127.0.0.1:{_port} {_server.Id},silent_se,4u (ESTABLISHED)"));
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Files_dash_i_port_shows_both_ends_and_the_listener()
    {
        StartPair();
        var r = Cli.Run("files", "-i", $":{_port}", "-P");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Rows(LiveProcesses.RunTool("lsof", "-P", "-i", $":{_port}")), Rows(r.Output));
        Assert.Equal(4, r.Lines.Length);
    }

    [NeedsFact("root", "gcc")]
    public void Files_json_describes_the_socket_for_scripts()
    {
        StartPair();
        var r = Cli.Run("files", "--json", _client.Id.ToString());
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Output);
        var process = doc.RootElement[0];
        Assert.Equal(_client.Id, process.GetProperty("pid").GetInt32());
        Assert.Equal("blocked_client", process.GetProperty("command").GetString());
        var socket = process.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("fd").GetString() == "3");
        Assert.Equal("IPv4", socket.GetProperty("type").GetString());
        Assert.Equal("u", socket.GetProperty("mode").GetString());
        Assert.Equal("127.0.0.1", socket.GetProperty("remote_address").GetString());
        Assert.Equal(_port, socket.GetProperty("remote_port").GetInt32());
        Assert.Equal("ESTABLISHED", socket.GetProperty("state").GetString());
    }

    /// <summary>The rows with the header's alignment kept; nothing is masked because the test
    /// processes write nothing while inspected.</summary>
    private static string[] Rows(string screen) => screen.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

    /// <summary>lsof +E lists the peer rows too, which widens columns: compare cell by cell.</summary>
    private static string Columns(string row) => string.Join(' ', row.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public void Dispose() => _live.Dispose();
}
