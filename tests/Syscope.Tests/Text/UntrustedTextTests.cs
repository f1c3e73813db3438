using System.Text;
using Syscope.Inspection.Files;
using Syscope.Text;
using Xunit;

namespace Syscope.Tests.Text;

/// <summary>The one escaping of names that processes and file systems control, in lsof 4.95's
/// notation; every expected string here was read off Debian's lsof (C.UTF-8) for a file or a
/// process of that name.</summary>
public class UntrustedTextTests
{
    private static string Show(params byte[] bytes) => UntrustedText.Escape(UntrustedText.Decode(bytes));

    [Fact]
    public void Control_bytes_are_caret_letters_except_the_five_backslash_ones()
    {
        var all = Enumerable.Range(1, 31).Select(b => (byte)b).ToArray();
        Assert.Equal(@"^A^B^C^D^E^F^G\b\t\n^K\f\r^N^O^P^Q^R^S^T^U^V^W^X^Y^Z^[^\^]^^^_", Show(all));
    }

    [Fact]
    public void Del_backslash_and_bytes_that_are_not_utf8_are_escaped_one_by_one()
    {
        Assert.Equal(@"\x7f", Show(0x7f));
        Assert.Equal(@"a\\b", Show((byte)'a', (byte)'\\', (byte)'b'));
        Assert.Equal(@"\xff\xfe", Show(0xff, 0xfe));
        Assert.Equal(@"\x80\x9f", Show(0x80, 0x9f));
        // A lone lead byte, an encoded surrogate, an overlong '/', a code point above U+10FFFF.
        Assert.Equal(@"\xc3-\xed\xa0\x80-\xc0\xaf-\xf4\x90\x80\x80", Show(Encoding.Latin1.GetBytes("\xc3-\xed\xa0\x80-\xc0\xaf-\xf4\x90\x80\x80")));
    }

    [Fact]
    public void Characters_that_do_not_print_are_escaped_byte_by_byte_and_the_rest_kept()
    {
        Assert.Equal(@"\xc2\x80\xc2\x85\xc2\x9f", UntrustedText.Escape("\u0080\u0085\u009f"));
        Assert.Equal(@"\xe2\x80\xa8\xe2\x80\xa9\xef\xbf\xbe", UntrustedText.Escape("\u2028\u2029\ufffe"));
        // As lsof (glibc's iswprint): letters, emoji, combining and format characters print.
        Assert.Equal("é中😀\u0301\u200b\u202e\ufeff\ufffd", UntrustedText.Escape("é中😀\u0301\u200b\u202e\ufeff\ufffd"));
        Assert.Equal("plain /usr/lib/x.so (deleted)", UntrustedText.Escape("plain /usr/lib/x.so (deleted)"));
    }

    [Fact]
    public void Decoding_keeps_every_byte_so_a_name_can_go_back_to_the_kernel()
    {
        var every = Enumerable.Range(1, 255).Select(b => (byte)b).ToArray();
        Assert.Equal(every, UntrustedText.ToBytes(UntrustedText.Decode(every)));
        byte[] mixed = Encoding.Latin1.GetBytes("d\xc3\xa9j\xe0\xff\xed\xa0\x80\xf0\x9f\x98\x80");
        Assert.Equal(mixed, UntrustedText.ToBytes(UntrustedText.Decode(mixed)));
        Assert.Equal("déjà", UntrustedText.Decode(Encoding.UTF8.GetBytes("déjà")));
    }

    [Fact]
    public void Escaped_text_is_one_line_of_printable_valid_utf8()
    {
        var every = Enumerable.Range(1, 255).Select(b => (byte)b).ToArray();
        string shown = Show(every);
        Assert.DoesNotContain(shown, c => c < 0x20 || c == 0x7f || c is >= '\u0080' and <= '\u009f' || char.IsSurrogate(c));
        Assert.False(UntrustedText.NeedsEscape(shown));
    }

    [Fact]
    public void The_command_column_is_escaped_byte_by_byte_and_cut_at_whole_escapes()
    {
        Assert.Equal(@"\xc3", UntrustedText.Escape("é", 7, bytewise: true));
        Assert.Equal(@"\xc3\xa9", UntrustedText.Escape("ééé", 9, bytewise: true));
        Assert.Equal(@"aaaaa\xc3", UntrustedText.Escape("aaaaaé", 9, bytewise: true));
        Assert.Equal("aaaaaa", UntrustedText.Escape("aaaaaaé", 9, bytewise: true));
        Assert.Equal("c^[[2J^G", UntrustedText.Escape("c\e[2J\a\n\u00ff", 9, bytewise: true));
        Assert.Equal(@"ab\x7fcde", UntrustedText.Escape("ab\x7f" + "cdefghi", 9, bytewise: true));
    }

    [Theory]
    [InlineData("é", 4)]
    [InlineData("éé", 8)]
    [InlineData("€", 6)]
    [InlineData("\\\\", 4)]
    [InlineData("\x7f\x7f", 8)]
    [InlineData("ab\x01", 4)]
    [InlineData("abcdefghijk", 9)]
    public void The_command_column_is_as_wide_as_lsof_counts_the_name(string comm, int width) =>
        Assert.Equal(width, LsofFormatter.CommandWidth(comm));

    [Fact]
    public void Plus_E_cuts_names_at_nine_bytes_before_escaping()
    {
        Assert.Equal("éééé" + "\udcc3", UntrustedText.FirstBytes("ééééééé", 9));
        Assert.Equal(@"éééé\xc3", UntrustedText.Escape(UntrustedText.FirstBytes("ééééééé", 9)));
        Assert.Equal("mariadbd", UntrustedText.FirstBytes("mariadbd", 9));
    }

    [Fact]
    public void Messages_quote_escaped_and_lines_already_safe_are_left_alone()
    {
        Assert.Equal(@"'x^[[31m\n'", UntrustedText.Quote("x\e[31m\n"));
        Assert.Equal("first\n  12 a\\\\b", UntrustedText.EscapeLines("first\n  12 a\\\\b"));
        Assert.Equal("first\n^[[2J", UntrustedText.EscapeLines("first\n\e[2J"));
    }
}
