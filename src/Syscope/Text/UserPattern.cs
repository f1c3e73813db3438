using System.Text.RegularExpressions;

namespace Syscope.Text;

/// <summary>
/// A regular expression a user typed (the PATTERN of ps, files, why and trace -p; trace's
/// -e trace=/REGEX).  A pattern that does not compile is described in the words of glibc's
/// regerror, which pgrep and strace print, never in .NET's (whose messages are bare resource
/// keys in the native binary).  Matching is bounded in time, so that a pattern that backtracks
/// without end over a long command line fails instead of hanging.
/// </summary>
internal static class UserPattern
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The compiled pattern, or null with what is wrong with it.</summary>
    public static Regex? TryCompile(string pattern, out string problem)
    {
        problem = "";
        try { return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout); }
        catch (RegexParseException e)
        {
            problem = Words(e.Error);
            return null;
        }
    }

    /// <summary>glibc's regerror words where a POSIX error means the same; plain words for what
    /// only .NET's syntax has.</summary>
    public static string Words(RegexParseError error) => error switch
    {
        RegexParseError.UnterminatedBracket => "Unmatched [, [^, [:, [., or [=",
        RegexParseError.InsufficientClosingParentheses => "Unmatched ( or \\(",
        RegexParseError.InsufficientOpeningParentheses => "Unmatched ) or \\)",
        RegexParseError.ReversedQuantifierRange => "Invalid content of \\{\\}",
        RegexParseError.QuantifierOrCaptureGroupOutOfRange => "Regular expression too big",
        RegexParseError.QuantifierAfterNothing or RegexParseError.NestedQuantifiersNotParenthesized => "Invalid preceding regular expression",
        RegexParseError.UnescapedEndingBackslash => "Trailing backslash",
        RegexParseError.ReversedCharacterRange or RegexParseError.ShorthandClassInCharacterRange => "Invalid range end",
        RegexParseError.UndefinedNumberedReference or RegexParseError.UndefinedNamedReference
            or RegexParseError.MalformedNamedReference or RegexParseError.CaptureGroupOfZero => "Invalid back reference",
        RegexParseError.InvalidUnicodePropertyEscape or RegexParseError.MalformedUnicodePropertyEscape
            or RegexParseError.UnrecognizedUnicodeProperty => "Invalid character class name",
        RegexParseError.UnrecognizedEscape or RegexParseError.UnrecognizedControlCharacter
            or RegexParseError.MissingControlCharacter or RegexParseError.InsufficientOrInvalidHexDigits => "Invalid escape sequence",
        RegexParseError.UnterminatedComment => "Unterminated comment",
        _ => "Invalid regular expression",
    };
}
