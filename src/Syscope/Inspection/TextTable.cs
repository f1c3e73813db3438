namespace Syscope.Inspection;

/// <summary>Plain space-separated columns, each as wide as its widest cell; the last column is
/// never padded so lines carry no trailing blanks.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string[]> rows, bool[] rightAligned)
    {
        int columns = rightAligned.Length;
        var widths = new int[columns];
        foreach (var row in rows)
            for (int i = 0; i < columns; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        var line = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            for (int i = 0; i < columns; i++)
            {
                if (i > 0) line.Append(' ');
                if (i == columns - 1) line.Append(row[i]);
                else if (rightAligned[i]) line.Append(row[i].PadLeft(widths[i]));
                else line.Append(row[i].PadRight(widths[i]));
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
