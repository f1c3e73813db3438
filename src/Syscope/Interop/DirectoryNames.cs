using System.Runtime.InteropServices;
using System.Text;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>opendir/readdir(3): names only.  .NET's enumerator stats every symbolic link to learn
/// whether it leads to a directory, which is two wasted calls per entry of /proc/PID/fd.</summary>
internal static unsafe partial class DirectoryNames
{
    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static partial nint OpenDir(byte* path);

    [LibraryImport("libc", EntryPoint = "readdir64", SetLastError = true)]
    private static partial Dirent64* ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
    private static partial int CloseDir(nint dir);

    /// <summary>Calls onNumber for every entry whose name is a non-negative decimal number;
    /// returns 0 or the negated errno of opendir.</summary>
    public static int ForEachNumber(string path, Action<int> onNumber)
    {
        Span<byte> p = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        p[Encoding.UTF8.GetBytes(path, p)] = 0;
        nint dir;
        fixed (byte* pp = p) dir = OpenDir(pp);
        if (dir == 0) return -SyscallException.LastErrno();
        try
        {
            Dirent64* entry;
            while ((entry = ReadDir(dir)) != null)
            {
                byte* name = entry->Name;
                if (*name < '0' || *name > '9') continue;
                long n = 0;
                for (; *name >= '0' && *name <= '9'; name++) n = n * 10 + (*name - '0');
                if (*name == 0 && n <= int.MaxValue) onNumber((int)n);
            }
            return 0;
        }
        finally
        {
            // closedir fails only for a DIR* it was not given; here that would be a bug.
            if (CloseDir(dir) != 0) throw SyscallException.FromLast("closedir");
        }
    }
}
