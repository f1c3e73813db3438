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

/// <summary>
/// Every module seen in any traced process, parsed once: keyed by the file's device, inode and
/// path as /proc/PID/maps shows them (a file replaced on disk has a new inode), the vDSO by its
/// bytes' build-id.  Files that cannot be read or parsed are remembered as such.
/// </summary>
internal sealed class ModuleCache(bool demangle)
{
    private readonly Dictionary<(ulong Device, ulong Inode, string Path), LoadedModule?> _files = new();
    private readonly Dictionary<string, LoadedModule> _vdsos = new();

    public LoadedModule? Get(in CodeMapping m, int pid, Events.ITraceeMemory memory)
    {
        if (m.Inode == 0) return m.Path == "[vdso]" ? Vdso(m, memory) : null;
        var key = (m.Device, m.Inode, m.Path);
        if (_files.TryGetValue(key, out var known)) return known;
        // The mapped file itself, even if its path now names another (or none: "(deleted)").
        var bytes = ModuleFiles.TryRead($"/proc/{pid}/map_files/{m.Start:x}-{m.End:x}") ?? ModuleFiles.TryRead(m.Path);
        var module = bytes != null && ElfImage.TryParse(bytes) is { } elf ? new LoadedModule(elf, m.Path, demangle) : null;
        return _files[key] = module;
    }

    /// <summary>The vDSO exists only in memory: copied out of the tracee, shared by every process
    /// whose copy has the same build-id.</summary>
    private LoadedModule? Vdso(in CodeMapping m, Events.ITraceeMemory memory)
    {
        ulong size = m.End - m.Start;
        if (size > 1 << 20) return null;
        var bytes = new byte[size];
        if (memory.Read(m.Start, bytes) != bytes.Length || ElfImage.TryParse(bytes) is not { } elf) return null;
        string key = elf.BuildId() is { } id ? Convert.ToHexString(id) : Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(bytes));
        if (!_vdsos.TryGetValue(key, out var module)) _vdsos[key] = module = new LoadedModule(elf, m.Path, demangle);
        return module;
    }
}
