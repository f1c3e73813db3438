using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// Issue 12's "every option, same result": each strace 6.1 option run under Debian's strace and
/// under `syscope trace` with the same program, and everything compared whole: exit status,
/// stdout, stderr and the -o file, after masking only what changes from run to run (pids,
/// addresses, the digits of times: their widths and precisions still count) and the tracer's
/// own name.  The -o file is filled with a line before each run, so -A shows.
/// </summary>
public partial class StraceOptionsTests(ITestOutputHelper output)
{
    private const string Out = "{out}";

    /// <summary>Options and, after them, the command (the options.c program when none is given).</summary>
    public static TheoryData<string, string[]> Invocations() => new()
    {
        // Column, instruction pointer, syscall numbers.
        { "-a 20 -e trace=close", [] }, { "-a20 -e trace=close", [] }, { "--columns=50 -e trace=close", [] }, { "-a0 -e trace=close", [] },
        { "-i -e trace=close", [] }, { "--instruction-pointer -e trace=close,openat", [] }, { "-i -n -t -e trace=close", [] },
        { "-n -e trace=close", [] }, { "-n", [] }, { "--syscall-number -e trace=openat,getpid", [] },
        // Timestamps in every form.
        { "-t -e trace=close", [] }, { "-tt -e trace=close", [] }, { "-ttt -e trace=close", [] },
        { "--timestamps -e trace=close", [] }, { "--timestamps=format:unix -e trace=close", [] },
        { "--timestamps=format:time,precision:ms -e trace=close", [] }, { "--timestamps=precision:ns -e trace=close", [] },
        { "--timestamps=unix,us -e trace=close", [] }, { "--timestamps=none -e trace=close", [] },
        { "--timestamps=unix --timestamps=ms -e trace=close", [] }, { "--absolute-timestamps -e trace=close", [] },
        { "--absolute-timestamps=format:unix,precision:ns -e trace=close", [] }, { "--absolute-timestamps=precision:s -e trace=close", [] },
        { "-r -e trace=close", [] }, { "--relative-timestamps -e trace=close", [] }, { "--relative-timestamps=s -e trace=close", [] },
        { "--relative-timestamps=ms -e trace=close", [] }, { "--relative-timestamps=ns -e trace=close", [] },
        { "-T -e trace=close", [] }, { "--syscall-times -e trace=close", [] }, { "--syscall-times=s -e trace=close", [] },
        { "--syscall-times=ms -e trace=close", [] }, { "--syscall-times=ns -e trace=close", [] },
        // Strings in hex.
        { "-x -e trace=write", [] }, { "-xx -e trace=write", [] }, { "--strings-in-hex -e trace=write", [] },
        { "--strings-in-hex=all -e trace=write", [] }, { "--strings-in-hex=non-ascii -e trace=write", [] },
        { "--strings-in-hex=non-ascii-chars -e trace=write", [] }, { "--strings-in-hex=none -e trace=write", [] },
        // Output styles as long options.
        { "--abbrev=none -e trace=mmap", [] }, { "--verbose=none -e trace=newfstatat", [] }, { "--raw=close -e trace=close", [] },
        // Classes without %, personalities.
        { "-e trace=file", [] }, { "-e trace=desc", [] }, { "-e trace=process", [] }, { "-e trace=network", [] },
        { "-e trace=memory", [] }, { "-e trace=ipc", [] }, { "-e trace=signal", [] }, { "-e trace=openat@64", [] },
        { "-e trace=openat@32", [] }, { "-e trace=openat@x32,close@64", [] }, { "-e trace=%file@64", [] }, { "-e trace=?bogus@64,close", [] },
        // Pid namespaces (one here), quiet and interruptible words, -F, prefixes of long options.
        { "--pidns-translation -e trace=getpid", [] }, { "--decode-pids=pidns -e trace=getpid", [] }, { "-e decode-pids=pidns -e trace=getpid", [] },
        { "--silence=attach -e trace=close", [] }, { "--silent=exit -e trace=close", [] }, { "--quiet=exit -e trace=close", [] },
        { "-e quiet=all -e trace=close", [] }, { "-I never -e trace=close", [] }, { "--interruptible=anywhere -e trace=close", [] },
        { "-I waiting -e trace=close", [] }, { "--interruptible=never_tstp -e trace=close", [] },
        { "-F -e trace=close", [] }, { "--follow -e trace=close", [] }, { "--string-lim=4 -e trace=write", [] },
        // Results: status, injected delays.
        { "-e status=unfinished", [] }, { "-e status=!failed", [] }, { "-e status=failed", [] },
        { "-e inject=getpid:delay_enter=10 -e trace=getpid", [] }, { "-e inject=getpid:delay_exit=10 -e trace=getpid", [] },
        { "-e inject=getpid:delay_enter=10:retval=5 -e trace=getpid", [] },
        // poke_enter into a string literal (a read-only page): the line shows the poked bytes.
        { "-e trace=write -e inject=write:poke_enter=@arg2=414243", [] }, { "-e trace=write -e inject=write:poke_exit=@arg2=414243:when=1", [] },
        // Summary overhead: a second off every call leaves every time 0, so the table is exact.
        { "-O 1s -w -c -e trace=close,read", [] }, { "--summary-syscall-overhead=1000000 -w -c -e trace=close", [] },
        { "-O 1e3ms -w -c -e trace=close", [] }, { "-O 0.5e1s -w -c -e trace=close", [] },
        // Output file: truncated, appended to, created even when the program cannot start.
        { $"-o {Out} -e trace=close", [] }, { $"-A -o {Out} -e trace=close", [] }, { $"--output-append-mode -o {Out} -e trace=close", [] },
        { $"-o {Out}", ["/nonexistent/program"] },
        // Output into a command: -o '|cmd' and -o '!cmd' (sh -c cmd reads the trace), not with -ff.
        { "-o |cat -e trace=close", ["true"] }, { "-o !cat -e trace=close", ["true"] }, { "-ff -o |cat", ["true"] },
        // Start-up: environment, detaching at execve.
        { "-E FOO=bar -E HOME -e trace=none", ["sh", "-c", "echo $FOO ${HOME-unset}"] }, { "--env=FOO=baz -e trace=none", ["sh", "-c", "echo $FOO"] },
        // The command is found by the tracer's own PATH, whatever -E gives the command.
        { "-E PATH=/ -e trace=none", ["true"] }, { "--env=PATH=/nonexistent -e trace=none", ["sh", "-c", "echo $PATH"] },
        { "--interruptible=always -e trace=none", ["true"] }, { "-I anywhere -e trace=none", ["true"] },
        { "-f -b execve -e trace=execve,exit_group", ["sh", "-c", "/bin/true; echo done"] },
        { "-f --detach-on=execve -o {out} -e trace=execve,exit_group", ["sh", "-c", "/bin/true; echo done"] },
        // execve outside the set: no seccomp program may hide the exec -b lets go at (strace drops it, and says so).
        { "-f -b execve -e trace=openat", ["sh", "-c", "/bin/true; echo done"] },
        { "-f --seccomp-bpf -b execve -e trace=openat", ["sh", "-c", "/bin/true; echo done"] },
        // Usage errors: strace's message and its pointer to -h.
        { "--bogus", [] }, { "-Q", [] }, { "-a -1", [] }, { "-a x", [] }, { "--columns=", [] }, { "--timestamps=bogus", [] },
        { "--timestamps=precision:xs", [] }, { "-t --timestamps", [] }, { "--relative-timestamps=xs", [] },
        { "--syscall-times=format:ms", [] }, { "--strings-in-hex=bogus", [] }, { "-O x", [] }, { "-b fork", [] },
        { "-e trace=bogus@32", [] }, { "-e trace=creds", [] }, { "-I 5", [] }, { "--interruptible=sometimes", [] },
    };

    [NeedsTheory(Workloads.Strace, Workloads.Gcc)]
    [MemberData(nameof(Invocations))]
    public void Option_gives_what_strace_gives(string options, string[] command)
    {
        string program = CPrograms.Path("options");
        string[] cmd = command.Length > 0 ? command : [program];
        var strace = Run("strace", options, cmd);
        var syscope = Run(SyscopeCli.Executable, "trace " + options, cmd);
        output.WriteLine($"strace:  {strace}\nsyscope: {syscope}");
        Assert.Equal(strace, syscope);
    }

    /// <summary>-V: strace's first line with syscope's name, so `strace -V | awk '{print $4}'` reads 6.1.</summary>
    [NeedsFact(Workloads.Strace)]
    public void Version_line_has_straces_shape()
    {
        var strace = Runner.Run("strace", ["-V"]);
        foreach (string option in new[] { "-V", "--version", "-f -V -x" })
        {
            var syscope = SyscopeCli.Run(["trace", .. option.Split(' ')]);
            Assert.Equal(0, syscope.ExitCode);
            string[] ours = syscope.Stdout.Split('\n')[0].Split(' '), theirs = strace.Stdout.Split('\n')[0].Split(' ');
            Assert.Equal("syscope", ours[0]);
            Assert.Equal(theirs[1..], ours[1..]);
            Assert.Contains("Optional features enabled: ", syscope.Stdout);
        }
    }

    /// <summary>-h wherever it stands prints the help on stdout and exits 0, as strace's does; an
    /// option before it is still checked first.</summary>
    [NeedsFact(Workloads.Strace)]
    public void Help_anywhere_prints_usage_and_succeeds()
    {
        foreach (string line in new[] { "-h", "--help", "-emmap -h", "-f -h -Q", "-t --he" })
        {
            var strace = Runner.Run("strace", line.Split(' '));
            var syscope = SyscopeCli.Run(["trace", .. line.Split(' ')]);
            Assert.Equal(strace.ExitCode, syscope.ExitCode);
            Assert.StartsWith("usage: syscope trace ", syscope.Stdout);
            Assert.Equal("", syscope.Stderr);
        }
        var bad = SyscopeCli.Run("trace", "-ebogus", "-h");
        Assert.Equal((1, "", "syscope: invalid system call 'bogus'\n"), (bad.ExitCode, bad.Stdout, bad.Stderr));
    }

    /// <summary>trace --help names every long option strace 6.1's own help names, and every short one.</summary>
    [NeedsFact(Workloads.Strace)]
    public void Help_lists_every_strace_option()
    {
        string strace = Runner.Run("strace", ["-h"]).Stdout;
        string ours = SyscopeCli.Run("trace", "--help").Stdout;
        var missing = LongOption().Matches(strace).Select(m => m.Value).Distinct().Where(o => !ours.Contains(o)).ToList();
        missing.AddRange(ShortOption().Matches(strace).Select(m => m.Groups[1].Value).Distinct().Where(o => !Regex.IsMatch(ours, $@"(^|[\s,(]){Regex.Escape(o)}\b", RegexOptions.Multiline)));
        Assert.True(missing.Count == 0, "missing from trace --help: " + string.Join(" ", missing));
    }

    /// <summary>-d adds syscope's own debug lines to stderr and changes nothing in the trace.</summary>
    [NeedsFact(Workloads.Strace, Workloads.Gcc)]
    public void Debug_adds_lines_and_leaves_the_trace_alone()
    {
        string program = CPrograms.Path("options");
        var plain = Run(SyscopeCli.Executable, "trace -o {out} -e trace=close", [program]);
        var debug = Run(SyscopeCli.Executable, "trace -d -o {out} -e trace=close", [program]);
        Assert.Equal(plain.File, debug.File);
        Assert.Matches(@"^(TRACER: debug: .*\n)+$", debug.Stderr);
    }

    /// <summary>--tips: the trace as without it, then a tip in a box (syscope's own tips).</summary>
    [NeedsFact(Workloads.Gcc)]
    public void Tips_follow_the_trace()
    {
        string program = CPrograms.Path("options");
        var r = SyscopeCli.Run("trace", "--tips", "-e", "trace=close", program);
        Assert.Equal(3, r.ExitCode);
        Assert.Matches(@"^(close\(3\) += 0\n)+\+\+\+ exited with 3 \+\+\+\n _{64}\n/ syscope tip {52}\\\n(\| .{63}\|\n)+\\_{64}/\n$", r.Stderr);
        Assert.Equal(SyscopeCli.Run("trace", "-e", "trace=close", program).Stderr, SyscopeCli.Run("trace", "--tips=id:3,format:none", "-e", "trace=close", program).Stderr);
    }

    [GeneratedRegex(@"--[a-z][a-z-]+")] private static partial Regex LongOption();
    [GeneratedRegex(@"(?<![\w-])(-[a-zA-Z])\b")] private static partial Regex ShortOption();

    /// <summary>One tracer's run, masked: exit status, stdout, stderr, and the -o file.</summary>
    private readonly record struct Result(int ExitCode, string Stdout, string Stderr, string? File);

    private static Result Run(string tracer, string options, string[] command)
    {
        string outFile = CPrograms.TempFile("options");
        File.WriteAllText(outFile, "a line from before\n");
        try
        {
            string[] words = options.Replace(Out, outFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var r = Runner.Run(tracer, [.. words, .. command]);
            string? file = options.Contains(Out) && File.Exists(outFile) ? Mask(File.ReadAllText(outFile)) : null;
            return new Result(r.ExitCode, Mask(r.Stdout), Mask(r.Stderr.Replace(outFile, Out)), file);
        }
        finally { File.Delete(outFile); }
    }

    /// <summary>What differs between two runs of one program, and the tracer's name.  Digits of
    /// times become D, so their widths and precisions are still compared.</summary>
    public static string Mask(string text)
    {
        text = TracerName().Replace(text, "TRACER: ");
        text = text.Replace("Try 'syscope trace -h'", "Try 'strace -h'");
        text = Address().Replace(text, "0xADDR");
        text = InstructionPointer().Replace(text, "[IP]");
        text = Pid().Replace(text, m => m.Groups[1].Value + new string('P', m.Groups[2].Length));
        foreach (var time in new[] { ClockTime(), EpochTime(), RelativeTime(), Duration() })
            text = time.Replace(text, m => Regex.Replace(m.Value, @"\d", "D"));
        return text;
    }

    /// <summary>A message may cut into an open line ("execve(... strace: Process N detached").</summary>
    [GeneratedRegex(@"\b(strace|syscope trace|syscope): ")] private static partial Regex TracerName();
    [GeneratedRegex(@"0x[0-9a-f]{6,}")] private static partial Regex Address();
    [GeneratedRegex(@"\[[0-9a-f]{16}\]")] private static partial Regex InstructionPointer();
    [GeneratedRegex(@"(getpid\(\) += |set_tid_address\(.*\) += |Process |\[pid +|si_pid=|vfork\(\) += |clone\(.*\) += |wait4\(.*\) += )(\d+)")] private static partial Regex Pid();
    [GeneratedRegex(@"\b\d\d:\d\d:\d\d(\.\d+)?\b")] private static partial Regex ClockTime();
    [GeneratedRegex(@"\b1\d{9}(\.\d+)?\b")] private static partial Regex EpochTime();
    [GeneratedRegex(@"^ *\d+(\.\d+)? ", RegexOptions.Multiline)] private static partial Regex RelativeTime();
    [GeneratedRegex(@"<\d+(\.\d+)?>")] private static partial Regex Duration();
}
