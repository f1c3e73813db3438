using Syscope.Stacks.Elf;

namespace Syscope.Stacks.Dwarf;

/// <summary>
/// Each compilation unit's directory (DW_AT_comp_dir of its first DIE in .debug_info), keyed by
/// its line table's offset (DW_AT_stmt_list): relative file names of the line table are joined
/// to it, as addr2line joins them.  Only the first DIE of each unit is read.
/// </summary>
internal static class CompilationDirectories
{
    private const ulong DW_AT_stmt_list = 0x10, DW_AT_comp_dir = 0x1b, DW_FORM_implicit_const = 0x21;

    public static Dictionary<ulong, string> Read(ElfImage elf, DwarfStrings strings)
    {
        var found = new Dictionary<ulong, string>();
        if (elf.Contents(".debug_info") is not { } info || elf.Contents(".debug_abbrev") is not { } abbrev) return found;
        for (int at = 0; at < info.Length;)
        {
            try { at = ReadUnit(info, abbrev, at, strings, found); }
            catch (Exception e) when (e is DwarfFormatException or OverflowException or ArgumentOutOfRangeException) { break; }
        }
        return found;
    }

    private static int ReadUnit(byte[] info, byte[] abbrev, int at, DwarfStrings strings, Dictionary<ulong, string> found)
    {
        var c = new DwarfCursor(info, 0, at);
        int end = c.UnitEnd(out bool wide);
        int version = c.U16();
        ulong abbrevOffset;
        int addressSize;
        if (version >= 5)
        {
            byte unitType = c.U8();
            addressSize = c.U8();
            abbrevOffset = wide ? c.U64() : c.U32();
            if (unitType is 2 or 6) c.Bytes(wide ? 16 : 12);   // type units: signature, type offset
            else if (unitType is 4 or 5) c.U64();              // skeleton and split units: the DWO id
        }
        else
        {
            abbrevOffset = wide ? c.U64() : c.U32();
            addressSize = c.U8();
        }
        if (version is < 2 or > 5 || abbrevOffset >= (ulong)abbrev.Length) return end;
        ulong code = c.Uleb();
        if (code == 0) return end;
        // The abbreviation of the unit's first DIE: its attributes' names and forms.
        var a = new DwarfCursor(abbrev, 0, (int)abbrevOffset);
        while (true)
        {
            ulong entry = a.Uleb();
            if (entry == 0) return end;
            a.Uleb();   // tag
            a.U8();     // children
            if (entry == code) break;
            while (true)
            {
                ulong name = a.Uleb(), form = a.Uleb();
                if (form == DW_FORM_implicit_const) a.Sleb();
                if (name == 0 && form == 0) break;
            }
        }
        ulong? stmtList = null;
        string? compDir = null;
        var unit = info.AsSpan(0, end);
        while (true)
        {
            ulong name = a.Uleb(), form = a.Uleb();
            if (form == DW_FORM_implicit_const) a.Sleb();
            if (name == 0 && form == 0) break;
            var v = DwarfForms.Read(ref c, form, wide, addressSize);
            if (name == DW_AT_stmt_list) stmtList = v.Number;
            else if (name == DW_AT_comp_dir) compDir = strings.Get(v, unit);
        }
        if (stmtList is { } offset && compDir != null) found[offset] = compDir;
        return end;
    }
}
