using Syscope.Stacks.Elf;
using Syscope.Text;

namespace Syscope.Stacks.Dwarf;

/// <summary>
/// A module's DWARF line tables (.debug_line, versions 2 to 5), run once into sorted sequences of
/// rows: address, file, line.  A lookup gives the last row at or before the address within the
/// sequence holding it, as addr2line does; file names are joined with their directory and the
/// unit's compilation directory as addr2line joins them.  Built once per module and kept with it.
/// </summary>
internal sealed class LineTable
{
    private readonly LineRow[] _rows;
    private readonly LineSequence[] _sequences;
    private readonly string[] _files;

    private LineTable(LineRow[] rows, LineSequence[] sequences, string[] files)
    {
        _rows = rows;
        _sequences = sequences;
        _files = files;
    }

    /// <summary>The image's line tables, or null when it has none.  A unit that cannot be read
    /// ends the reading; the units before it are kept.</summary>
    public static LineTable? Read(ElfImage elf)
    {
        if (elf.Contents(".debug_line") is not { } line) return null;
        var strings = new DwarfStrings(elf.Contents(".debug_str"), elf.Contents(".debug_line_str"));
        var compDirs = CompilationDirectories.Read(elf, strings);
        var reader = new LineProgramReader(line, strings, compDirs);
        for (int at = 0; at < line.Length;)
        {
            try { at = reader.ReadUnit(at); }
            catch (Exception e) when (e is DwarfFormatException or OverflowException or ArgumentOutOfRangeException) { break; }
        }
        if (reader.Sequences.Count == 0) return null;
        var sequences = reader.Sequences.ToArray();
        Array.Sort(sequences, (a, b) => a.Start.CompareTo(b.Start));
        return new LineTable(reader.Rows.ToArray(), sequences, reader.Files.ToArray());
    }

    public bool TryFind(ulong address, out string file, out int line)
    {
        file = "";
        line = 0;
        int lo = 0, hi = _sequences.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sequences[mid].Start <= address) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        // Sequences seldom overlap: a few steps back find one that holds the address.
        for (int i = found; i >= 0 && i > found - 8; i--)
        {
            var s = _sequences[i];
            if (address >= s.End) continue;
            int rlo = s.First, rhi = s.First + s.Count - 1, row = -1;
            while (rlo <= rhi)
            {
                int mid = (rlo + rhi) >>> 1;
                if (_rows[mid].Address <= address) { row = mid; rlo = mid + 1; }
                else rhi = mid - 1;
            }
            if (row < 0 || _rows[row].Line <= 0 || _rows[row].File < 0) return false;
            file = _files[_rows[row].File];
            line = _rows[row].Line;
            return true;
        }
        return false;
    }
}

/// <summary>A row of a line table: where a line's code starts (File indexes the table's names).</summary>
internal readonly record struct LineRow(ulong Address, int File, int Line);

/// <summary>A run of rows over contiguous code, [Start, End), rows First to First + Count - 1.</summary>
internal readonly record struct LineSequence(ulong Start, ulong End, int First, int Count);

/// <summary>.debug_str and .debug_line_str, which attributes' strings point into.</summary>
internal sealed class DwarfStrings(byte[]? str, byte[]? lineStr)
{
    /// <summary>The string a form value names; null when it is elsewhere or out of range.</summary>
    public string? Get(in FormValue v, ReadOnlySpan<byte> unit)
    {
        ReadOnlySpan<byte> from;
        int at;
        switch (v.String)
        {
            case FormStringKind.Inline: from = unit; at = v.Position; break;
            case FormStringKind.Str when str != null && v.Number < (ulong)str.Length: from = str; at = (int)v.Number; break;
            case FormStringKind.LineStr when lineStr != null && v.Number < (ulong)lineStr.Length: from = lineStr; at = (int)v.Number; break;
            default: return null;
        }
        var rest = from[at..];
        int end = rest.IndexOf((byte)0);
        string text = UntrustedText.Decode(end < 0 ? rest : rest[..end]);
        return UntrustedText.NeedsEscape(text) ? UntrustedText.Escape(text) : text;
    }
}
