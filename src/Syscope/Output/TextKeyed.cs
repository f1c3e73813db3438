namespace Syscope.Output;

/// <summary>A dictionary keyed by decoded text (escaped ASCII bytes, optionally after a number or
/// two), looked up as a span in a reused buffer: a key already seen costs no allocation.</summary>
internal sealed class TextKeyed<T> where T : class
{
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private char[] _key = new char[256];
    private int _length;

    public int Count => _items.Count;
    public IEnumerable<T> Values => _items.Values;

    /// <summary>Starts a key with these numbers.</summary>
    public TextKeyed<T> Key(int a = 0, int b = 0)
    {
        _length = 0;
        Number(a);
        Number(b);
        return this;
    }

    private void Number(int value)
    {
        value.TryFormat(_key.AsSpan(_length), out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
        _key[_length++] = ':';
    }

    /// <summary>The item under the key and this text, made by create(text, state) the first time
    /// (a static lambda: a capturing one would allocate on every call).</summary>
    public T Get<TState>(ReadOnlySpan<byte> text, TState state, Func<string, TState, T> create)
    {
        if (_key.Length < _length + text.Length) Array.Resize(ref _key, _length + text.Length + 64);
        for (int i = 0; i < text.Length; i++) _key[_length + i] = (char)text[i];
        var key = _key.AsSpan(0, _length + text.Length);
        var lookup = _items.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(key, out var item)) lookup[key] = item = create(System.Text.Encoding.Latin1.GetString(text), state);
        return item;
    }
}
