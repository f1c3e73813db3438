using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>`why` on other ways of waiting: epoll on a UNIX socket, and a reader of a pipe.</summary>
public sealed class WhyScenarioTests : IDisposable
{
    private readonly LiveProcesses _live = new();

    [NeedsFact("root", "python3")]
    public void Epoll_on_a_unix_socket_names_the_path_and_the_server()
    {
        string path = Path.Combine(_live.Dir, "srv.sock");
        var server = _live.Start("python3", "-c",
            "import socket,sys,time\ns=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(); print('ready', flush=True)\nc,_=s.accept(); print('accepted', flush=True); time.sleep(60)", path);
        LiveProcesses.WaitForLine(server, l => l == "ready");
        var client = _live.Start("python3", "-c",
            "import socket,select,sys\nc=socket.socket(socket.AF_UNIX); c.connect(sys.argv[1]); ep=select.epoll(); ep.register(c.fileno(), select.EPOLLIN); print('waiting', flush=True); ep.poll(60)", path);
        LiveProcesses.WaitForLine(client, l => l == "waiting");
        LiveProcesses.WaitForLine(server, l => l == "accepted");
        LiveProcesses.WaitUntilBlocked(client.Id, 232);

        var r = Cli.Run("why", client.Id.ToString());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Lines, l => l.StartsWith("  in epoll_wait("));
        Assert.Contains(r.Lines, l => l.StartsWith("  fd 3: UNIX STREAM socket (unnamed) -> " + path + " CONNECTED, other end held by python3 (PID " + server.Id + ", fd 4)"));
        Assert.Matches($@"^  thread {client.Id} has waited [0-9.]+ s in epoll_wait\(\) for a reply from {System.Text.RegularExpressions.Regex.Escape(path)}, served by python3 \(PID {server.Id}\) \(timeout 60 s, \d+ s left\)\.$",
            r.Lines.Single(l => l.StartsWith($"  thread {client.Id} has")));
    }

    [NeedsFact("root", "python3")]
    public void Select_reads_the_fd_set_from_memory_and_names_the_server()
    {
        var server = _live.Start("python3", "-c",
            "import socket,time\ns=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(); print(s.getsockname()[1], flush=True)\nc,_=s.accept(); print('accepted', flush=True); time.sleep(60)");
        string port = LiveProcesses.WaitForLine(server, _ => true);
        var client = _live.Start("python3", "-c",
            "import socket,select,sys\nc=socket.create_connection(('127.0.0.1',int(sys.argv[1]))); print('waiting', flush=True); select.select([c],[],[],60)", port);
        LiveProcesses.WaitForLine(client, l => l == "waiting");
        // Until accept() returns, the server's end of the connection belongs to no fd.
        LiveProcesses.WaitForLine(server, l => l == "accepted");
        for (int i = 0; i < 250 && !File.ReadAllText($"/proc/{client.Id}/syscall").StartsWith("23 ") && !File.ReadAllText($"/proc/{client.Id}/syscall").StartsWith("270 "); i++)
            Thread.Sleep(20);

        var r = Cli.Run("why", client.Id.ToString());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l,
            $@"^  fd 3: TCP 127\.0\.0\.1:\d+ -> 127\.0\.0\.1:{port}( \([\w.-]+\))? ESTABLISHED, other end held by python3 \(PID {server.Id}, fd 4\)$"));
        Assert.Matches($@"^  thread {client.Id} has waited [0-9.]+ s in (select|pselect6)\(\) for a reply from 127\.0\.0\.1:{port}( \([\w.-]+\))?, served by python3 \(PID {server.Id}\) \(timeout 60 s, \d+ s left\)\.$",
            r.Lines.Single(l => l.StartsWith($"  thread {client.Id} has")));
    }

    [NeedsFact("root", "python3")]
    public void A_server_in_accept_waits_for_a_connection_on_its_endpoint()
    {
        var server = _live.Start("python3", "-c",
            "import socket\ns=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(); print(s.getsockname()[1], flush=True); s.accept()");
        string port = LiveProcesses.WaitForLine(server, _ => true);
        LiveProcesses.WaitUntilBlocked(server.Id, 43, 288);
        var r = Cli.Run("why", server.Id.ToString());
        Assert.Contains(r.Lines, l => l.StartsWith("  in accept(3, ") || l.StartsWith("  in accept4(3, "));
        Assert.Matches($@"^  fd 3: TCP socket listening on 127\.0\.0\.1:{port}( \([\w.-]+\))?$", r.Lines.Single(l => l.StartsWith("  fd 3:")));
        Assert.Matches($@"^  thread {server.Id} has waited [0-9.]+ s in accept4?\(\) for a connection on 127\.0\.0\.1:{port}( \([\w.-]+\))?\.$", r.Lines[^1]);
    }

    [NeedsFact("root", "python3")]
    public void A_read_on_a_named_pipe_only_it_holds_says_so()
    {
        string fifo = Path.Combine(_live.Dir, "in.fifo");
        var reader = _live.Start("python3", "-c",
            "import os,sys\nos.mkfifo(sys.argv[1]); fd=os.open(sys.argv[1], os.O_RDWR); os.dup2(fd, 7); print('ready', flush=True); os.read(7, 10)", fifo);
        LiveProcesses.WaitForLine(reader, l => l == "ready");
        LiveProcesses.WaitUntilBlocked(reader.Id, 0);
        var r = Cli.Run("why", reader.Id.ToString());
        Assert.Contains("  in read(7, ...)", r.Lines);
        Assert.Contains($"  fd 7: named pipe {fifo}, held by no other process", r.Lines);
        Assert.Matches($@"^  thread {reader.Id} has waited [0-9.]+ s in read\(\) reading named pipe .*, held by no other process\.$", r.Lines[^1]);
    }

    [NeedsFact("root", "sh", "cat")]
    public void A_pipe_reader_names_the_writer()
    {
        var shell = _live.Start("sh", "-c", "sleep 60 | cat");
        int cat = 0;
        for (int i = 0; i < 200 && cat == 0; i++, Thread.Sleep(20))
            cat = Syscope.Inspection.ProcessTable.Pids().FirstOrDefault(pid =>
                Syscope.Inspection.ProcessTable.TryRead(pid) is { } p && p.Comm == "cat" && File.ReadAllText($"/proc/{pid}/stat").Contains($") S {shell.Id} "));
        Assert.NotEqual(0, cat);
        LiveProcesses.WaitUntilBlocked(cat, 0);
        var r = Cli.Run("why", cat.ToString());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("  in read(0, ...)", r.Lines);
        Assert.Matches($@"^  thread {cat} has waited [0-9.]+ s in read\(\) for data from a pipe written by sleep \(PID \d+\)\.$", r.Lines.Single(l => l.StartsWith($"  thread {cat} has")));
    }

    [NeedsFact("root", "python3", "lsof")]
    public void Files_dash_E_shows_named_fifo_endpoints_as_lsof_plus_E_does()
    {
        string fifo = Path.Combine(_live.Dir, "ends.fifo");
        var reader = _live.Start("python3", "-c", "import os,sys,time\nos.mkfifo(sys.argv[1]); fd=os.open(sys.argv[1], os.O_RDWR); print('ready', flush=True); time.sleep(120)", fifo);
        LiveProcesses.WaitForLine(reader, l => l == "ready");
        var writer = _live.Start("python3", "-c", "import os,sys,time\nfd=os.open(sys.argv[1], os.O_WRONLY); print('ready', flush=True); time.sleep(120)", fifo);
        LiveProcesses.WaitForLine(writer, l => l == "ready");
        string pid = reader.Id.ToString();
        static string Cells(string row) => string.Join(' ', row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var theirs = LiveProcesses.RunTool("lsof", "+E", "-p", pid).Split('\n')
            .Where(l => l.Contains(fifo) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == pid).Select(Cells).ToList();
        var ours = Cli.Run("files", "-E", pid).Lines.Where(l => l.Contains(fifo)).Select(Cells).ToList();
        Assert.Equal(theirs, ours);
        Assert.Equal($"python3 {pid} root 3u FIFO", string.Join(' ', ours.Single().Split(' ').Take(5)));
        Assert.EndsWith($"{fifo} {writer.Id},python3,3w", ours.Single());
    }

    public void Dispose() => _live.Dispose();
}
