using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>mmap(2) of a descriptor (a BPF ring buffer's pages), owned: disposing unmaps it.</summary>
internal sealed unsafe partial class MemoryMap : SafeHandle
{
    public const int PROT_READ = 1, PROT_WRITE = 2;
    private const int MAP_SHARED = 1;

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(nint addr, nuint length);

    private MemoryMap() : base(-1, true) { }

    public nuint Length { get; private set; }

    public byte* Pointer => (byte*)handle;

    public override bool IsInvalid => handle == -1;

    /// <summary>Maps length bytes of fd at offset, shared.</summary>
    public static MemoryMap Map(int fd, nuint length, int prot, long offset)
    {
        nint p = Mmap(0, length, prot, MAP_SHARED, fd, offset);
        if (p == -1) throw SyscallException.FromLast("mmap");
        var map = new MemoryMap { Length = length };
        map.SetHandle(p);
        return map;
    }

    protected override bool ReleaseHandle() => Munmap(handle, Length) == 0;
}
