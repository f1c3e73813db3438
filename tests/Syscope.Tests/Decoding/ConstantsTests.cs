using System.Reflection;
using System.Text;
using Syscope.Decoding;
using Syscope.Decoding.Constants;
using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Decoding;

/// <summary>The constant tables are typed in by hand, so they are checked against the system's C
/// headers: every row whose name is a macro there must have the headers' value.</summary>
public class ConstantsTests(ITestOutputHelper output)
{
    /// <summary>Names whose userspace value differs from the kernel's on purpose.</summary>
    private static readonly Dictionary<string, string> s_knownDifferent = new()
    {
        ["O_LARGEFILE"] = "glibc defines it as 0 on 64-bit targets; the kernel bit is 0100000",
        ["__O_TMPFILE"] = "glibc folds O_DIRECTORY into it (0x410000, its O_TMPFILE); <asm-generic/fcntl.h>'s bit alone is 020000000",
        ["MS_NOUSER"] = "<linux/mount.h> writes (1<<31), an int that sign-extends; the flag is bit 31 alone, as strace prints it",
    };

    private static bool Same(ulong value, ulong header) => value == header || (value <= uint.MaxValue && (uint)header == value);

    private const string Headers = """
        #define _GNU_SOURCE
        #include <fcntl.h>
        #include <unistd.h>
        #include <stdio.h>
        #include <signal.h>
        #include <sched.h>
        #include <time.h>
        #include <poll.h>
        #include <sys/mman.h>
        #include <sys/socket.h>
        #include <sys/wait.h>
        #include <sys/resource.h>
        #include <sys/prctl.h>
        #include <sys/epoll.h>
        #include <sys/eventfd.h>
        #include <sys/timerfd.h>
        #include <sys/inotify.h>
        #include <sys/fanotify.h>
        #include <sys/signalfd.h>
        #include <sys/ioctl.h>
        #include <sys/random.h>
        #include <sys/stat.h>
        #include <sys/statvfs.h>
        #include <sys/time.h>
        #include <sys/xattr.h>
        #include <sys/file.h>
        #include <netinet/in.h>
        #include <netinet/tcp.h>
        #include <asm/prctl.h>
        #include <linux/futex.h>
        #include <linux/netlink.h>
        #include <linux/magic.h>
        #include <linux/capability.h>
        #include <linux/rtnetlink.h>
        #include <linux/if_arp.h>
        #include <linux/inet_diag.h>
        #include <linux/unix_diag.h>
        #include <linux/netlink_diag.h>
        #include <linux/fib_rules.h>
        #include <linux/io_uring.h>
        #include <linux/bpf.h>
        #include <linux/fiemap.h>
        #include <linux/mount.h>
        #include <linux/ptrace.h>
        #include <linux/reboot.h>
        #include <linux/quota.h>
        #include <linux/dqblk_xfs.h>
        #include <linux/elf.h>
        #include <netinet/ip.h>
        #include <linux/kvm.h>
        #include <linux/filter.h>
        #include <linux/seccomp.h>
        #include <linux/kd.h>
        #include <linux/keyboard.h>
        #include <linux/lirc.h>
        #include <linux/ptp_clock.h>
        #include <linux/loop.h>
        #include <linux/blkpg.h>
        #include <linux/nbd.h>
        #include <linux/userfaultfd.h>
        #include <mtd/ubi-user.h>
        #include <mtd/mtd-abi.h>
        #include <scsi/sg.h>
        #include <linux/bsg.h>
        #include <linux/videodev2.h>
        """;

    private static IEnumerable<(string Set, Named Row)> Rows()
    {
        var types = typeof(FlagSet).Assembly.GetTypes().Where(t => t.Namespace == typeof(FlagSet).Namespace);
        foreach (var field in types.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)))
        {
            IReadOnlyList<Named>? rows = field.GetValue(null) switch { FlagSet f => f.Rows, ValueSet v => v.Rows, _ => null };
            if (rows == null) continue;
            foreach (var r in rows)
                if (r.Name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')) yield return (field.Name, r);
        }
    }

    [NeedsFact("gcc")]
    public void Tables_match_the_system_headers()
    {
        var rows = Rows().ToList();
        var names = rows.Select(r => r.Row.Name).Distinct().ToList();
        var c = new StringBuilder(Headers).AppendLine().AppendLine("int main(void) {");
        foreach (var n in names)
            c.AppendLine($"#ifdef {n}\n  printf(\"{n} %llu\\n\", (unsigned long long)({n}));\n#endif");
        c.AppendLine("  return 0;\n}");
        string dir = Directory.CreateTempSubdirectory("syscope-consts").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "c.c"), c.ToString());
            Run("gcc", dir, "-o", "c", "c.c");
            var values = Run(Path.Combine(dir, "c"), dir).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => ulong.Parse(p[1]));
            var wrong = new List<string>();
            foreach (var (set, row) in rows)
            {
                if (!values.TryGetValue(row.Name, out ulong header) || s_knownDifferent.ContainsKey(row.Name)) continue;
                // A name a set lists twice (SOL_SOCKET: 1 here and 0xffff on other architectures,
                // which strace names too) is right when one of its rows has this system's value.
                if (!rows.Any(o => o.Set == set && o.Row.Name == row.Name && Same(o.Row.Value, header))) wrong.Add($"{set}.{row.Name}: table 0x{row.Value:x}, headers 0x{header:x}");
            }
            output.WriteLine($"{values.Count} of {names.Count} names are macros in the headers and were compared");
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
            Assert.True(values.Count > 300, "too few names found in the headers: " + values.Count);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>The program's output; a failure fails the test with what it printed.</summary>
    private static string Run(string file, string cwd, params string[] args)
    {
        var r = Runner.Run(file, args, workingDirectory: cwd);
        Assert.True(r.ExitCode == 0, $"{file} {string.Join(' ', args)} exited with {r.ExitCode}:\n{r.Stderr}");
        return r.Stdout;
    }
}
