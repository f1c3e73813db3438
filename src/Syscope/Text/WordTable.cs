namespace Syscope.Text;

/// <summary>
/// The fixed words an option value may be and what each means (-X raw|abbrev|verbose,
/// status=successful,failed...): the one list the parser looks a word up in and shell completion
/// offers, so a word is never accepted without being offered, nor offered without being accepted.
/// </summary>
internal sealed class WordTable<T>(params (string Word, T Value)[] rows) where T : struct
{
    /// <summary>The words in the order they are offered (aliases included: they are accepted).</summary>
    public IEnumerable<string> Words => rows.Select(r => r.Word);

    /// <summary>The value of a word, exactly as written; null when it is none of them.</summary>
    public T? Find(string word) => Find(word, StringComparison.Ordinal);

    /// <summary>The value of a word in any case, where strace compares without case (--daemonize=SESSION).</summary>
    public T? FindAnyCase(string word) => Find(word, StringComparison.OrdinalIgnoreCase);

    private T? Find(string word, StringComparison comparison)
    {
        foreach (var (w, value) in rows)
            if (string.Equals(w, word, comparison)) return value;
        return null;
    }
}
