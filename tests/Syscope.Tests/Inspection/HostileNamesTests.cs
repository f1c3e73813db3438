using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>
/// A process whose every name is hostile (Assets/hostile_names.c: control bytes, C1 controls,
/// invalid UTF-8, newlines, OSC 52 and screen-clearing escapes, long paths, in argv, comm, a
/// thread's comm, cwd, the executable, open and mapped files, UNIX socket paths, and a second
/// process holding the other ends), inspected by every command of the real binary.  Nothing but
/// printable UTF-8 and line ends may reach stdout or stderr, each row stays one line, and `files`
/// prints exactly what Debian's lsof prints, byte for byte.
/// </summary>
[Collection(LsofSnapshots.Name)]
public sealed class HostileNamesTests(HostileNamesTests.HostileProcess target) : IClassFixture<HostileNamesTests.HostileProcess>
{
    /// <summary>The hostile name of hostile_names.c in lsof's notation, written out by hand; the
    /// first test ties it to lsof's own output.</summary>
    public static readonly string EscapedHostile =
        @"^A^B^C^D^E^F^G\b\t\n^K\f\r^N^O^P^Q^R^S^T^U^V^W^X^Y^Z^[^\^]^^^_\x7f-" +
        string.Concat(Enumerable.Range(0x80, 32).Select(b => $@"\xc2\x{b:x2}")) + "-" +
        string.Concat(Enumerable.Range(0x80, 32).Select(b => $@"\x{b:x2}")) +
        @"\xff\xfe\xc3\xed\xa0\x80 \\ \xe2\x80\xa8\n^[]52;c;SGVsbG8=^G^[[2J";

    /// <summary>An argument a user might paste: controls, an OSC 52 write, C1 as UTF-8 (and a
    /// valid regular expression).</summary>
    private const string HostileArgument = "\u0001\e]52;c;SGVsbG8=\a\e]0;X\a\n\u0085z";
    private const string EscapedArgument = @"^A^[]52;c;SGVsbG8=^G^[]0;X^G\n\xc2\x85z";

    [NeedsFact("root", "gcc", "lsof")]
    public void Files_prints_what_lsof_prints_byte_for_byte()
    {
        var ours = Syscope("files", target.Pid);
        Assert.Equal(0, ours.Code);
        string lsof = Lsof("-p", target.Pid);
        Assert.Equal(lsof, ours.Text);
        var rows = ours.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(rows.Skip(1), r => Assert.StartsWith($"c^[[2J^G  {target.Pid} ", r));
        Assert.Contains(rows, r => r.Contains(" txt ") && r.EndsWith($" {target.Dir}/exe-{EscapedHostile}"));
        Assert.Contains(rows, r => r.Contains(" cwd ") && r.Contains($" {target.Dir}/cwd-{EscapedHostile}LLL"));
        // A mapped file whose name is not UTF-8 is found by its bytes: its size shows.
        Assert.Contains(rows, r => Regex.IsMatch(r, @" mem +REG +\S+ +4096 +\d+ " + Regex.Escape($@"{target.Dir}/map-\xff\xfe^[[31m\xc2\x85\x7f\\") + "$"));
        Assert.Contains(rows, r => r.EndsWith(@" u^[]0;T^G\xff\xc2\x85\r type=STREAM (LISTEN)"));
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Field_output_prints_what_lsof_prints_byte_for_byte()
    {
        // -F is for scripts, but a script may print a field: lsof escapes c and n there as on
        // its screen (the command whole, not cut to 9), and so must syscope.
        foreach (string[] fields in new[] { new[] { "-F", "pcfn" }, new[] { "-F" }, new[] { "-F", "cnT" } })
        {
            var ours = Syscope(["files", .. fields, "-p", target.Pid]);
            Assert.Equal(0, ours.Code);
            Assert.Equal(Lsof([.. fields, "-p", target.Pid]), ours.Text);
        }
        Assert.Contains($"\nc{target.Comm}\n", Syscope("files", "-F", "pc", "-p", target.Pid).Text);
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Files_with_peers_agrees_with_lsof_plus_E()
    {
        // Only the program's own descriptors: 0-2 and the inherited ones are shared with
        // processes that come and go between the two runs.
        string[] theirs = [], ours = [];
        for (int attempt = 0; attempt < 5 && (attempt == 0 || !theirs.SequenceEqual(ours)); attempt++)
        {
            theirs = OwnRows(Lsof("+E", "-p", target.Pid));
            var r = Syscope("files", "-E", target.Pid);
            Assert.Equal(0, r.Code);
            ours = OwnRows(r.Text);
        }
        Assert.Equal(theirs, ours);
        Assert.Contains(ours, l => Regex.IsMatch(l, $@" pipe {target.Child},p\^\[\]0;X\^G\\n\\r,\d+w$"));
        Assert.Contains(ours, l => l.Contains($@" type=STREAM ->INO=") && l.EndsWith($@" {target.Child},p^[]0;X^G\n\r,7u (CONNECTED)"));
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Files_json_is_valid_json_with_the_names_escaped_as_on_screen()
    {
        var r = Syscope("files", "--json", target.Pid);
        Assert.Equal(0, r.Code);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Text);
        var process = doc.RootElement[0];
        Assert.Equal(target.Comm, process.GetProperty("command").GetString());
        var screen = Syscope("files", target.Pid).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var names = process.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToArray();
        Assert.Equal(screen.Length, names.Length);
        for (int i = 0; i < names.Length; i++) Assert.EndsWith(" " + names[i], screen[i]);
        Assert.Contains(process.GetProperty("files").EnumerateArray(), f => f.TryGetProperty("path", out var p) && p.GetString() == @"u^[]0;T^G\xff\xc2\x85\r");
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Files_dash_i_escapes_the_command_as_lsof_does()
    {
        var one = Syscope("files", "-a", "-i", "-p", target.Pid);
        Assert.Equal(0, one.Code);
        Assert.Equal(Lsof("-a", "-i", "-p", target.Pid), one.Text);
        var all = Syscope("files", "-i", "-P");
        Assert.Contains(all.Text.Split('\n'), l => Regex.IsMatch(l, $@"^c\^\[\[2J\^G +{target.Pid} "));
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Why_escapes_comm_thread_names_paths_and_the_process_at_the_other_end()
    {
        var r = Syscope("why", target.Pid);
        Assert.Equal(0, r.Code);
        var lines = r.Text.Split('\n');
        string child = Regex.Escape(target.ChildComm);
        Assert.Equal($"PID {target.Pid} ({target.Comm}): {target.CommandLine}", lines[0]);
        Assert.Equal(2, lines.Count(l => l.StartsWith("thread ")));
        Assert.Contains(lines, l => l.StartsWith($"thread {target.Pid} ({target.Comm}): sleeping"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^thread \d+ \(t\^\[\[1m\\n\\x9b\\xc2\\x85\\x7f\\r\): sleeping"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^  fd \d+: pipe \d+, other end held by {child} \(PID {target.Child}, fd \d+w\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^  fd \d+: UNIX STREAM socket \(unnamed\) -> s\^\[\[31m CONNECTED, other end held by {child} \(PID {target.Child}, fd 7\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^  thread {target.Pid} has waited .* in read\(\) for data from a pipe written by {child} \(PID {target.Child}\)\.$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^  thread \d+ has waited .* in read\(\) for a reply from s\^\[\[31m, served by {child} \(PID {target.Child}\)\.$"));
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Why_watch_escapes_the_name_and_the_fds_it_leads_to()
    {
        var r = Syscope("why", "--watch", "1", target.Pid);
        Assert.Equal(0, r.Code);
        Assert.Contains($"\nwatched PID {target.Pid} ({target.Comm}) for ", r.Text);
        Assert.Contains($"other end held by {target.ChildComm} (PID {target.Child}", r.Text);
    }

    [NeedsFact("root", "gcc", "lsof")]
    public void Ps_shows_each_process_on_one_line_with_its_command_line_escaped()
    {
        var r = Syscope("ps", target.Marker);
        Assert.Equal(0, r.Code);
        var lines = r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(" " + target.CommandLine, l));
        Assert.Contains(lines, l => l.TrimStart().StartsWith(target.Pid + " "));
        Assert.Contains(lines, l => l.TrimStart().StartsWith(target.Child + " "));
        // Two processes match: the refusal lists both, one line each.
        var why = Syscope("why", target.Marker);
        Assert.Equal(1, why.Code);
        Assert.Equal($"syscope: '{target.Marker}' matches 2 processes; give one PID:\n  {target.Pid} {target.CommandLine}\n  {target.Child} {target.CommandLine}\n", why.Error);
    }

    [NeedsTheory("root", "gcc", "lsof")]
    [InlineData("syscope: unknown system call 'E' (try: syscope explain --list)\n", "explain", "H")]
    [InlineData("syscope: no process matches 'E'\n", "files", "H")]
    [InlineData("syscope: no process matches 'E'\n", "why", "H")]
    [InlineData("syscope: no process matches 'E'\n", "trace", "-p", "H")]
    [InlineData("syscope: invalid pattern '(E': Unmatched ( or \\(\n", "ps", "(H")]
    [InlineData("syscope: Can't stat '/tmp/E': No such file or directory\n", "trace", "/tmp/H")]
    [InlineData("syscope: invalid system call 'E'\n", "trace", "-e", "trace=H", "true")]
    [InlineData("syscope: Can't fopen '/nonexistent-dir/E': No such file or directory\n", "trace", "-o", "/nonexistent-dir/H", "true")]
    [InlineData("syscope: unknown protocol name (E) in: -i E\nTry 'syscope files --help' for more information.\n", "files", "-i", "H")]
    [InlineData("syscope: can't get UID for E\nTry 'syscope files --help' for more information.\n", "files", "-u", "H")]
    public void Errors_quote_hostile_arguments_escaped(string expected, params string[] args)
    {
        var r = Syscope([.. args.Select(a => a.Replace("H", HostileArgument))]);
        Assert.Equal(1, r.Code);
        Assert.Equal(expected.Replace("'E", "'" + EscapedArgument).Replace("/tmp/E", "/tmp/" + EscapedArgument).Replace("dir/E", "dir/" + EscapedArgument).Replace("(E", "(" + EscapedArgument)
            .Replace("-i E", "-i " + EscapedArgument).Replace("for E", "for " + EscapedArgument), r.Error);
    }

    [NeedsTheory("root", "gcc", "lsof")]
    [InlineData("explain")]
    [InlineData("files")]
    [InlineData("ps")]
    [InlineData("trace")]
    public void Arguments_that_are_not_utf8_come_back_as_printable_utf8(string command)
    {
        // .NET reads argv as UTF-8, so the bytes go through a shell.
        var r = Run("/bin/sh", ["-c", $"exec \"$0\" {command} \"$(printf 'a\\377\\033[31m\\n\\302\\205')\"", SyscopeCli.Executable]);
        AssertPrintable(r.Stdout, $"stdout of syscope {command}");
        AssertPrintable(r.Stderr, $"stderr of syscope {command}");
        Assert.Equal(1, r.Code);
        // .NET reads the byte that is not UTF-8 as U+FFFD, which prints.
        if (command == "explain") Assert.Equal("syscope: unknown system call 'a\ufffd^[[31m\\n\\xc2\\x85' (try: syscope explain --list)\n", r.Error);
        else Assert.StartsWith("syscope: ", r.Error);
    }

    /// <summary>The rows of the target's own descriptors (3 to 9 and the cwd, rtd, txt and mem
    /// rows), columns single-spaced because lsof +E lists other processes' rows too.</summary>
    private string[] OwnRows(string screen) => screen.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(c => c.Length > 3 && c[1] == target.Pid && (c[3] is "cwd" or "rtd" or "txt" or "mem" or "DEL" || c[3].Length == 2 && c[3][0] is >= '3' and <= '9'))
        .Select(c => string.Join(' ', c)).ToArray();

    private static string Lsof(params string[] args)
    {
        var r = Run(Machine.Find("lsof")!, args, lsof: true);
        return r.Text;
    }

    private static Output Syscope(params string[] args)
    {
        var r = Run(SyscopeCli.Executable, args);
        AssertPrintable(r.Stdout, $"stdout of syscope {string.Join(' ', args)}");
        AssertPrintable(r.Stderr, $"stderr of syscope {string.Join(' ', args)}");
        return r;
    }

    /// <summary>Valid UTF-8 with no control character but line ends, no DEL, no C1 control.</summary>
    public static void AssertPrintable(byte[] bytes, string what)
    {
        Assert.True(System.Text.Unicode.Utf8.IsValid(bytes), $"{what} is not valid UTF-8");
        string text = Encoding.UTF8.GetString(bytes);
        int bad = -1;
        for (int i = 0; i < text.Length && bad < 0; i++)
            if (text[i] < 0x20 && text[i] != '\n' || text[i] is >= '\u007f' and <= '\u009f') bad = i;
        Assert.True(bad < 0, $"{what} holds U+{(bad < 0 ? 0 : text[bad]):X4} at {bad}: ...{(bad < 0 ? "" : text[Math.Max(0, bad - 40)..bad])}");
    }

    public sealed record Output(int Code, byte[] Stdout, byte[] Stderr)
    {
        /// <summary>Stdout with every byte kept (Latin-1), for byte-for-byte comparison.</summary>
        public string Bytes => Encoding.Latin1.GetString(Stdout);
        public string Text => Encoding.UTF8.GetString(Stdout);
        public string Error => Encoding.UTF8.GetString(Stderr);
    }

    /// <summary>Runs a program and keeps its output as bytes, so that no invalid byte is hidden by
    /// decoding; lsof runs in a UTF-8 locale, where it prints printable UTF-8 as it is.</summary>
    public static Output Run(string exe, IEnumerable<string> args, bool lsof = false)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (lsof) psi.Environment["LC_ALL"] = "C.UTF-8";
        using var p = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var copies = Task.WhenAll(p.StandardOutput.BaseStream.CopyToAsync(stdout), p.StandardError.BaseStream.CopyToAsync(stderr));
        if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException($"{exe} {string.Join(' ', args)} did not finish"); }
        copies.Wait();
        return new Output(p.ExitCode, stdout.ToArray(), stderr.ToArray());
    }

    /// <summary>hostile_names, compiled and started once for the class, with what lsof says its
    /// process names are (lsof -F c prints the whole name, escaped).</summary>
    public sealed class HostileProcess : IDisposable
    {
        private readonly LiveProcesses _live = new();
        public string Pid { get; } = "";
        public string Child { get; } = "";
        public string Marker { get; } = "hostile-" + Guid.NewGuid().ToString("N")[..12];
        public string Dir => _live.Dir;
        public string Comm { get; } = "";
        public string ChildComm { get; } = "";
        public string CommandLine { get; } = "";

        public HostileProcess()
        {
            if (Machine.MissingRequirement(["root", "gcc", "lsof"]) != null) return;
            var p = _live.Start(_live.Compile("hostile_names.c"), Dir, Marker);
            var ids = LiveProcesses.WaitForLine(p, _ => true).Split(' ');
            (Pid, Child) = (ids[0], ids[1]);
            WaitUntilEveryThreadBlocks(int.Parse(Pid));
            Comm = CommOf(Pid);
            ChildComm = CommOf(Child);
            CommandLine = $"{Dir}/exe-{EscapedHostile} {Marker} arg-{EscapedHostile}";
        }

        private static string CommOf(string pid) =>
            Lsof("-p", pid, "-F", "c").Split('\n').Single(l => l.StartsWith('c'))[1..];

        private static void WaitUntilEveryThreadBlocks(int pid)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var tasks = Directory.GetDirectories($"/proc/{pid}/task");
                if (tasks.Length == 2 && tasks.All(t => File.ReadAllText($"{t}/syscall").StartsWith("0 "))) return;
                Thread.Sleep(20);
            }
            throw new TimeoutException("hostile_names never blocked in read() in both threads");
        }

        public void Dispose()
        {
            // .NET cannot name files whose names are not UTF-8; rm can.
            Run("rm", ["-rf", Dir]);
            _live.Dispose();
        }
    }
}
