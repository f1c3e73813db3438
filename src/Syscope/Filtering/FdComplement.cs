namespace Syscope.Filtering;

/// <summary>
/// "Every descriptor but these" (-e trace-fds=!3,4): membership without listing a million fds.
/// Enumerating it walks 0..<see cref="Ceiling"/>, the kernel's default fs.nr_open.
/// </summary>
internal sealed class FdComplement(IReadOnlySet<int> excluded) : IReadOnlySet<int>
{
    public const int Ceiling = 1024 * 1024;

    public IReadOnlySet<int> Excluded { get; } = excluded;

    public bool Contains(int fd) => fd >= 0 && !Excluded.Contains(fd);

    public int Count => Ceiling - Excluded.Count(fd => fd < Ceiling);

    public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, Ceiling).Where(Contains).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<int> other) => this.ToHashSet().IsProperSubsetOf(other);
    public bool IsProperSupersetOf(IEnumerable<int> other) => this.ToHashSet().IsProperSupersetOf(other);
    public bool IsSubsetOf(IEnumerable<int> other) => this.ToHashSet().IsSubsetOf(other);
    public bool IsSupersetOf(IEnumerable<int> other) => other.All(Contains);
    public bool Overlaps(IEnumerable<int> other) => other.Any(Contains);
    public bool SetEquals(IEnumerable<int> other) => this.ToHashSet().SetEquals(other);
}
