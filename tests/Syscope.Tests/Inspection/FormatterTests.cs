using System.Net;
using Syscope.Inspection;
using Syscope.Inspection.Files;
using Syscope.Inspection.Procfs;
using Syscope.Inspection.Why;
using Syscope.Syscalls;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>Whole screens of `files` and `why` from values, asserted line by line.</summary>
public class FormatterTests
{
    private static readonly ProcessEntry Client = new(4242, "mariadb-client-x", "mariadb -e SELECT SLEEP(30)", 0, 'S', 2, 75);

    [Fact]
    public void Lsof_layout_sizes_columns_and_cuts_the_command_to_nine()
    {
        var files = new ProcessFiles(Client, "root",
        [
            new("cwd", ' ', "DIR", "254,0", "4096", "2", "/"),
            new("0", 'r', "CHR", "1,3", "0t0", "3", "/dev/null"),
            new("250", 'u', "IPv4", "24117", "0t0", "TCP", "localhost:53928->localhost:mysql (ESTABLISHED)"),
        ]);
        var output = new StringWriter();
        LsofFormatter.Write(output, [files]);
        Assert.Equal(
            """
            COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME
            mariadb-c 4242 root  cwd    DIR  254,0     4096    2 /
            mariadb-c 4242 root    0r   CHR    1,3      0t0    3 /dev/null
            mariadb-c 4242 root  250u  IPv4  24117      0t0  TCP localhost:53928->localhost:mysql (ESTABLISHED)

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public void Lsof_layout_keeps_the_fd_column_four_wide()
    {
        var files = new ProcessFiles(Client with { Comm = "python3" }, "root",
        [
            new("cwd", ' ', "DIR", "254,0", "4096", "2", "/"),
            new("8005", 'u', "unix", "0x000000003138831c", "0t0", "278993", "type=STREAM (CONNECTED)"),
            new("10001", 'r', "REG", "254,0", "52", "11657988", "/tmp/x") { Lock = 'W' },
        ]);
        var output = new StringWriter();
        LsofFormatter.Write(output, [files]);
        Assert.Equal(
            """
            COMMAND  PID USER   FD   TYPE             DEVICE SIZE/OFF     NODE NAME
            python3 4242 root  cwd    DIR              254,0     4096        2 /
            python3 4242 root 8005u  unix 0x000000003138831c      0t0   278993 type=STREAM (CONNECTED)
            python3 4242 root *001rW  REG              254,0       52 11657988 /tmp/x

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public void Peers_go_before_the_state_as_lsof_plus_E_puts_them()
    {
        var row = new OpenFile("3", 'u', "IPv4", "1", "0t0", "TCP", "localhost:1->localhost:2 (ESTABLISHED)") { Peers = "812,mariadbd,33u" };
        Assert.Equal("localhost:1->localhost:2 812,mariadbd,33u (ESTABLISHED)", row.NameWithPeers);
        var pipe = new OpenFile("1", 'w', "FIFO", "0,15", "0t0", "9", "pipe") { Peers = "7,cat,0r" };
        Assert.Equal("pipe 7,cat,0r", pipe.NameWithPeers);
    }

    private static ThreadReport Blocked(int tid, double off, string call, WaitKind kind, params FdTarget[] fds) =>
        new(tid, "mariadb", 'S', off, call, call + "(...)", kind, fds);

    private static readonly FdTarget ToServer = new(3, "TCP 127.0.0.1:40000 -> 127.0.0.1:3306 (mysql) ESTABLISHED, other end held by mariadbd (PID 812, fd 33)",
        "127.0.0.1:3306 (mysql)", new Endpoint(812, "mariadbd", 33, 'u'));

    [Fact]
    public void Why_screen_groups_threads_idle_the_same_way_and_ends_with_findings()
    {
        var d = new Diagnosis(Client, "root", 1,
        [
            Blocked(4242, 21.4, "poll", WaitKind.Polling, ToServer),
            Blocked(4243, 3.2, "futex", WaitKind.Lock),
            Blocked(4244, 5.0, "futex", WaitKind.Lock),
        ]);
        var output = new StringWriter();
        WhyFormatter.Write(output, d);
        Assert.Equal(
            """
            PID 4242 (mariadb-client-x): mariadb -e SELECT SLEEP(30)
            user root, 3 threads, running for 01:15, parent PID 1

            thread 4242 (mariadb): sleeping, off CPU for 21 s
              in poll(...)
              fd 3: TCP 127.0.0.1:40000 -> 127.0.0.1:3306 (mysql) ESTABLISHED, other end held by mariadbd (PID 812, fd 33)

            threads 4243, 4244 (mariadb): sleeping, off CPU for 5.0 s
              in futex(...)

            findings:
              thread 4242 has waited 21 s in poll() for a reply from 127.0.0.1:3306 (mysql), served by mariadbd (PID 812).
              2 threads (4243, 4244) have waited 5.0 s in futex() for a lock or condition variable (futex).

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Theory]
    [InlineData(WaitKind.Reading, "read", "thread 7 has waited 2.0 s in read() for data from a pipe written by producer (PID 9).")]
    [InlineData(WaitKind.Writing, "write", "thread 7 has waited 2.0 s in write() for producer (PID 9) to read from a full pipe.")]
    public void Pipe_findings_name_the_process_at_the_other_end(WaitKind kind, string call, string expected)
    {
        var pipe = new FdTarget(1, "pipe 99, other end held by producer (PID 9, fd 1w)", Peer: new Endpoint(9, "producer", 1, 'w'));
        Assert.Equal(expected, WhyFormatter.Finding([new ThreadReport(7, "x", 'S', 2, call, null, kind, [pipe])]));
    }

    [Fact]
    public void Findings_for_running_stopped_and_listening_threads()
    {
        Assert.Equal("thread 7 is busy on a CPU, not waiting (97% of a CPU over 1.0 s).",
            WhyFormatter.Finding([new ThreadReport(7, "x", 'R', 0, null, null, WaitKind.Other, []) { CpuShare = 0.97 }]));
        Assert.Equal("thread 7 is stopped by a signal (SIGSTOP, SIGTSTP, SIGTTIN or SIGTTOU) and will not run until it gets SIGCONT.",
            WhyFormatter.Finding([new ThreadReport(7, "x", 'T', 1, null, null, WaitKind.Other, [])]));
        Assert.Equal("thread 7 is stopped by its debugger gdb (PID 5) and will not run until the debugger lets it.",
            WhyFormatter.Finding([new ThreadReport(7, "x", 't', 1, null, null, WaitKind.Other, [])], "gdb (PID 5)"));
        var listener = new FdTarget(3, "TCP socket listening on 127.0.0.1:3306 (mysql)", "127.0.0.1:3306 (mysql)", Listening: true);
        Assert.Equal("thread 7 has waited 130 s in accept() for a connection on 127.0.0.1:3306 (mysql).",
            WhyFormatter.Finding([new ThreadReport(7, "x", 'S', 130, "accept", null, WaitKind.Accepting, [listener])]).Replace("2 min 10 s", "130 s"));
    }
}
