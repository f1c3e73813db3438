using System.Globalization;
using System.Text;

namespace Syscope.Stacks.Symbols;

/// <summary>
/// Rust's legacy symbol mangling: an Itanium-style nested name "_ZN" (length, identifier)... "E"
/// whose last part is the crate hash "h" + 16 hex digits, the identifiers' punctuation escaped
/// ($LT$ for "&lt;", $u7b$ for "{", ".." for "::").  Printed as strace (libiberty without its
/// verbose flag) and rustc-demangle's "{:#}" print it: the parts joined by "::", the hash and any
/// ".llvm.N" / ".cold" suffix dropped.  A C++ name (no hash part) is not one: null.
/// </summary>
internal static class RustLegacyDemangler
{
    private const int HashLength = 17;

    public static string? Demangle(string symbol)
    {
        if (!symbol.StartsWith("_ZN", StringComparison.Ordinal)) return null;
        var parts = new List<string>();
        int pos = 3;
        while (pos < symbol.Length && symbol[pos] != 'E')
        {
            int start = pos;
            while (pos < symbol.Length && char.IsAsciiDigit(symbol[pos])) pos++;
            if (pos == start || pos - start > 5) return null;
            int length = int.Parse(symbol.AsSpan(start, pos - start), CultureInfo.InvariantCulture);
            if (length == 0 || length > symbol.Length - pos) return null;
            parts.Add(symbol.Substring(pos, length));
            pos += length;
        }
        if (pos >= symbol.Length || parts.Count < 2 || !IsHash(parts[^1])) return null;
        // After "E", only a dotted suffix (LLVM's ".llvm.N", ".cold").
        if (pos + 1 < symbol.Length && symbol[pos + 1] != '.') return null;
        var name = new StringBuilder();
        for (int i = 0; i < parts.Count - 1; i++)
        {
            if (i > 0) name.Append("::");
            if (!Unescape(parts[i], name)) return null;
        }
        return name.ToString();
    }

    private static bool IsHash(string part)
    {
        if (part.Length != HashLength || part[0] != 'h') return false;
        foreach (char c in part.AsSpan(1)) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    private static bool Unescape(string part, StringBuilder name)
    {
        var rest = part.AsSpan();
        if (rest.StartsWith("_$")) rest = rest[1..];
        while (!rest.IsEmpty)
        {
            if (rest[0] == '.')
            {
                bool pair = rest.Length > 1 && rest[1] == '.';
                name.Append(pair ? "::" : ".");
                rest = rest[(pair ? 2 : 1)..];
            }
            else if (rest[0] == '$')
            {
                int end = rest[1..].IndexOf('$');
                if (end < 0) return false;
                var escape = rest[1..(end + 1)];
                rest = rest[(end + 2)..];
                string? text = escape switch
                {
                    "SP" => "@",
                    "BP" => "*",
                    "RF" => "&",
                    "LT" => "<",
                    "GT" => ">",
                    "LP" => "(",
                    "RP" => ")",
                    "C" => ",",
                    _ => null,
                };
                if (text == null)
                {
                    if (escape.Length < 2 || escape[0] != 'u'
                        || !uint.TryParse(escape[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint cp)
                        || !Rune.TryCreate(cp, out var rune) || Rune.IsControl(rune)) return false;
                    text = rune.ToString();
                }
                name.Append(text);
            }
            else
            {
                int stop = rest.IndexOfAny('$', '.');
                if (stop < 0) stop = rest.Length;
                name.Append(rest[..stop]);
                rest = rest[stop..];
            }
        }
        return true;
    }
}
