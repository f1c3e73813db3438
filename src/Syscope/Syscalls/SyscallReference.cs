namespace Syscope.Syscalls;

/// <summary>What `explain` knows about one syscall beyond the kernel's facts: its class as explain
/// groups calls, the errno values it commonly returns and a one-line summary in our own words.
/// Written in tools/syscalls/notes.txt and carried by the call's row (SyscallInfo.Note).</summary>
internal sealed record SyscallNote(string Name, string Class, IReadOnlyList<string> Errnos, string Summary);

internal static class SyscallReference
{
    /// <summary>The classes, in the order `explain --list` describes them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Classes = new Dictionary<string, string>
    {
        ["file"] = "take a file name",
        ["desc"] = "act on a file descriptor",
        ["network"] = "sockets",
        ["process"] = "process and thread lifecycle",
        ["memory"] = "address space",
        ["signal"] = "signals",
        ["ipc"] = "pipes and futexes",
        ["time"] = "clocks, timers and sleeping",
        ["sched"] = "scheduling",
        ["creds"] = "user IDs and capabilities",
        ["system"] = "whole-system information",
    };

    /// <summary>Every row's note, in syscall number order.</summary>
    public static IEnumerable<SyscallNote> All => SyscallTable.All.Select(r => r.Note).OfType<SyscallNote>();
}
