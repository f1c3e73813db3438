using System.Globalization;

namespace Syscope.Filtering;

/// <summary>Reads integers the way strace's option values are read (strtol-like): leading blanks
/// and a sign are fine, trailing text is not.</summary>
internal static class CInteger
{
    public static bool TryParse(string text, out long value, bool allowHex = false, bool allowUnsigned64 = false)
    {
        value = 0;
        var s = text.AsSpan().TrimStart(" \t\n\v\f\r");
        bool negative = s.Length > 0 && s[0] == '-';
        if (s.Length > 0 && s[0] is '-' or '+') s = s[1..];
        bool hex = allowHex && s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X';
        if (hex) s = s[2..];
        if (s.Length == 0 || !ulong.TryParse(s, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out ulong u))
            return false;
        if (!allowUnsigned64 && u > long.MaxValue) return false;
        value = negative ? -(long)u : (long)u;
        return true;
    }
}
