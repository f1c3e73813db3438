using System.Globalization;
using System.Text;

namespace Syscope.Text;

/// <summary>
/// Text that a process or the file system controls: process names (comm), command lines, cwd,
/// file names, UNIX socket paths, and whatever a user typed that an error message quotes.  Any of
/// it may hold escape sequences (an OSC 52 clipboard write, a screen clear), newlines that forge
/// output rows, or bytes that are not UTF-8.  <see cref="Escape(string)"/> is the one way such
/// text is shown, by every command and format.  (The trace output quotes tracee memory in
/// strace's own notation, in Decoding/ArgWriter.)
///
/// The notation is lsof 4.95's, read off Debian's lsof in a UTF-8 locale: \b \t \n \f \r, the
/// other control bytes as ^A..^_ (ESC is ^[), a backslash doubled, DEL and every byte that is not
/// part of a printable UTF-8 character as \xNN (C1 controls U+0080..U+009F as \xc2\x80..\xc2\x9f,
/// invalid UTF-8 byte by byte), printable characters as they are.  Printable is glibc's iswprint:
/// every assigned code point except controls, surrogates and the line and paragraph separators
/// (so format characters such as U+200B and U+202E print, as lsof prints them).
///
/// Bytes become strings through <see cref="Decode"/>, which keeps every byte: each byte of an
/// invalid UTF-8 sequence becomes the lone surrogate U+DC80..U+DCFF (U+DC00 + the byte), which
/// Escape prints as \xNN and <see cref="ToBytes"/> turns back into the byte, so a path read from
/// /proc is shown exactly and can be handed back to the kernel unchanged.
/// </summary>
internal static class UntrustedText
{
    private const int ByteEscapeBase = 0xDC00;

    /// <summary>UTF-8 to string without losing a byte: invalid sequences become byte escapes.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out Rune r, out int used) == System.Buffers.OperationStatus.Done)
                sb.Append(r.ToString());
            else
                for (int i = 0; i < used; i++) sb.Append((char)(ByteEscapeBase + bytes[i]));
            bytes = bytes[used..];
        }
        return sb.ToString();
    }

    /// <summary>The bytes a decoded string came from (byte escapes back to their bytes).</summary>
    public static byte[] ToBytes(string text)
    {
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < text.Length;)
        {
            i += Next(text, i, out int value, out bool lone);
            if (lone) bytes.AddRange(utf8[..LoneBytes(value, utf8)]);
            else bytes.AddRange(utf8[..new Rune(value).EncodeToUtf8(utf8)]);
        }
        return [.. bytes];
    }

    /// <summary>The text of the first maxBytes bytes (a character cut in two keeps its bytes as
    /// byte escapes), as lsof cuts a name before escaping it.</summary>
    public static string FirstBytes(string text, int maxBytes)
    {
        if (text.Length <= maxBytes && System.Text.Ascii.IsValid(text)) return text;
        byte[] bytes = ToBytes(text);
        return bytes.Length <= maxBytes ? text : Decode(bytes.AsSpan(0, maxBytes));
    }

    /// <summary>The text as lsof prints it: no control byte, no invalid UTF-8, one line.</summary>
    public static string Escape(string text) => Escape(text, int.MaxValue, bytewise: false);

    /// <summary>
    /// At most maxWidth characters of the escaped text, never half an escape, as lsof cuts its
    /// COMMAND column.  bytewise: every byte above 0x7e as \xNN, valid UTF-8 or not, which is how
    /// lsof prints that column (é is \xc3\xa9 there and é in NAME).
    /// </summary>
    public static string Escape(string text, int maxWidth, bool bytewise)
    {
        if (!bytewise && text.Length <= maxWidth && !NeedsEscape(text) && !text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length + 16);
        Span<char> unit = stackalloc char[16];
        for (int i = 0; i < text.Length;)
        {
            i += Next(text, i, out int value, out bool lone);
            int n = Unit(value, lone, bytewise, unit);
            // Bytewise, each byte's \xNN is a unit of its own: lsof may show half a character.
            int piece = bytewise && value >= 0x7f ? 4 : n;
            for (int at = 0; at < n; at += piece)
            {
                if (sb.Length + piece > maxWidth) return sb.ToString();
                sb.Append(unit.Slice(at, piece));
            }
        }
        return sb.ToString();
    }

    /// <summary>'text', escaped: how messages quote a name, a path or an argument.</summary>
    public static string Quote(string text) => "'" + Escape(text) + "'";

    /// <summary>True when Escape would change more than backslashes: the text holds a control
    /// character, a character that does not print, or an invalid byte.</summary>
    public static bool NeedsEscape(string text)
    {
        for (int i = 0; i < text.Length;)
        {
            i += Next(text, i, out int value, out bool lone);
            if (lone || !IsPrintable(value)) return true;
        }
        return false;
    }

    /// <summary>Each line escaped on its own: for a message whose lines are meant.  Lines that
    /// need nothing are kept as they are, so text escaped already is not escaped twice.</summary>
    public static string EscapeLines(string text)
    {
        if (!NeedsEscape(text.Replace('\n', ' '))) return text;
        return string.Join('\n', text.Split('\n').Select(l => NeedsEscape(l) ? Escape(l) : l));
    }

    /// <summary>glibc's iswprint in a UTF-8 locale (see the class comment).</summary>
    public static bool IsPrintable(int codePoint) =>
        codePoint >= 0x20 && codePoint != 0x7f && codePoint < 0x110000 && (codePoint < 0xD800 || codePoint > 0xDFFF) &&
        (codePoint < 0x7f || CharUnicodeInfo.GetUnicodeCategory(codePoint) is not (UnicodeCategory.Control
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator));

    /// <summary>The code point at text[i] and how many chars it takes; a surrogate without its
    /// pair (a byte escape, or one a .NET string holds otherwise) is returned alone.</summary>
    private static int Next(string text, int i, out int value, out bool lone)
    {
        char c = text[i];
        lone = false;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            value = char.ConvertToUtf32(c, text[i + 1]);
            return 2;
        }
        value = c;
        lone = char.IsSurrogate(c);
        return 1;
    }

    /// <summary>A lone surrogate's bytes: the byte it escapes, or its three-byte encoding.</summary>
    private static int LoneBytes(int surrogate, Span<byte> bytes)
    {
        if (surrogate is >= ByteEscapeBase + 0x80 and <= ByteEscapeBase + 0xff)
        {
            bytes[0] = (byte)(surrogate - ByteEscapeBase);
            return 1;
        }
        bytes[0] = (byte)(0xE0 | surrogate >> 12);
        bytes[1] = (byte)(0x80 | (surrogate >> 6 & 0x3F));
        bytes[2] = (byte)(0x80 | (surrogate & 0x3F));
        return 3;
    }

    /// <summary>One code point in lsof's notation, written into unit; returns its length.</summary>
    private static int Unit(int value, bool lone, bool bytewise, Span<char> unit)
    {
        if (value < 0x20)
        {
            char letter = value switch { 0x08 => 'b', 0x09 => 't', 0x0a => 'n', 0x0c => 'f', 0x0d => 'r', _ => '\0' };
            unit[0] = letter == '\0' ? '^' : '\\';
            unit[1] = letter == '\0' ? (char)(value + 0x40) : letter;
            return 2;
        }
        if (value == '\\') { unit[0] = unit[1] = '\\'; return 2; }
        if (value < 0x7f) { unit[0] = (char)value; return 1; }
        if (!lone && !bytewise && IsPrintable(value)) return new Rune(value).EncodeToUtf16(unit);
        Span<byte> bytes = stackalloc byte[4];
        int count = lone ? LoneBytes(value, bytes) : new Rune(value).EncodeToUtf8(bytes);
        for (int i = 0; i < count; i++)
        {
            const string digits = "0123456789abcdef";
            unit[i * 4] = '\\';
            unit[i * 4 + 1] = 'x';
            unit[i * 4 + 2] = digits[bytes[i] >> 4];
            unit[i * 4 + 3] = digits[bytes[i] & 15];
        }
        return count * 4;
    }
}
