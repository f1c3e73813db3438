using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>End to end with Debian's MariaDB: a private server (datadir, socket and port under a
/// temp dir), the real `mariadb` client running SELECT SLEEP(30) over TCP, and `why` on the client.</summary>
[Collection(Syscope.Tests.Infrastructure.LsofSnapshots.Name)]
public sealed class MariaDbTests : IDisposable
{
    private readonly LiveProcesses _live = new();

    [NeedsFact("root", "mariadbd", "mariadb", "mariadb-install-db")]
    public void Why_on_a_waiting_client_names_the_server_and_its_port_within_two_seconds()
    {
        string data = Path.Combine(_live.Dir, "data"), socket = Path.Combine(_live.Dir, "mysqld.sock");
        var install = Runner.Run("mariadb-install-db", ["--no-defaults", $"--datadir={data}", "--user=root",
            "--auth-root-authentication-method=normal", "--skip-test-db"], timeoutMs: 180_000);
        Assert.True(install.ExitCode == 0, "mariadb-install-db failed: " + install.Stderr);

        int port = FreePort();
        var server = _live.Start(Machine.Find("mariadbd")!, "--no-defaults", $"--datadir={data}", $"--socket={socket}",
            $"--port={port}", "--bind-address=127.0.0.1", "--user=root", "--skip-grant-tables",
            $"--pid-file={_live.Dir}/mysqld.pid", "--skip-log-bin", "--innodb-buffer-pool-size=16M");
        WaitForPort(port, server);

        var client = _live.Start("mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", port.ToString(), "-u", "root",
            "-e", "SELECT SLEEP(30)");
        WaitUntilWaitingOnSocket(client.Id);

        var clock = Stopwatch.StartNew();
        var r = Cli.Run("why", client.Id.ToString());
        clock.Stop();
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"why took {clock.Elapsed.TotalSeconds:0.00} s");
        // The client waits in poll() on its socket; the set is read from its memory.
        Assert.Contains(r.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  in (poll\(\[\{fd=3, events=POLLIN[^}]*\}\], 1, -?\d+\)|read\(3, .*|recvfrom\(3, .*)$"));
        string finding = r.Lines.Single(l => l.StartsWith($"  thread {client.Id} has waited"));
        // The port is a random free one; /etc/services may name it, which shows as " (name)".
        Assert.Matches($@"for a reply from 127\.0\.0\.1:{port}( \([\w.-]+\))?, served by mariadbd \(PID {server.Id}\)\.$", finding);
        Assert.Contains(r.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l,
            $@"-> 127\.0\.0\.1:{port}( \([\w.-]+\))? ESTABLISHED, other end held by mariadbd \(PID {server.Id}, fd \d+\)$"));

        // files on the server agrees with lsof row for row: io_uring mappings, write locks (uW),
        // the listener and the client's connection.  Only the sizes of the files the server is
        // writing into its datadir may change between the two runs, so only they are masked.
        string pid = server.Id.ToString();
        var theirs = Masked(LiveProcesses.RunTool("lsof", "-p", pid), data);
        var ours = Masked(Cli.Run("files", pid).Output, data);
        Assert.Equal(theirs, ours);
        Assert.Contains(ours, l => l.Contains($"TCP localhost:{port} (LISTEN)"));
        Assert.Contains(ours, l => l.Contains("uW REG") && l.EndsWith("/ibdata1"));
    }

    private static string[] Masked(string screen, string datadir) =>
        screen.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(row =>
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells[^1].StartsWith(datadir) && cells.Length > 6) cells[^4] = "SIZE";
            return string.Join(' ', cells);
        }).ToArray();

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static void WaitForPort(int port, TestProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) throw new InvalidOperationException("mariadbd exited:\n" + server.Printed());
            try { using var c = new TcpClient(); c.Connect(IPAddress.Loopback, port); return; }
            catch (SocketException) { Thread.Sleep(100); }
        }
        throw new TimeoutException("mariadbd did not open its port");
    }

    /// <summary>The client has sent the query once it sits in poll/read/recvfrom on its socket.</summary>
    private static void WaitUntilWaitingOnSocket(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            string nr = File.ReadAllText($"/proc/{pid}/syscall").Split(' ')[0];
            if (nr is "0" or "7" or "45" or "271" or "47") { Thread.Sleep(200); return; }
            Thread.Sleep(50);
        }
        throw new TimeoutException("the mariadb client never started waiting");
    }

    public void Dispose() => _live.Dispose();
}
