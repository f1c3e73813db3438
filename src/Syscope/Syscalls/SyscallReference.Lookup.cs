namespace Syscope.Syscalls;

/// <summary>What `explain` knows about one syscall beyond the kernel table.</summary>
public sealed record SyscallNote(string Name, string Class, IReadOnlyList<string> Errnos, string Summary);

public static partial class SyscallReference
{
    private static readonly Dictionary<string, SyscallNote> s_notes = Parse(Data);

    /// <summary>The classes, in the order `explain --list` describes them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Classes = new Dictionary<string, string>
    {
        ["file"] = "take a file name", ["desc"] = "act on a file descriptor", ["network"] = "sockets",
        ["process"] = "process and thread lifecycle", ["memory"] = "address space", ["signal"] = "signals",
        ["ipc"] = "pipes and futexes", ["time"] = "clocks, timers and sleeping", ["sched"] = "scheduling",
        ["creds"] = "user IDs and capabilities", ["system"] = "whole-system information",
    };

    public static SyscallNote? Find(string name) => s_notes.GetValueOrDefault(name);

    public static IEnumerable<SyscallNote> All => s_notes.Values;

    public static Dictionary<string, SyscallNote> Parse(string data)
    {
        var notes = new Dictionary<string, SyscallNote>(StringComparer.Ordinal);
        foreach (var raw in data.Split('\n'))
        {
            var parts = raw.Split('|', 4, StringSplitOptions.TrimEntries);
            if (parts.Length != 4 || parts[0].Length == 0) continue;
            var errnos = parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            notes[parts[0]] = new SyscallNote(parts[0], parts[1], errnos, parts[3]);
        }
        return notes;
    }
}
