using Syscope.Syscalls;

namespace Syscope.Filtering;

/// <summary>A set of syscall numbers, as strace's -e trace=SET names it.</summary>
internal sealed partial class SyscallSet
{
    private readonly bool[] _members;
    private readonly bool _includesUnknown;

    public SyscallSet(IEnumerable<int> numbers, bool includesUnknown = false)
    {
        _members = new bool[SyscallTable.MaxNumber + 1];
        foreach (int n in numbers) if (n >= 0 && n <= SyscallTable.MaxNumber) _members[n] = true;
        _includesUnknown = includesUnknown;
    }

    public static readonly SyscallSet All = new(Enumerable.Range(0, SyscallTable.MaxNumber + 1), includesUnknown: true);
    public static readonly SyscallSet None = new([]);

    /// <summary>Numbers past the table (a newer kernel's calls) belong only to "all"-like sets.</summary>
    public bool Contains(int nr) => nr >= 0 && nr < _members.Length ? _members[nr] : _includesUnknown;

    public bool IsAll => _includesUnknown && Array.TrueForAll(_members, m => m);

    public IEnumerable<int> Members => Enumerable.Range(0, _members.Length).Where(i => _members[i]);

    public SyscallSet Complement() => new(Enumerable.Range(0, _members.Length).Where(i => !_members[i]), !_includesUnknown);
}
