using System.Text.RegularExpressions;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Filtering;

internal sealed partial class SyscallSet
{
    private const string What = "system call";

    /// <summary>
    /// strace's -e trace=SET: names, numbers, %class, /regex (searched for anywhere in the name),
    /// "all", a whole-list "none", '?' before an item to skip it silently when unknown, and leading
    /// '!' to invert.  Unknown items throw UserError("invalid system call 'foo'").
    /// </summary>
    public static SyscallSet Parse(string text)
    {
        (string[] items, bool negated) = SetSyntax.Split(text, What);
        bool[] members = new bool[SyscallTable.MaxNumber + 1];
        bool unknownToo = false;
        // "none" is not an item: strace only takes it as the whole list ("trace=open,none" fails).
        if (!(items.Length == 1 && items[0] == "none"))
            foreach (string raw in items)
            {
                bool optional = raw.StartsWith('?');
                string item = optional ? raw[1..] : raw;
                if (WithoutPersonality(item, out _) == "all") { Array.Fill(members, true); unknownToo = true; }
                else if (!AddItem(item, members) && !optional) throw SetSyntax.Invalid(What, item);
            }
        var set = new SyscallSet(Enumerable.Range(0, members.Length).Where(i => members[i]), unknownToo);
        return negated ? set.Complement() : set;
    }

    /// <summary>The classes strace still takes without their '%', as older versions wrote them
    /// (and tutorials still do): "-e trace=file".</summary>
    private static readonly string[] s_bareClasses = ["file", "desc", "process", "network", "memory", "ipc", "signal"];

    /// <summary>An item without strace's personality suffix ("openat@64"): @64 is x86_64, the one
    /// personality syscope traces; @32 and @x32 name the i386 and x32 calls, which a 64-bit
    /// program never makes, so such an item is checked but selects nothing.</summary>
    private static string WithoutPersonality(string item, out bool otherPersonality)
    {
        otherPersonality = item.EndsWith("@32", StringComparison.Ordinal) || item.EndsWith("@x32", StringComparison.Ordinal);
        return item.EndsWith("@64", StringComparison.Ordinal) ? item[..^3] : otherPersonality ? item[..item.LastIndexOf('@')] : item;
    }

    /// <summary>Adds one item's calls; false when the item names nothing strace knows.</summary>
    private static bool AddItem(string suffixed, bool[] members)
    {
        string item = WithoutPersonality(suffixed, out bool otherPersonality);
        if (item.Length > 0 && item.All(char.IsAsciiDigit))
        {
            // A number is checked against the tables of the personality named, or of any.
            if (!int.TryParse(item, out int nr) || !StraceTakesNumber(nr, suffixed.Length == item.Length ? "" : suffixed[(item.Length + 1)..])) return false;
            if (!otherPersonality && nr <= SyscallTable.MaxNumber) members[nr] = true;
            return true;
        }
        if (otherPersonality)
        {
            // Checked as strace checks it, into a set that is then dropped.
            return AddItem(item, new bool[members.Length]);
        }
        if (item.StartsWith('/')) return AddMatching(item[1..], members);
        if (item.StartsWith('%') || s_bareClasses.Contains(item))
        {
            var cls = SyscallClasses.Flag(item[0] == '%' ? item[1..] : item);
            if (cls == SyscallClass.None) return false;
            foreach (var row in SyscallTable.All) if ((row.Classes & cls) != 0) members[row.Number] = true;
            return true;
        }
        if (SyscallTable.ByName(item) is not { } call) return false;
        members[call.Number] = true;
        return true;
    }

    /// <summary>Whether strace 6.1 takes a syscall number: one its table for the personality
    /// ("64", "32", "x32") has a call at, or without one any of the three tables (so 400, an i386
    /// call, is taken and selects nothing here; 415 is in none).  Observed of strace 6.1 itself.</summary>
    private static bool StraceTakesNumber(int nr, string personality) => personality switch
    {
        "64" => nr <= 334 || nr is >= 424 and <= 450,
        "32" => nr <= 450 && nr is not (222 or 223 or 251 or 285 or (>= 387 and <= 392) or 415),
        "x32" => nr <= 334 || nr is >= 424 and <= 450 or >= 512 and <= 547,
        _ => nr <= 450 && nr is not ((>= 387 and <= 392) or 415) || nr is >= 512 and <= 547,
    };

    /// <summary>Adds the calls whose names match; false when none does ("/non_syscall" is an
    /// invalid system call to strace, as a name would be).</summary>
    private static bool AddMatching(string pattern, bool[] members)
    {
        // Even a '?'-prefixed regex that does not compile is fatal in strace, in regerror's words.
        var re = Text.UserPattern.TryCompile(pattern, out string problem)
            ?? throw new UserError($"regcomp: {Text.UntrustedText.Escape(pattern)}: {problem}");
        bool found = false;
        foreach (var row in SyscallTable.All)
            if (re.IsMatch(row.Name)) found = members[row.Number] = true;
        return found;
    }
}
