using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;
using Xunit;

namespace Syscope.Tests.Output;

/// <summary>trace --report FILE: one self-contained HTML file, checked in a real browser (Debian's
/// chromium, headless, over its DevTools protocol) on a report of a real trace.</summary>
public class ReportTests
{
    private const string Workload = "cat /etc/hostname /nonexistent >/dev/null 2>&1; ls -l /etc/apt >/dev/null; head -c 100000 /dev/zero | wc -c >/dev/null; kill -USR1 $$";

    [NeedsFact("root", "chromium")]
    public void The_report_loads_offline_and_its_histograms_filters_and_search_work()
    {
        // A .html name: chromium takes a file:// page's type from it.
        string report = Path.Combine(CPrograms.TempDir, $"report-{Guid.NewGuid():N}.html");
        try
        {
            // One run gives the report and strace's -c table to check it against.
            var r = SyscopeCli.Run("trace", "-f", "-c", "--report", report, "sh", "-c", Workload);
            Assert.Matches(@"syscope: report written to \S+\.html \(\d+ calls\)", r.Stderr);
            CheckInBrowser(report, Reads(r.Stderr));
        }
        finally { File.Delete(report); }
    }

    /// <summary>`syscope report run.scope -o FILE`: the same report from a recording, its
    /// histogram of read holding what `replay -c` of the recording counts.</summary>
    [NeedsFact("root", "chromium")]
    public void A_recording_makes_the_same_report()
    {
        string dir = Directory.CreateTempSubdirectory("syscope-report-").FullName;
        try
        {
            string run = Path.Combine(dir, "run.scope");
            var recorded = SyscopeCli.Run("record", "-f", "-o", run, "sh", "-c", Workload);
            Assert.True(File.Exists(run), recorded.Stderr);
            var r = SyscopeCli.Run("report", run);
            Assert.Equal(0, r.ExitCode);
            Assert.Matches(@"syscope: report written to \S+run\.html \(\d+ calls\)", r.Stderr);
            var counted = SyscopeCli.Run("replay", run, "-c");
            CheckInBrowser(Path.Combine(dir, "run.html"), Reads(counted.Stdout + counted.Stderr));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The calls column of read in strace's -c table.</summary>
    private static long Reads(string table)
    {
        long reads = long.Parse(Regex.Match(table, @"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+\d*\s*read$", RegexOptions.Multiline).Groups[1].Value);
        Assert.True(reads > 3);
        return reads;
    }

    private static void CheckInBrowser(string report, long reads)
    {
        string html = File.ReadAllText(report);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain(" src=", html);

        using var browser = new Chromium();
        browser.Open("file://" + report);
        browser.WaitFor("document.body.dataset.ready === 'true'");
        Assert.Empty(browser.ConsoleErrors);
        Assert.All(browser.Requests, url => Assert.StartsWith("file://", url));

        // The histogram of read holds as many calls as the -c table counts.
        Assert.Equal(reads, browser.Evaluate("[...document.querySelectorAll('svg.hist[data-syscall=\"read\"] rect')].reduce((n, r) => n + +r.dataset.count, 0)")!.GetValue<long>());
        Assert.Equal(reads, browser.Evaluate("+document.querySelector('#syscalls tr[data-syscall=\"read\"]').dataset.calls")!.GetValue<long>());

        // Clicking a syscall shows its calls only, and only its histogram.
        browser.Evaluate("document.querySelector('#syscalls tr[data-syscall=\"read\"]').click()");
        var shown = browser.Evaluate("[...document.querySelectorAll('#calls tbody tr')].map(r => r.dataset.syscall)")!.AsArray().Select(s => (string)s!).ToList();
        Assert.Equal(Math.Min(reads, 500), shown.Count);
        Assert.All(shown, s => Assert.Equal("read", s));
        Assert.Equal(1, browser.Evaluate("[...document.querySelectorAll('figure.hist')].filter(f => f.style.display !== 'none').length")!.GetValue<int>());
        Assert.StartsWith("read(", (string)browser.Evaluate("document.querySelector('#calls tbody tr td.line').textContent")!);

        // The search finds the path among the decoded lines.
        browser.Evaluate("(() => { const s = document.querySelector('#search'); s.value = '/etc/hostname'; s.dispatchEvent(new Event('input')); })()");
        browser.WaitFor("document.querySelector('#calls-caption').textContent.includes('/etc/hostname')");
        var found = browser.Evaluate("[...document.querySelectorAll('#calls tbody td.line')].map(td => td.textContent)")!.AsArray().Select(s => (string)s!).ToList();
        // Decoded as -yy (the report's default), to say which files calls touched.
        Assert.Contains(found, l => Regex.IsMatch(l, "^openat\\(AT_FDCWD<[^>]+>, \"/etc/hostname\", O_RDONLY\\) = 3</etc/hostname>$"));
        Assert.All(found, l => Assert.Contains("/etc/hostname", l));

        // The rest of the page: a failure, the signal, the process tree, files with bytes.
        Assert.True(browser.Evaluate("[...document.querySelectorAll('#failures td.line')].some(td => td.textContent === '\"/nonexistent\"')")!.GetValue<bool>());
        Assert.True(browser.Evaluate("[...document.querySelectorAll('#signals td')].some(td => td.textContent === 'SIGUSR1')")!.GetValue<bool>());
        Assert.True(browser.Evaluate("document.querySelectorAll('#tree li').length >= 5")!.GetValue<bool>());
        Assert.True(browser.Evaluate("[...document.querySelectorAll('#files tr')].some(tr => tr.cells[0].textContent.startsWith('pipe:') && tr.cells[2].textContent.includes('KiB'))")!.GetValue<bool>());
        Assert.True(browser.Evaluate("document.querySelector('#timeline').width > 0")!.GetValue<bool>());
        Assert.Empty(browser.ConsoleErrors);
    }

    /// <summary>With -k the slowest calls show the stacks they were made from, as trace prints them.</summary>
    [NeedsFact("root")]
    public void Slowest_calls_carry_their_stacks_under_k()
    {
        string report = Path.Combine(CPrograms.TempDir, $"report-{Guid.NewGuid():N}.html");
        try
        {
            var r = SyscopeCli.Run("trace", "-k", "--report", report, "sh", "-c", "sleep 0.05; true");
            Assert.Equal(0, r.ExitCode);
            string slowest = Regex.Match(File.ReadAllText(report), "<table id=\"slowest\".*?</table>", RegexOptions.Singleline).Value;
            // sh waits 50 ms for sleep: among the slowest calls, made from libc's wait4.
            Assert.Matches(@"\n<tr data-syscall=""wait4""><td>[\d.]+ ms</td>[^\n]*<pre class=""stack""> &gt; \S+libc\.so\.6\(wait4\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]\n", slowest);
        }
        finally { File.Delete(report); }
    }

    [NeedsFact("root")]
    public void A_report_that_cannot_be_written_fails_before_tracing()
    {
        var r = SyscopeCli.Run("trace", "--report", "/nonexistent/dir/r.html", "true");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("syscope: Can't fopen '/nonexistent/dir/r.html': No such file or directory\n", r.Stderr);
    }
}
