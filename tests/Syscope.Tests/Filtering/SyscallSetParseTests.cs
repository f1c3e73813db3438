using Syscope.Filtering;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Tests.Filtering;

/// <summary>-e trace=SET as strace 6.1 reads it; the error texts are strace's, captured from it.</summary>
public class SyscallSetParseTests
{
    private static int Nr(string name) => SyscallTable.ByName(name)!.Number;

    private static string[] Names(SyscallSet s) => s.Members.Select(n => SyscallTable.ByNumber(n)?.Name ?? n.ToString()).ToArray();

    [Fact]
    public void Plain_names_and_numbers()
    {
        var s = SyscallSet.Parse("open,read,1");
        Assert.Equal(["read", "write", "open"], Names(s));
        Assert.False(s.Contains(SyscallTable.MaxNumber + 1));
    }

    [Fact]
    public void Empty_items_are_skipped() => Assert.Equal(["read", "open"], Names(SyscallSet.Parse("open,,read,")));

    [Fact]
    public void Leading_bang_inverts_the_whole_set_and_each_bang_toggles()
    {
        var s = SyscallSet.Parse("!open,read");
        Assert.False(s.Contains(Nr("open")));
        Assert.False(s.Contains(Nr("read")));
        Assert.True(s.Contains(Nr("write")));
        Assert.True(s.Contains(SyscallTable.MaxNumber + 5));   // calls unknown to the table stay traced
        Assert.Equal(["getpid"], Names(SyscallSet.Parse("!!getpid")));
    }

    [Fact]
    public void All_and_none()
    {
        Assert.True(SyscallSet.Parse("all").IsAll);
        Assert.True(SyscallSet.Parse("open,all").IsAll);
        Assert.Empty(SyscallSet.Parse("none").Members);
        Assert.True(SyscallSet.Parse("!none").IsAll);
        Assert.Empty(SyscallSet.Parse("!all").Members);
    }

    [Fact]
    public void Classes_with_one_or_two_percent_signs()
    {
        var s = SyscallSet.Parse("%%stat");
        Assert.Equal(["stat", "fstat", "lstat", "newfstatat", "statx"], Names(s));
        Assert.Equal(SyscallSet.Parse("%network").Members, SyscallSet.Parse("%net").Members);
        Assert.Contains("openat", Names(SyscallSet.Parse("%file")));
    }

    [Fact]
    public void Regex_is_searched_anywhere_in_the_name()
    {
        Assert.Equal(["pread64", "pwrite64", "preadv", "pwritev", "preadv2", "pwritev2"], Names(SyscallSet.Parse("/^p(read|write)")));
        Assert.Contains("rt_sigaction", Names(SyscallSet.Parse("/sigact")));
        Assert.True(SyscallSet.Parse("/").IsAll == false && SyscallSet.Parse("/").Members.Count() > 300);
    }

    [Fact]
    public void Question_mark_skips_unknown_items_silently()
    {
        Assert.Equal(["open"], Names(SyscallSet.Parse("?foo,open,?%nope")));
        Assert.Empty(SyscallSet.Parse("?").Members);
        Assert.Empty(SyscallSet.Parse("?!getpid").Members);
    }

    [Theory]
    [InlineData("foo", "invalid system call 'foo'")]
    [InlineData("%foo", "invalid system call '%foo'")]
    [InlineData("%NET", "invalid system call '%NET'")]
    [InlineData("OPEN", "invalid system call 'OPEN'")]
    [InlineData("", "invalid system call ''")]
    [InlineData(",", "invalid system call ','")]
    [InlineData("!", "invalid system call '!'")]
    [InlineData("open,!read", "invalid system call '!read'")]
    [InlineData("open,none", "invalid system call 'none'")]
    [InlineData("-1", "invalid system call '-1'")]
    [InlineData("451", "invalid system call '451'")]
    [InlineData("0x1", "invalid system call '0x1'")]
    [InlineData("%", "invalid system call '%'")]
    public void Unknown_items_fail_with_straces_words(string text, string message) =>
        Assert.Equal(message, Assert.Throws<UserError>(() => SyscallSet.Parse(text)).Message);

    [Fact]
    public void A_bad_regex_fails_even_with_question_mark() =>
        Assert.StartsWith("regcomp: (: ", Assert.Throws<UserError>(() => SyscallSet.Parse("?/(")).Message);

    [Fact]
    public void Numbers_in_gaps_of_the_table_are_accepted_as_strace_does() =>
        Assert.Equal([335], SyscallSet.Parse("335").Members);
}
