using System.Runtime.InteropServices;
using System.Text;

namespace Syscope.Interop;

/// <summary>C++ (Itanium ABI) name demangling by the C++ runtime's own __cxa_demangle, loaded at run
/// time from libstdc++.so.6 (the names then read exactly as strace's libiberty prints them).  Where
/// the library is missing, names stay mangled.</summary>
internal static unsafe partial class CxxDemangler
{
    private const string Library = "libstdc++.so.6";

    public static bool IsAvailable => s_available ??= NativeLibrary.TryLoad(Library, out _);
    private static bool? s_available;

    [LibraryImport(Library, EntryPoint = "__cxa_demangle")]
    private static partial byte* CxaDemangle(byte* mangled, byte* buffer, nuint* length, int* status);

    /// <summary>The demangled name, or null when name is not a mangled C++ name (status != 0).</summary>
    public static string? Demangle(string name)
    {
        if (!name.StartsWith("_Z", StringComparison.Ordinal) || !IsAvailable) return null;
        int size = Encoding.UTF8.GetByteCount(name);
        Span<byte> z = size < 1024 ? stackalloc byte[size + 1] : new byte[size + 1];
        Encoding.UTF8.GetBytes(name, z);
        z[size] = 0;
        int status;
        byte* result;
        fixed (byte* p = z) result = CxaDemangle(p, null, null, &status);
        if (result == null) return null;
        // __cxa_demangle allocates with malloc, which NativeMemory.Free is on Linux.
        try { return status == 0 ? Marshal.PtrToStringUTF8((nint)result) : null; }
        finally { NativeMemory.Free(result); }
    }
}
