using System.Text.RegularExpressions;

namespace Syscope.Cli.Help;

/// <summary>
/// The layout syscope's hand-written help texts share (trace -h, pgrep --help, the descriptions of
/// record, replay and files), read into blocks so that a man page says what the help says, from the
/// same text:
/// <list type="bullet">
/// <item>a short line at the margin ending in ':' is a heading ("Filtering:");</item>
/// <item>other lines at the margin, and indented lines of plain words, are prose (a blank line ends a paragraph);</item>
/// <item>an indented line of options, two or more spaces, then what they do is an entry; an indented line of options alone is an entry too; lines indented deeper continue it;</item>
/// <item>any other indented line (several options to a line, as files' help has) is kept as it is.</item>
/// </list>
/// </summary>
internal static partial class HelpText
{
    public abstract record Block;

    public sealed record Heading(string Title) : Block;

    public sealed record Prose(string Text) : Block;

    /// <summary>Options ("-p PID[,PID], --attach=PID") and what they do.</summary>
    public sealed record Entry(string Forms, string Text) : Block;

    public sealed record Verbatim(IReadOnlyList<string> Lines) : Block;

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Gap();

    public static List<Block> Parse(string text)
    {
        var blocks = new List<Block>();
        int entryIndent = -1;
        bool paragraphOpen = false;
        foreach (string raw in text.Replace("\r", "").Split('\n'))
        {
            string line = raw.TrimEnd();
            string words = line.TrimStart();
            int indent = line.Length - words.Length;
            if (words.Length == 0) { paragraphOpen = false; entryIndent = -1; continue; }
            if (entryIndent >= 0 && indent >= entryIndent + 3 && blocks[^1] is Entry open)
            {
                blocks[^1] = open with { Text = Join(open.Text, Gap().Replace(words, " ")) };
                continue;
            }
            entryIndent = -1;
            if (indent == 0 && words.EndsWith(':') && words.Length <= 30 && !words.Contains(". "))
            {
                blocks.Add(new Heading(words[..^1]));
                paragraphOpen = false;
                continue;
            }
            if (indent > 0 && AsEntry(words) is Entry entry)
            {
                blocks.Add(entry);
                entryIndent = indent;
                paragraphOpen = false;
                continue;
            }
            if (indent > 0 && (Gap().IsMatch(words) || words[0] is '-' or '+'))
            {
                if (blocks.Count > 0 && blocks[^1] is Verbatim v && !paragraphOpen) blocks[^1] = new Verbatim([.. v.Lines, line]);
                else blocks.Add(new Verbatim([line]));
                paragraphOpen = false;
                continue;
            }
            if (paragraphOpen && blocks[^1] is Prose p) blocks[^1] = new Prose(Join(p.Text, words));
            else blocks.Add(new Prose(words));
            paragraphOpen = true;
        }
        return blocks;
    }

    /// <summary>"-x, --xx   what it does", "PROG [ARGS]   what it does", or options alone; null for a
    /// line that lists options without saying what they do.</summary>
    private static Entry? AsEntry(string words)
    {
        var gap = Gap().Match(words);
        if (!gap.Success) return words[0] is '-' or '+' ? new Entry(words, "") : null;
        string forms = words[..gap.Index], text = words[(gap.Index + gap.Length)..];
        // Files' help lists several options to a line: "-t (PIDs only)  -F [pKMg...]".
        return text[0] is '-' or '+' ? null : new Entry(forms, Gap().Replace(text, " "));
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + " " + b;
}
