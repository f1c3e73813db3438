namespace Syscope.Stacks.Dwarf;

/// <summary>
/// Runs the line-number programs of .debug_line, unit by unit: reads a unit's header (version 2
/// to 4: include directories and file names as strings; version 5: entries described by content
/// type and form), then its opcodes, collecting rows and sequences.  File names are joined and
/// kept once each.
/// </summary>
internal sealed class LineProgramReader(byte[] section, DwarfStrings strings, Dictionary<ulong, string> compDirs)
{
    private const ulong DW_LNCT_path = 1, DW_LNCT_directory_index = 2;

    public List<LineRow> Rows { get; } = [];
    public List<LineSequence> Sequences { get; } = [];
    public List<string> Files { get; } = [];
    private readonly Dictionary<string, int> _fileIndex = new();

    /// <summary>Reads the unit at offset; returns where the next starts.</summary>
    public int ReadUnit(int offset)
    {
        var c = new DwarfCursor(section, 0, offset);
        int end = c.UnitEnd(out bool wide);
        int version = c.U16();
        if (version is < 2 or > 5) return end;
        int addressSize = 8;
        if (version >= 5)
        {
            addressSize = c.U8();
            c.U8();   // segment selector size
        }
        ulong headerLength = wide ? c.U64() : c.U32();
        int programStart = checked(c.Position + (int)headerLength);
        int minInstruction = c.U8();
        if (version >= 4) c.U8();   // maximum operations per instruction: 1 on x86_64
        c.U8();                     // default_is_stmt: every row counts, as for addr2line
        int lineBase = (sbyte)c.U8();
        int lineRange = c.U8();
        int opcodeBase = c.U8();
        if (lineRange == 0 || opcodeBase == 0) throw new DwarfFormatException();
        var standardLengths = c.Bytes(opcodeBase - 1);
        compDirs.TryGetValue((ulong)offset, out string? compDir);
        var unit = section.AsSpan(0, end);
        int[] files = version >= 5 ? Version5Files(ref c, unit, wide, addressSize, compDir) : Version4Files(ref c, unit, compDir);
        c.Position = programStart;
        Run(ref c, end, files, version >= 5 ? 0 : 1, addressSize, minInstruction, lineBase, lineRange, opcodeBase, standardLengths);
        return end;
    }

    private int[] Version4Files(scoped ref DwarfCursor c, ReadOnlySpan<byte> unit, string? compDir)
    {
        var dirs = new List<string>();
        while (true)
        {
            string dir = InlineString(ref c, unit);
            if (dir.Length == 0) break;
            dirs.Add(dir);
        }
        var files = new List<int>();
        while (true)
        {
            string name = InlineString(ref c, unit);
            if (name.Length == 0) break;
            ulong dir = c.Uleb();
            c.Uleb();   // modification time
            c.Uleb();   // length
            // Directory 0 is the compilation directory; others count from 1.
            files.Add(Intern(Join(name, dir > 0 && dir <= (ulong)dirs.Count ? dirs[(int)dir - 1] : null, compDir)));
        }
        return files.ToArray();
    }

    private int[] Version5Files(scoped ref DwarfCursor c, ReadOnlySpan<byte> unit, bool wide, int addressSize, string? compDir)
    {
        var dirs = new List<string>();
        foreach (var (path, _) in Entries(ref c, unit, wide, addressSize)) dirs.Add(path ?? "");
        var files = new List<int>();
        foreach (var (path, dir) in Entries(ref c, unit, wide, addressSize))
            files.Add(Intern(Join(path ?? "", dir < (ulong)dirs.Count ? dirs[(int)dir] : null, compDir)));
        return files.ToArray();
    }

    /// <summary>A version 5 entry list: its format (content type, form pairs), then the entries.</summary>
    private List<(string? Path, ulong Directory)> Entries(scoped ref DwarfCursor c, ReadOnlySpan<byte> unit, bool wide, int addressSize)
    {
        int formatCount = c.U8();
        Span<(ulong Type, ulong Form)> format = stackalloc (ulong, ulong)[formatCount];
        for (int i = 0; i < formatCount; i++) format[i] = (c.Uleb(), c.Uleb());
        ulong count = c.Uleb();
        if (count > (ulong)unit.Length) throw new DwarfFormatException();
        var entries = new List<(string?, ulong)>((int)count);
        for (ulong n = 0; n < count; n++)
        {
            string? path = null;
            ulong dir = 0;
            foreach (var (type, form) in format)
            {
                var v = DwarfForms.Read(ref c, form, wide, addressSize);
                if (type == DW_LNCT_path) path = strings.Get(v, unit);
                else if (type == DW_LNCT_directory_index) dir = v.Number;
            }
            entries.Add((path, dir));
        }
        return entries;
    }

    private string InlineString(scoped ref DwarfCursor c, ReadOnlySpan<byte> unit) =>
        strings.Get(DwarfForms.Read(ref c, 0x08, false, 8), unit) ?? "";

    /// <summary>addr2line's join: an absolute name as it is; else under its directory if that is
    /// absolute, else under the compilation directory (and the relative directory).</summary>
    private static string Join(string name, string? dir, string? compDir)
    {
        if (name.StartsWith('/')) return name;
        string? outer = dir == null || !dir.StartsWith('/') ? compDir : null;
        if (outer == null) (outer, dir) = (dir, null);
        if (outer == null) return name;
        return dir != null ? $"{outer}/{dir}/{name}" : $"{outer}/{name}";
    }

    private int Intern(string path)
    {
        if (_fileIndex.TryGetValue(path, out int i)) return i;
        Files.Add(path);
        return _fileIndex[path] = Files.Count - 1;
    }

    private void Run(scoped ref DwarfCursor c, int end, int[] files, int firstFile, int addressSize, int minInstruction,
        int lineBase, int lineRange, int opcodeBase, ReadOnlySpan<byte> standardLengths)
    {
        ulong address = 0;
        int file = 1, line = 1, first = Rows.Count;
        void Emit()
        {
            int index = file - firstFile;
            Rows.Add(new LineRow(address, index >= 0 && index < files.Length ? files[index] : -1, line));
        }
        while (c.Position < end)
        {
            int op = c.U8();
            if (op >= opcodeBase)
            {
                int adjusted = op - opcodeBase;
                address += (ulong)(adjusted / lineRange * minInstruction);
                line += lineBase + adjusted % lineRange;
                Emit();
                continue;
            }
            switch (op)
            {
                case 0:
                    {
                        int length = checked((int)c.Uleb());
                        int next = checked(c.Position + length);
                        if (length == 0 || next > end) throw new DwarfFormatException();
                        int sub = c.U8();
                        if (sub == 1)
                        {
                            Emit();
                            // Code that the linker dropped keeps its rows at address 0: no use.
                            if (Rows.Count - first > 1 && Rows[first].Address != 0)
                                Sequences.Add(new LineSequence(Rows[first].Address, address, first, Rows.Count - first));
                            else Rows.RemoveRange(first, Rows.Count - first);
                            first = Rows.Count;
                            address = 0;
                            file = 1;
                            line = 1;
                        }
                        else if (sub == 2) address = addressSize == 8 ? c.U64() : c.U32();
                        c.Position = next;
                        break;
                    }
                case 1: Emit(); break;
                case 2: address += c.Uleb() * (ulong)minInstruction; break;
                case 3: line += (int)c.Sleb(); break;
                case 4: file = (int)Math.Min(c.Uleb(), int.MaxValue); break;
                case 8: address += (ulong)((255 - opcodeBase) / lineRange * minInstruction); break;
                case 9: address += c.U16(); break;
                default:
                    for (int i = 0; i < standardLengths[op - 1]; i++) c.Uleb();
                    break;
            }
        }
        // Rows after the last end_sequence belong to no sequence.
        Rows.RemoveRange(first, Rows.Count - first);
    }
}
