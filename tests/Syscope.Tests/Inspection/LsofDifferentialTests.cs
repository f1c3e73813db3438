using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Inspection;

/// <summary>
/// lsof's options beyond the selections (-g PGID lists, -K tasks, +L link counts, -T TCP/TPI
/// info, -x with +d/+D, -b, -o N, -S N, -r/+r, -X, +e/-e, -N, -M, +E/-E) and its exit-status rules, each run under Debian's
/// lsof and `syscope files` on the same live processes: a Python holder in a process group of its
/// own, with two more threads, a deleted file and a twice-linked file open, a TCP listener and a
/// connection with unread bytes, a UDP socket and a UNIX socket pair; a directory tree with a
/// symbolic link out of it and, where the machine allows, a tmpfs mounted inside it.  Rows are
/// scored as missing and extra; nothing is masked, since the holders are idle while both look.
/// </summary>
[Collection(LsofSnapshots.Name)]
public sealed class LsofDifferentialTests(ITestOutputHelper log) : IDisposable
{
    private const string HolderScript = """
        import os, socket, sys, threading, time
        d = sys.argv[1]
        os.setpgid(0, 0)
        gone = open(os.path.join(d, 'gone.txt'), 'w'); gone.write('x' * 10); gone.flush(); os.unlink(os.path.join(d, 'gone.txt'))
        twice = open(os.path.join(d, 'tree', 'twice.txt'), 'w'); os.link(twice.name, os.path.join(d, 'twice-link.txt'))
        outside = open(os.path.join(d, 'outside.txt'))
        below = open(os.path.join(d, 'tree', 'sub', 'below.txt'))
        mounted = open(os.path.join(d, 'tree', 'mnt', 'm.txt'), 'w')
        s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()
        c = socket.create_connection(s.getsockname()); a, _ = s.accept(); c.sendall(b'unread')
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0))
        x, y = socket.socketpair()
        wait = threading.Event()
        for _ in range(2): threading.Thread(target=wait.wait, daemon=True).start()
        print(s.getsockname()[1], flush=True)
        time.sleep(600)
        """;

    private readonly LiveProcesses _live = new();
    private bool _mounted;

    private (string Pid, string Port, string Single) StartHolders()
    {
        string d = _live.Dir;
        Directory.CreateDirectory(Path.Combine(d, "tree", "sub"));
        Directory.CreateDirectory(Path.Combine(d, "tree", "mnt"));
        File.WriteAllText(Path.Combine(d, "outside.txt"), "out");
        File.WriteAllText(Path.Combine(d, "tree", "sub", "below.txt"), "below");
        File.CreateSymbolicLink(Path.Combine(d, "tree", "link"), Path.Combine(d, "outside.txt"));
        // A file system inside the tree, for -x f; without the right to mount, the folder stays a folder.
        _mounted = Runner.Run("mount", ["-t", "tmpfs", "lsof-x", Path.Combine(d, "tree", "mnt")]).ExitCode == 0;
        if (!_mounted) log.WriteLine("no tmpfs mounted (not permitted here): -x f crosses nothing");
        File.WriteAllText(Path.Combine(d, "holder.py"), HolderScript);
        var holder = _live.Start("python3", Path.Combine(d, "holder.py"), d);
        string port = LiveProcesses.WaitForLine(holder, _ => true);
        var single = _live.Start("sleep", "600");
        WaitUntil(() => File.Exists($"/proc/{single.Id}/comm") && File.ReadAllText($"/proc/{single.Id}/comm") == "sleep\n");
        WaitUntil(() => Directory.GetDirectories($"/proc/{holder.Id}/task").Length == 3);
        return (holder.Id.ToString(), port, single.Id.ToString());
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline) Thread.Sleep(20);
    }

    [NeedsFact("root", "lsof", "python3")]
    public void Options_list_the_rows_lsof_lists()
    {
        var (p, port, single) = StartHolders();
        string d = _live.Dir, tree = Path.Combine(d, "tree"), mnt = Path.Combine(tree, "mnt");
        string[][] cases =
        [
            // -g: the PGID column, and PGID lists (the holder leads its own group)
            ["-a", "-p", p, "-g"], ["-g", p], ["-g", p, "-a", "-d", "cwd"], ["-a", "-p", p, "-g", $"^{p}"], ["-g", $"{p},999999"],
            ["-a", "-p", p, "-g", p, "-R"], ["-a", "-p", p, "-F", "pgc", "-g", p, "-d", "cwd"], ["-g", "x"], ["-g", $"{p},^{p}"],
            // -K: tasks; a process without threads is not selected
            ["-a", "-p", p, "-K"], ["-a", "-p", p, "-K", "i"], ["-a", "-p", p, "-Ki", "-d", "cwd"], ["-a", "-p", p, "-K", "-d", "cwd", "-R", "-g"],
            ["-a", "-p", p, "-K", "-F", "pKMcfn", "-d", "0-3"], ["-a", "-p", p, "-K", "-F0", "-d", "1"], ["-a", "-p", p, "-K", "-t"],
            ["-a", "-p", single, "-K"], ["-a", "-p", $"{p},{single}", "-K", "-d", "cwd"], ["+c", "3", "-a", "-p", p, "-K", "-d", "cwd"], ["-K", "x"],
            // +L: link counts; +L1 the deleted files still open
            ["-a", "-p", p, "+L"], ["-a", "-p", p, "+L1"], ["-a", "-p", p, "+L2"], ["-a", "-p", p, "+L", "1"], ["-a", "-p", p, "-L"],
            ["-a", "-p", p, "+L1", "-F", "pfnk"], ["+L1", "-a", "-p", p, "-d", "0-50"], ["-a", "-p", p, "+L", "-d", "3-50", "-K"], ["-L5"],
            // -T: TCP/TPI info in NAME (state by default)
            ["-a", "-p", p, "-i", "-T"], ["-a", "-p", p, "-i", "-Tqs"], ["-a", "-p", p, "-i", "-Tq"], ["-a", "-p", p, "-i", "-Ts"], ["-a", "-p", p, "-i", "-Tf"],
            ["-a", "-p", p, "-i", "-Tsqf"], ["-a", "-p", p, "-i", "+T"], ["-a", "-p", p, "-i", "-T", "-n", "-P"], ["-a", "-p", p, "-i", "UDP", "-T"],
            ["-a", "-p", p, "-U", "-Tq"], ["-a", "-p", p, "-i", "-Tq", "-F", "pfnT"], ["-T", "z"], ["-Tw"],
            // -x with +d/+D: cross mount points (f) and follow symbolic links (l); -x after +D changes nothing
            ["-a", "-p", p, "+D", tree], ["-x", "-a", "-p", p, "+D", tree], ["-x", "l", "-a", "-p", p, "+D", tree], ["-x", "f", "-a", "-p", p, "+D", tree],
            ["-xfl", "-a", "-p", p, "+D", tree], ["-x", "-a", "-p", p, "+d", tree], ["-a", "-p", p, "+D", tree, "-x"], ["-x", "-a", "-p", p], ["-x", "q", "+D", tree],
            // exit statuses: nothing listed is no failure; a selector never found is
            ["-a", "-p", p, "-d", "999"], ["-a", "-p", single, "-U"], ["-a", "-p", p, "-i", "TCP", "-s", "TCP:LISTEN,CLOSE_WAIT"],
            ["-a", "-p", p, "-d", "999", "-i", "TCP", "-s", "TCP:LISTEN"], ["-a", "-p", p, "-i", "UDP:1-2"], ["-a", "-p", single, "-i"],
            // -i forms: service names, ranges, both ends
            ["-a", "-p", p, "-i", $"TCP:http,{port}", "-P"], ["-a", "-p", p, "-i", $"@127.0.0.1:{port}", "-P"], ["-a", "-p", p, "-i", "4UDP"],
            ["-a", "-p", p, "-i", $"TCP:1-{port}", "-s", "TCP:^LISTEN", "-P"],
            // -o N, -S N, -F letters, missing values
            ["-a", "-p", p, "-d", "txt"], ["-a", "-p", p, "-d", "mem"], ["-a", "-p", p, "-d", "txt,mem"], ["-c", "/pyth/", "-a", "-p", p, "-d", "txt"],
            ["-a", "-p", p, "-o", "5", "-d", "1"], ["-a", "-p", p, "-o5", "-d", "1"], ["-a", "-p", p, "-o", "-d", "3-9"], ["-a", "-p", p, "-S", "1", "-d", "cwd"],
            ["-a", "-p", p, "-S", "-d", "cwd"], ["-a", "-p", p, "-F", "pcfnk"], ["-F", "/x"], ["-F", "pn", "-t"], ["-s", "tcp"], ["-s", "FOO:LISTEN"],
            ["-p"], ["-c"], ["-u"], ["-d"], ["+d"], ["-p", "1,2x"], ["-r", "1m"], ["-F", "pn", "-r", "1m%n"],
            // -X: no TCP or UDP table read; -N: NFS files; -M: no portmapper.  -e/+e: files of an exempted file
            // system unstat'ed, with -s: after such a file lsof 4.95 shows 0t64 as the offset of every later
            // row of the process, which is no offset of theirs (syscope shows the real ones).
            ["-X", "-a", "-p", p], ["-X", "-a", "-p", p, "-U"], ["-X", "-i"], ["-s", "-e", mnt, "-a", "-p", p], ["-s", "+e", mnt, "-a", "-p", p, "-d", "0-50"],
            ["-s", "-e", "/proc", "-e", mnt, "-a", "-p", p, "-d", "cwd,3-50"], ["-e", "/nonexistent", "-a", "-p", p], ["-e"], ["-e", "-a"],
            ["-N"], ["-N", "-a", "-p", p], ["-N", "-p", p], ["-M", "-a", "-p", p, "-d", "cwd"],
            // -E / +E: endpoints in NAME; +E lists the endpoints' files too
            ["-E", "-a", "-p", p, "-U"], ["+E", "-a", "-p", p, "-U"], ["+E", "-a", "-p", p, "-d", "3-50"], ["-E", "-a", "-p", p, "-i"], ["+E", "-a", "-p", p, "-i", "-n", "-P"],
        ];
        var results = cases.Select(LsofComparison.Run).ToList();
        var different = results.Where(c => !c.Identical).ToList();
        log.WriteLine($"lsof invocations compared: {cases.Length}, identical: {cases.Length - different.Count}, different: {different.Count}; "
            + $"rows: {results.Sum(r => r.Lsof.Stdout.Count(ch => ch == '\n'))} listed by lsof, {results.Sum(r => r.Missing.Count)} missing, {results.Sum(r => r.Extra.Count)} extra");
        Assert.True(different.Count == 0, $"{different.Count} of {cases.Length} differ:\n" + string.Join("\n\n", different.Select(c => c.Describe())));
        // --json, syscope's own, names each task's thread as -K's screen does.
        var json = SyscopeCli.Run("files", "--json", "-K", "-a", "-p", p, "-d", "cwd");
        Assert.Equal(2, Regex.Matches(json.Stdout, @"""tid"": \d+,\s+""task_command"": ""python3""").Count);
    }

    /// <summary>A pseudo-terminal pair, an eventfd and a POSIX message queue, held by a process and
    /// by the child it forked (which dies with it).</summary>
    private const string EndsScript = """
        import ctypes, os, sys, time
        libc = ctypes.CDLL(None, use_errno=True)
        master, slave = os.openpty()
        counter = os.eventfd(0)
        queue = libc.mq_open(sys.argv[1].encode(), os.O_RDWR | os.O_CREAT, 0o600, None)
        assert (master, slave, counter, queue) == (3, 4, 5, 6), (master, slave, counter, queue)
        child = os.fork()
        if child == 0:
            libc.prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
            time.sleep(600)
            os._exit(0)
        print(child, flush=True)
        time.sleep(600)
        """;

    /// <summary>lsof 4.95 shows the other ends of pseudo-terminals (the master naming its slave,
    /// "->/dev/pts/N"), eventfds (by their id) and message queues as it does pipes'; a queue only when
    /// the mqueue file system is mounted, since lsof knows a queue by it.  The queue runs are made in
    /// a mount namespace of their own with it mounted, so the machine's mounts stay as they are.</summary>
    [NeedsFact("root", "lsof", "python3", "unshare")]
    public void Endpoints_of_ptys_eventfds_and_queues_are_lsofs()
    {
        string queue = "/syscope-ends-" + Guid.NewGuid().ToString("N")[..8], mounted = Path.Combine(_live.Dir, "mqueue");
        Directory.CreateDirectory(mounted);
        File.WriteAllText(Path.Combine(_live.Dir, "ends.py"), EndsScript);
        try
        {
            var holder = _live.Start("python3", Path.Combine(_live.Dir, "ends.py"), queue);
            string child = LiveProcesses.WaitForLine(holder, _ => true), p = holder.Id.ToString();
            string[][] cases =
            [
                ["+E", "-a", "-p", p, "-d", "3-9"], ["-E", "-a", "-p", $"{p},{child}", "-d", "3-9"], ["+E", "-a", "-p", p, "-d", "3"],
                ["+E", "-a", "-p", child, "-d", "4"], ["+E", "-a", "-p", p, "-d", "5"], ["-E", "-a", "-p", child, "-d", "6"],
                ["-E", "-F", "pfn", "-a", "-p", p, "-d", "3-9"], ["+E", "-F", "pftn", "-a", "-p", child, "-d", "3-9"], ["-a", "-p", p, "-d", "3-9"],
            ];
            string[] inNamespace = ["unshare", "-m", "--propagation", "private", "sh", "-c", $"mount -t mqueue none {mounted} && exec \"$@\"", "sh"];
            var results = cases.Select(LsofComparison.Run).Concat(cases.Select(c => LsofComparison.RunUnder(inNamespace, c))).ToList();
            var different = results.Where(c => !c.Identical).ToList();
            log.WriteLine($"lsof endpoint invocations compared: {results.Count}, identical: {results.Count - different.Count}");
            Assert.True(different.Count == 0, $"{different.Count} of {results.Count} differ:\n" + string.Join("\n\n", different.Select(c => c.Describe())));
            // What the runs were about: every kind of end shows, the queue only where it is mounted.
            Assert.Contains($"/dev/ptmx ->/dev/pts/", results[0].Lsof.Stdout);
            Assert.Contains($" {child},python3,5u\n", results[0].Lsof.Stdout);
            Assert.DoesNotContain("PSXMQ", results[0].Lsof.Stdout);
            Assert.Contains($"PSXMQ", results[cases.Length].Lsof.Stdout);
            Assert.Contains($"{queue} {child},python3,6u\n", results[cases.Length].Lsof.Stdout);
        }
        finally
        {
            Runner.Run("python3", ["-c", "import ctypes, sys; ctypes.CDLL(None).mq_unlink(sys.argv[1].encode())", queue]);
        }
    }

    /// <summary>-b: lsof avoids stat and readlink on mount points and FILE names and warns about each, in an order scripts may parse.</summary>
    [NeedsFact("root", "lsof", "python3")]
    public void Avoid_blocking_warns_as_lsof_warns()
    {
        var (p, _, _) = StartHolders();
        string held = Path.Combine(_live.Dir, "outside.txt");
        string[][] cases =
        [
            ["-b", "-a", "-p", p, "-d", "cwd"], ["-b", "-w", "-a", "-p", p, "-d", "0-3"], ["-b", held], ["-b", "-w", held, "/etc/passwd"],
            ["-b", "-t", "-a", "-p", p], ["-b", "-a", "-p", p, "-i"], ["-b", "+D", _live.Dir],
        ];
        var different = cases.Select(LsofComparison.Run).Where(c => !c.Identical || !c.SameStderr).ToList();
        Assert.True(different.Count == 0, string.Join("\n\n", different.Select(c => c.Describe()
            + $"\n  lsof stderr:\n    {string.Join("\n    ", c.LsofStderr.Take(6))}\n  syscope stderr:\n    {string.Join("\n    ", c.Syscope.StderrLines.Take(6))}")));
    }

    /// <summary>-r and +r: the same passes, each ending in lsof's marker line ("=======", -F's "m",
    /// or m&lt;fmt&gt; through strftime); +r ends after the first pass that lists nothing.  Both
    /// tools run side by side for the same time, so the passes are compared, not their number.</summary>
    [NeedsFact("root", "lsof", "python3", "timeout")]
    public void Repeat_mode_prints_lsof_passes_and_markers()
    {
        var (p, _, _) = StartHolders();
        string[][] forever = [["-r", "1", "-a", "-p", p, "-d", "cwd"], ["-r1", "-a", "-p", p, "-d", "cwd", "-F", "pcn"], ["-r", "1m<%Y>", "-a", "-p", p, "-d", "cwd"],
            ["-r", "1mXX", "-a", "-p", p, "-d", "cwd", "-F", "pn0"], ["-t", "-r", "1", "-a", "-p", p]];
        foreach (var args in forever)
        {
            using var theirs = Runner.Start("timeout", ["2.5", "lsof", .. args]);
            using var ours = Runner.Start("timeout", ["2.5", SyscopeCli.Executable, "files", .. args]);
            theirs.AssertExits();
            ours.AssertExits();
            string[] a = Passes(theirs.StandardOutput.ReadToEnd()), b = Passes(ours.StandardOutput.ReadToEnd());
            Assert.True(a.Length >= 2 && b.Length >= 2, $"{string.Join(' ', args)}: {a.Length} and {b.Length} passes");
            Assert.Equal(a.Distinct(), b.Distinct());
        }
        // +r: a process that ends after about two passes; then both stop with status 0.
        var brief = _live.Start("sleep", "2.2");
        using var theirsR = Runner.Start("lsof", ["+r", "1", "-a", "-p", brief.Id.ToString(), "-d", "cwd"]);
        using var oursR = SyscopeCli.Start("files", "+r", "1", "-a", "-p", brief.Id.ToString(), "-d", "cwd");
        Assert.Equal(theirsR.AssertExits(), oursR.AssertExits());
        Assert.Equal(Passes(theirsR.StandardOutput.ReadToEnd()).Distinct(), Passes(oursR.StandardOutput.ReadToEnd()).Distinct());
        // +r with nothing to list: no pass, status 1; +r 0 lists once, status 1.
        foreach (string[] args in new[] { ["+r", "1", "-a", "-p", p, "-d", "999"], new[] { "+r", "0", "-a", "-p", p, "-d", "cwd" } })
        {
            var c = LsofComparison.Run(args);
            Assert.True(c.Identical, c.Describe());
        }
    }

    /// <summary>A repeat run's whole passes, each with its marker line (a pass cut short by
    /// timeout has none and is left out).  The marker formats hold nothing that changes between
    /// passes (a year), so nothing is masked.</summary>
    private static string[] Passes(string stdout)
    {
        var passes = new List<string>();
        var pass = new System.Text.StringBuilder();
        foreach (string line in stdout.Split('\n'))
        {
            pass.Append(line).Append('\n');
            if (line.TrimEnd('\0') is "=======" or "m" or "mXX" || Regex.IsMatch(line, @"^<\d{4}>$"))
            {
                passes.Add(pass.ToString());
                pass.Clear();
            }
        }
        return [.. passes];
    }

    public void Dispose()
    {
        // Lazily, since the holder may still have a file open there.
        if (_mounted) Runner.Run("umount", ["-l", Path.Combine(_live.Dir, "tree", "mnt")]);
        _live.Dispose();
    }
}
