using System.Numerics;

namespace Syscope.Output;

/// <summary>
/// Durations in nanoseconds counted in fixed memory, HDR-style (log-linear): values under 128 ns
/// each have a bucket; above, every power of two is cut into 64 buckets, so a bucket is at most
/// 1/64 of its lower bound wide.  A percentile is reported as its bucket's middle, clamped to the
/// exact minimum and maximum: within 1/128 of the exact value (<see cref="RelativePrecision"/>).
/// Values past 2^45 ns (about 9.8 hours) share the last bucket.  Recording allocates nothing.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBits = 6, Sub = 1 << SubBits, Exact = 2 * Sub, MaxShift = 38;
    public const double RelativePrecision = 1.0 / (2 * Sub);
    public const int BucketCount = Exact + MaxShift * Sub;

    private readonly long[] _counts = new long[BucketCount];
    public long Count { get; private set; }
    public long MinNs { get; private set; } = long.MaxValue;
    public long MaxNs { get; private set; }

    public void Record(long ns)
    {
        if (ns < 0) ns = 0;
        _counts[Index(ns)]++;
        Count++;
        if (ns < MinNs) MinNs = ns;
        if (ns > MaxNs) MaxNs = ns;
    }

    public void Add(LatencyHistogram other)
    {
        for (int i = 0; i < BucketCount; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        MinNs = Math.Min(MinNs, other.MinNs);
        MaxNs = Math.Max(MaxNs, other.MaxNs);
    }

    public static int Index(long ns)
    {
        if (ns < Exact) return (int)ns;
        int shift = 64 - BitOperations.LeadingZeroCount((ulong)ns) - (SubBits + 1);
        if (shift > MaxShift) return BucketCount - 1;
        return Exact + (shift - 1) * Sub + (int)(ns >> shift) - Sub;
    }

    /// <summary>The lower bound and width of bucket i.</summary>
    public static (long Low, long Width) Bucket(int i)
    {
        if (i < Exact) return (i, 1);
        int shift = (i - Exact) / Sub + 1;
        long top = (i - Exact) % Sub + Sub;
        return (top << shift, 1L << shift);
    }

    public long CountAt(int bucket) => _counts[bucket];

    /// <summary>The value below which p (0..1) of the durations lie, by nearest rank: the
    /// ceil(p·n)-th smallest, as its bucket's middle within the exact minimum and maximum.</summary>
    public long Percentile(double p)
    {
        if (Count == 0) return 0;
        long rank = Math.Max(1, (long)Math.Ceiling(p * Count));
        long seen = 0;
        for (int i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen < rank) continue;
            var (low, width) = Bucket(i);
            return Math.Clamp(low + width / 2, MinNs, MaxNs);
        }
        return MaxNs;
    }
}
