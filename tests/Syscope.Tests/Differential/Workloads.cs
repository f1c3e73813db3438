namespace Syscope.Tests.Differential;

/// <summary>A deterministic program to run under both tracers, and the strace options to run it with.</summary>
public sealed record Workload(string Name, string[] Options, string[] Command)
{
    public override string ToString() => $"{Name} [{string.Join(' ', Options)}]";
}

public static class Workloads
{
    public const string Scratch = "/tmp/syscope-diff";

    private const string PythonFileOps =
        "import os\n" +
        "p = '/tmp/syscope-diff/py.txt'\n" +
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
        ["timeout", "5", "true"],
        ["xargs", "echo", "hi"],
        ["tar", "cf", Scratch + "/apt.tar", "/etc/apt"],
        ["find", "/etc/apt"],
        ["gzip", "-c", "/etc/services"],
        ["/usr/bin/python3", "{bin}/sockets.py"],
        ["/usr/bin/python3", "{bin}/events.py"],
    ];

    private static readonly string[][] s_optionSets = [[], ["-f"], ["-s", "64"], ["-x"], ["-v"], ["-y"]];

    /// <summary>Every command with default options, and every option set on a representative few.</summary>
    public static IEnumerable<object[]> All()
    {
        foreach (var cmd in s_commands)
        {
            string name = cmd[0] == "sh" ? "sh-pipe" : cmd.Length > 1 && cmd[1].EndsWith(".py") ? Path.GetFileNameWithoutExtension(cmd[1]) + ".py" : Path.GetFileName(cmd[0]);
            foreach (var opts in s_optionSets)
            {
                bool wanted = opts.Length == 0 || name is "cat" or "ls" or "structs" or "misc" or "termios" or "poll" or "sh-pipe" or "python3"
                    || (opts is ["-f"] && name is "sockets.py" or "events.py");
                if (wanted) yield return [new Workload(name, opts, cmd)];
            }
        }
    }
}
