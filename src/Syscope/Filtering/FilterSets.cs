using Syscope.Kernel;
using Syscope.Text;

namespace Syscope.Filtering;

/// <summary>Parsers for the non-syscall sets of -e: signal=, status=, quiet= and trace-fds=.</summary>
internal static class FilterSets
{
    /// <summary>
    /// -e signal=SET, indexed by signal number (0..64).  Names with or without SIG, any case;
    /// numbers up to 255 as strace accepts them (those past 64 can never arrive, so are dropped).
    /// </summary>
    public static bool[] ParseSignals(string text)
    {
        const string What = "signal";
        const int MaxAccepted = 255;
        (string[] items, bool negated) = SetSyntax.Split(text, What);
        var set = new bool[SignalNames.MaxSignal + 1];
        if (items.Length == 1 && items[0] == "all") Array.Fill(set, true);
        else if (!(items.Length == 1 && items[0] == "none"))
            foreach (string item in items)
            {
                int sig = item.Length > 0 && item.All(char.IsAsciiDigit)
                    ? (int.TryParse(item, out int n) && n <= MaxAccepted ? n : -1)
                    : SignalNames.Parse(item);
                if (sig < 0) throw SetSyntax.Invalid(What, item);
                if (sig < set.Length) set[sig] = true;
            }
        if (negated) for (int i = 0; i < set.Length; i++) set[i] = !set[i];
        return set;
    }

    /// <summary>status= items.</summary>
    public static readonly WordTable<StatusSet> StatusWords = new(
        ("successful", StatusSet.Successful), ("failed", StatusSet.Failed), ("unfinished", StatusSet.Unfinished),
        ("unavailable", StatusSet.Unavailable), ("detached", StatusSet.Detached));

    public static StatusSet ParseStatus(string text) => SetSyntax.ParseFlags(text, "status", StatusSet.All, StatusWords.Find);

    /// <summary>Every quiet= item, for "all" and for -qqq.</summary>
    public const QuietSet AllQuiet = QuietSet.Attach | QuietSet.Exit | QuietSet.PathResolution
        | QuietSet.Personality | QuietSet.ThreadExecve | QuietSet.Superseded;

    /// <summary>quiet= items.</summary>
    public static readonly WordTable<QuietSet> QuietWords = new(
        ("attach", QuietSet.Attach), ("exit", QuietSet.Exit), ("exits", QuietSet.Exit), ("path-resolution", QuietSet.PathResolution),
        ("personality", QuietSet.Personality), ("thread-execve", QuietSet.ThreadExecve), ("superseded", QuietSet.Superseded));

    public static QuietSet ParseQuiet(string text) => SetSyntax.ParseFlags(text, "quiet", AllQuiet, QuietWords.Find);

    /// <summary>-e read=SET / -e write=SET: the same syntax, but null means no fd ("none").</summary>
    public static IReadOnlySet<int>? ParseDumpFds(string text)
    {
        var fds = ParseFds(text) ?? new FdComplement(new HashSet<int>());
        return fds.Count == 0 ? null : fds;
    }

    /// <summary>
    /// -e trace-fds=SET (strace 6.2's option; 6.1 lacks it): descriptor numbers.  Returns null for
    /// "every fd", the model's meaning of no filter; an inverted list is an <see cref="FdComplement"/>.
    /// </summary>
    public static IReadOnlySet<int>? ParseFds(string text)
    {
        const string What = "descriptor";
        (string[] items, bool negated) = SetSyntax.Split(text, What);
        bool all = items.Length == 1 && items[0] == "all", none = items.Length == 1 && items[0] == "none";
        var fds = new HashSet<int>();
        if (!all && !none)
            foreach (string item in items)
            {
                if (!(item.All(char.IsAsciiDigit) && int.TryParse(item, out int fd))) throw SetSyntax.Invalid(What, item);
                fds.Add(fd);
            }
        if (all) return negated ? fds : null;   // "all" is no filter; "!all" is the empty set
        if (none) return negated ? null : fds;
        return negated ? new FdComplement(fds) : fds;
    }
}
