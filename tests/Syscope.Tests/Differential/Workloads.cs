using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Differential;

/// <summary>A deterministic program to run under both tracers, and the strace options to run it with.</summary>
public sealed record Workload(string Name, string[] Options, string[] Command)
{
    public override string ToString() => $"{Name} [{string.Join(' ', Options)}]";
}

public static class Workloads
{
    /// <summary>Per test run, so two runs on one machine never share outputs.  Each run of a
    /// workload starts in a fresh, empty "cwd" inside it, and workloads keep their files there.</summary>
    public static readonly string Scratch = RunFolder.RunScoped("corpus");

    /// <summary>What the corpus needs beyond coreutils; without any of them it skips as a whole,
    /// since its figures only mean something over every workload.</summary>
    public const string Strace = "strace", Gcc = "gcc", Python = "python3", Sqlite = "sqlite3", Curl = "curl", Ip = "ip";

    /// <summary>What a workload prints on stdout when it ran to its end untraced, where that says
    /// more than its exit status; null where the exit status says it all.</summary>
    public static string? Marker(string name) => name switch
    {
        "cat" => File.ReadAllText("/etc/issue"),
        "echo" => "hello\n",
        "sh-pipe" or "xargs" => "hi\n",
        "ls" => "etc\n",
        "find" => "/etc/apt\n",
        "sed" => File.ReadLines("/etc/issue").First() + "\n",
        "sqlite3" => "1\ntwo\n",
        "sockets.py" => "b'PING'\n{\"a\": 1}\n",
        _ => null,
    };

    private const string PythonFileOps =
        "import os\n" +
        "p = 'py.txt'\n" +
        "with open(p, 'w') as f: f.write('hello\\n' * 3)\n" +
        "with open(p) as f: f.read()\n" +
        "os.stat(p); os.rename(p, p + '.2'); os.unlink(p + '.2')\n" +
        "os.listdir('/etc/apt')\n";

    private static readonly string[][] s_commands =
    [
        ["cat", "/etc/issue"],
        ["ls", "/"],
        ["/bin/echo", "hello"],
        ["true"],
        ["cp", "/etc/issue", Scratch + "/issue.copy"],
        ["sh", "-c", "echo hi | cat"],
        ["/usr/bin/python3", "-c", PythonFileOps],
        ["{bin}/flags"],
        ["{bin}/structs"],
        ["{bin}/misc"],
        ["{bin}/termios"],
        ["{bin}/ids"],
        ["{bin}/poll"],
        ["{bin}/splice"],
        ["{bin}/mempolicy"],
        ["{bin}/ioprio"],
        ["{bin}/sockfamilies"],
        ["{bin}/pidfd"],
        // sockets branch: control messages sent and received (SCM_*, SO_TIMESTAMP*, IP_*).
        ["{bin}/cmsg"],
        ["timeout", "5", "true"],
        ["xargs", "echo", "hi"],
        ["tar", "cf", Scratch + "/apt.tar", "/etc/apt"],
        ["find", "/etc/apt"],
        ["gzip", "-c", "/etc/services"],
        ["/usr/bin/python3", "{bin}/sockets.py"],
        ["/usr/bin/python3", "{bin}/events.py"],
        ["sqlite3", Scratch + "/t.db", "create table t(x); insert into t values (1), ('two'); select * from t;"],
        ["curl", "-s", "-o", "/dev/null", "file:///etc/issue"],
        ["curl", "-sf", "-o", Scratch + "/page.txt", "{http}/page.txt"],
        ["sort", "/etc/services"],
        ["sed", "-n", "1p", "/etc/issue"],
        // -yy / --decode-fds (branch fds): every descriptor form, see s_fdDecodingSets.
        ["{bin}/fds"],
    ];

    private static readonly string[][] s_optionSets = [[], ["-f"], ["-s", "64"], ["-x"], ["-v"], ["-y"]];

    /// <summary>Issue 4's selection options, each on workloads where it changes what prints; with
    /// -f and a trace set syscope also switches to seccomp-bpf stops, strace to plain ones.</summary>
    private static readonly (string Workload, string[] Options)[] s_filterSets =
    [
        ("cat", ["-e", "trace=%file"]), ("cat", ["-e", "trace=%desc,%memory"]), ("ls", ["-e", "trace=/^(open|close|getdents)"]),
        ("ls", ["-e", "trace=!mmap,mprotect,newfstatat"]), ("ls", ["-e", "trace=%stat"]), ("ls", ["-e", "trace=%%stat"]),
        ("cat", ["-z"]), ("cat", ["-Z"]), ("ls", ["-e", "status=failed"]), ("python3", ["-e", "status=successful", "-e", "trace=%file"]),
        ("cat", ["-P", "/etc/issue"]), ("cp", ["-P", "/etc/issue"]), ("ls", ["-e", "trace=?nosuchcall,%clock,openat"]),
        ("sh-pipe", ["-f", "-e", "trace=%process"]), ("sh-pipe", ["-f", "-e", "signal=none"]), ("sh-pipe", ["-f", "-qq"]),
        ("sh-pipe", ["-f", "-e", "quiet=attach,exit"]), ("sh-pipe", ["-f", "-e", "trace=%file,%desc", "-e", "status=!unfinished"]),
        ("structs", ["-e", "trace=%signal"]), ("misc", ["-e", "trace=%network,%ipc"]), ("python3", ["-e", "trace=%creds,%pure"]),
        // The launch's own execve is neither injected nor counted: cat's execve is the first.
        ("sh-pipe", ["-f", "-e", "trace=execve", "-e", "inject=execve:error=ENOENT:when=1"]),
    ];

    // ---- netlink branch: netlink messages on sockets; mount, io_uring and bpf decoders ----
    /// <summary>mount_uring_bpf.c mounts a tmpfs in a private mount namespace, then sets up io_uring, a bpf
    /// map and a program; netlink.py asks rtnetlink and sock_diag questions whose answers are stable; `ip`
    /// dumps links (their counters are masked), addresses and policy rules.</summary>
    private static readonly Workload[] s_netlinkWorkloads =
    [
        new("mount_uring_bpf", [], ["{bin}/mount_uring_bpf"]),
        new("mount_uring_bpf", ["-v"], ["{bin}/mount_uring_bpf"]),
        new("netlink.py", [], ["/usr/bin/python3", "{bin}/netlink.py"]),
        new("netlink.py", ["-v"], ["/usr/bin/python3", "{bin}/netlink.py"]),
        new("netlink.py", ["-s", "8"], ["/usr/bin/python3", "{bin}/netlink.py"]),
        new("netlink.py", ["-X", "verbose"], ["/usr/bin/python3", "{bin}/netlink.py"]),
        new("netlink.py", ["-yy"], ["/usr/bin/python3", "{bin}/netlink.py"]),
        new("mount_uring_bpf", ["-X", "raw"], ["{bin}/mount_uring_bpf"]),
        new("ip-addr", ["-e", "trace=%network"], ["/usr/sbin/ip", "addr"]),
        new("ip-rule", ["-e", "trace=%network"], ["/usr/sbin/ip", "rule"]),
    ];

    // ---- zeroA branch: memory, System V IPC, POSIX queues, AIO, keyctl, landlock, fanotify_init,
    // kcmp and futex_waitv with real arguments.  The queue name is per test run, the same for both tracers.
    private static readonly string[] s_memIpc = ["{bin}/memipc", $"syscope-zeroA-{Environment.ProcessId}"];

    private static readonly Workload[] s_zeroAWorkloads =
    [
        new("memipc", [], s_memIpc), new("memipc", ["-v"], s_memIpc), new("memipc", ["-X", "raw"], s_memIpc),
        new("memipc", ["-X", "verbose"], s_memIpc), new("memipc", ["-y"], s_memIpc),
    ];

    /// <summary>-X (how constants print) and -e raw=/abbrev=/verbose= (which calls are decoded,
    /// abbreviated, dereferenced), each on workloads full of flags and structures.</summary>
    private static readonly (string Workload, string[] Options)[] s_styleSets =
    [
        ("cat", ["-X", "raw"]), ("ls", ["-X", "raw"]), ("flags", ["-X", "raw"]), ("structs", ["-X", "raw"]), ("misc", ["-X", "raw"]), ("python3", ["-X", "raw"]),
        ("cat", ["-X", "verbose"]), ("ls", ["-X", "verbose"]), ("flags", ["-X", "verbose"]), ("structs", ["-X", "verbose"]), ("misc", ["-X", "verbose"]),
        ("python3", ["-X", "verbose"]), ("termios", ["-X", "verbose"]),
        ("cat", ["-e", "raw=openat,read"]), ("ls", ["-e", "raw=openat,read"]), ("structs", ["-e", "raw=openat,read"]), ("python3", ["-e", "raw=openat,read"]),
        ("cat", ["-e", "abbrev=none"]), ("ls", ["-e", "abbrev=none"]), ("structs", ["-e", "abbrev=none"]), ("misc", ["-e", "abbrev=none"]),
        ("cat", ["-e", "verbose=none"]), ("ls", ["-e", "verbose=none"]), ("structs", ["-e", "verbose=none"]), ("misc", ["-e", "verbose=none"]),
        ("python3", ["-e", "verbose=none"]), ("flags", ["-e", "verbose=none"]),
        ("cat", ["-e", "verbose=fstat,newfstatat"]), ("ls", ["-e", "verbose=fstat,newfstatat"]), ("structs", ["-e", "verbose=fstat,newfstatat"]),
        ("python3", ["-e", "verbose=fstat,newfstatat"]),
        ("mempolicy", ["-X", "raw"]), ("mempolicy", ["-X", "verbose"]), ("ioprio", ["-X", "raw"]), ("ioprio", ["-X", "verbose"]),
        ("pidfd", ["-y"]), ("pidfd", ["-yy"]), ("pidfd", ["-X", "raw"]), ("sockfamilies", ["-X", "raw"]), ("sockfamilies", ["-X", "verbose"]), ("sockfamilies", ["-yy"]),
    ];

    /// <summary>-yy and --decode-fds: socket endpoints from sock_diag, device numbers, pidfd pids,
    /// alone and in the sets strace accepts, on the descriptor program and on workloads that use
    /// sockets (python's loopback TCP, curl), pipes (sh-pipe) and devices (misc, cat).</summary>
    private static readonly (string Workload, string[] Options)[] s_fdDecodingSets =
    [
        ("fds", ["-yy"]), ("fds", ["-y"]), ("fds", ["--decode-fds=socket"]), ("fds", ["--decode-fds=dev,pidfd"]),
        ("fds", ["-e", "decode-fds=!path"]), ("fds", ["-x", "-yy"]), ("fds", ["--decode-fds=path,socket"]),
        ("sockets.py", ["-f", "-yy"]), ("misc", ["-yy"]), ("sh-pipe", ["-f", "-yy"]), ("cat", ["-yy"]),
        ("curl", ["-yy"]), ("curl-http", ["-yy"]), ("cat", ["--decode-fds=dev"]), ("python3", ["--decode-fds=all"]),
    ];

    // ---- dumps branch: -e read=/-e write= hex dumps, and programs for the sendmmsg/recvmmsg,
    // capget/capset, rt_sigtimedwait and sched_* decoders.  vectored.c's fd 6 carries a failed
    // sendmmsg, which strace 6.1 dumps by reading past the array, so its write sets leave 6 out.
    private static readonly string[][] s_dumpCommands = [["{bin}/vectored"], ["{bin}/sched"]];

    private static readonly (string Workload, string[] Options)[] s_dumpSets =
    [
        ("vectored", []), ("vectored", ["-v"]), ("vectored", ["-s", "4"]), ("sched", []), ("sched", ["-v"]),
        ("vectored", ["-e", "read=all", "-e", "write=!6"]), ("vectored", ["-e", "write=1", "-e", "read=3"]),
        ("vectored", ["-f", "-e", "read=5", "-e", "write=3,4"]), ("vectored", ["-e", "read=none", "-e", "write=!1,6"]),
        ("cat", ["-e", "read=all"]), ("cat", ["-e", "write=1"]), ("cat", ["-e", "read=3", "-e", "write=all"]),
        ("sockets.py", ["-f", "-e", "read=4,5", "-e", "write=all"]), ("sh-pipe", ["-f", "-e", "write=1", "-e", "read=0"]),
    ];

    // ---- zeroB branch: ptrace on a child, syslog, mknod, ustat, quotactl, reboot and removed
    // calls (admin.c, which makes its device nodes in the scratch directory), default and -v.
    private static readonly Workload[] s_adminWorkloads =
    [
        new("admin", [], ["{bin}/admin", Scratch]), new("admin", ["-v"], ["{bin}/admin", Scratch]),
        new("admin", ["-X", "raw"], ["{bin}/admin", Scratch]), new("admin", ["-X", "verbose"], ["{bin}/admin", Scratch]),
    ];

    private static string NameOf(string[] cmd) =>
        cmd[0] == "sh" ? "sh-pipe" : cmd.Any(a => a.Contains("{http}")) ? "curl-http" : cmd.Length > 1 && cmd[1].EndsWith(".py") ? Path.GetFileNameWithoutExtension(cmd[1]) + ".py" : Path.GetFileName(cmd[0]);

    /// <summary>Every command with default options, and every option set on a representative few.</summary>
    public static IEnumerable<object[]> All()
    {
        foreach (var cmd in s_commands.Concat(s_dumpCommands))
            foreach (var (workload, opts) in s_dumpSets)
                if (workload == NameOf(cmd)) yield return [new Workload(workload, opts, cmd)];
        foreach (var cmd in s_commands)
        {
            string name = NameOf(cmd);
            foreach (var opts in s_optionSets)
            {
                bool wanted = opts.Length == 0 || (opts is ["-v"] && name is "mempolicy") || name is "cat" or "ls" or "structs" or "misc" or "termios" or "poll" or "sh-pipe" or "python3"
                    || (opts is ["-f"] && name is "sockets.py" or "events.py" or "curl-http") || (opts is ["-y"] && name is "curl-http");
                if (wanted) yield return [new Workload(name, opts, cmd)];
            }
            foreach (var (workload, opts) in s_filterSets)
                if (workload == name) yield return [new Workload(name, opts, cmd)];
            foreach (var (workload, opts) in s_styleSets)
                if (workload == name) yield return [new Workload(name, opts, cmd)];
            foreach (var (workload, opts) in s_fdDecodingSets)
                if (workload == name) yield return [new Workload(name, opts, cmd)];
        }
        foreach (var w in s_netlinkWorkloads) yield return [w];
        foreach (var w in s_zeroAWorkloads) yield return [w];
        foreach (var w in s_adminWorkloads) yield return [w];
    }
}
