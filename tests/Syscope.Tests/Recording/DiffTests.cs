using System.Text.Json;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>`syscope diff`: two runs of one C program that differ only in the name of its
/// configuration file, one existing and one missing; the report must open with the open that
/// failed in the second run only, with its errno and path, then show where the runs parted and
/// how each ended.</summary>
public class DiffTests
{
    [NeedsFact("root", "gcc")]
    public void Diff_names_the_missing_config_file_and_its_errno_first()
    {
        string program = CPrograms.Path("configload");
        string dir = RunFolder.RunScoped("diff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string config = Path.Combine(dir, "config.yml"), missing = Path.Combine(dir, "confg.yml");
            File.WriteAllText(config, "level: 1\n");
            string good = Path.Combine(dir, "good.scope"), bad = Path.Combine(dir, "bad.scope");
            Assert.Equal(0, SyscopeCli.Run("record", "-o", good, program, config).ExitCode);
            Assert.Equal(1, SyscopeCli.Run("record", "-o", bad, program, missing).ExitCode);

            var r = SyscopeCli.Run("diff", good, bad);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var lines = r.Stdout.Split('\n');
            Assert.Equal("Calls that failed more often in one run (first run vs second):", lines[0]);
            Assert.Equal($"  openat ENOENT {missing}: 0 vs 1", lines[1]);
            int at = Array.FindIndex(lines, l => l.StartsWith("First difference in "));
            Assert.StartsWith($"First difference in {program} (pid ", lines[at]);
            Assert.Matches($@"^  - openat\(AT_FDCWD<[^>]*>, ""{System.Text.RegularExpressions.Regex.Escape(config)}"", O_RDONLY\) = 3$", lines[at + 4]);
            Assert.Matches($@"^  \+ openat\(AT_FDCWD<[^>]*>, ""{System.Text.RegularExpressions.Regex.Escape(missing)}"", O_RDONLY\) = -1 ENOENT$", lines[at + 5]);
            Assert.Contains($"Files touched only in the first run: /etc/hostname, {config}\n", r.Stdout);
            Assert.Contains($"{program}: exit 0 vs exit 1", r.Stdout);

            var json = SyscopeCli.Run("diff", "--json", good, bad);
            using var doc = JsonDocument.Parse(json.Stdout);
            var first = doc.RootElement.GetProperty("failures")[0];
            Assert.Equal("openat", first.GetProperty("syscall").GetString());
            Assert.Equal("ENOENT", first.GetProperty("errno").GetString());
            Assert.Equal(missing, first.GetProperty("path").GetString());
            Assert.Equal(0, first.GetProperty("first").GetInt32());
            Assert.Equal(1, first.GetProperty("second").GetInt32());
        }
        finally { Directory.Delete(dir, true); }
    }
}
