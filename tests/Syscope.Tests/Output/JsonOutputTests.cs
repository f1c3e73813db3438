using System.Text.Json;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Output;

/// <summary>--json carries the same decoded calls as the text format, one JSON object per line,
/// with each argument's typed value beside strace's text of it (docs/JSON.md).</summary>
public class JsonOutputTests
{
    [NeedsFact("gcc")]
    public void Json_lines_hold_exactly_what_strace_text_shows()
    {
        string prog = CPrograms.Path("basic");
        string text = CPrograms.TempFile("basic.txt"), json = CPrograms.TempFile("basic.json");
        SyscopeCli.Run(["trace", "-o", text, prog]);
        SyscopeCli.Run(["trace", "--json", "-o", json, prog]);

        var fromText = TraceText.AfterMarker(File.ReadAllLines(text)).Select(Differential.Masking.Line).ToList();
        var events = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var fromJson = events.SkipWhile(e => !IsCall(e, "getppid")).Skip(1)
            .Select(Rebuild).Select(Differential.Masking.Line).ToList();
        Assert.Equal([
            "write(1, \"hi\\n\", 3) = 3",
            "close(99) = -1 EBADF (Bad file descriptor)",
            "getpid() = PID",
            "write(1, \"\\33[31mred\\33[0m\\t\\\\\\\"\\n\", 16) = 16",
            "exit_group(3) = ?",
            "+++ exited with 3 +++"], fromJson);
        Assert.Equal(fromText, fromJson);
    }

    [NeedsFact("gcc")]
    public void Signals_kills_descriptor_paths_and_failures_have_their_fields()
    {
        string json = CPrograms.TempFile("sh.json");
        var r = SyscopeCli.Run(["trace", "--json", "-y", "-f", "-o", json, "sh", "-c", "cat /etc/hostname /nonexistent; kill -USR1 $$"]);
        Assert.NotEqual(0, r.ExitCode);
        var events = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e =>
        {
            Assert.Equal(1, e.GetProperty("schema").GetInt32());
            Assert.True(e.GetProperty(IsCall(e) ? "ts_entry" : "ts").GetInt64() > 1_700_000_000_000_000_000 && e.GetProperty("tid").GetInt32() > 0 && e.GetProperty("tgid").GetInt32() > 0, e.ToString());
        });

        var open = events.First(e => IsCall(e, "openat") && e.GetProperty("args")[1].GetProperty("text").GetString() == "\"/etc/hostname\"");
        Assert.Matches("^AT_FDCWD</.*>$", open.GetProperty("args")[0].GetProperty("text").GetString());
        Assert.Equal(-100, open.GetProperty("args")[0].GetProperty("value").GetInt32());
        Assert.Equal("fd", open.GetProperty("args")[0].GetProperty("type").GetString());
        Assert.Equal("cat", open.GetProperty("comm").GetString());
        long fd = open.GetProperty("retval").GetInt64();
        Assert.Equal($"{fd}</etc/hostname>", open.GetProperty("retval_text").GetString());

        var missing = events.First(e => IsCall(e, "openat") && e.GetProperty("args")[1].GetProperty("value").GetString() == "/nonexistent");
        Assert.Equal(-1, missing.GetProperty("retval").GetInt64());
        Assert.Equal("ENOENT", missing.GetProperty("errno").GetString());
        Assert.Equal("No such file or directory", missing.GetProperty("error").GetString());

        // The child shows as a fork record, then an exec record after its execve.
        var fork = events.First(e => e.GetProperty("type").GetString() == "fork");
        int child = fork.GetProperty("tid").GetInt32();
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "exec" && e.GetProperty("tid").GetInt32() == child && e.GetProperty("comm").GetString() == "cat");

        var signal = events.Single(e => e.GetProperty("type").GetString() == "signal" && e.GetProperty("signal").GetString() == "SIGUSR1");
        Assert.Equal("SIGUSR1", signal.GetProperty("signal").GetString());
        Assert.StartsWith("{si_signo=SIGUSR1, si_code=SI_USER, si_pid=", signal.GetProperty("siginfo").GetString());
        var killed = events.Last();
        Assert.Equal("killed", killed.GetProperty("type").GetString());
        Assert.Equal("SIGUSR1", killed.GetProperty("signal").GetString());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "exited" && e.GetProperty("status").GetInt32() == 1);
    }

    [NeedsFact("gcc")]
    public void Read_and_write_dumps_ride_along_as_one_string()
    {
        string prog = CPrograms.Path("basic");
        string json = CPrograms.TempFile("dump.json");
        SyscopeCli.Run(["trace", "--json", "-e", "write=1", "-o", json, prog]);
        var write = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement)
            .First(e => IsCall(e, "write") && e.GetProperty("args")[2].GetProperty("value").GetInt64() == 3);
        // The line strace 6.1 prints for this write with -e write=1.
        Assert.Equal(" | 00000  68 69 0a                                          hi.              |\n", write.GetProperty("dump").GetString());
    }

    [NeedsFact("gcc")]
    public void Arguments_have_typed_values_beside_their_text()
    {
        string json = CPrograms.TempFile("typed.json");
        SyscopeCli.Run(["trace", "--json", "-o", json, CPrograms.Path("basic")]);
        var events = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var write = events.First(e => IsCall(e, "write") && e.GetProperty("args")[0].GetProperty("value").GetInt32() == 1);
        Assert.Equal("""[{"name":"fd","type":"fd","value":1,"text":"1"},{"name":"buf","type":"string","value":"hi\n","truncated":false,"text":"\"hi\\n\""},{"name":"count","type":"int","value":3,"text":"3"}]""",
            write.GetProperty("args").GetRawText());
        var colours = events.Last(e => IsCall(e, "write")).GetProperty("args")[1];
        Assert.Equal("\u001b[31mred\u001b[0m\t\\\"\n", colours.GetProperty("value").GetString());
        var close = events.Single(e => IsCall(e, "close") && e.GetProperty("args")[0].GetProperty("value").GetInt32() == 99);
        Assert.Equal("EBADF", close.GetProperty("errno").GetString());
        Assert.Equal("Bad file descriptor", close.GetProperty("error").GetString());
        Assert.Equal(close.GetProperty("ts_exit").GetInt64() - close.GetProperty("ts_entry").GetInt64(), close.GetProperty("duration_ns").GetInt64());
    }

    /// <summary>An ioctl argument printed at exit is the call's third argument, its ", " not in
    /// the request before it, whether the request's family decodes it or not (Programs/ioctls.c,
    /// every request on descriptor -1, with an injected success so each exit half prints).</summary>
    [NeedsFact("gcc")]
    public void Ioctl_arguments_printed_at_exit_are_arguments_of_their_own()
    {
        string text = CPrograms.TempFile("ioctls.txt"), json = CPrograms.TempFile("ioctls.json");
        string[] opts = ["-e", "trace=ioctl", "-e", "inject=ioctl:retval=42"];
        SyscopeCli.Run(["trace", .. opts, "-o", text, CPrograms.Path("ioctls")]);
        SyscopeCli.Run(["trace", "--json", .. opts, "-o", json, CPrograms.Path("ioctls")]);
        var calls = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => IsCall(e, "ioctl") && e.GetProperty("args")[0].GetProperty("text").GetString() == "-1").ToList();
        Assert.True(calls.Count > 60, $"only {calls.Count} ioctl calls");
        foreach (var call in calls)
        {
            var args = call.GetProperty("args").EnumerateArray().ToList();
            Assert.InRange(args.Count, 2, 3);
            Assert.DoesNotMatch(@",\s*$|[{\[""]", args[1].GetProperty("text").GetString()!);
            if (args.Count == 3) Assert.False(args[2].GetProperty("text").GetString()!.StartsWith(", "), Rebuild(call));
        }
        var id = calls.Single(c => c.GetProperty("args")[1].GetProperty("text").GetString() == "EVIOCGID").GetProperty("args")[2];
        Assert.Equal("struct", id.GetProperty("type").GetString());
        Assert.Equal("{bustype=3, vendor=1133, product=50475, version=273}", id.GetProperty("text").GetString());
        // The JSON record says an injected result apart (its "injected" member), not in the return's text.
        var fromText = File.ReadAllLines(text).Where(l => l.StartsWith("ioctl(-1,"))
            .Select(l => Differential.Masking.Line(l.Replace(" (INJECTED)", ""))).ToList();
        Assert.Equal(fromText, calls.Select(Rebuild).Select(Differential.Masking.Line).ToList());
    }

    /// <summary>Bytes that are not UTF-8 come as base64; structures as objects of typed fields;
    /// flags as names; a socket address by its parts; --json=entries adds each call's entry.</summary>
    [NeedsFact("root", "python3")]
    public void Bytes_structures_flags_and_addresses_are_typed()
    {
        string json = CPrograms.TempFile("typed-py.json");
        const string program = """
            import os, socket, time
            fd = os.open('/dev/null', os.O_WRONLY | os.O_CLOEXEC)
            os.write(fd, b'\xff\xfeok')
            os.stat('/etc/hostname')
            s = socket.socket()
            try: s.connect(('127.0.0.1', 9))
            except OSError: pass
            time.sleep(0.01)
            """;
        var r = SyscopeCli.Run(["trace", "--json=entries", "-o", json, "python3", "-c", program]);
        Assert.Equal(0, r.ExitCode);
        var events = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var write = events.First(e => IsCall(e, "write") && e.GetProperty("args")[2].GetProperty("value").GetInt64() == 4).GetProperty("args")[1];
        Assert.Equal("//5vaw==", write.GetProperty("value").GetString());
        Assert.Equal("base64", write.GetProperty("encoding").GetString());
        Assert.Equal("\"\\377\\376ok\"", write.GetProperty("text").GetString());

        var open = events.Last(e => IsCall(e, "openat") && e.GetProperty("args")[1].GetProperty("value").GetString() == "/dev/null");
        Assert.Equal("""{"name":"flags","type":"flags","value":["O_WRONLY","O_CLOEXEC"],"number":524289,"text":"O_WRONLY|O_CLOEXEC"}""", open.GetProperty("args")[2].GetRawText());

        var stat = events.First(e => IsCall(e) && e.GetProperty("args").EnumerateArray().Any(a => a.GetProperty("text").GetString() == "\"/etc/hostname\"")
            && e.GetProperty("syscall").GetString()!.Contains("stat")).GetProperty("args").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "struct");
        var fields = stat.GetProperty("value");
        Assert.Equal(new FileInfo("/etc/hostname").Length, fields.GetProperty("st_size").GetProperty("value").GetInt64());
        Assert.Equal(0x8000, fields.GetProperty("st_mode").GetProperty("value").GetInt32() & 0xf000);
        Assert.True(stat.GetProperty("abbreviated").GetBoolean());

        // The C library may connect to AF_UNIX services first (nscd, in CI's container): the
        // call that matters is the one to 127.0.0.1.
        var address = events.First(e => IsCall(e, "connect") && e.GetProperty("args")[1].GetProperty("text").GetString()!.Contains("127.0.0.1")).GetProperty("args")[1];
        Assert.Equal("struct", address.GetProperty("type").GetString());
        Assert.Equal("""{"sa_family":{"type":"const","value":"AF_INET","number":2,"text":"AF_INET"},"sin_port":{"type":"int","value":9,"text":"htons(9)"},"sin_addr":{"type":"string","value":"127.0.0.1","truncated":false,"text":"inet_addr(\"127.0.0.1\")"}}""",
            address.GetProperty("value").GetRawText());

        // The sleep: an entry record, then the call at its exit with the same entry time.
        var sleep = events.Last(e => IsCall(e) && e.GetProperty("syscall").GetString()!.Contains("sleep"));
        var entry = events.Last(e => e.GetProperty("type").GetString() == "syscall_entry" && e.GetProperty("syscall").GetString() == sleep.GetProperty("syscall").GetString());
        Assert.Equal(sleep.GetProperty("ts_entry").GetInt64(), entry.GetProperty("ts_entry").GetInt64());
        Assert.True(events.IndexOf(entry) < events.IndexOf(sleep));
        // Python sleeps until an absolute deadline (TIMER_ABSTIME), so the call itself may take
        // less than the 10 ms asked for when tracing delayed its entry.
        Assert.True(sleep.GetProperty("duration_ns").GetInt64() > 0);
    }

    /// <summary>Arrays (argv, iovec[], pollfd[], descriptors), signal sets in both forms, rlimit,
    /// msghdr with its control messages, joined constants and in => out values, exactly, from a C
    /// program whose every value is fixed (Programs/composites.c).</summary>
    [NeedsFact("gcc")]
    public void Arrays_signal_sets_and_composite_structures_are_typed()
    {
        string prog = CPrograms.Path("composites");
        string json = CPrograms.TempFile("composites.json");
        var r = SyscopeCli.Run(["trace", "--json", "-o", json, prog, "one", "two words"]);
        Assert.Equal(0, r.ExitCode);
        var calls = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).Where(e => IsCall(e)).ToList();

        var argv = calls.First(e => IsCall(e, "execve")).GetProperty("args")[1];
        Assert.Equal("array", argv.GetProperty("type").GetString());
        // Cut at -s (32 by default) like any string, with its truncated flag.
        Assert.Equal([prog.Length > 32 ? prog[..32] : prog, "one", "two words"], argv.GetProperty("value").EnumerateArray().Select(a => a.GetProperty("value").GetString()));
        Assert.Equal([prog.Length > 32, false, false], argv.GetProperty("value").EnumerateArray().Select(a => a.GetProperty("truncated").GetBoolean()));
        Assert.All(argv.GetProperty("value").EnumerateArray(), a => Assert.Equal("string", a.GetProperty("type").GetString()));

        var marked = calls.SkipWhile(e => !IsCall(e, "getppid")).Skip(1).SkipLast(1)
            .Select(e => (e.GetProperty("syscall").GetString(), e.GetProperty("args").GetRawText())).ToList();
        (string, string)[] expected =
        [
            ("rt_sigprocmask", """[{"name":"how","type":"const","value":"SIG_BLOCK","number":0,"text":"SIG_BLOCK"},{"name":"nset","type":"sigset","value":["SIGUSR1","SIGTERM"],"complement":false,"number":16896,"text":"[USR1 TERM]"},{"name":"oset","type":"pointer","value":0,"text":"NULL"},{"name":"sigsetsize","type":"int","value":8,"text":"8"}]"""),
            ("rt_sigprocmask", """[{"name":"how","type":"const","value":"SIG_SETMASK","number":2,"text":"SIG_SETMASK"},{"name":"nset","type":"sigset","value":["SIGINT"],"complement":true,"number":18446744073709551613,"text":"~[INT]"},{"name":"oset","type":"sigset","value":["SIGUSR1","SIGTERM"],"complement":false,"number":16896,"text":"[USR1 TERM]"},{"name":"sigsetsize","type":"int","value":8,"text":"8"}]"""),
            ("rt_sigprocmask", """[{"name":"how","type":"const","value":"SIG_SETMASK","number":2,"text":"SIG_SETMASK"},{"name":"nset","type":"sigset","value":[],"complement":false,"number":0,"text":"[]"},{"name":"oset","type":"pointer","value":0,"text":"NULL"},{"name":"sigsetsize","type":"int","value":8,"text":"8"}]"""),
            ("prlimit64", """[{"name":"pid","type":"int","value":0,"text":"0"},{"name":"resource","type":"const","value":"RLIMIT_NOFILE","number":7,"text":"RLIMIT_NOFILE"},{"name":"new_rlim","type":"struct","value":{"rlim_cur":{"type":"int","value":256,"text":"256"},"rlim_max":{"type":"int","value":8192,"text":"8*1024"}},"text":"{rlim_cur=256, rlim_max=8*1024}"},{"name":"old_rlim","type":"pointer","value":0,"text":"NULL"}]"""),
            ("prlimit64", """[{"name":"pid","type":"int","value":0,"text":"0"},{"name":"resource","type":"const","value":"RLIMIT_NOFILE","number":7,"text":"RLIMIT_NOFILE"},{"name":"new_rlim","type":"pointer","value":0,"text":"NULL"},{"name":"old_rlim","type":"struct","value":{"rlim_cur":{"type":"int","value":256,"text":"256"},"rlim_max":{"type":"int","value":8192,"text":"8*1024"}},"text":"{rlim_cur=256, rlim_max=8*1024}"}]"""),
            ("pipe2", """[{"name":"fildes","type":"array","value":[{"type":"fd","value":3,"text":"3"},{"type":"fd","value":4,"text":"4"}],"text":"[3, 4]"},{"name":"flags","type":"flags","value":["O_CLOEXEC"],"number":524288,"text":"O_CLOEXEC"}]"""),
            ("writev", """[{"name":"fd","type":"fd","value":4,"text":"4"},{"name":"vec","type":"array","value":[{"type":"struct","value":{"iov_base":{"type":"string","value":"ab","truncated":false,"text":"\"ab\""},"iov_len":{"type":"int","value":2,"text":"2"}},"text":"{iov_base=\"ab\", iov_len=2}"},{"type":"struct","value":{"iov_base":{"type":"string","value":"cde","truncated":false,"text":"\"cde\""},"iov_len":{"type":"int","value":3,"text":"3"}},"text":"{iov_base=\"cde\", iov_len=3}"}],"text":"[{iov_base=\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=3}]"},{"name":"vlen","type":"int","value":2,"text":"2"}]"""),
            ("readv", """[{"name":"fd","type":"fd","value":3,"text":"3"},{"name":"vec","type":"array","value":[{"type":"struct","value":{"iov_base":{"type":"string","value":"ab","truncated":false,"text":"\"ab\""},"iov_len":{"type":"int","value":2,"text":"2"}},"text":"{iov_base=\"ab\", iov_len=2}"},{"type":"struct","value":{"iov_base":{"type":"string","value":"cde","truncated":false,"text":"\"cde\""},"iov_len":{"type":"int","value":10,"text":"10"}},"text":"{iov_base=\"cde\", iov_len=10}"}],"text":"[{iov_base=\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=10}]"},{"name":"vlen","type":"int","value":2,"text":"2"}]"""),
            ("poll", """[{"name":"ufds","type":"array","value":[{"type":"struct","value":{"fd":{"type":"fd","value":4,"text":"4"},"events":{"type":"flags","value":["POLLOUT"],"number":4,"text":"POLLOUT"}},"text":"{fd=4, events=POLLOUT}"},{"type":"struct","value":{"fd":{"type":"fd","value":3,"text":"3"},"events":{"type":"flags","value":["POLLIN"],"number":1,"text":"POLLIN"}},"text":"{fd=3, events=POLLIN}"}],"text":"[{fd=4, events=POLLOUT}, {fd=3, events=POLLIN}]"},{"name":"nfds","type":"int","value":2,"text":"2"},{"name":"timeout_msecs","type":"int","value":0,"text":"0"}]"""),
            ("socketpair", """[{"name":"family","type":"const","value":"AF_UNIX","number":1,"text":"AF_UNIX"},{"name":"type","type":"flags","value":["SOCK_STREAM"],"number":1,"text":"SOCK_STREAM"},{"name":"protocol","type":"int","value":0,"text":"0"},{"name":"usockvec","type":"array","value":[{"type":"fd","value":5,"text":"5"},{"type":"fd","value":6,"text":"6"}],"text":"[5, 6]"}]"""),
            ("sendmsg", """[{"name":"fd","type":"fd","value":5,"text":"5"},{"name":"msg","type":"struct","value":{"msg_name":{"type":"pointer","value":0,"text":"NULL"},"msg_namelen":{"type":"int","value":0,"text":"0"},"msg_iov":{"type":"array","value":[{"type":"struct","value":{"iov_base":{"type":"string","value":"hi","truncated":false,"text":"\"hi\""},"iov_len":{"type":"int","value":2,"text":"2"}},"text":"{iov_base=\"hi\", iov_len=2}"}],"text":"[{iov_base=\"hi\", iov_len=2}]"},"msg_iovlen":{"type":"int","value":1,"text":"1"},"msg_control":{"type":"array","value":[{"type":"struct","value":{"cmsg_len":{"type":"int","value":20,"text":"20"},"cmsg_level":{"type":"const","value":"SOL_SOCKET","number":1,"text":"SOL_SOCKET"},"cmsg_type":{"type":"const","value":"SCM_RIGHTS","number":1,"text":"SCM_RIGHTS"},"cmsg_data":{"type":"array","value":[{"type":"fd","value":3,"text":"3"}],"text":"[3]"}},"text":"{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}"}],"text":"[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}]"},"msg_controllen":{"type":"int","value":24,"text":"24"},"msg_flags":{"type":"flags","value":[],"number":0,"text":"0"}},"text":"{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hi\", iov_len=2}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=24, msg_flags=0}"},{"name":"flags","type":"flags","value":[],"number":0,"text":"0"}]"""),
            ("socket", """[{"name":"family","type":"const","value":"AF_INET","number":2,"text":"AF_INET"},{"name":"type","type":"flags","value":["SOCK_STREAM","SOCK_CLOEXEC"],"number":524289,"text":"SOCK_STREAM|SOCK_CLOEXEC"},{"name":"protocol","type":"const","value":"IPPROTO_IP","number":0,"text":"IPPROTO_IP"}]"""),
            ("getsockname", """[{"name":"fd","type":"fd","value":7,"text":"7"},{"name":"usockaddr","type":"struct","value":{"sa_family":{"type":"const","value":"AF_INET","number":2,"text":"AF_INET"},"sin_port":{"type":"int","value":0,"text":"htons(0)"},"sin_addr":{"type":"string","value":"0.0.0.0","truncated":false,"text":"inet_addr(\"0.0.0.0\")"}},"text":"{sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"0.0.0.0\")}"},{"name":"usockaddr_len","type":"array","value":[{"type":"int","value":16,"text":"64 => 16"}],"text":"[64 => 16]"}]"""),
        ];
        Assert.Equal(expected.Length, marked.Count - 3);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], marked[i]);
    }

    /// <summary>An ioctl request is a constant: its name (every name its number has, as strace
    /// joins them with " or ") and its number; a request no header names is the number, with
    /// strace's _IOC(...) in its text.  Exact JSON of composites.c's three ioctl lines.</summary>
    [NeedsFact("gcc")]
    public void Ioctl_requests_are_constants_with_their_number()
    {
        string prog = CPrograms.Path("composites");
        string json = CPrograms.TempFile("ioctl.json");
        var r = SyscopeCli.Run(["trace", "--json", "-e", "trace=ioctl", "-o", json, prog]);
        Assert.Equal(0, r.ExitCode);
        var ioctls = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).Where(e => IsCall(e, "ioctl"))
            .Select(e => e.GetProperty("args").GetRawText()).ToList();
        Assert.Equal(
            [
                """[{"name":"fd","type":"fd","value":3,"text":"3"},{"name":"cmd","type":"const","value":"FIONREAD","number":21531,"text":"FIONREAD"},{"name":"arg","type":"array","value":[{"type":"int","value":0,"text":"0"}],"text":"[0]"}]""",
                """[{"name":"fd","type":"fd","value":3,"text":"3"},{"name":"cmd","type":"const","value":"SNDCTL_TMR_START or TCSETS","number":21506,"text":"SNDCTL_TMR_START or TCSETS"},{"name":"arg","type":"pointer","value":0,"text":"NULL"}]""",
                """[{"name":"fd","type":"fd","value":3,"text":"3"},{"name":"cmd","type":"int","value":2147810823,"text":"_IOC(_IOC_READ, 0xfe, 0x7, 0x4)"},{"name":"arg","type":"int","value":0,"text":"0"}]""",
            ],
            ioctls);
    }

    /// <summary>A recording replayed with --json gives the same bytes as the live --json trace,
    /// typed composites included (the decoders read the recorded memory as they read the tracee's).</summary>
    [NeedsFact("gcc")]
    public void Replayed_json_is_byte_identical_to_the_live_json()
    {
        string prog = CPrograms.Path("composites");
        string scope = CPrograms.TempFile("composites.scope"), live = CPrograms.TempFile("live.json"), replayed = CPrograms.TempFile("replayed.json");
        foreach (string[] options in new[] { Array.Empty<string>(), ["-v", "-y"] })
        {
            var r = SyscopeCli.Run(["trace", "--json", .. options, "--record", scope, "-o", live, prog, "one"]);
            Assert.Equal(0, r.ExitCode);
            var replay = SyscopeCli.Run(["replay", scope, "--json", .. options, "-o", replayed]);
            Assert.True(replay.ExitCode == 0, replay.Stderr);
            Assert.Equal(File.ReadAllText(live), File.ReadAllText(replayed));
            Assert.Contains("\"type\":\"sigset\"", File.ReadAllText(replayed));
        }
    }

    [Fact]
    public void Json_cannot_split_output_per_process()
    {
        var r = SyscopeCli.Run(["trace", "--json", "-ff", "-o", "/tmp/never", "true"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--json writes one stream: it cannot be combined with -ff -o", r.Stderr);
    }

    private static bool IsCall(JsonElement e) => e.GetProperty("type").GetString() == "syscall";

    private static bool IsCall(JsonElement e, string name) => IsCall(e) && e.GetProperty("syscall").GetString() == name;

    /// <summary>The strace line a JSON event stands for.</summary>
    private static string Rebuild(JsonElement e)
    {
        switch (e.GetProperty("type").GetString())
        {
            case "exited": return $"+++ exited with {e.GetProperty("status").GetInt32()} +++";
            case "syscall":
                var args = string.Join(", ", e.GetProperty("args").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
                string line = $"{e.GetProperty("syscall").GetString()}({args}) = ";
                var ret = e.GetProperty("retval");
                if (ret.ValueKind == JsonValueKind.Null) return line + "?";
                if (e.TryGetProperty("errno", out var errno))
                    return line + $"-1 {errno.GetString()} ({Kernel.Errno.Message(Kernel.Errno.Parse(errno.GetString()!))})";
                return line + (e.TryGetProperty("retval_text", out var d) ? d.GetString() : ret.GetInt64().ToString());
            default: return e.ToString();
        }
    }
}
