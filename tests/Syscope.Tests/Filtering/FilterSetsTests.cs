using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Tracing;

namespace Syscope.Tests.Filtering;

public class FilterSetsTests
{
    private static int[] On(bool[] set) => Enumerable.Range(0, set.Length).Where(i => set[i]).ToArray();

    [Fact]
    public void Signals_by_name_with_or_without_SIG_any_case_or_number()
    {
        Assert.Equal([SignalNames.SIGINT, SignalNames.SIGUSR1, SignalNames.SIGTERM], On(FilterSets.ParseSignals("SIGINT,term,10")));
        Assert.Equal([SignalNames.SIGRTMIN, 33], On(FilterSets.ParseSignals("RTMIN,SIGRT_1")));
        Assert.Equal([64], On(FilterSets.ParseSignals("SIGRT_32,200")));   // 200 is accepted but never arrives
    }

    [Fact]
    public void Signal_sets_invert_and_take_all_or_none()
    {
        var s = FilterSets.ParseSignals("!SIGCHLD");
        Assert.False(s[SignalNames.SIGCHLD]);
        Assert.True(s[SignalNames.SIGINT]);
        Assert.All(FilterSets.ParseSignals("all").Skip(1), Assert.True);
        Assert.Empty(On(FilterSets.ParseSignals("none")));
        Assert.Empty(On(FilterSets.ParseSignals("!all")));
    }

    [Theory]
    [InlineData("FOO", "invalid signal 'FOO'")]
    [InlineData("", "invalid signal ''")]
    [InlineData("-1", "invalid signal '-1'")]
    [InlineData("256", "invalid signal '256'")]
    [InlineData("SIGRTMAX", "invalid signal 'SIGRTMAX'")]
    [InlineData("INT,all", "invalid signal 'all'")]
    [InlineData("?FOO", "invalid signal '?FOO'")]
    public void Bad_signals(string text, string message) =>
        Assert.Equal(message, Assert.Throws<UserError>(() => FilterSets.ParseSignals(text)).Message);

    [Fact]
    public void Status_sets()
    {
        Assert.Equal(StatusSet.Successful | StatusSet.Unfinished, FilterSets.ParseStatus("successful,Unfinished"));
        Assert.Equal(StatusSet.All & ~StatusSet.Failed, FilterSets.ParseStatus("!failed"));
        Assert.Equal(StatusSet.All, FilterSets.ParseStatus("all"));
        Assert.Equal(StatusSet.None, FilterSets.ParseStatus("none"));
        Assert.Equal(StatusSet.Detached | StatusSet.Unavailable, FilterSets.ParseStatus("detached,unavailable"));
        Assert.Equal("invalid status 'bogus'", Assert.Throws<UserError>(() => FilterSets.ParseStatus("bogus")).Message);
        Assert.Equal("invalid status 'all'", Assert.Throws<UserError>(() => FilterSets.ParseStatus("all,failed")).Message);
        Assert.Equal("invalid status ''", Assert.Throws<UserError>(() => FilterSets.ParseStatus("")).Message);
    }

    [Fact]
    public void Quiet_sets()
    {
        Assert.Equal(QuietSet.Attach | QuietSet.PathResolution, FilterSets.ParseQuiet("attach,path-resolution"));
        Assert.Equal(QuietSet.Exit | QuietSet.ThreadExecve | QuietSet.Superseded, FilterSets.ParseQuiet("exits,thread-execve,SUPERSEDED"));
        Assert.Equal(FilterSets.AllQuiet, FilterSets.ParseQuiet("all"));
        Assert.Equal(FilterSets.AllQuiet & ~QuietSet.Exit, FilterSets.ParseQuiet("!exit"));
        Assert.Equal(QuietSet.Personality, FilterSets.ParseQuiet("personality"));
        Assert.Equal("invalid quiet 'execve'", Assert.Throws<UserError>(() => FilterSets.ParseQuiet("execve")).Message);
    }

    [Fact]
    public void Trace_fds()
    {
        Assert.Equal([1, 3], FilterSets.ParseFds("3,1")!.Order());
        Assert.Null(FilterSets.ParseFds("all"));
        Assert.Null(FilterSets.ParseFds("!none"));
        Assert.Empty(FilterSets.ParseFds("none")!);
        var not = FilterSets.ParseFds("!0,2")!;
        Assert.False(not.Contains(2));
        Assert.True(not.Contains(1) && not.Contains(100_000));
        Assert.Equal("invalid descriptor 'x'", Assert.Throws<UserError>(() => FilterSets.ParseFds("x")).Message);
        Assert.Equal("invalid descriptor '-1'", Assert.Throws<UserError>(() => FilterSets.ParseFds("-1")).Message);
    }
}
