using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Inspection;

/// <summary>
/// lsof's options, differential: a Python holder (a file, a TCP listener and a connection to it on
/// loopback, a UDP socket, an IPv6 listener, a UNIX socket pair, a pipe) and a listener running as
/// nobody; each invocation runs under Debian's lsof and under `syscope files` with the same
/// words, restricted to these processes (-a -p) where the selection is machine-wide, and
/// stdout and exit status must be the same.  Nothing is masked: the holders are idle while
/// both tools look.  Invocations that lsof refuses must be refused too, with lsof's message.
/// </summary>
[Collection(LsofSnapshots.Name)]
public sealed class LsofOptionsTests(ITestOutputHelper log) : IDisposable
{
    private const string HolderScript = """
        import os, socket, sys, time
        d = sys.argv[1]
        held = open(os.path.join(d, 'held.txt'), 'w'); held.write('hello'); held.flush()
        s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()
        c = socket.create_connection(s.getsockname()); a, _ = s.accept()
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0))
        v6 = socket.socket(socket.AF_INET6); v6.bind(('::1', 0)); v6.listen()
        x, y = socket.socketpair()
        r, w = os.pipe()
        print(s.getsockname()[1], flush=True)
        time.sleep(600)
        """;

    private readonly LiveProcesses _live = new();

    [NeedsFact("root", "lsof", "python3", "setpriv")]
    public void Every_option_lists_what_lsof_lists()
    {
        string dir = _live.Dir, script = Path.Combine(dir, "holder.py");
        File.WriteAllText(script, HolderScript);
        var holder = _live.Start("python3", script, dir);
        string port = LiveProcesses.WaitForLine(holder, _ => true);
        var nobody = _live.Start("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "/usr/bin/python3", "-c",
            "import socket,time\ns=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(); print('ready', flush=True); time.sleep(600)");
        LiveProcesses.WaitForLine(nobody, l => l == "ready");
        string p = holder.Id.ToString(), n = nobody.Id.ToString(), held = Path.Combine(dir, "held.txt");
        var gone = _live.Start("true");
        gone.AssertExits();
        string[][] cases =
        [
            ["-p", p], ["-p", $"{p},{n}"], ["-a", "-p", $"{n},^{p}"], ["-p", $"{gone.Id}"], ["-p", $"{p},{gone.Id}", "-a", "-d", "cwd"],
            ["-t", "-a", "-p", p, "-i"], ["-t", "-a", "-p", $"{p},{n}", "-i", "TCP"], ["-t", "-p", $"{gone.Id}"],
            ["-a", "-p", p, "-i"], ["-a", "-p", p, "-i", "TCP"], ["-a", "-p", p, "-i", "UDP"], ["-a", "-p", p, "-i", "4"],
            ["-a", "-p", p, "-i", "6"], ["-a", "-p", p, "-i", "4TCP"], ["-a", "-p", p, "-iTCP", "-P"], ["-a", "-p", p, "-i", $":{port}", "-P"],
            ["-a", "-p", p, "-i", $"TCP:{port}", "-P"], ["-a", "-p", p, "-i", $"TCP:1-{port}", "-P"], ["-a", "-p", p, "-i", "@127.0.0.1", "-n", "-P"],
            ["-a", "-p", p, "-i", "@[::1]", "-n", "-P"], ["-a", "-p", p, "-i", "@localhost", "-P"], ["-a", "-p", p, "-i", ":1"], ["-a", "-p", p, "-nPi"],
            ["-a", "-p", p, "-i", "TCP", "-s", "TCP:LISTEN"], ["-a", "-p", p, "-i", "-s", "TCP:^LISTEN"], ["-a", "-p", p, "-i", "-sTCP:ESTABLISHED,LISTEN"],
            ["-a", "-p", p, "-s", "TCP:LISTEN", "-d", "3-7"], ["-a", "-p", $"{p},{n}", "-i", "-s", "TCP:LISTEN"],
            ["-a", "-p", p, "-c", "python"], ["-a", "-p", p, "-c", "/^pyth.*3/"], ["-a", "-p", p, "-c", "^python"], ["-a", "-p", $"{p},{n}", "-c", "^nosuch"],
            ["-a", "-p", p, "-u", "root"], ["-a", "-p", p, "-u", "^root"], ["-a", "-p", $"{p},{n}", "-u", "nobody"], ["-a", "-p", $"{p},{n}", "-u", "^nobody"],
            ["-a", "-p", $"{p},{n}", "-u", "0"], ["-a", "-p", n, "-l"], ["-a", "-p", $"{p},{n}", "-l", "-d", "cwd"],
            ["-a", "-p", p, "-d", "0-2,cwd"], ["-a", "-p", p, "-d", "^mem"], ["-a", "-p", p, "-d", "^mem,^txt,^1"], ["-a", "-p", p, "-d", "3-20"], ["-a", "-p", p, "-d", "rtd,txt"],
            ["-a", "-p", p, "-U"], ["-a", "-p", p, "-U", "-d", "0-10"],
            ["-a", "-p", p, held], [held], ["-t", held], ["-a", "-p", p, "+d", dir], ["-a", "-p", p, "+D", dir], ["+D", dir], ["-a", "-p", p, "+D", "/etc"],
            ["-a", "-p", p, "-F", "pcfn"], ["-a", "-p", p, "-F"], ["-a", "-p", p, "-F0"], ["-a", "-p", p, "-F", "pcfnPtTsoi", "-d", "3-30"],
            ["-a", "-p", $"{p},{n}", "-F", "pgRcuLn", "-d", "cwd"], ["-a", "-p", p, "-F", "n", "-i"], ["-a", "-p", p, "-F", "pcfnTP", "-i"], ["-a", "-p", p, "-F", "pcfnT", "-U"],
            ["-a", "-p", p, "-R"], ["-a", "-p", p, "-g"], ["-a", "-p", p, "-R", "-g", "-l"], ["-a", "-p", p, "-o"], ["-a", "-p", p, "-s"], ["-a", "-p", p, "-o", "-d", "3-30"],
            ["-a", "-p", p, "-n"], ["-a", "-p", p, "-P"], ["-a", "-p", p, "-n", "-P", "-i"], ["-a", "-p", p, "-w"], ["-a", "-p", p, "-S", "5"], ["-a", "-p", p, "-b", "-w"],
            ["+c", "0", "-a", "-p", p, "-d", "cwd"], ["+c", "3", "-a", "-p", p, "-d", "cwd"], ["+c", "15", "-a", "-p", $"{p},{n}"], ["+c", "20"], ["+c", "x"],
            ["-d", "5-2"], ["-d", "0-2,^1"], ["-i", "7"], ["-i", "@no-such-host.invalid"], ["-i", ":no-such-service"], ["-s", "TCP:foo"], ["-s", "UDP:Idle"],
            ["-u", "no-such-user"], ["-j"], ["-o", "-s"], ["-p", "12x"], ["-p", $"{p},^{p}"], ["-c", "/a[/"],
        ];
        var different = cases.Select(LsofComparison.Run).Where(c => !c.Identical).ToList();
        log.WriteLine($"lsof invocations compared: {cases.Length}, identical: {cases.Length - different.Count}, different: {different.Count}");
        Assert.True(different.Count == 0, $"{different.Count} of {cases.Length} differ:\n" + string.Join("\n\n", different.Select(c => c.Describe())));
    }

    [NeedsFact("root")]
    public void Plus_r_repeats_until_nothing_is_listed()
    {
        var sleeper = _live.Start("sleep", "2.5");
        var r = SyscopeCli.Run("files", "+r", "1", "-a", "-p", sleeper.Id.ToString(), "-d", "cwd");
        Assert.Equal(0, r.ExitCode);
        var passes = r.Stdout.Split("=======\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(passes.Length, 2, 4);
        Assert.All(passes, pass => Assert.Matches($@"^COMMAND +PID USER +FD +TYPE DEVICE SIZE/OFF +NODE NAME\nsleep +{sleeper.Id} root +cwd +DIR ", pass));
    }

    [NeedsFact("root")]
    public void Terse_output_feeds_kill()
    {
        var holder = _live.Start("python3", "-c", "import socket,time\ns=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(600)");
        string port = LiveProcesses.WaitForLine(holder, _ => true);
        var r = SyscopeCli.Run("lsof", "-t", "-i", $":{port}");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"{holder.Id}\n", r.Stdout);
    }

    [NeedsFact("root")]
    public void No_selection_lists_every_process_and_exits_0()
    {
        var sleeper = _live.Start("sleep", "600");
        var r = SyscopeCli.Run("files");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Stdout.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^sleep +{sleeper.Id} +root +cwd "));
    }

    [Fact]
    public void Version_is_no_pattern()
    {
        var r = SyscopeCli.Run("files", "-v");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("syscope files (lsof 4.95 compatible) version information:\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    public void Dispose() => _live.Dispose();
}
