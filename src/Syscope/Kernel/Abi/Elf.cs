using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>The ELF file header (64-bit), what the stack unwinder reads of a mapped module.</summary>
[CLayout("Elf64_Ehdr", "elf.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ElfHeader
{
    [CField("e_ident")] public fixed byte Ident[16];
    [CField("e_type")] public ushort Type;
    [CField("e_machine")] public ushort Machine;
    [CField("e_version")] public uint Version;
    [CField("e_entry")] public ulong Entry;
    [CField("e_phoff")] public ulong PhOff;
    [CField("e_shoff")] public ulong ShOff;
    [CField("e_flags")] public uint Flags;
    [CField("e_ehsize")] public ushort EhSize;
    [CField("e_phentsize")] public ushort PhEntSize;
    [CField("e_phnum")] public ushort PhNum;
    [CField("e_shentsize")] public ushort ShEntSize;
    [CField("e_shnum")] public ushort ShNum;
    [CField("e_shstrndx")] public ushort ShStrNdx;
}

[CLayout("Elf64_Shdr", "elf.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ElfSectionHeader
{
    [CField("sh_name")] public uint Name;
    [CField("sh_type")] public uint Type;
    [CField("sh_flags")] public ulong Flags;
    [CField("sh_addr")] public ulong Addr;
    [CField("sh_offset")] public ulong Offset;
    [CField("sh_size")] public ulong Size;
    [CField("sh_link")] public uint Link;
    [CField("sh_info")] public uint Info;
    [CField("sh_addralign")] public ulong AddrAlign;
    [CField("sh_entsize")] public ulong EntSize;
}

[CLayout("Elf64_Phdr", "elf.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ElfProgramHeader
{
    [CField("p_type")] public uint Type;
    [CField("p_flags")] public uint Flags;
    [CField("p_offset")] public ulong Offset;
    [CField("p_vaddr")] public ulong VAddr;
    [CField("p_paddr")] public ulong PAddr;
    [CField("p_filesz")] public ulong FileSize;
    [CField("p_memsz")] public ulong MemSize;
    [CField("p_align")] public ulong Align;
}

[CLayout("Elf64_Sym", "elf.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ElfSymbol
{
    [CField("st_name")] public uint Name;
    [CField("st_info")] public byte Info;
    [CField("st_other")] public byte Other;
    [CField("st_shndx")] public ushort Shndx;
    [CField("st_value")] public ulong Value;
    [CField("st_size")] public ulong Size;
}

[CLayout("Elf64_Nhdr", "elf.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ElfNoteHeader
{
    [CField("n_namesz")] public uint NameSize;
    [CField("n_descsz")] public uint DescSize;
    [CField("n_type")] public uint Type;
}

/// <summary>The header of a compressed section (SHF_COMPRESSED: debug sections of Debian's debug files).</summary>
[CLayout("Elf64_Chdr", "elf.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ElfCompressionHeader
{
    [CField("ch_type")] public uint Type;
    [CField("ch_reserved")] public uint Reserved;
    [CField("ch_size")] public ulong Size;
    [CField("ch_addralign")] public ulong AddrAlign;
}
