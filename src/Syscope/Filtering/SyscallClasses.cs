using Syscope.Syscalls;

namespace Syscope.Filtering;

/// <summary>
/// The names of strace's trace classes (-e trace=%file and the rest).  Which calls belong to each
/// is a fact of their rows (SyscallInfo.Classes, from tools/syscalls/roles.txt), read off strace
/// 6.1 itself: a static test program made every syscall 0..334 and 424..450 once, run under
/// `strace -e trace=%CLASS -e inject=all:error=ENOSYS` (see
/// tests/Syscope.Tests/Filtering/SyscallClassesTests.cs for the checks against live strace).
/// </summary>
internal static class SyscallClasses
{
    private static readonly (string Name, SyscallClass Flag)[] s_classes =
    [
        ("file", SyscallClass.File), ("process", SyscallClass.Process), ("network", SyscallClass.Network),
        ("signal", SyscallClass.Signal), ("ipc", SyscallClass.Ipc), ("desc", SyscallClass.Desc),
        ("memory", SyscallClass.Memory), ("creds", SyscallClass.Creds), ("clock", SyscallClass.Clock),
        ("stat", SyscallClass.Stat), ("lstat", SyscallClass.Lstat), ("fstat", SyscallClass.Fstat),
        ("%stat", SyscallClass.AnyStat), ("statfs", SyscallClass.Statfs), ("fstatfs", SyscallClass.Fstatfs),
        ("%statfs", SyscallClass.AnyStatfs), ("pure", SyscallClass.Pure),
        // Another spelling strace accepts.
        ("net", SyscallClass.Network),
    ];

    /// <summary>Class names as written after '%' ("file", "net", "%stat"); lowercase only, as in strace.</summary>
    public static IEnumerable<string> Names => s_classes.Select(c => c.Name);

    /// <summary>The class a name (without the leading '%') stands for, or None for no such class.</summary>
    public static SyscallClass Flag(string className)
    {
        foreach (var (name, flag) in s_classes) if (name == className) return flag;
        return SyscallClass.None;
    }

    /// <summary>The names of a class's members, or null for no such class.</summary>
    public static IReadOnlySet<string>? Get(string className)
    {
        var flag = Flag(className);
        return flag == SyscallClass.None ? null
            : SyscallTable.All.Where(r => (r.Classes & flag) != 0).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
    }
}
