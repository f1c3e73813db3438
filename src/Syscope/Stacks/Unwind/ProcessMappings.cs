using System.Globalization;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Text;

namespace Syscope.Stacks.Unwind;

/// <summary>A mapping of executable memory: a file's (Inode != 0), the vDSO's, or anonymous.</summary>
internal readonly record struct CodeMapping(ulong Start, ulong End, ulong Offset, ulong Device, ulong Inode, string Path);

/// <summary>
/// A process's executable mappings, read from /proc/PID/maps when first needed and again when a
/// return address falls outside all of them (a library loaded since) or the program changed
/// (execve, mmap, munmap: <see cref="Invalidate"/>), each with the module it holds, asked of the
/// <see cref="ModuleCache"/> when a frame first falls in it after each reading (a library loaded
/// where an unloaded one was, or its file rebuilt in between, is asked for anew).
/// </summary>
internal sealed class ProcessMappings(int pid)
{
    private CodeMapping[] _mappings = [];
    private LoadedModule?[] _modules = [];
    private bool[] _asked = [];
    private bool _read;
    private byte[] _buffer = new byte[16384];

    public void Invalidate() => _read = false;

    /// <summary>The mapping holding address; a miss re-reads the maps once per call of it.</summary>
    public bool TryFind(ulong address, out CodeMapping mapping) => TryFind(address, out mapping, out _);

    /// <summary>The mapping holding address and its index, for <see cref="Module"/>.</summary>
    public bool TryFind(ulong address, out CodeMapping mapping, out int index)
    {
        if (!_read) Reread();
        if (Search(address, out mapping, out index)) return true;
        if (!Reread()) return false;
        return Search(address, out mapping, out index);
    }

    /// <summary>The module mapped at index (from <see cref="TryFind(ulong, out CodeMapping, out int)"/>),
    /// null when it is not an ELF file syscope can read.</summary>
    public LoadedModule? Module(int index, ModuleCache cache, ITraceeMemory memory)
    {
        if (_asked[index]) return _modules[index];
        _asked[index] = true;
        return _modules[index] = cache.Get(_mappings[index], pid, memory);
    }

    private bool Search(ulong address, out CodeMapping mapping, out int index)
    {
        int lo = 0, hi = _mappings.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var m = _mappings[mid];
            if (address < m.Start) hi = mid - 1;
            else if (address >= m.End) lo = mid + 1;
            else { mapping = m; index = mid; return true; }
        }
        mapping = default;
        index = -1;
        return false;
    }

    /// <summary>Reads the maps again; false when they cannot be read (the process is gone).</summary>
    private bool Reread()
    {
        _read = true;
        int n = RawFile.ReadAll($"/proc/{pid}/maps", ref _buffer);
        if (n < 0) return false;
        _mappings = Parse(_buffer.AsSpan(0, n));
        _modules = new LoadedModule?[_mappings.Length];
        _asked = new bool[_mappings.Length];
        return true;
    }

    /// <summary>"start-end perms offset maj:min inode   path", executable lines only (the kernel
    /// lists them in address order).  The path is the rest of the line and may hold spaces.</summary>
    public static CodeMapping[] Parse(ReadOnlySpan<byte> text)
    {
        var list = new List<CodeMapping>();
        while (!text.IsEmpty)
        {
            int eol = text.IndexOf((byte)'\n');
            var line = eol < 0 ? text : text[..eol];
            text = eol < 0 ? default : text[(eol + 1)..];
            if (TryParseLine(line, out var m)) list.Add(m);
        }
        return list.ToArray();
    }

    private static bool TryParseLine(ReadOnlySpan<byte> line, out CodeMapping m)
    {
        m = default;
        var range = Field(ref line);
        var perms = Field(ref line);
        var offsetText = Field(ref line);
        var dev = Field(ref line);
        var inodeText = Field(ref line);
        var path = line.TrimStart((byte)' ');
        int dash = range.IndexOf((byte)'-'), colon = dev.IndexOf((byte)':');
        if (perms.Length < 3 || perms[2] != (byte)'x' || dash < 0 || colon < 0) return false;
        if (!Hex(range[..dash], out ulong start) || !Hex(range[(dash + 1)..], out ulong end)
            || !Hex(offsetText, out ulong offset) || !Hex(dev[..colon], out ulong major) || !Hex(dev[(colon + 1)..], out ulong minor)
            || !ulong.TryParse(inodeText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode)) return false;
        m = new CodeMapping(start, end, offset, major << 32 | minor, inode, UntrustedText.Decode(path));
        return true;
    }

    /// <summary>The first mapping of the file at path on a device whose major number is 0 (anonymous
    /// inodes: a KVM vcpu's kvm_run), read from the whole text of /proc/PID/maps.</summary>
    public static bool TryFindAnonInodeFile(ReadOnlySpan<byte> text, ReadOnlySpan<byte> path, out ulong start, out ulong length)
    {
        start = length = 0;
        while (!text.IsEmpty)
        {
            int eol = text.IndexOf((byte)'\n');
            var line = eol < 0 ? text : text[..eol];
            text = eol < 0 ? default : text[(eol + 1)..];
            var range = Field(ref line);
            Field(ref line);
            Field(ref line);
            var device = Field(ref line);
            Field(ref line);
            int dash = range.IndexOf((byte)'-'), colon = device.IndexOf((byte)':');
            if (!line.TrimStart((byte)' ').SequenceEqual(path) || dash < 0 || colon < 0) continue;
            if (!Hex(device[..colon], out ulong major) || major != 0) continue;
            if (!Hex(range[..dash], out start) || !Hex(range[(dash + 1)..], out ulong end)) continue;
            length = end > start ? end - start : 0;
            return true;
        }
        return false;
    }

    /// <summary>The next space-separated field of the line, which moves past it.</summary>
    private static ReadOnlySpan<byte> Field(ref ReadOnlySpan<byte> line)
    {
        line = line.TrimStart((byte)' ');
        int end = line.IndexOf((byte)' ');
        if (end < 0) end = line.Length;
        var field = line[..end];
        line = line[end..];
        return field;
    }

    private static bool Hex(ReadOnlySpan<byte> s, out ulong v) =>
        ulong.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out v);
}
