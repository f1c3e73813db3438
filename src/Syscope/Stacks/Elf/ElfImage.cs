using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Syscope.Kernel.Abi;

namespace Syscope.Stacks.Elf;

/// <summary>A section of an ELF image: where it is in the file and where it is loaded.</summary>
internal readonly record struct ElfSection(string Name, uint Type, ulong Address, int Offset, int Size, uint Link, ulong Flags);

/// <summary>
/// A 64-bit little-endian ELF file held in memory (a module on disk, or the vDSO copied out of the
/// tracee): its sections by name, its loadable segments, its build-id and debug link.  Only what
/// unwinding and naming frames need; anything malformed makes <see cref="TryParse"/> say no
/// rather than throw, since the bytes come from files a traced program may control.
/// </summary>
internal sealed class ElfImage
{
    public const uint SHT_SYMTAB = 2, SHT_NOBITS = 8, SHT_DYNSYM = 11;
    private const uint PT_LOAD = 1, ELFCOMPRESS_ZLIB = 1;
    private const ulong SHF_COMPRESSED = 0x800;
    /// <summary>A decompressed section larger than this is not read (a debug file's line table is a few MiB).</summary>
    private const ulong MaxSectionSize = 256 << 20;
    public const ushort EM_X86_64 = 62;

    public byte[] Data { get; }
    public IReadOnlyList<ElfSection> Sections { get; }
    private readonly ElfProgramHeader[] _loads;

    private ElfImage(byte[] data, List<ElfSection> sections, ElfProgramHeader[] loads)
    {
        Data = data;
        Sections = sections;
        _loads = loads;
    }

    public static ElfImage? TryParse(byte[] data)
    {
        try { return Parse(data); }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException) { return null; }
    }

    private static unsafe ElfImage? Parse(byte[] data)
    {
        if (data.Length < sizeof(ElfHeader) || data[0] != 0x7f || data[1] != (byte)'E' || data[2] != (byte)'L'
            || data[3] != (byte)'F' || data[4] != 2 || data[5] != 1) return null;
        var h = MemoryMarshal.Read<ElfHeader>(data);
        if (h.Machine != EM_X86_64) return null;
        var loads = new List<ElfProgramHeader>();
        for (int i = 0; i < h.PhNum; i++)
        {
            var p = MemoryMarshal.Read<ElfProgramHeader>(data.AsSpan(checked((int)h.PhOff + i * h.PhEntSize)));
            if (p.Type == PT_LOAD) loads.Add(p);
        }
        var sections = new List<ElfSection>();
        if (h.ShOff != 0 && h.ShNum > 0 && h.ShStrNdx < h.ShNum && (ulong)data.Length >= h.ShOff + (ulong)h.ShNum * h.ShEntSize)
        {
            var headers = new ElfSectionHeader[h.ShNum];
            for (int i = 0; i < h.ShNum; i++)
                headers[i] = MemoryMarshal.Read<ElfSectionHeader>(data.AsSpan(checked((int)h.ShOff + i * h.ShEntSize)));
            var names = headers[h.ShStrNdx];
            foreach (var s in headers)
            {
                bool present = s.Type != SHT_NOBITS && s.Offset + s.Size <= (ulong)data.Length;
                sections.Add(new ElfSection(CString(data, names.Offset + s.Name), s.Type, s.Addr,
                    present ? (int)s.Offset : 0, present ? (int)s.Size : 0, s.Link, s.Flags));
            }
        }
        return new ElfImage(data, sections, loads.ToArray());
    }

    public ElfSection? Section(string name)
    {
        foreach (var s in Sections) if (s.Name == name && s.Size > 0) return s;
        return null;
    }

    public ReadOnlySpan<byte> Bytes(in ElfSection s) => Data.AsSpan(s.Offset, s.Size);

    /// <summary>A section's contents, inflated if it is compressed with zlib (as Debian's debug files'
    /// are); null when absent, compressed otherwise (zstd) or corrupt.</summary>
    public byte[]? Contents(string name)
    {
        if (Section(name) is not { } s) return null;
        if ((s.Flags & SHF_COMPRESSED) == 0) return Bytes(s).ToArray();
        var bytes = Bytes(s);
        if (bytes.Length < Unsafe.SizeOf<ElfCompressionHeader>()) return null;
        var h = MemoryMarshal.Read<ElfCompressionHeader>(bytes);
        if (h.Type != ELFCOMPRESS_ZLIB || h.Size > MaxSectionSize) return null;
        var output = new byte[h.Size];
        try
        {
            using var z = new System.IO.Compression.ZLibStream(new MemoryStream(Data, s.Offset + Unsafe.SizeOf<ElfCompressionHeader>(),
                s.Size - Unsafe.SizeOf<ElfCompressionHeader>()), System.IO.Compression.CompressionMode.Decompress);
            z.ReadExactly(output);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException) { return null; }
        return output;
    }

    /// <summary>The link-time address of a byte of the file, through the loadable segment holding it.</summary>
    public bool AddressOfFileOffset(ulong fileOffset, out ulong address)
    {
        foreach (var p in _loads)
        {
            if (fileOffset < p.Offset || fileOffset - p.Offset >= Math.Max(p.FileSize, p.MemSize)) continue;
            address = fileOffset - p.Offset + p.VAddr;
            return true;
        }
        address = 0;
        return false;
    }

    /// <summary>The GNU build-id note's bytes, if the image has one.</summary>
    public byte[]? BuildId()
    {
        foreach (var s in Sections)
        {
            if (!s.Name.StartsWith(".note", StringComparison.Ordinal) || s.Size == 0) continue;
            if (BuildIdNote.Find(Bytes(s)) is { } id) return id;
        }
        return null;
    }

    /// <summary>.gnu_debuglink: the file name of the separate debug information.</summary>
    public string? DebugLink() => Section(".gnu_debuglink") is { } s ? CString(Data, (ulong)s.Offset) : null;

    public static string CString(byte[] data, ulong offset)
    {
        if (offset >= (ulong)data.Length) return "";
        var rest = data.AsSpan((int)offset);
        int end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }
}
