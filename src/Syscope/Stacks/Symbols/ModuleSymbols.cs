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
    public const string DebugRoot = "/usr/lib/debug";

    private readonly SymbolTable _nearest;
    private readonly SymbolTable? _sized;

    public ModuleSymbols(ElfImage elf, string path, bool demangle)
    {
        _nearest = SymbolTable.Read(elf, demangle, ElfImage.SHT_SYMTAB, ElfImage.SHT_DYNSYM);
        var own = SymbolTable.Read(elf, demangle, ElfImage.SHT_SYMTAB);
        if (!own.IsEmpty) _sized = own;
        else if (DebugFile(elf, path) is { } debug)
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

    /// <summary>The separate debug file: /usr/lib/debug/.build-id/xx/rest.debug, else the
    /// .gnu_debuglink name beside the module, in its .debug folder or under /usr/lib/debug.</summary>
    private static ElfImage? DebugFile(ElfImage elf, string path)
    {
        var candidates = new List<string>();
        if (elf.BuildId() is { Length: > 1 } id)
        {
            string hex = Convert.ToHexStringLower(id);
            candidates.Add($"{DebugRoot}/.build-id/{hex[..2]}/{hex[2..]}.debug");
        }
        if (elf.DebugLink() is { Length: > 0 } link && !link.Contains('/'))
        {
            string dir = Path.GetDirectoryName(path) ?? "/";
            candidates.Add(Path.Join(DebugRoot, dir, link));
            candidates.Add(Path.Join(dir, ".debug", link));
            candidates.Add(Path.Join(dir, link));
        }
        foreach (var candidate in candidates)
        {
            if (candidate == path || !File.Exists(candidate)) continue;
            if (ModuleFiles.TryRead(candidate) is { } bytes && ElfImage.TryParse(bytes) is { } debug) return debug;
        }
        return null;
    }
}
