using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Tests.Filtering;

/// <summary>inject= and fault= as strace 6.1 accepts them; every rejected text below was rejected by
/// strace itself with the same message, and the when= meanings were checked against it.</summary>
public class InjectionParserTests
{
    private static InjectionRule Inject(string text) => InjectionParser.Parse(text, fault: false);

    [Fact]
    public void Error_by_name_any_case_or_number()
    {
        Assert.Equal(Errno.ENOSPC, Inject("write:error=ENOSPC").Error);
        Assert.Equal(Errno.EIO, Inject("write:error=eio").Error);
        Assert.Equal(5, Inject("write:error=+5").Error);
        Assert.Equal(4095, Inject("write:error=4095").Error);
        Assert.Equal(Errno.ERESTARTSYS, Inject("write:error=ERESTARTSYS").Error);
        Assert.True(Inject("write:error=EIO").Syscalls.Contains(SyscallTable.ByName("write")!.Number));
    }

    [Fact]
    public void Retval_signal_delays_and_substitute()
    {
        var r = Inject("%file:retval=0x10:signal=INT:delay_enter=1.5ms:delay_exit=2s:syscall=getpid");
        Assert.Equal(16, r.Retval);
        Assert.Equal(SignalNames.SIGINT, r.Signal);
        Assert.Equal(1500, r.DelayEnterMicros);
        Assert.Equal(2_000_000, r.DelayExitMicros);
        Assert.Equal(SyscallTable.ByName("getpid")!.Number, r.SubstituteSyscall);
        Assert.Equal(7, Inject("read:delay_enter=7").DelayEnterMicros);
        Assert.Equal(1000, Inject("read:delay_enter=1e3").DelayEnterMicros);
        Assert.Equal(2, Inject("read:delay_exit=2500ns").DelayExitMicros);
        Assert.Equal(SignalNames.SIGKILL, Inject("read:signal=9").Signal);
        Assert.False(Inject("read:signal=9").ChangesResult);
    }

    [Theory]
    // Checked with python3 calling chdir 8 times under strace -e inject=chdir:error=EIO:when=W.
    [InlineData("2", ".X......")]
    [InlineData("2..4", ".XXX....")]
    [InlineData("2+", ".XXXXXXX")]
    [InlineData("2..4+", ".XXX....")]
    [InlineData("2+2", ".X.X.X.X")]
    [InlineData("1..5+2", "X.X.X...")]
    [InlineData("3..3", "..X.....")]
    [InlineData("2..4+3", ".X......")]
    public void When_picks_the_same_invocations_as_strace(string when, string pattern)
    {
        var r = Inject($"chdir:error=EIO:when={when}");
        Assert.Equal(pattern, string.Concat(Enumerable.Range(1, 8).Select(i => r.AppliesTo(i) ? 'X' : '.')));
    }

    [Fact]
    public void Without_when_every_call_and_the_last_when_wins()
    {
        var all = Inject("read:error=EIO");
        Assert.True(all.AppliesTo(1) && all.AppliesTo(1000));
        Assert.Equal(2, Inject("read:error=EIO:when=1:when=2").First);
    }

    [Fact]
    public void Fault_defaults_to_ENOSYS()
    {
        Assert.Equal(Errno.ENOSYS, InjectionParser.Parse("open", fault: true).Error);
        var f = InjectionParser.Parse("open:error=EIO:when=2", fault: true);
        Assert.Equal((Errno.EIO, 2L, 2L), (f.Error, f.First, f.Last));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("open:")]
    [InlineData("open:when=3")]
    [InlineData("open:error=FOO")]
    [InlineData("open:error=0")]
    [InlineData("open:error=4096")]
    [InlineData("open:error=EWOULDBLOCK")]
    [InlineData("open:error=EIO:retval=1")]
    [InlineData("open:error=EIO:error=ENOENT")]
    [InlineData("open:signal=0")]
    [InlineData("open:signal=65")]
    [InlineData("open:signal=INT:signal=TERM")]
    [InlineData("open:delay_enter=1x")]
    [InlineData("open:delay_enter=-1")]
    [InlineData("open:delay_enter=1m")]
    [InlineData("open:delay_enter=5S")]
    [InlineData("open:error=EIO:delay_enter=1:delay_enter=2")]
    [InlineData("open:retval=abc")]
    [InlineData("open:retval=0b1")]
    [InlineData("open:retval=99999999999999999999")]
    [InlineData("open:error=EIO:when=0")]
    [InlineData("open:error=EIO:when=2..")]
    [InlineData("open:error=EIO:when=..3")]
    [InlineData("open:error=EIO:when=+")]
    [InlineData("open:error=EIO:when=5..3")]
    [InlineData("open:error=EIO:when=65536")]
    [InlineData("open:error=EIO:when=2..65535")]
    [InlineData("open:error=EIO:when=1+0")]
    [InlineData("open:error=EIO:when=1+65536")]
    [InlineData("open:syscall=open:error=EIO")]
    [InlineData("open:syscall=getpid")]
    public void Rejected_as_strace_rejects_them(string text) =>
        Assert.Equal($"invalid inject argument '{text}'", Assert.Throws<UserError>(() => Inject(text)).Message);

    [Theory]
    [InlineData("open:retval=2")]
    [InlineData("open:signal=SIGINT")]
    [InlineData("open:delay_enter=5")]
    [InlineData("open:error=EIO:error=ENOENT")]
    [InlineData("open:when=1:error=0")]
    public void Fault_takes_only_error_syscall_and_when(string text) =>
        Assert.Equal($"invalid fault argument '{text}'", Assert.Throws<UserError>(() => InjectionParser.Parse(text, fault: true)).Message);

    [Fact]
    public void Accepted_edge_values()
    {
        Assert.Equal(65535, Inject("open:error=EIO:when=65535").First);
        Assert.Equal(65534, Inject("open:error=EIO:when=1..65534").Last);
        Assert.Equal(65535, Inject("open:error=EIO:when=1+65535").Step);
        Assert.Equal(2, Inject("open:error=EIO:when= 2").First);
        Assert.Equal(0, Inject("open:delay_enter=0").DelayEnterMicros);
    }

    [Fact]
    public void Error_like_retvals_warn_as_strace_does()
    {
        var warnings = new List<string>();
        InjectionParser.Parse("open:retval=-1", fault: false, warnings.Add);
        InjectionParser.Parse("open:retval=4294967295", fault: false, warnings.Add);
        InjectionParser.Parse("open:retval=5", fault: false, warnings.Add);
        Assert.Equal([
            "Inadvertent injection of error 1 is possible for retval=18446744073709551615",
            "Inadvertent injection of error 1 is possible in compat personality for retval=4294967295"], warnings);
    }

    [Fact]
    public void A_bad_set_reports_the_set() =>
        Assert.Equal("invalid system call ''", Assert.Throws<UserError>(() => Inject(":error=EIO")).Message);
}
