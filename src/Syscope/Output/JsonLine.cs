using System.Buffers;
using System.Buffers.Text;

namespace Syscope.Output;

/// <summary>
/// JSON written straight into the trace's buffered output, one object per line: members, numbers
/// and strings, with no DOM and no string per event.  Strings come in two kinds: text syscope
/// made (decoded arguments, names: ASCII, escaped by the decoders), and bytes from the tracee,
/// written as they are when they are UTF-8 and as base64 otherwise (the caller says which).
/// </summary>
internal sealed class JsonLine(TraceOutput output)
{
    private byte[] _base64 = new byte[256];
    /// <summary>Whether the next member of the current object needs a comma.</summary>
    private bool _comma;

    public TraceOutput Output => output;

    public void BeginObject()
    {
        output.Write((byte)'{');
        _comma = false;
    }

    public void EndObject()
    {
        output.Write((byte)'}');
        _comma = true;
    }

    public void BeginArray()
    {
        output.Write((byte)'[');
        _comma = false;
    }

    public void EndArray()
    {
        output.Write((byte)']');
        _comma = true;
    }

    /// <summary>Before an element of an array.</summary>
    public JsonLine Element()
    {
        if (_comma) output.Write((byte)',');
        _comma = true;
        return this;
    }

    /// <summary>"name": (after a comma unless it is the object's first member); the name is syscope's
    /// own ASCII (a member name, a structure's field name).</summary>
    public JsonLine Member(ReadOnlySpan<byte> name)
    {
        if (_comma) output.Write((byte)',');
        _comma = false;
        String(name);
        output.Write((byte)':');
        _comma = false;
        return this;
    }

    /// <summary>A string of syscope's own ASCII text (an argument's name from the syscall table).</summary>
    public void Ascii(string text)
    {
        Span<byte> bytes = stackalloc byte[64];
        int n = Math.Min(text.Length, bytes.Length);
        for (int i = 0; i < n; i++) bytes[i] = (byte)text[i];
        String(bytes[..n]);
    }

    public void Raw(ReadOnlySpan<byte> json)
    {
        output.Write(json);
        _comma = true;
    }

    public void Null() => Raw("null"u8);

    public void Bool(bool value) => Raw(value ? "true"u8 : "false"u8);

    public void Number(long v)
    {
        Span<byte> digits = stackalloc byte[24];
        Utf8Formatter.TryFormat(v, digits, out int n);
        Raw(digits[..n]);
    }

    public void Number(ulong v)
    {
        Span<byte> digits = stackalloc byte[24];
        Utf8Formatter.TryFormat(v, digits, out int n);
        Raw(digits[..n]);
    }

    /// <summary>A JSON string of syscope's own text or of valid UTF-8: quotes, backslashes and
    /// control bytes are escaped (so no byte can break the line format), the rest is copied.</summary>
    public void String(ReadOnlySpan<byte> text)
    {
        output.Write((byte)'"');
        while (true)
        {
            // Most text needs no escape at all: find the next byte that does, vectorised.
            int at = text.IndexOfAny(s_escaped);
            if (at < 0) break;
            output.Write(text[..at]);
            byte b = text[at];
            switch (b)
            {
                case (byte)'"' or (byte)'\\': output.Write((byte)'\\'); output.Write(b); break;
                case (byte)'\n': output.Write("\\n"u8); break;
                case (byte)'\t': output.Write("\\t"u8); break;
                case (byte)'\r': output.Write("\\r"u8); break;
                default:
                    Span<byte> esc = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex(b >> 4), Hex(b & 15)];
                    output.Write(esc);
                    break;
            }
            text = text[(at + 1)..];
        }
        output.Write(text);
        output.Write((byte)'"');
        _comma = true;
    }

    /// <summary>Bytes a JSON string cannot hold as they are: quotes, backslashes, control bytes (and DEL).</summary>
    private static readonly SearchValues<byte> s_escaped = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\', 0x7f]);

    /// <summary>Bytes from the tracee: the string itself when they are UTF-8 (returns true), else
    /// their base64 (returns false: the caller says so with "encoding":"base64").</summary>
    public bool Bytes(ReadOnlySpan<byte> data)
    {
        if (System.Text.Unicode.Utf8.IsValid(data)) { String(data); return true; }
        int size = Base64.GetMaxEncodedToUtf8Length(data.Length);
        if (_base64.Length < size) _base64 = new byte[Math.Max(size, _base64.Length * 2)];
        Base64.EncodeToUtf8(data, _base64, out _, out int written);
        output.Write((byte)'"');
        output.Write(_base64.AsSpan(0, written));
        output.Write((byte)'"');
        _comma = true;
        return false;
    }

    /// <summary>Ends the object's line and the event (a live trace flushes here).</summary>
    public void EndLine()
    {
        output.EndLine();
        output.EndEvent();
        _comma = false;
    }

    private static byte Hex(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);
}
