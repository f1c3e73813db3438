namespace Syscope.Recording.Diff;

/// <summary>A stretch where two threads' calls differ: First[FirstStart..+FirstCount] were made
/// only by the first run's thread, Second[SecondStart..+SecondCount] only by the second's.</summary>
internal readonly record struct Hunk(int FirstStart, int FirstCount, int SecondStart, int SecondCount);

/// <summary>
/// Aligns two threads' calls (their keys) with the fewest calls added or removed: the common
/// start and end are set aside, then Myers' O((N+M)·D) shortest edit script runs on the middle.
/// Bounded for big runs: at most <see cref="MaxEdits"/> differing calls and
/// <see cref="MaxSteps"/> comparisons (its memory grows with D², about 16 MB at the cap); past
/// either, <see cref="Align"/> gives up and the caller reports only the first difference (where
/// the common start ends), which needs no alignment.
/// </summary>
internal static class CallAlignment
{
    public const int MaxEdits = 2000;
    public const long MaxSteps = 50_000_000;

    /// <summary>The stretches that differ, in order; empty when the calls are the same; null when
    /// the threads differ too much to align within the bounds.</summary>
    public static List<Hunk>? Align(IReadOnlyList<long> first, IReadOnlyList<long> second)
    {
        int prefix = 0;
        while (prefix < first.Count && prefix < second.Count && first[prefix] == second[prefix]) prefix++;
        int suffix = 0;
        while (suffix < first.Count - prefix && suffix < second.Count - prefix && first[first.Count - 1 - suffix] == second[second.Count - 1 - suffix]) suffix++;
        int n = first.Count - prefix - suffix, m = second.Count - prefix - suffix;
        if (n == 0 && m == 0) return [];
        if (n == 0 || m == 0) return [new Hunk(prefix, n, prefix, m)];
        var trace = ShortestEdit(first, second, prefix, n, m);
        return trace == null ? null : Hunks(trace, prefix, n, m);
    }

    /// <summary>Myers' forward search: for each D, the furthest x reached on each diagonal k
    /// (V[k + D]); null past the bounds.</summary>
    private static List<int[]>? ShortestEdit(IReadOnlyList<long> a, IReadOnlyList<long> b, int offset, int n, int m)
    {
        var trace = new List<int[]>();
        long steps = 0;
        for (int d = 0; d <= Math.Min(n + m, MaxEdits); d++)
        {
            var v = new int[2 * d + 1];
            int[]? previous = d > 0 ? trace[d - 1] : null;
            for (int k = -d; k <= d; k += 2)
            {
                int x;
                if (previous == null) x = 0;
                else if (k == -d || k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1]) x = previous[k + 1 + d - 1];
                else x = previous[k - 1 + d - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[offset + x] == b[offset + y]) { x++; y++; steps++; }
                v[k + d] = x;
                if (x >= n && y >= m)
                {
                    trace.Add(v);
                    return trace;
                }
            }
            trace.Add(v);
            steps += d + 1;
            if (steps > MaxSteps) return null;
        }
        return null;
    }

    /// <summary>Walks the search back from the end into which calls each side alone made, then
    /// groups neighbours into hunks.</summary>
    private static List<Hunk> Hunks(List<int[]> trace, int offset, int n, int m)
    {
        var onlyFirst = new bool[n];
        var onlySecond = new bool[m];
        int x = n, y = m;
        for (int d = trace.Count - 1; d > 0; d--)
        {
            int[] previous = trace[d - 1];
            int k = x - y;
            bool down = k == -d || k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1];
            int previousK = down ? k + 1 : k - 1;
            int previousX = previous[previousK + d - 1], previousY = previousX - previousK;
            if (down) onlySecond[previousY] = true;
            else onlyFirst[previousX] = true;
            (x, y) = (previousX, previousY);
        }
        var hunks = new List<Hunk>();
        int i = 0, j = 0;
        while (i < n || j < m)
        {
            if (i < n && j < m && !onlyFirst[i] && !onlySecond[j]) { i++; j++; continue; }
            int si = i, sj = j;
            while (i < n && onlyFirst[i] || j < m && onlySecond[j])
            {
                while (i < n && onlyFirst[i]) i++;
                while (j < m && onlySecond[j]) j++;
            }
            if (i == si && j == sj) break;
            hunks.Add(new Hunk(offset + si, i - si, offset + sj, j - sj));
        }
        return hunks;
    }
}
