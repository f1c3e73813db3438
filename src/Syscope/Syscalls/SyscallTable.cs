using System.Text;

namespace Syscope.Syscalls;

/// <summary>The x86_64 syscall table (generated rows in SyscallTable.g.cs) with decoders attached.</summary>
internal static partial class SyscallTable
{
    private static readonly SyscallInfo?[] s_byNumber = BuildIndex();
    private static readonly Dictionary<string, SyscallInfo> s_byName = BuildNames();

    private static SyscallInfo?[] BuildIndex()
    {
        var index = new SyscallInfo?[MaxNumber + 1];
        foreach (var row in Build()) index[row.Number] = row;
        return index;
    }

    private static Dictionary<string, SyscallInfo> BuildNames()
    {
        var d = new Dictionary<string, SyscallInfo>(StringComparer.Ordinal);
        foreach (var row in s_byNumber) if (row != null) d[row.Name] = row;
        return d;
    }

    public static IEnumerable<SyscallInfo> All => s_byNumber.Where(r => r != null)!;

    public static SyscallInfo? ByNumber(long nr) => nr >= 0 && nr <= MaxNumber ? s_byNumber[nr] : null;

    public static SyscallInfo? ByName(string name) => s_byName.GetValueOrDefault(name);

    private static readonly Dictionary<long, SyscallInfo> s_unknown = new();

    /// <summary>A row for a number the table lacks (a newer kernel, or a bogus rax): strace names it
    /// syscall_0xNNN and prints six raw arguments.</summary>
    public static SyscallInfo Resolve(long nr)
    {
        var known = ByNumber(nr);
        if (known != null) return known;
        lock (s_unknown)
        {
            if (!s_unknown.TryGetValue(nr, out var row))
            {
                var args = new SyscallArg[6];
                for (int i = 0; i < 6; i++) args[i] = new SyscallArg("unsigned long", "arg" + i, ArgFormat.ULong, default);
                s_unknown[nr] = row = new SyscallInfo((int)nr, $"syscall_0x{nr:x}", args);
            }
            return row;
        }
    }
}
