using Syscope.Kernel;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Inspection.Reference;

/// <summary>`explain`: the table's facts (number, signature) with the reference's notes (class,
/// summary, common errors) and a pointer to the manual page when one is installed.</summary>
internal static class ExplainFormatter
{
    public static SyscallInfo Lookup(string nameOrNumber)
    {
        var info = long.TryParse(nameOrNumber, out long nr) ? SyscallTable.ByNumber(nr) : SyscallTable.ByName(nameOrNumber);
        return info ?? throw new UserError($"unknown system call {Text.UntrustedText.Quote(nameOrNumber)} (try: syscope explain --list)");
    }

    public static void Write(TextWriter output, SyscallInfo info, Func<string, bool> manPageExists)
    {
        var note = info.Note;
        output.WriteLine($"{info.Name}: x86_64 system call {info.Number}, class {note?.Class ?? "unclassified"}");
        output.WriteLine($"  {Signature(info)}");
        output.WriteLine($"  {note?.Summary ?? "no summary yet"}");
        if (note is { Errnos.Count: > 0 })
        {
            output.WriteLine("  common errors:");
            foreach (var e in note.Errnos)
            {
                int n = Errno.Parse(e);
                output.WriteLine(n > 0 ? $"    {e,-15} {n,3}  {Errno.Message(n)}" : $"    {e}");
            }
        }
        output.WriteLine(manPageExists(info.Name) ? $"  manual: man 2 {info.Name}" : "  manual: no page installed (Debian package manpages-dev has man 2 pages)");
    }

    public static string Signature(SyscallInfo info) =>
        $"{info.Name}({string.Join(", ", info.Args.Select(a => a.CType.EndsWith('*') ? a.CType + a.Name : a.CType + " " + a.Name))})";

    /// <summary>One line per call: number, name, class, summary; optionally one class only.</summary>
    public static void WriteList(TextWriter output, string? cls)
    {
        if (cls != null && !SyscallReference.Classes.ContainsKey(cls))
            throw new UserError($"unknown class {Text.UntrustedText.Quote(cls)}; classes: {string.Join(", ", SyscallReference.Classes.Keys)}");
        var rows = new List<string[]> { new[] { "NR", "NAME", "CLASS", "SUMMARY" } };
        foreach (var info in SyscallTable.All.OrderBy(i => i.Number))
        {
            var note = info.Note;
            if (cls != null && note?.Class != cls) continue;
            rows.Add([info.Number.ToString(), info.Name, note?.Class ?? "-", note?.Summary ?? "no summary yet"]);
        }
        TextTable.Write(output, rows, [true, false, false, false]);
    }

    /// <summary>Debian installs section 2 pages compressed under /usr/share/man/man2.</summary>
    public static bool ManPageInstalled(string name) =>
        File.Exists($"/usr/share/man/man2/{name}.2.gz") || File.Exists($"/usr/share/man/man2/{name}.2");
}
