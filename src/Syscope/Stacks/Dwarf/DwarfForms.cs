namespace Syscope.Stacks.Dwarf;

/// <summary>Where an attribute's string is: in the unit itself, or at an offset of .debug_str or
/// .debug_line_str; Other for forms whose strings are elsewhere (string offsets tables, dwz's
/// supplementary file), which line tables do without.</summary>
internal enum FormStringKind : byte { None, Inline, Str, LineStr, Other }

/// <summary>An attribute's value: a number (constants, section offsets), or where its string is.</summary>
internal readonly record struct FormValue(ulong Number, FormStringKind String, int Position);

/// <summary>
/// Reads an attribute value of any DWARF 4 or 5 form (DW_FORM_*), as the CU's first DIE in
/// .debug_info and the directory and file entries of a version 5 line table encode them.
/// </summary>
internal static class DwarfForms
{
    public static FormValue Read(scoped ref DwarfCursor c, ulong form, bool wide, int addressSize, int depth = 0)
    {
        ulong Offset(scoped ref DwarfCursor c) => wide ? c.U64() : c.U32();
        switch (form)
        {
            case 0x08:   // string
                {
                    int start = c.Position;
                    while (c.U8() != 0) { }
                    return new FormValue(0, FormStringKind.Inline, start);
                }
            case 0x0e: return new FormValue(Offset(ref c), FormStringKind.Str, 0);      // strp
            case 0x1f: return new FormValue(Offset(ref c), FormStringKind.LineStr, 0);  // line_strp
            case 0x1d or 0x1f21: Offset(ref c); return new FormValue(0, FormStringKind.Other, 0);   // strp_sup, GNU_strp_alt
            case 0x1a: c.Uleb(); return new FormValue(0, FormStringKind.Other, 0);     // strx
            case 0x25: c.U8(); return new FormValue(0, FormStringKind.Other, 0);
            case 0x26: c.U16(); return new FormValue(0, FormStringKind.Other, 0);
            case 0x27: c.Bytes(3); return new FormValue(0, FormStringKind.Other, 0);
            case 0x28: c.U32(); return new FormValue(0, FormStringKind.Other, 0);
            case 0x0b or 0x11 or 0x0c: return Number(c.U8());                              // data1, ref1, flag
            case 0x05 or 0x12: return Number(c.U16());                                      // data2, ref2
            case 0x06 or 0x13 or 0x1c: return Number(c.U32());                              // data4, ref4, ref_sup4
            case 0x07 or 0x14 or 0x20 or 0x24: return Number(c.U64());                      // data8, ref8, ref_sig8, ref_sup8
            case 0x1e: c.Bytes(16); return default;                                         // data16 (MD5)
            case 0x0f or 0x15 or 0x1b or 0x22 or 0x23: return Number(c.Uleb());             // udata, ref_udata, addrx, loclistx, rnglistx
            case 0x0d: return Number((ulong)c.Sleb());                                      // sdata
            case 0x10 or 0x17 or 0x1f20: return Number(Offset(ref c));                      // ref_addr, sec_offset, GNU_ref_alt
            case 0x01: return Number(addressSize == 8 ? c.U64() : c.U32());                 // addr
            case 0x29: c.U8(); return default;                                              // addrx1..4
            case 0x2a: c.U16(); return default;
            case 0x2b: c.Bytes(3); return default;
            case 0x2c: c.U32(); return default;
            case 0x0a: c.Bytes(c.U8()); return default;                                     // block1
            case 0x03: c.Bytes(c.U16()); return default;                                    // block2
            case 0x04: c.Bytes(checked((int)c.U32())); return default;                      // block4
            case 0x09 or 0x18: c.Bytes(checked((int)c.Uleb())); return default;             // block, exprloc
            case 0x19 or 0x21: return default;                                              // flag_present, implicit_const
            case 0x16 when depth == 0: return Read(ref c, c.Uleb(), wide, addressSize, 1);  // indirect
            default: throw new DwarfFormatException();
        }
    }

    private static FormValue Number(ulong v) => new(v, FormStringKind.None, 0);
}
