using System.Text;

namespace Syscope.Cli.Help;

/// <summary>A command line split into words as a POSIX shell splits it (blanks, '...', "...",
/// backslash), for completion: the text may end inside a quote or a word, and a line ending in a
/// blank ends with an empty word, the one being started.</summary>
internal static class ShellWords
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = '\0'; else word.Append(c);
                continue;
            }
            if (quote == '"')
            {
                if (c == '"') quote = '\0';
                else if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') word.Append(line[++i]);
                else word.Append(c);
                continue;
            }
            if (c is ' ' or '\t' or '\n')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c is '\'' or '"') quote = c;
            else if (c == '\\' && i + 1 < line.Length) word.Append(line[++i]);
            else word.Append(c);
        }
        words.Add(inWord ? word.ToString() : "");
        return words;
    }
}
