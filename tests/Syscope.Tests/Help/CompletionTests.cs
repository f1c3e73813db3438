using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Help;

/// <summary>
/// `syscope completion bash|zsh`: the scripts run in the real shells, with the words the shell
/// would hand them, and offer exactly the commands, options, syscall and signal names and
/// processes syscope's own tables and /proc give.  bash splits a word at '=' and ':'
/// (COMP_WORDBREAKS), so `-e trace=op` reaches the script as "-e" "trace" "=" "op" and the answer
/// replaces "op"; one test drives an interactive bash on a terminal to check that split.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string _dir = Path.Combine(RunFolder.Root, "completion-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<TestProcess> _started = [];

    public CompletionTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        foreach (var p in _started) { p.Kill(); p.Dispose(); }
        Directory.Delete(_dir, recursive: true);
    }

    private static string Quoted(string word) => "'" + word.Replace("'", "'\\''") + "'";

    /// <summary>What bash's completion function leaves in COMPREPLY for a line, given the words
    /// bash splits it into (the last one is the word under the cursor, at the end of the line).</summary>
    private static List<string> Bash(string line, params string[] words)
    {
        string script = $"""
            source <({Quoted(SyscopeCli.Executable)} completion bash) || exit 9
            COMP_LINE={Quoted(line)}; COMP_POINT=${"{"}#COMP_LINE{"}"}
            COMP_WORDS=({string.Join(' ', words.Select(Quoted))}); COMP_CWORD={words.Length - 1}
            _syscope; printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
            """;
        var r = Runner.Run("bash", ["--norc", "-c", script]);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        return [.. r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    [Fact]
    public void Bash_completes_commands_and_options_from_the_command_tree()
    {
        Assert.Equal(["trace"], Bash("syscope tr", "syscope", "tr"));
        Assert.Equal(["pgrep", "pkill", "ps"], Bash("syscope p", "syscope", "p"));
        Assert.Equal(["--follow-forks"], Bash("syscope trace --follow-f", "syscope", "trace", "--follow-f"));
        Assert.Equal(["--summary", "--summary-columns=", "--summary-only", "--summary-sort-by=", "--summary-syscall-overhead=", "--summary-wall-clock"],
            Bash("syscope trace --summ", "syscope", "trace", "--summ"));
        Assert.Equal(["--depth", "--help"], Bash("syscope why --", "syscope", "why", "--").Where(o => o is "--depth" or "--help"));
        Assert.Equal(["--ignore-ancestors", "--ignore-case"], Bash("syscope pgrep --ign", "syscope", "pgrep", "--ign"));
        Assert.Equal(["bash", "zsh"], Bash("syscope completion ", "syscope", "completion", "").Where(w => w[0] != '-'));
        // The internal option syscope passes itself under -D is never offered.
        Assert.DoesNotContain("--syscope-daemon-of=", Bash("syscope trace --", "syscope", "trace", "--"));
        // After the command to run, its own words: nothing, so bash completes file names.
        Assert.Empty(Bash("syscope trace -f ls -", "syscope", "trace", "-f", "ls", "-"));
    }

    [Fact]
    public void Bash_completes_syscall_names_and_classes_after_trace()
    {
        string[] open = ["open", "open_by_handle_at", "open_tree", "openat", "openat2"];
        Assert.Equal(open, Bash("syscope trace -e trace=op", "syscope", "trace", "-e", "trace", "=", "op"));
        Assert.Equal(open, Bash("syscope trace --trace=op", "syscope", "trace", "--trace", "=", "op"));
        Assert.Equal(open, Bash("strace -e trace=op", "strace", "-e", "trace", "=", "op"));
        Assert.Equal(open.Select(n => "!" + n), Bash("syscope trace -e trace=!op", "syscope", "trace", "-e", "trace", "=", "!op"));
        Assert.Equal(["open,close", "open,close_range"], Bash("syscope trace -e trace=open,clos", "syscope", "trace", "-e", "trace", "=", "open,clos"));
        Assert.Equal(["%file", "%process", "%network", "%signal", "%ipc", "%desc", "%memory", "%creds", "%clock", "%stat", "%lstat", "%fstat", "%%stat", "%statfs", "%fstatfs", "%%statfs", "%pure", "%net"],
            Bash("syscope trace -e trace=%", "syscope", "trace", "-e", "trace", "=", "%"));
        Assert.Equal(["open,%network", "open,%net"], Bash("syscope trace -e trace=open,%ne", "syscope", "trace", "-e", "trace", "=", "open,%ne"));
        // Right after '=', bash's word is "=" itself: the answers start with it.
        Assert.Contains("=openat", Bash("syscope trace --trace=", "syscope", "trace", "--trace", "="));
        Assert.Equal(["openat", "openat2"], Bash("syscope trace -etrace=opena", "syscope", "trace", "-etrace", "=", "opena"));
        Assert.Equal(["trace=", "trace-fds=", "truncate"], Bash("syscope trace -e tr", "syscope", "trace", "-e", "tr"));
        Assert.Equal(["openat", "openat2"], Bash("syscope trace -e inject=opena", "syscope", "trace", "-e", "inject", "=", "opena"));
        Assert.Equal(["openat", "openat2"], Bash("syscope record -o r.scope -e trace=opena", "syscope", "record", "-o", "r.scope", "-e", "trace", "=", "opena"));
        Assert.Equal(["openat", "openat2"], Bash("syscope explain opena", "syscope", "explain", "opena"));
    }

    [Fact]
    public void Bash_completes_signal_names()
    {
        string[] t = ["SIGTRAP", "SIGTERM", "SIGTSTP", "SIGTTIN", "SIGTTOU"];
        Assert.Equal(t, Bash("syscope trace -e signal=SIGT", "syscope", "trace", "-e", "signal", "=", "SIGT"));
        Assert.Equal(["!SIGCHLD", "!SIGCONT"], Bash("syscope trace -e signal=!SIGC", "syscope", "trace", "-e", "signal", "=", "!SIGC"));
        Assert.Equal(["SIGSEGV,SIGTERM"], Bash("syscope trace -e signal=SIGSEGV,SIGTE", "syscope", "trace", "-e", "signal", "=", "SIGSEGV,SIGTE"));
        Assert.Equal(["KILL"], Bash("syscope pkill --signal=KI", "syscope", "pkill", "--signal", "=", "KI"));
        Assert.Equal(["SIGKILL"], Bash("syscope pkill --signal SIGKI", "syscope", "pkill", "--signal", "SIGKI"));
        Assert.Equal(["-TERM"], Bash("pkill -TE", "pkill", "-TE"));
        Assert.Equal(32, Bash("syscope trace -e signal=", "syscope", "trace", "-e", "signal", "=").Count);
    }

    [Fact]
    public void Bash_completes_the_fixed_values_of_options_and_qualifiers()
    {
        Assert.Equal(["raw", "abbrev", "verbose"], Bash("syscope trace -X ", "syscope", "trace", "-X", ""));
        Assert.Equal(["abbrev"], Bash("strace -X ab", "strace", "-X", "ab"));
        Assert.Equal(["-Xraw"], Bash("syscope trace -Xr", "syscope", "trace", "-Xr"));
        Assert.Equal(["raw", "abbrev", "verbose"], Bash("syscope trace --const-print-style=", "syscope", "trace", "--const-print-style", "=", "").Select(w => w.TrimStart('=')));
        Assert.Equal(["verbose"], Bash("syscope trace --const-print-style=v", "syscope", "trace", "--const-print-style", "=", "v"));
        Assert.Equal(["ptrace", "ebpf", "auto"], Bash("syscope trace --backend=", "syscope", "trace", "--backend", "=", "").Select(w => w.TrimStart('=')));
        Assert.Equal(["auto"], Bash("syscope trace --backend a", "syscope", "trace", "--backend", "a"));
        Assert.Equal(["non-ascii", "non-ascii-chars", "none"], Bash("syscope trace --strings-in-hex=n", "syscope", "trace", "--strings-in-hex", "=", "n"));
        Assert.Equal(["execve"], Bash("syscope trace -b ", "syscope", "trace", "-b", ""));
        Assert.Equal(["grandchild", "pgroup", "pgrp", "session"], Bash("syscope trace --daemonize=", "syscope", "trace", "--daemonize", "=", "").Select(w => w.TrimStart('=')));
        Assert.Equal(["1", "2", "3", "4", "anywhere", "always", "waiting", "never", "never_tstp"], Bash("syscope trace -I ", "syscope", "trace", "-I", ""));
        Assert.Equal(["s", "ms", "us", "ns"], Bash("syscope trace --syscall-times=", "syscope", "trace", "--syscall-times", "=", "").Select(w => w.TrimStart('=')));
        Assert.Equal(["unix,precision:"], Bash("syscope trace --timestamps=unix,p", "syscope", "trace", "--timestamps", "=", "unix,p"));
        Assert.Equal(["precision:s", "precision:ms", "precision:us", "precision:ns"], Bash("syscope trace --timestamps=precision:", "syscope", "trace", "--timestamps", "=", "precision:"));
        Assert.Equal(["calls", "count"], Bash("syscope trace -S c", "syscope", "trace", "-S", "c"));
        Assert.Equal(["calls,p50", "calls,p90", "calls,p99", "calls,p999", "calls,p99.9"], Bash("syscope trace -U calls,p", "syscope", "trace", "-U", "calls,p"));
        Assert.Equal(["auto", "always"], Bash("syscope trace --color=a", "syscope", "trace", "--color", "=", "a"));
        // -e qualifiers: the words each one's parser knows, "all" and "none" where a set takes them.
        Assert.Equal(["successful", "failed", "unfinished", "unavailable", "detached", "all", "none"],
            Bash("syscope trace -e status=", "syscope", "trace", "-e", "status", "=", "").Select(w => w.TrimStart('=')));
        Assert.Equal(["successful,failed"], Bash("syscope trace -e status=successful,f", "syscope", "trace", "-e", "status", "=", "successful,f"));
        Assert.Equal(["!unfinished", "!unavailable"], Bash("syscope trace -e status=!un", "syscope", "trace", "-e", "status", "=", "!un"));
        Assert.Equal(["failed"], Bash("syscope trace --status=fa", "syscope", "trace", "--status", "=", "fa"));
        Assert.Equal(["attach", "all"], Bash("syscope trace -e quiet=a", "syscope", "trace", "-e", "quiet", "=", "a"));
        Assert.Equal(["exit", "exits"], Bash("syscope trace --quiet=ex", "syscope", "trace", "--quiet", "=", "ex"));
        Assert.Equal(["path", "pidfd"], Bash("syscope trace --decode-fds=p", "syscope", "trace", "--decode-fds", "=", "p"));
        Assert.Equal(["path,socket"], Bash("syscope trace -e decode-fds=path,s", "syscope", "trace", "-e", "decode-fds", "=", "path,s"));
        Assert.Equal(["comm"], Bash("syscope trace --decode-pids=c", "syscope", "trace", "--decode-pids", "=", "c"));
        Assert.Equal(["vcpu"], Bash("syscope trace -e kvm=", "syscope", "trace", "-e", "kvm", "=", "").Select(w => w.TrimStart('=')));
        // -u: the passwd database's names.
        var users = File.ReadAllLines("/etc/passwd").Select(l => l.Split(':')[0]).Where(n => n.StartsWith('r')).ToList();
        Assert.Equal(users, Bash("syscope trace -u r", "syscope", "trace", "-u", "r"));
        Assert.Contains("root", users);
        // export's formats, from the list its --format is checked against.
        Assert.Equal(["otlp-json", "perfetto"], Bash("syscope export r.scope --format ", "syscope", "export", "r.scope", "--format", ""));
        Assert.Equal(["perfetto"], Bash("syscope export --format=p", "syscope", "export", "--format", "=", "p"));
    }

    /// <summary>A process with a name of its own (a link to sleep), started by the test.</summary>
    private (int Pid, string Name) Sleeper(string prefix = "cq")
    {
        // The kernel keeps 15 bytes of a name.
        string name = prefix + Guid.NewGuid().ToString("N")[..Math.Min(10, 15 - prefix.Length)];
        File.CreateSymbolicLink(Path.Combine(_dir, name), "/bin/sleep");
        var sleeper = Runner.Start(Path.Combine(_dir, name), ["300"]);
        _started.Add(sleeper);
        Tracing.AttachTests.WaitUntil(() => File.Exists($"/proc/{sleeper.Id}/comm") && File.ReadAllText($"/proc/{sleeper.Id}/comm").Trim() == name);
        return (sleeper.Id, name);
    }

    [Fact]
    public void Bash_completes_pids_and_process_names_after_p()
    {
        var (pid, name) = Sleeper();
        string p = pid.ToString();
        Assert.Contains(p, Bash($"syscope trace -p {p[..^1]}", "syscope", "trace", "-p", p[..^1]));
        Assert.Equal([name], Bash($"syscope trace -p {name[..6]}", "syscope", "trace", "-p", name[..6]));
        Assert.Equal([name], Bash($"strace --attach={name[..6]}", "strace", "--attach", "=", name[..6]));
        Assert.Equal([p], Bash($"syscope trace -p 1,{p}", "syscope", "trace", "-p", $"1,{p}").Select(w => w[2..]).Where(w => w == p));
        Assert.Contains(p, Bash($"syscope trace -p ", "syscope", "trace", "-p", ""));
        Assert.Contains(p, Bash($"syscope files -p {p}", "syscope", "files", "-p", p));
        Assert.Contains(p, Bash($"lsof -p {p}", "lsof", "-p", p));
        Assert.Equal([name], Bash($"syscope pgrep {name[..6]}", "syscope", "pgrep", name[..6]));
        Assert.Equal([name], Bash($"syscope why {name[..6]}", "syscope", "why", name[..6]));
        Assert.DoesNotContain(name, Bash($"syscope files -p {name[..6]}", "syscope", "files", "-p", name[..6]));
        // A name a shell would read as code (or a terminal as control) is never offered.
        var (_, hostile) = Sleeper("cq$(x)");
        Assert.Equal([name], Bash("syscope trace -p cq", "syscope", "trace", "-p", "cq").Where(w => w.StartsWith(name[..3], StringComparison.Ordinal) || w.Contains('$')));
        Assert.Equal("cq$(x)", hostile[..6]);
    }

    /// <summary>The shell, interactive on a terminal (python3's pty), with the script loaded: each
    /// line is typed with a Tab after it, then the line is turned into `echo "[" LINE "]"`, so what
    /// the shell made of the Tab (its own split at '=' included) is printed.</summary>
    private static List<string> Interactive(string shell, params string[] lines)
    {
        const string Driver = """
            import os, pty, sys, time, select
            shell, syscope = sys.argv[1], sys.argv[2]
            pid, fd = pty.fork()
            if pid == 0:
                os.environ["PS1"] = "$ "
                os.environ["TERM"] = "dumb"
                os.execvp(shell, [shell, "--norc", "--noprofile", "-i"] if shell == "bash" else [shell, "-f", "-i"])
            def drain(until):
                out = b""
                end = time.time() + 30
                while time.time() < end and until not in out:
                    r, _, _ = select.select([fd], [], [], 0.1)
                    if r:
                        try: out += os.read(fd, 65536)
                        except OSError: break
                return out
            load = "source <(%s completion bash)" if shell == "bash" else "autoload -U compinit; compinit -u -D; source <(%s completion zsh)"
            # The terminal echoes what is typed: the marker printed must differ from the one typed.
            os.write(fd, (load % syscope + "; echo LOAD\"\"ED\r").encode()); drain(b"LOADED\r\n")
            out = b""
            for line in sys.argv[3:]:
                # Typed ahead: the line editor reads it once the completion has returned.
                os.write(fd, line.encode() + b"\t")
                os.write(fd, b"\x01echo \"[\" \x05 \"]\"\r"); out += drain(b" ]\r\n")
            os.write(fd, b"exit\r"); drain(b"exit")
            sys.stdout.buffer.write(out)
            """;
        var r = Runner.Run("python3", ["-c", Driver, shell, SyscopeCli.Executable, .. lines]);
        // Without the terminal's escape sequences (bracketed paste, keypad mode), should any come.
        string screen = System.Text.RegularExpressions.Regex.Replace(r.Stdout, @"\x1b(\[[?0-9;]*[A-Za-z]|[=>])", "");
        var shown = screen.Replace("\r", "").Split('\n').Where(l => l.StartsWith("[ ")).ToList();
        Assert.True(shown.Count == lines.Length, r.Stdout + r.Stderr);
        return shown;
    }

    private static readonly string[] s_typed = ["syscope trace -e signal=SIGTE", "syscope trace --trace=newfst", "syscope trace -e 'trace=!newfst", "syscope pkill --sig"];

    private static readonly string[] s_completed =
        ["[ syscope trace -e signal=SIGTERM ]", "[ syscope trace --trace=newfstatat ]", "[ syscope trace -e trace=!newfstatat ]", "[ syscope pkill --signal= ]"];

    [NeedsFact("python3")]
    public void Interactive_bash_completes_in_place() => Assert.Equal(s_completed, Interactive("bash", s_typed));

    [NeedsFact("python3", "zsh")]
    public void Interactive_zsh_completes_in_place() => Assert.Equal(s_completed, Interactive("zsh", s_typed));

    [Fact]
    public void Bash_script_completes_the_linked_names_that_lead_to_syscope()
    {
        File.CreateSymbolicLink(Path.Combine(_dir, "strace"), SyscopeCli.Executable);
        var r = Runner.Run("env", [$"PATH={_dir}:/usr/bin:/bin", "bash", "--norc", "-c", $"source <({Quoted(SyscopeCli.Executable)} completion bash); complete -p syscope strace; complete -p lsof"]);
        Assert.Equal("complete -o bashdefault -o default -F _syscope syscope\ncomplete -o bashdefault -o default -F _syscope strace\n", r.Stdout);
        Assert.Contains("lsof: no completion specification", r.Stderr);
    }

    /// <summary>zsh's completion function with compadd and _files standing in for the widget's own,
    /// given zsh's words (zsh does not split at '=').</summary>
    private static string Zsh(int current, params string[] words)
    {
        string script = $"""
            compadd() {"{"} print -r -- "compadd $*" {"}"}; _files() {"{"} print -r -- _files {"}"}
            source <({Quoted(SyscopeCli.Executable)} completion zsh) || exit 9
            words=({string.Join(' ', words.Select(Quoted))}); CURRENT={current}; PREFIX={Quoted(words[current - 1])}
            _syscope
            """;
        var r = Runner.Run("zsh", ["-f", "-c", script]);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        return r.Stdout;
    }

    [NeedsFact("zsh")]
    public void Zsh_completes_the_same_words()
    {
        Assert.Equal("compadd -- trace\n", Zsh(2, "syscope", "tr"));
        Assert.Equal("compadd -- trace=open trace=open_by_handle_at trace=open_tree trace=openat trace=openat2\n", Zsh(4, "syscope", "trace", "-e", "trace=op"));
        Assert.Equal("compadd -- signal=SIGTRAP signal=SIGTERM signal=SIGTSTP signal=SIGTTIN signal=SIGTTOU\n", Zsh(4, "syscope", "trace", "-e", "signal=SIGT"));
        // "--trace=" goes on: no space after it.
        Assert.Equal("compadd -S  -- --trace-fds= --trace-path= --trace=\n", Zsh(3, "syscope", "trace", "--trac"));
        Assert.Equal("compadd -- --follow-forks\n", Zsh(3, "syscope", "trace", "--follow"));
        Assert.Equal("_files\n", Zsh(4, "syscope", "trace", "-o", ""));
        Assert.Equal("compadd -- --const-print-style=raw --const-print-style=abbrev --const-print-style=verbose\n", Zsh(3, "syscope", "trace", "--const-print-style="));
        Assert.Equal("compadd -- -Xverbose\n", Zsh(3, "syscope", "trace", "-Xv"));
        Assert.Equal("compadd -- --backend=ptrace\n", Zsh(3, "syscope", "trace", "--backend=p"));
        Assert.Equal("compadd -- status=failed\n", Zsh(4, "syscope", "trace", "-e", "status=f"));
        Assert.Equal("compadd -- quiet=attach,exit quiet=attach,exits\n", Zsh(4, "syscope", "trace", "-e", "quiet=attach,e"));
        Assert.Equal("compadd -- --format=otlp-json\n", Zsh(3, "syscope", "export", "--format=o"));
        Assert.Equal("compadd -- root\n", Zsh(4, "syscope", "trace", "-u", "roo"));
        var (pid, name) = Sleeper();
        Assert.Equal($"compadd -- {name}\n", Zsh(4, "syscope", "trace", "-p", name[..6]));
        Assert.Contains($" {pid} ", Zsh(4, "syscope", "trace", "-p", "").Replace("\n", " "));
    }

    [NeedsFact("zsh")]
    public void Zsh_script_registers_with_compinit()
    {
        var r = Runner.Run("zsh", ["-f", "-c", $"autoload -U compinit; compinit -u -D; source <({Quoted(SyscopeCli.Executable)} completion zsh); print -r -- $_comps[syscope]"]);
        Assert.Equal((0, "_syscope\n", ""), (r.ExitCode, r.Stdout, r.Stderr));
        Assert.Equal(0, Runner.Run("zsh", ["-n", "-c", SyscopeCli.Run("completion", "zsh").Stdout]).ExitCode);
    }

    [Fact]
    public void Completion_refuses_other_shells()
    {
        var r = SyscopeCli.Run("completion", "fish");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("syscope: Argument 'fish' not recognized. Must be one of:", r.Stderr);
    }
}
