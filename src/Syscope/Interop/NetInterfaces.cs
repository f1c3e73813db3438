using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>Interface names by index, in the tracer's own network namespace, as strace looks them
/// up for if_nametoindex("lo").</summary>
internal static unsafe partial class NetInterfaces
{
    private const int IF_NAMESIZE = 16;

    [LibraryImport("libc", EntryPoint = "if_indextoname", SetLastError = true)]
    private static partial byte* IfIndexToName(uint index, byte* name);

    /// <summary>Writes the name into destination (at least 16 bytes); its length, or 0 when no
    /// interface has that index.</summary>
    public static int NameOf(uint index, Span<byte> destination)
    {
        if (index == 0 || destination.Length < IF_NAMESIZE) return 0;
        fixed (byte* d = destination)
        {
            if (IfIndexToName(index, d) == null) return 0;
        }
        int n = destination[..IF_NAMESIZE].IndexOf((byte)0);
        return n < 0 ? IF_NAMESIZE : n;
    }
}
