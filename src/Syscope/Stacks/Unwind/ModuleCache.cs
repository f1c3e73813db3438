using Syscope.Events;
using Syscope.Interop;
using Syscope.Stacks.Elf;
using Syscope.Text;

namespace Syscope.Stacks.Unwind;

/// <summary>
/// Every module seen in any traced process, read and parsed once per file content.  A file with a
/// GNU build-id is known by it and its size: a copy, a hard link, the same library mapped by many
/// processes or under other paths share one parse, and a file rebuilt at the same path (a new
/// build-id), even rewritten in place within one tick of the file system's clock, is parsed anew.
/// (The size too, because a stripped copy keeps its original's build-id but not its .symtab.)  A
/// file without a build-id is known by its device, inode, size and modification time.  Asked once
/// per mapping each time a process's mappings are read again (<see cref="ProcessMappings"/>, after
/// every mmap and munmap): the mapped file itself, through /proc/PID/map_files (so a file replaced
/// or deleted since is still the mapped one; the path maps shows where map_files cannot be read),
/// is stat'ed; a stat seen before names its build-id without reading the file, unless the file had
/// been modified within a second of that reading (a rewrite in the same tick of the file system's
/// clock would keep its time: the build-id is read again, as git re-reads a racily clean file);
/// otherwise the build-id is read from its program headers, and only a file not known by it is
/// read whole.  Files that cannot be read or parsed are remembered as such.  The vDSO, in memory only, is copied out
/// of the tracee and known by its bytes.
/// </summary>
/// <param name="debug">-d: told each module read, and each other path found to hold one read before.</param>
internal sealed class ModuleCache(bool demangle, Action<string>? debug = null)
{
    /// <summary>A file's content: its build-id and size, else (BuildId null) its device, inode, size and time.</summary>
    private readonly record struct ModuleKey(string? BuildId, long Size, ulong Device = 0, ulong Inode = 0, long ModifiedNs = 0);

    private readonly record struct FileStamp(ulong Device, ulong Inode, long Size, long ModifiedNs);

    /// <summary>A stat is trusted for a file modified at least this long before it was read.</summary>
    private const long SettledNs = 1_000_000_000;

    private readonly Dictionary<ModuleKey, (LoadedModule? Module, string Path)> _files = new();
    private readonly Dictionary<FileStamp, (ModuleKey Key, bool Settled)> _stamps = new();
    private readonly HashSet<(ModuleKey, string)> _paths = new();
    private readonly List<LoadedModule> _vdsos = [];

    /// <summary>Module files read and parsed so far.</summary>
    public int Parsed { get; private set; }

    public LoadedModule? Get(in CodeMapping m, int pid, ITraceeMemory memory)
    {
        if (m.Inode == 0) return m.Path == "[vdso]" ? Vdso(m, memory) : null;
        string file = $"/proc/{pid}/map_files/{m.Start:x}-{m.End:x}";
        if (FileStatus.Stat(file, out var st) != 0 && FileStatus.Stat(file = m.Path, out st) != 0) return null;
        var stamp = new FileStamp(st.Device, st.Inode, st.Size, st.ModifiedNs);
        ModuleKey key;
        if (_stamps.TryGetValue(stamp, out var seen) && seen.Settled) key = seen.Key;
        else
        {
            long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            string? id = BuildIdNote.Read(file) is { } bytes ? Convert.ToHexStringLower(bytes) : null;
            key = id != null ? new ModuleKey(id, st.Size) : new ModuleKey(null, st.Size, st.Device, st.Inode, st.ModifiedNs);
            _stamps[stamp] = (key, now - st.ModifiedNs > SettledNs);
        }
        if (_files.TryGetValue(key, out var known))
        {
            if (debug != null && known.Path != m.Path && _paths.Add((key, m.Path)))
                debug($"-k: {UntrustedText.Quote(m.Path)} is {UntrustedText.Quote(known.Path)} ({Describe(key)}): not read again");
            return known.Module;
        }
        var module = ModuleFiles.TryRead(file) is { } data && ElfImage.TryParse(data) is { } elf ? new LoadedModule(elf, m.Path, demangle) : null;
        Parsed++;
        debug?.Invoke($"-k: read {UntrustedText.Quote(m.Path)}, {Describe(key)}{(module == null ? ": not an x86-64 ELF file" : "")}");
        _files[key] = (module, m.Path);
        return module;
    }

    private static string Describe(in ModuleKey key) => key.BuildId != null ? $"build-id {key.BuildId}"
        : $"no build-id: device {FileStat.Major(key.Device)}:{FileStat.Minor(key.Device)}, inode {key.Inode}";

    /// <summary>The vDSO exists only in memory: copied out of the tracee, and parsed once for every
    /// process whose copy has the same bytes (all of them, under one kernel).</summary>
    private LoadedModule? Vdso(in CodeMapping m, ITraceeMemory memory)
    {
        ulong size = m.End - m.Start;
        if (size > 1 << 20) return null;
        var bytes = new byte[size];
        if (memory.Read(m.Start, bytes) != bytes.Length) return null;
        foreach (var known in _vdsos)
            if (known.Elf.Data.AsSpan().SequenceEqual(bytes)) return known;
        if (ElfImage.TryParse(bytes) is not { } elf) return null;
        var module = new LoadedModule(elf, m.Path, demangle);
        _vdsos.Add(module);
        return module;
    }
}
