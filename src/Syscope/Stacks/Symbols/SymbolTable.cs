using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;
using Syscope.Stacks.Elf;
using Syscope.Text;

namespace Syscope.Stacks.Symbols;

/// <summary>A function symbol found for an address: its name (demangled unless asked not to) and
/// where it starts; RawName is the name as the module spells it, where demangling changed it.</summary>
internal readonly record struct SymbolMatch(string Name, ulong Start, string? RawName = null);

/// <summary>
/// The function symbols of symbol sections of one ELF image, sorted by address (equal addresses
/// keep the order of the file: the first is the one strace names).  Names are read and demangled
/// when first asked for, then kept.
/// </summary>
internal sealed class SymbolTable
{
    private const byte STT_FUNC = 2, STT_GNU_IFUNC = 10;

    private readonly record struct Entry(ulong Value, ulong Size, int NameOffset, bool Global);

    private readonly byte[] _data;
    private readonly Entry[] _entries;
    private readonly string?[] _names;
    /// <summary>The mangled name of each entry whose shown name is demangled (a recording keeps both).</summary>
    private readonly string?[] _rawNames;
    private readonly bool _demangle;

    private SymbolTable(byte[] data, Entry[] entries, bool demangle)
    {
        _data = data;
        _entries = entries;
        _names = new string?[entries.Length];
        _rawNames = new string?[entries.Length];
        _demangle = demangle;
    }

    public bool IsEmpty => _entries.Length == 0;

    /// <summary>The defined functions of the image's sections of the given types, in file order.</summary>
    public static SymbolTable Read(ElfImage elf, bool demangle, params uint[] sectionTypes)
    {
        var list = new List<Entry>();
        foreach (var s in elf.Sections)
        {
            if (Array.IndexOf(sectionTypes, s.Type) < 0 || s.Size == 0 || s.Link >= elf.Sections.Count) continue;
            var strings = elf.Sections[(int)s.Link];
            var symbols = MemoryMarshal.Cast<byte, ElfSymbol>(elf.Bytes(s));
            foreach (ref readonly var sym in symbols)
            {
                int type = sym.Info & 0xf;
                if (type is not (STT_FUNC or STT_GNU_IFUNC) || sym.Shndx == 0 || sym.Value == 0) continue;
                if (sym.Name >= (ulong)strings.Size) continue;
                list.Add(new Entry(sym.Value, sym.Size, strings.Offset + (int)sym.Name, sym.Info >> 4 != 0));
            }
        }
        // A stable sort: List.Sort is not, so the file order breaks ties.
        var sorted = list.Select((e, i) => (e, i)).OrderBy(x => x.e.Value).ThenBy(x => x.i).Select(x => x.e).ToArray();
        return new SymbolTable(elf.Data, sorted, demangle);
    }

    /// <summary>strace's (libunwind's) rule: the nearest function starting at or before address,
    /// however far; of several at one address, the first in the file.</summary>
    public bool TryNearest(ulong address, out SymbolMatch match)
    {
        int i = LastAtOrBefore(address);
        match = default;
        if (i < 0) return false;
        while (i > 0 && _entries[i - 1].Value == _entries[i].Value) i--;
        match = new SymbolMatch(Name(i), _entries[i].Value, _rawNames[i]);
        return true;
    }

    /// <summary>The function whose extent (start and size) holds address.</summary>
    public bool TryContaining(ulong address, out SymbolMatch match)
    {
        match = default;
        // A few steps back: only nested or overlapping symbols (aliases, cold parts) are behind the nearest.
        int last = LastAtOrBefore(address);
        for (int i = last; i >= 0 && i > last - 16; i--)
        {
            var e = _entries[i];
            if (address - e.Value < e.Size)
            {
                // Of a function's aliases, the first exported one (libc's internal __GI_ names are local).
                int best = i;
                while (i > 0 && _entries[i - 1].Value == e.Value && _entries[i - 1].Size == e.Size)
                {
                    i--;
                    if (_entries[i].Global || !_entries[best].Global) best = i;
                }
                match = new SymbolMatch(Name(best), e.Value, _rawNames[best]);
                return true;
            }
        }
        return false;
    }

    private int LastAtOrBefore(ulong address)
    {
        int lo = 0, hi = _entries.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_entries[mid].Value <= address) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private string Name(int i)
    {
        if (_names[i] is { } known) return known;
        var raw = _data.AsSpan(_entries[i].NameOffset);
        int end = raw.IndexOf((byte)0);
        string name = UntrustedText.Decode(end < 0 ? raw : raw[..end]);
        if (_demangle && Demangler.Demangle(name) is { } plain)
        {
            _rawNames[i] = Shown(name);
            name = plain;
        }
        return _names[i] = Shown(name);
    }

    /// <summary>Names are bytes a file controls: shown escaped where they need it.</summary>
    public static string Shown(string name) => UntrustedText.NeedsEscape(name) ? UntrustedText.Escape(name) : name;
}
