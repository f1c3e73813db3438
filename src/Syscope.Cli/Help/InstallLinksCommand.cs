using System.CommandLine;
using Syscope.Cli.Commands;
using Syscope.Text;

namespace Syscope.Cli.Help;

/// <summary>`syscope install-links DIR [--man-dir MANDIR]`: the names people type (strace, lsof,
/// pgrep, pkill) as symbolic links to this binary, which then behaves as that tool (see
/// Program.Main), and the man pages in MANDIR/man1 so that `man syscope-trace` finds them: by
/// default in DIR/../share/man when DIR is a bin directory beside one (/usr/local/bin and
/// /usr/local/share/man, ~/.local/bin and ~/.local/share/man), where man-db looks for the pages of
/// the commands on PATH.  A file already there that is not such a link, or not a page syscope
/// wrote, is left alone and reported.</summary>
internal static class InstallLinksCommand
{
    public static readonly string[] Names = ["strace", "lsof", "pgrep", "pkill"];

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "directory to put the links in (it must exist), e.g. /usr/local/bin" };
        var manDir = new Option<string?>("--man-dir") { Description = "write the man pages (syscope(1), syscope-trace(1)...) into MANDIR/man1 (default: DIR/../share/man when DIR is a bin directory beside one)", HelpName = "MANDIR" };
        var noMan = new Option<bool>("--no-man") { Description = "make the links only, no man pages" };
        var command = new Command("install-links", "make strace, lsof, pgrep and pkill links to syscope, and install the man pages; called by those names it takes their options") { dir, manDir, noMan };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            var error = r.InvocationConfiguration.Error;
            // Both checked before anything is made, so a wrong MANDIR leaves no links behind.
            if (r.GetValue(manDir) is { } pages && !Directory.Exists(pages)) throw new UserError($"no directory {UntrustedText.Quote(pages)}");
            if (r.GetValue(noMan) && r.GetValue(manDir) != null) throw new UserError("--man-dir and --no-man say opposite things");
            int refused = Install(r.GetValue(dir)!, output, error);
            if (!r.GetValue(noMan) && (r.GetValue(manDir) ?? StandardManDir(r.GetValue(dir)!)) is { } man)
                refused += InstallPages((RootCommand)r.RootCommandResult.Command, man, output, error);
            return refused == 0 ? 0 : 1;
        }));
        return command;
    }

    private static int Install(string dir, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(dir)) throw new UserError($"no directory {UntrustedText.Quote(dir)}");
        string target = Environment.ProcessPath ?? throw new UserError("cannot tell where the syscope binary is (/proc/self/exe)");
        int refused = 0;
        foreach (string name in Names)
        {
            string link = Path.Combine(dir, name);
            var existing = new FileInfo(link);
            if (existing.LinkTarget is string to)
            {
                if (to == target) { output.WriteLine($"{UntrustedText.Escape(link)} already links to {UntrustedText.Escape(target)}"); continue; }
            }
            if (existing.Exists || existing.LinkTarget != null || Directory.Exists(link))
            {
                refused += Refuse(output, error, $"{UntrustedText.Quote(link)} exists and is not a link to {UntrustedText.Quote(target)}; left alone");
                continue;
            }
            try { File.CreateSymbolicLink(link, target); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserError($"cannot make {UntrustedText.Quote(link)}: {Refusal(e)}");
            }
            output.WriteLine($"{UntrustedText.Escape(link)} -> {UntrustedText.Escape(target)}");
        }
        return refused;
    }

    /// <summary>man-db's rule for the commands on PATH (manpath(5)): the pages of BIN's commands are
    /// in BIN/../share/man.  Only a directory that is already there is used.</summary>
    private static string? StandardManDir(string dir)
    {
        var bin = new DirectoryInfo(Path.GetFullPath(dir).TrimEnd('/'));
        if (bin.Name is not ("bin" or "sbin") || bin.Parent == null) return null;
        string man = Path.Combine(bin.Parent.FullName, "share", "man");
        return Directory.Exists(man) ? man : null;
    }

    /// <summary>Writes every page into MANDIR/man1 (made if missing), replacing only pages syscope wrote.</summary>
    public static int InstallPages(RootCommand root, string manDir, TextWriter output, TextWriter error)
    {
        string section = Path.Combine(manDir, "man1");
        int refused = 0;
        try
        {
            Directory.CreateDirectory(section);
            foreach (var (file, text) in ManPages.All(root))
            {
                string path = Path.Combine(section, file);
                if ((File.Exists(path) || Directory.Exists(path)) && !ManPages.WrittenBySyscope(path))
                {
                    refused += Refuse(output, error, $"{UntrustedText.Quote(path)} exists and is not a page syscope wrote; left alone");
                    continue;
                }
                File.WriteAllText(path, text);
                output.WriteLine($"{UntrustedText.Escape(path)} written");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot write the man pages into {UntrustedText.Quote(section)}: {Refusal(e)}");
        }
        return refused;
    }

    private static int Refuse(TextWriter output, TextWriter error, string message)
    {
        output.Flush();
        error.WriteLine($"syscope: {message}");
        return 1;
    }

    private static string Refusal(Exception e) => e is UnauthorizedAccessException ? "permission denied" : "the file system refused it";
}
