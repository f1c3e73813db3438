using System.Text;
using System.Text.RegularExpressions;

namespace Syscope.Cli.Help;

/// <summary>
/// A man page written in roff with the man macros: every piece of text escaped, so that no
/// option name or help sentence can be read as a request (a leading '.' or '\''), an escape
/// ('\'), or a hyphen where a minus is meant ('-' is written '\-', which man renders as the
/// ASCII hyphen-minus a user can copy and type).  Characters beyond ASCII are written as groff's
/// \[uXXXX], so the page needs no input encoding.
/// </summary>
internal sealed partial class Roff
{
    private readonly StringBuilder _text = new();

    public override string ToString() => _text.ToString();

    public Roff Comment(string text)
    {
        foreach (string line in text.Split('\n')) _text.Append(".\\\" ").Append(line).Append('\n');
        return this;
    }

    /// <summary>A request or macro with its arguments, each quoted.</summary>
    public Roff Macro(string name, params string[] args)
    {
        _text.Append('.').Append(name);
        foreach (string a in args) _text.Append(" \"").Append(Escape(a).Replace("\"", "\\(dq")).Append('"');
        _text.Append('\n');
        return this;
    }

    /// <summary>A request written out in roff already ("BR syscope (1),").</summary>
    public Roff Request(string roff)
    {
        _text.Append('.').Append(roff).Append('\n');
        return this;
    }

    /// <summary>A line of text already in roff (escaped, with font changes).</summary>
    public Roff Line(string roff)
    {
        // A line starting with '.' or '\'' would be a request; '\&' (nothing) in front keeps it text.
        if (roff.Length > 0 && roff[0] is '.' or '\'') _text.Append("\\&");
        _text.Append(roff).Append('\n');
        return this;
    }

    public Roff Text(string text) => Line(Escape(text));

    /// <summary>Lines shown as they are (no filling), indented.</summary>
    public Roff Verbatim(IEnumerable<string> lines)
    {
        Macro("RS").Macro("nf");
        foreach (string line in lines) Text(line);
        return Macro("fi").Macro("RE");
    }

    /// <summary>A tagged paragraph: the options in bold, then what they do.</summary>
    public Roff Tagged(string forms, string text)
    {
        Macro("TP");
        Line(Options(forms));
        return text.Length > 0 ? Text(text) : this;
    }

    public static string Escape(string text)
    {
        var b = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            int c = rune.Value;
            if (c == '\\') b.Append("\\e");
            else if (c == '-') b.Append("\\-");
            else if (c == '\t') b.Append(' ');
            else if (c < 0x20 || c == 0x7f) b.Append('?');
            else if (c < 0x80) b.Append((char)c);
            else b.Append($"\\[u{c:X4}]");
        }
        return b.ToString();
    }

    public static string Bold(string text) => $"\\fB{Escape(text)}\\fR";

    public static string Italic(string text) => $"\\fI{Escape(text)}\\fR";

    [GeneratedRegex(@"(?<![\w-])([-+]{1,2}[A-Za-z0-9?<][A-Za-z0-9<>_-]*)")]
    private static partial Regex OptionWord();

    /// <summary>"-p PID, --attach=PID": the option words bold, the rest roman.</summary>
    public static string Options(string forms)
    {
        var b = new StringBuilder();
        int at = 0;
        foreach (Match m in OptionWord().Matches(forms))
        {
            b.Append(Escape(forms[at..m.Index])).Append(Bold(m.Value));
            at = m.Index + m.Length;
        }
        // A long "[=a|b][,c|d]" may break after a '|' or between brackets, where it has no space.
        return b.Append(Escape(forms[at..])).ToString().Replace("|", "|\\:").Replace("][", "]\\:[");
    }
}
