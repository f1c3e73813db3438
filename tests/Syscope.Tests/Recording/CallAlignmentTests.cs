using Syscope.Recording.Diff;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>The alignment under `diff`: the fewest calls added or removed, grouped into stretches,
/// and a bound past which it gives up instead of running for minutes.</summary>
public class CallAlignmentTests
{
    private static List<long> Calls(string s) => [.. s.Select(c => (long)c)];

    [Theory]
    [InlineData("abcdef", "abcdef", "")]
    [InlineData("abcdef", "abcXYZdef", "3+0/3+3")]
    [InlineData("abcXdef", "abcdef", "3+1/3+0")]
    [InlineData("abcdef", "abXdeYf", "2+1/2+1 5+0/5+1")]
    [InlineData("", "ab", "0+0/0+2")]
    [InlineData("abc", "xyz", "0+3/0+3")]
    public void Stretches_are_the_fewest_calls_each_run_made_alone(string first, string second, string expected)
    {
        var hunks = CallAlignment.Align(Calls(first), Calls(second));
        Assert.NotNull(hunks);
        Assert.Equal(expected, string.Join(' ', hunks.Select(h => $"{h.FirstStart}+{h.FirstCount}/{h.SecondStart}+{h.SecondCount}")));
    }

    [Fact]
    public void Runs_too_different_to_align_within_the_bound_give_up()
    {
        var first = Enumerable.Range(0, CallAlignment.MaxEdits + 10).Select(i => (long)i).ToList();
        var second = Enumerable.Range(0, CallAlignment.MaxEdits + 10).Select(i => (long)-i - 1).ToList();
        Assert.Null(CallAlignment.Align(first, second));
        // A long common start and end cost nothing: only the middle is searched.
        var same = Enumerable.Range(0, 1_000_000).Select(i => (long)(i % 7)).ToList();
        var withOne = new List<long>(same);
        withOne.Insert(500_000, 99);
        Assert.Equal([new Hunk(500_000, 0, 500_000, 1)], CallAlignment.Align(same, withOne));
    }
}
