using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Syscope.Kernel.Abi;

namespace Syscope.Stacks.Elf;

/// <summary>
/// The GNU build-id (NT_GNU_BUILD_ID note): in notes held in memory, or read from a file's header,
/// program headers and PT_NOTE segments alone (a few KiB), so that a module mapped under a second
/// path, or again after its file was replaced, is known by it before anything else is read.
/// </summary>
internal static class BuildIdNote
{
    private const uint NT_GNU_BUILD_ID = 3, PT_NOTE = 4;
    /// <summary>Note segments larger than this are not a linker's (its notes are a few dozen bytes).</summary>
    private const int MaxNotes = 64 * 1024;

    /// <summary>The build-id's bytes in a run of notes; null when they hold none.</summary>
    public static byte[]? Find(ReadOnlySpan<byte> notes)
    {
        while (notes.Length >= Unsafe.SizeOf<ElfNoteHeader>())
        {
            var n = MemoryMarshal.Read<ElfNoteHeader>(notes);
            int header = Unsafe.SizeOf<ElfNoteHeader>();
            if (n.NameSize > 64 || n.DescSize > 1024) return null;
            int name = Align4((int)n.NameSize), desc = Align4((int)n.DescSize);
            if (header + name + desc > notes.Length) return null;
            if (n.Type == NT_GNU_BUILD_ID && n.NameSize == 4 && notes.Slice(header, 4).SequenceEqual("GNU\0"u8))
                return notes.Slice(header + name, (int)n.DescSize).ToArray();
            notes = notes[(header + name + desc)..];
        }
        return null;
    }

    /// <summary>The build-id of the 64-bit x86-64 ELF file at path, read through its program
    /// headers; null when it has none, is not such a file, or cannot be read.</summary>
    public static unsafe byte[]? Read(string path)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> ident = stackalloc byte[sizeof(ElfHeader)];
            if (RandomAccess.Read(file, ident, 0) != ident.Length || ident[0] != 0x7f || !ident[1..4].SequenceEqual("ELF"u8) || ident[4] != 2 || ident[5] != 1) return null;
            var h = MemoryMarshal.Read<ElfHeader>(ident);
            if (h.Machine != ElfImage.EM_X86_64 || h.PhEntSize < sizeof(ElfProgramHeader) || h.PhNum > 256) return null;
            var headers = new byte[h.PhNum * h.PhEntSize];
            if (RandomAccess.Read(file, headers, (long)h.PhOff) != headers.Length) return null;
            for (int i = 0; i < h.PhNum; i++)
            {
                var p = MemoryMarshal.Read<ElfProgramHeader>(headers.AsSpan(i * h.PhEntSize));
                if (p.Type != PT_NOTE || p.FileSize == 0 || p.FileSize > MaxNotes) continue;
                if (ReadNotes(file, p) is { } id) return id;
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
    }

    private static byte[]? ReadNotes(SafeFileHandle file, in ElfProgramHeader p)
    {
        var notes = new byte[p.FileSize];
        return RandomAccess.Read(file, notes, (long)p.Offset) == notes.Length ? Find(notes) : null;
    }

    private static int Align4(int n) => (n + 3) & ~3;
}
