using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>
/// `syscope pgrep` and `syscope pkill` against Debian's procps: the same arguments over the same
/// live processes (copies of sleep under names no other process has, one as nobody, one with only
/// its effective uid changed, one in a session of its own), and stdout, stderr and the exit status
/// must be identical.  Selections that would reach machine-wide processes are confined by the
/// test's unique name prefix or by -P the test's parent.
/// </summary>
public sealed class PgrepDifferentialTests : IDisposable
{
    private readonly string _dir = Path.Combine(RunFolder.Root, "pgrep-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _r = "pq" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(4)).PadRight(4, 'x');
    private readonly List<TestProcess> _started = [];

    public void Dispose()
    {
        foreach (var p in _started) { p.Kill(); p.Dispose(); }
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A bash parent whose children are the test's processes; returns its PID and the
    /// children's PIDs by name once every child has exec'd.</summary>
    private (int Parent, Dictionary<string, int> Children) StartFamily()
    {
        Directory.CreateDirectory(_dir);
        foreach (string n in new[] { "A", "B", "U", "E", "S", "é" }) File.CreateSymbolicLink(Path.Combine(_dir, _r + n), "/bin/sleep");
        string d = _dir, r = _r;
        string script = $"{d}/{r}A 300 & {d}/{r}A 301 & {d}/{r}B 300 & " +
            $"setpriv --reuid=nobody --regid=nogroup --clear-groups {d}/{r}U 300 & " +
            $"setpriv --euid=nobody {d}/{r}E 300 & setsid {d}/{r}S 300 & {d}/{r}é 300 & wait";
        var parent = Runner.Start("bash", ["-c", script]);
        _started.Add(parent);
        var children = new Dictionary<string, int>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (children.Count < 7 && DateTime.UtcNow < deadline)
        {
            children.Clear();
            foreach (var task in Directory.GetDirectories($"/proc/{parent.Id}/task"))
                foreach (string pid in (File.ReadAllText(Path.Combine(task, "children"))).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    string comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
                    if (comm.StartsWith(r)) children[comm + (children.ContainsKey(comm) ? "2" : "")] = int.Parse(pid);
                }
            Thread.Sleep(50);
        }
        Assert.Equal(7, children.Count);
        return (parent.Id, children);
    }

    [NeedsFact("root", "pgrep", "setpriv", "setsid")]
    public void Pgrep_prints_what_procps_pgrep_prints()
    {
        var (parent, kids) = StartFamily();
        string r = _r, pidfile = Path.Combine(_dir, "pidfile");
        File.WriteAllText(pidfile, $"{kids[r + "B"]}\n");
        string sid = kids[r + "S"].ToString(), p = parent.ToString();
        List<string[]> cases =
        [
            [r + "A"], ["-l", r], ["-a", r], ["-c", r], ["-d", ",", r], ["-d:", "-l", r], ["-d", "", r], ["--delimiter=+", r],
            ["-n", r], ["-o", r], ["-n", r + "A"], ["-o", "-l", r + "A"], ["-x", r + "A"], ["-x", r], ["-x", "-i", r.ToUpperInvariant() + "a"],
            ["-i", r.ToUpperInvariant()], [r.ToUpperInvariant()], ["-f", r + "B 300"], ["-f", "-x", $".*{r}A 30[01]"], ["-f", "-a", r],
            ["-lf", r + "[AB]"], ["-af", $"/{r}B"], ["-v", "-P", p], ["-v", "-P", p, r + "A"], ["-v", "-l", "-P", p, r], ["-P", p], ["-P", p, "-c"],
            ["-P", $"{p},1", r], ["-u", "nobody", r], ["-U", "nobody", r], ["-u", "65534,0", "-l", r], ["-U", "root", "-l", r],
            ["-u", "root", "-U", "root", r], ["-G", "nogroup", r], ["-G", "0", "-l", r], ["-s", sid, "-l"], ["-g", sid], ["-s", sid, "-g", sid, "-a"],
            ["--ns", p, r], ["--ns", p, "--nslist", "net,pid", r], ["-t", "pts/999", r], ["-r", "S", r], ["-r", "R", r], ["-O", "0", r],
            ["-O", "100000", r], ["-A", r], ["-w", "-P", p], ["-F", pidfile], ["-F", pidfile, "-l", r], ["-F", pidfile, r + "A"],
            ["--cgroup", "/nonexistent-group", r], [r + "(A|S)$"], ["^" + r + "[[:upper:]]$"], [$"\\<{r}"], [r + "B\\>"], [r + "{1}A"],
            // nothing matches
            // in the user's locale, as procps: '.' is one UTF-8 character in C.UTF-8, one byte in C
            [$"^{r}.$"], [$"^{r}..$"], ["-i", r + "É"], ["-l", r + "[[:alpha:]]$"],
            [r + "Z"], ["-c", r + "Z"], ["-l", "-P", p, r + "Z"],
            // pattern errors, bad names, usage errors
            [r + "["], [r + "("], ["*" + r], [r + "{2,1}"], [r + "\\"], ["[[:nosuch:]]"], ["[b-a]" + r],
            ["-u", "nosuchuser" + r, r], ["-G", "nosuchgroup" + r, r], ["-P", "abc"], ["-s", "abc", r], ["-g", "x", r], ["-u", "", r],
            [], ["-Z"], ["-n", "-o", r], ["-v", "-n", r], [r, r], ["--c", r], ["--count=1", r], ["--older"], ["-d"], ["--nosuch"],
            ["--nslist", "foo", r], ["-L", r], ["-F", Path.Combine(_dir, "missing")], ["-e", r], ["-q", "1", r],
            [new string('a', 16)], ["-x", r + "0123456789abc"], ["--", "-x"],
        ];
        int same = 0;
        var differences = new List<string>();
        foreach (var args in cases)
        {
            var expected = Runner.Run("pgrep", args);
            var actual = SyscopeCli.Run(["pgrep", .. args]);
            if (args.Length > 0 && args[0] == "-v")
            {
                // -v selects machine-wide: compare the lines of the test's own processes.
                expected = expected with { Stdout = Ours(expected.Stdout, kids.Values) };
                actual = actual with { Stdout = Ours(actual.Stdout, kids.Values) };
            }
            if (expected == actual) same++;
            else differences.Add($"pgrep {string.Join(' ', args)}:\n  procps {expected}\n  syscope {actual}");
        }
        Assert.True(differences.Count == 0, $"{same} of {cases.Count} identical; differences:\n{string.Join('\n', differences)}");
        // ps takes the same selection over full command lines: its PID column is pgrep -f's list.
        foreach (string[] args in new string[][] { ["-u", "nobody", r], ["-U", "root", r], ["-P", p, r + "A"], ["-s", sid, r], ["-x", $".*{r}A 30[01]"], ["-n", r], ["-i", "-G", "0", r.ToUpperInvariant()] })
        {
            var pids = Runner.Run("pgrep", ["-f", .. args]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var rows = SyscopeCli.Run(["ps", .. args]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1);
            Assert.NotEmpty(pids);
            Assert.Equal(pids, rows.Select(row => row.TrimStart().Split(' ')[0]));
        }
        // The cases that match must print these processes' PIDs, or the comparison proves little.
        Assert.Equal($"{kids[r + "A"]}\n{kids[r + "A2"]}\n", SyscopeCli.Run("pgrep", r + "A").Stdout);
    }

    private static string Ours(string lines, IEnumerable<int> pids) =>
        string.Concat(lines.Split('\n').Where(l => pids.Contains(int.TryParse(l.Split(' ')[0], out int pid) ? pid : -1)).Select(l => l + "\n"));

    /// <summary>A python3 process named NAME that writes each signal it receives (and the value
    /// sigqueue sent with it) to FILE and exits on SIGTERM.</summary>
    private TestProcess StartRecorder(string name, string file)
    {
        const string script = """
            import ctypes, signal, sys, os
            ctypes.CDLL(None).prctl(15, sys.argv[1].encode(), 0, 0, 0)
            out = open(sys.argv[2], "a", buffering=1)
            def got(n, frame):
                out.write(f"{n}\n")
                if n == signal.SIGTERM: os._exit(0)
            for s in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGHUP, signal.SIGTERM):
                signal.signal(s, got)
            out.write("ready\n")
            while True: signal.pause()
            """;
        // From a file: procps prints a newline of the command line raw, syscope as \n.
        string path = Path.Combine(_dir, "recorder.py");
        if (!File.Exists(path)) File.WriteAllText(path, script);
        var p = Runner.Start("python3", [path, name, file]);
        _started.Add(p);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(File.Exists(file) && File.ReadAllText(file).Contains("ready")) && DateTime.UtcNow < deadline) Thread.Sleep(20);
        return p;
    }

    [NeedsFact("root", "pkill", "python3")]
    public void Pkill_signals_and_prints_as_procps_pkill_does()
    {
        Directory.CreateDirectory(_dir);
        var cases = new (string[] Args, string Signals)[]
        {
            (["-USR1", "-e", "{K}"], "10"), (["--signal", "HUP", "-e", "{K}"], "1"), (["-SIGUSR2", "-c", "-x", "{K}"], "12"),
            (["-e", "{K}", "-10"], "10"), (["-e", "-f", "-usr1", "{K} "], "10"), (["-e", "{K}"], "15"), (["-q", "5", "-USR1", "{K}"], "10"),
            (["-e", "-USR1", "-P", "{P}"], "10"), (["-e", "--list-full", "-USR1", "{K}"], "10"),
            (["-e", "{K}nomatch"], ""), (["-c", "{K}nomatch"], ""), (["-s", "USR1", "{K}"], ""), (["-v", "{K}"], ""), (["-l", "{K}"], ""),
            (["-99", "{K}"], ""), (["-e", "{K}", "{K}"], ""),
        };
        int same = 0, run = 0;
        var differences = new List<string>();
        foreach (var (args, signals) in cases)
        {
            var results = new List<(RunResult Result, string Received)>();
            foreach (bool syscope in new[] { false, true })
            {
                string name = $"{_r}{run++}", file = Path.Combine(_dir, name);
                var recorder = StartRecorder(name, file);
                var words = args.Select(a => a.Replace("{K}", name).Replace("{P}", Environment.ProcessId.ToString())).ToArray();
                if (words.Contains("-P")) words = [.. words, name];
                var result = syscope ? SyscopeCli.Run(["pkill", .. words]) : Runner.Run("pkill", words);
                string pid = recorder.Id.ToString();
                Thread.Sleep(200);
                string received = string.Join(",", File.ReadAllLines(file).Skip(1));
                recorder.Kill();
                results.Add((result with { Stdout = result.Stdout.Replace(pid, "PID").Replace(name, "NAME") }, received));
            }
            if (results[0] == results[1] && results[1].Received == signals) same++;
            else differences.Add($"pkill {string.Join(' ', args)} (expected signals '{signals}'):\n  procps {results[0]}\n  syscope {results[1]}");
        }
        Assert.True(differences.Count == 0, $"{same} of {cases.Length} identical; differences:\n{string.Join('\n', differences)}");
    }
}
