using Syscope.Stacks.Elf;

namespace Syscope.Stacks.Symbols;

/// <summary>
/// Names the functions of one module.  strace's guess (the nearest function symbol before the
/// address in the file's .symtab and .dynsym) is the fallback; a function whose extent holds the
/// address, from the file's .symtab or from its separate debug information (found by build-id,
/// then by .gnu_debuglink), is the better name and wins.
/// </summary>
internal sealed class ModuleSymbols
{
    private readonly SymbolTable _nearest;
    private readonly SymbolTable? _sized;

    /// <param name="debugFile">Finds the module's separate debug file, when its own .symtab is missing.</param>
    public ModuleSymbols(ElfImage elf, Func<ElfImage?> debugFile, bool demangle)
    {
        _nearest = SymbolTable.Read(elf, demangle, ElfImage.SHT_SYMTAB, ElfImage.SHT_DYNSYM);
        var own = SymbolTable.Read(elf, demangle, ElfImage.SHT_SYMTAB);
        if (!own.IsEmpty) _sized = own;
        else if (debugFile() is { } debug)
        {
            var table = SymbolTable.Read(debug, demangle, ElfImage.SHT_SYMTAB);
            if (!table.IsEmpty) _sized = table;
        }
    }

    /// <summary>The name for a link-time address: the function holding it, else strace's guess.
    /// Where both start at one address, strace's name of it is kept (a function has aliases).</summary>
    public bool TryName(ulong address, out SymbolMatch match)
    {
        bool guessed = _nearest.TryNearest(address, out var guess);
        if (_sized != null && _sized.TryContaining(address, out match) && !(guessed && guess.Start == match.Start)) return true;
        match = guess;
        return guessed;
    }
}
