using System.Text.RegularExpressions;
using Syscope.Cli;
using Syscope.Cli.Commands;
using Syscope.Cli.Help;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Help;

/// <summary>
/// The man pages (`syscope man [COMMAND]`, `install-links --man-dir`) are written from what
/// --help prints: each renders with groff and man without a warning, shows every option its
/// command's help shows, and escapes every '-', '\' and leading '.' or '\''.
/// </summary>
public sealed partial class ManPageTests : IDisposable
{
    private readonly string _dir = Path.Combine(RunFolder.Root, "man-" + Guid.NewGuid().ToString("N")[..8]);

    public ManPageTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>"" (syscope(1)) and every command of the tree, pgrep and pkill included.</summary>
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string> { "" };
        foreach (string name in ManPages.CommandNames(Program.BuildRoot())) data.Add(name);
        return data;
    }

    [Fact]
    public void Every_command_has_a_page_pgrep_and_pkill_included()
    {
        var names = ManPages.CommandNames(Program.BuildRoot()).ToList();
        foreach (string expected in new[] { "trace", "record", "replay", "export", "report", "diff", "ps", "files", "why", "explain", "pgrep", "pkill", "install-links", "help", "man", "completion" })
            Assert.Contains(expected, names);
        Assert.Equal(["syscope.1", .. names.Select(n => $"syscope-{n}.1")], ManPages.All(Program.BuildRoot()).Select(p => p.File));
    }

    private string Page(string command)
    {
        var r = command.Length == 0 ? SyscopeCli.Run("man") : SyscopeCli.Run("man", command);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        return r.Stdout;
    }

    private string Write(string command, string text)
    {
        string file = Path.Combine(_dir, (command.Length == 0 ? "syscope" : "syscope-" + command) + ".1");
        File.WriteAllText(file, text);
        return file;
    }

    [NeedsTheory("groff")]
    [MemberData(nameof(Pages))]
    public void Page_renders_without_a_warning(string command)
    {
        string file = Write(command, Page(command));
        var r = Runner.Run("groff", ["-man", "-Tutf8", "-ww", "-z", file]);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
    }

    /// <summary>The page as man shows it, on a wide terminal, with '-' as typed.</summary>
    private static string Rendered(string file)
    {
        var r = Runner.Run("env", ["MANWIDTH=250", "man", "-l", file]);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        // groff's minus and hyphen, and anything overstruck for bold on some terminals, as plain text.
        return Regex.Replace(r.Stdout, ".\b", "").Replace('\u2212', '-').Replace('\u2010', '-');
    }

    [GeneratedRegex(@"(?<![\w-])--?[A-Za-z][\w-]*")]
    private static partial Regex OptionWord();

    [NeedsTheory("man")]
    [MemberData(nameof(Pages))]
    public void Page_shows_every_option_the_help_shows(string command)
    {
        string page = Rendered(Write(command, Page(command)));
        string help = (command.Length == 0 ? SyscopeCli.Run("--help") : SyscopeCli.Run(command, "--help")).Stdout;
        Assert.NotEqual("", help);
        if (command.Length == 0)
        {
            // The overview's page lists the commands by their first sentence, and the root's own options.
            foreach (string name in ManPages.CommandNames(Program.BuildRoot())) Assert.Matches($@"\n\s+{Regex.Escape(name)}\b", page);
            help = help[help.IndexOf("Options:", StringComparison.Ordinal)..help.IndexOf("Commands:", StringComparison.Ordinal)];
        }
        var missing = OptionWord().Matches(help).Select(m => m.Value).Distinct()
            .Where(o => !Regex.IsMatch(page, $@"(?<![\w-]){Regex.Escape(o)}(?![\w-])")).ToList();
        Assert.True(missing.Count == 0, $"syscope man {command} lacks {string.Join(" ", missing)}");
        Assert.Contains(command.Length == 0 ? "SYSCOPE(1)" : $"SYSCOPE-{command.ToUpperInvariant()}(1)", page);
    }

    /// <summary>trace's page documents every long option its getopt table accepts (but the one
    /// syscope gives only to itself), and every short one.</summary>
    [NeedsFact("man")]
    public void Trace_page_documents_every_option_of_the_getopt_table()
    {
        string page = Rendered(Write("trace", Page("trace")));
        var getopt = TraceArguments.Getopt;
        var missing = getopt.LongOptions.Where(o => !getopt.Internal.Contains(o.Name)).Select(o => "--" + o.Name)
            .Concat(getopt.ShortOptions.Where(char.IsAsciiLetterOrDigit).Select(c => "-" + c))
            .Where(o => !Regex.IsMatch(page, $@"(?<![\w-]){Regex.Escape(o)}(?![\w-])")).ToList();
        Assert.True(missing.Count == 0, "syscope man trace lacks " + string.Join(" ", missing));
        Assert.DoesNotContain("syscope-daemon-of", page);
    }

    /// <summary>Every '-' is "\-", every '\' an escape syscope wrote, and a line starts with '.'
    /// only for the requests the pages use.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public void Dashes_backslashes_and_leading_dots_are_escaped(string command)
    {
        string text = Page(command);
        var requests = new HashSet<string> { "TH", "SH", "SS", "TP", "PP", "RS", "RE", "nf", "fi", "nh", "ad", "br", "BR", "\\\"" };
        foreach (string line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith(".\\\"")) continue;
            if (line.StartsWith('.')) Assert.Contains(line[1..].Split(' ')[0], requests);
            Assert.False(line.StartsWith('\''), line);
            Assert.DoesNotMatch(@"(?<!\\)-", line);
            Assert.DoesNotMatch(@"\\[^-e&f(\[:]", line);
        }
        Assert.StartsWith(".\\\" Generated by `syscope man`", text);
        Assert.Contains(command.Length == 0 ? ".TH \"SYSCOPE\" \"1\"" : $".TH \"SYSCOPE\\-{command.ToUpperInvariant().Replace("-", "\\-")}\" \"1\"", text);
    }

    [Fact]
    public void Roff_escapes_what_a_text_could_do()
    {
        Assert.Equal("a\\eb \\-x \\[u00B5]s \\[u2014] \\[u1F600]", Roff.Escape("a\\b -x µs — 😀"));
        Assert.Equal("\\&.TH x\n\\&'br\nplain\n", new Roff().Text(".TH x").Text("'br").Text("plain").ToString());
        Assert.Equal(".TP\n\\fB\\-p\\fR PID, \\fB\\-\\-attach\\fR=PID\nattach\n", new Roff().Tagged("-p PID, --attach=PID", "attach").ToString());
    }

    /// <summary>trace's help in HelpText's layout: options, two spaces, what they do.  An entry whose
    /// options run into prose ("--seccomp-bpf only traced ...") lost its two spaces.</summary>
    [Fact]
    public void Trace_help_reads_as_entries_of_options_and_meanings()
    {
        var blocks = HelpText.Parse(TraceCommand.Description);
        var entries = blocks.OfType<HelpText.Entry>().ToList();
        Assert.True(entries.Count > 50, $"{entries.Count} entries");
        Assert.Equal(["Starting", "Filtering", "Output", "Statistics", "Tampering", "Backends", "Miscellaneous"], blocks.OfType<HelpText.Heading>().Select(h => h.Title));
        foreach (var e in entries)
        {
            Assert.True(e.Forms[0] == '-' || e.Forms == "PROG [ARGS]", e.Forms);
            Assert.DoesNotMatch(@"(^|\s)[a-z]+ [a-z]+(\s|$)", e.Forms.Replace("-e ", ""));
        }
        Assert.Empty(blocks.OfType<HelpText.Verbatim>());
        Assert.Contains(new HelpText.Entry("--seccomp-bpf", "only traced calls stop the command (default with -f and -e trace=); implies --kill-on-exit, since a command left with the filter and no tracer would see ENOSYS from every traced call; never for -p"), entries);
    }

    [Fact]
    public void Files_help_keeps_its_lines_of_several_options_as_they_are()
    {
        var files = Program.BuildRoot().Subcommands.Single(c => c.Name == "files");
        var blocks = HelpText.Parse(files.Description!);
        Assert.Equal("list open files as lsof 4.95 does, with its options and exit status:", ((HelpText.Prose)blocks[0]).Text);
        var lines = Assert.IsType<HelpText.Verbatim>(blocks[1]).Lines;
        Assert.Equal(6, lines.Count);
        Assert.StartsWith("  -p PID[,^PID]  -g [PGID[,^PGID]]", lines[0]);
    }

    [NeedsFact("man")]
    public void Man_command_piped_into_man_l_shows_the_page()
    {
        var r = Runner.Run("bash", ["-c", $"'{SyscopeCli.Executable}' man strace | MANWIDTH=100 man -l -"]);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        Assert.Contains("syscope-trace - Trace system calls and signals with strace's options and output", r.Stdout);
        Assert.Matches(@"\n\s+-p PID\[,PID\], --attach=PID\n\s+attach to running processes", r.Stdout);
        var unknown = SyscopeCli.Run("man", "nosuch");
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("syscope: no command 'nosuch' (the commands: trace, record,", unknown.Stderr);
    }

    /// <summary>install-links --man-dir writes the pages into MANDIR/man1, where man finds them by
    /// name; a page syscope did not write is left alone, its own are replaced.</summary>
    [NeedsFact("man")]
    public void Install_links_with_a_man_dir_installs_pages_man_finds()
    {
        string bin = Path.Combine(_dir, "bin"), man = Path.Combine(_dir, "man");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(Path.Combine(man, "man1"));
        string foreign = Path.Combine(man, "man1", "syscope-ps.1");
        File.WriteAllText(foreign, ".TH MINE 1\n");
        var r = SyscopeCli.Run("install-links", bin, "--man-dir", man);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"syscope: '{foreign}' exists and is not a page syscope wrote; left alone\n", r.Stderr);
        var pages = ManPages.All(Program.BuildRoot()).Select(p => p.File).Where(f => f != "syscope-ps.1").ToList();
        Assert.Equal(string.Concat(InstallLinksCommand.Names.Select(n => $"{Path.Combine(bin, n)} -> {SyscopeCli.Executable}\n"))
            + string.Concat(pages.Select(p => $"{Path.Combine(man, "man1", p)} written\n")), r.Stdout);
        Assert.Equal(".TH MINE 1\n", File.ReadAllText(foreign));
        Assert.Equal(Page("trace"), File.ReadAllText(Path.Combine(man, "man1", "syscope-trace.1")));

        var shown = Runner.Run("env", [$"MANPATH={man}", "MANWIDTH=100", "man", "syscope-pkill"]);
        Assert.Equal((0, ""), (shown.ExitCode, shown.Stderr));
        Assert.Matches(@"\n\s+-<sig>, --signal <sig>\n\s+signal to send \(either number or name\)", shown.Stdout);
        Assert.Equal(Path.Combine(man, "man1", "syscope.1") + "\n", Runner.Run("env", [$"MANPATH={man}", "man", "-w", "syscope"]).Stdout);

        File.Delete(foreign);
        var again = SyscopeCli.Run("install-links", bin, "--man-dir", man);
        Assert.Equal((0, ""), (again.ExitCode, again.Stderr));
        Assert.Contains($"{foreign} written\n", again.Stdout);
        var missing = SyscopeCli.Run("install-links", bin, "--man-dir", Path.Combine(_dir, "none"));
        Assert.Equal((1, "", $"syscope: no directory '{Path.Combine(_dir, "none")}'\n"), (missing.ExitCode, missing.Stdout, missing.Stderr));
    }

    /// <summary>`man --write DIR` writes every page into DIR/man1, as the publish step does beside
    /// the binary (dist/man), the same bytes `man COMMAND` prints.</summary>
    [Fact]
    public void Man_write_puts_every_page_into_a_directory()
    {
        string dir = Path.Combine(_dir, "dist", "man");
        var r = SyscopeCli.Run("man", "--write", dir);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        var pages = ManPages.All(Program.BuildRoot()).Select(p => p.File).ToList();
        Assert.Equal(string.Concat(pages.Select(p => $"{Path.Combine(dir, "man1", p)} written\n")), r.Stdout);
        Assert.Equal(pages.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(dir, "man1")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Page("trace"), File.ReadAllText(Path.Combine(dir, "man1", "syscope-trace.1")));
        Assert.Equal(SyscopeCli.Run("man").Stdout, File.ReadAllText(Path.Combine(dir, "man1", "syscope.1")));
        var both = SyscopeCli.Run("man", "trace", "--write", dir);
        Assert.Equal((1, "syscope: --write writes every page: it takes no command\n"), (both.ExitCode, both.Stderr));
    }

    /// <summary>install-links DIR puts the pages where man-db looks for the pages of DIR's commands,
    /// DIR/../share/man, when DIR is a bin directory beside one; --no-man makes the links only.</summary>
    [Fact]
    public void Install_links_installs_the_pages_beside_a_bin_directory_by_default()
    {
        string prefix = Path.Combine(_dir, "usr"), bin = Path.Combine(prefix, "bin"), man = Path.Combine(prefix, "share", "man");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(man);
        var r = SyscopeCli.Run("install-links", bin);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        var pages = ManPages.All(Program.BuildRoot()).Select(p => p.File).ToList();
        Assert.Equal(string.Concat(InstallLinksCommand.Names.Select(n => $"{Path.Combine(bin, n)} -> {SyscopeCli.Executable}\n"))
            + string.Concat(pages.Select(p => $"{Path.Combine(man, "man1", p)} written\n")), r.Stdout);
        Assert.Equal(Page("files"), File.ReadAllText(Path.Combine(man, "man1", "syscope-files.1")));

        string other = Path.Combine(_dir, "opt", "bin"), otherMan = Path.Combine(_dir, "opt", "share", "man");
        Directory.CreateDirectory(other);
        Directory.CreateDirectory(otherMan);
        var linksOnly = SyscopeCli.Run("install-links", other, "--no-man");
        Assert.Equal((0, ""), (linksOnly.ExitCode, linksOnly.Stderr));
        Assert.Empty(Directory.GetFileSystemEntries(otherMan));
        // A directory not named bin, or with no share/man beside it, gets the links only.
        string tools = Path.Combine(_dir, "tools");
        Directory.CreateDirectory(tools);
        Assert.DoesNotContain(" written", SyscopeCli.Run("install-links", tools).Stdout);
        var contrary = SyscopeCli.Run("install-links", tools, "--no-man", "--man-dir", man);
        Assert.Equal((1, "syscope: --man-dir and --no-man say opposite things\n"), (contrary.ExitCode, contrary.Stderr));
    }
}
