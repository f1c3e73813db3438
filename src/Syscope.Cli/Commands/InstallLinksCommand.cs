using System.CommandLine;
using Syscope.Text;

namespace Syscope.Cli.Commands;

/// <summary>`syscope install-links DIR`: the names people type (strace, lsof, pgrep, pkill) as
/// symbolic links to this binary, which then behaves as that tool (see Program.CalledAs).
/// A file already there that is not such a link is left alone and reported.</summary>
internal static class InstallLinksCommand
{
    public static readonly string[] Names = ["strace", "lsof", "pgrep", "pkill"];

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "directory to put the links in (it must exist), e.g. /usr/local/bin" };
        var command = new Command("install-links", "make strace, lsof, pgrep and pkill links to syscope; called by those names it takes their options") { dir };
        command.SetAction(r => CommandRunner.Run(r, output => Install(r.GetValue(dir)!, output, r.InvocationConfiguration.Error)));
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
                output.Flush();
                error.WriteLine($"syscope: {UntrustedText.Quote(link)} exists and is not a link to {UntrustedText.Quote(target)}; left alone");
                refused++;
                continue;
            }
            try { File.CreateSymbolicLink(link, target); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserError($"cannot make {UntrustedText.Quote(link)}: {(e is UnauthorizedAccessException ? "permission denied" : "the file system refused it")}");
            }
            output.WriteLine($"{UntrustedText.Escape(link)} -> {UntrustedText.Escape(target)}");
        }
        return refused == 0 ? 0 : 1;
    }
}
