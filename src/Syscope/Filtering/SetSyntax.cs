namespace Syscope.Filtering;

/// <summary>
/// The list syntax strace shares between -e trace=, signal=, status=, quiet= and trace-fds=:
/// comma-separated items, any number of leading '!' each inverting the whole set, empty items
/// skipped.  "all" and "none" are only recognised as the whole list (trace= also takes "all" as
/// an item; see SyscallSet.Parse).  Errors quote the offending item the way strace does.
/// </summary>
internal static class SetSyntax
{
    /// <summary>The words that stand for a whole set.</summary>
    public static readonly string[] WholeSetWords = ["all", "none"];

    /// <summary>Strips the leading '!'s; returns the items and whether the set is inverted.</summary>
    public static (string[] Items, bool Negated) Split(string text, string what)
    {
        bool negated = false;
        string body = text;
        while (body.StartsWith('!')) { negated = !negated; body = body[1..]; }
        var items = body.Split(',', StringSplitOptions.RemoveEmptyEntries);
        // strace rejects a list with nothing in it ("", ",", "!") by quoting the whole text.
        if (items.Length == 0) throw Invalid(what, text);
        return (items, negated);
    }

    public static UserError Invalid(string what, string item) => new($"invalid {what} {Text.UntrustedText.Quote(item)}");

    /// <summary>A [Flags] set (status=, quiet=) from case-insensitive item names.</summary>
    public static TFlags ParseFlags<TFlags>(string text, string what, TFlags all, Func<string, TFlags?> item)
        where TFlags : struct, Enum
    {
        (string[] items, bool negated) = Split(text, what);
        ulong bits = 0;
        if (items.Length == 1 && items[0].Equals("all", StringComparison.OrdinalIgnoreCase)) bits = Convert.ToUInt64(all);
        else if (!(items.Length == 1 && items[0].Equals("none", StringComparison.OrdinalIgnoreCase)))
            foreach (string s in items)
                bits |= Convert.ToUInt64(item(s.ToLowerInvariant()) ?? throw Invalid(what, s));
        if (negated) bits = ~bits & Convert.ToUInt64(all);
        return (TFlags)Enum.ToObject(typeof(TFlags), bits);
    }
}
