using Syscope.Stacks.Dwarf;
using Syscope.Stacks.Elf;
using Syscope.Stacks.Symbols;

namespace Syscope.Stacks.Unwind;

/// <summary>A mapped ELF module as the unwinder keeps it: the image, its call-frame table, its
/// symbols (read when a frame first needs a name), its line tables (when a frame first needs a
/// source line, -kk) and its separate debug file (looked for once, when either needs it).</summary>
internal sealed class LoadedModule(ElfImage elf, string path, bool demangle)
{
    public ElfImage Elf { get; } = elf;
    public FrameTable Frames { get; } = new(elf);
    private ModuleSymbols? _symbols;
    private LineTable? _lines;
    private bool _linesRead, _debugLooked;
    private ElfImage? _debug;

    public ModuleSymbols Symbols => _symbols ??= new ModuleSymbols(Elf, DebugFile, demangle);

    /// <summary>The module's own line tables, else its debug file's; null when neither has any.</summary>
    public LineTable? Lines
    {
        get
        {
            if (_linesRead) return _lines;
            _linesRead = true;
            return _lines = LineTable.Read(Elf) ?? (DebugFile() is { } debug ? LineTable.Read(debug) : null);
        }
    }

    private ElfImage? DebugFile()
    {
        if (!_debugLooked) { _debugLooked = true; _debug = ModuleFiles.DebugFile(Elf, path); }
        return _debug;
    }
}
