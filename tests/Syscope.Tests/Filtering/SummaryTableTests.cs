using Syscope.Filtering;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Filtering;

/// <summary>The -c table from fixed recorded data; layouts as strace 6.1 prints them (widths,
/// blank error cells, unpadded trailing name, "100.00" total).</summary>
public class SummaryTableTests
{
    private static int Nr(string name) => SyscallTable.ByName(name)!.Number;

    private static SummaryTable Sample()
    {
        var t = new SummaryTable();
        t.Record(Nr("openat"), 1000, failed: true);
        t.Record(Nr("read"), 100_000, failed: false);
        t.Record(Nr("execve"), 1_234_567, failed: false);
        t.Record(Nr("read"), 200_000, failed: false);
        t.Record(Nr("openat"), 2600, failed: false);
        t.Record(Nr("read"), 300_000, failed: false);
        return t;
    }

    private static string Text(SummaryTable t, SummarySort sort, params string[] columns)
    {
        var w = new StringWriter();
        t.Write(w, sort, columns);
        return w.ToString();
    }

    [Fact]
    public void Default_columns_sorted_by_time()
    {
        Assert.Equal("""
            % time     seconds  usecs/call     calls    errors syscall
            ------ ----------- ----------- --------- --------- ----------------
             67.16    0.001235        1234         1           execve
             32.64    0.000600         200         3           read
              0.20    0.000004           1         2         1 openat
            ------ ----------- ----------- --------- --------- ----------------
            100.00    0.001838         306         6         1 total

            """.ReplaceLineEndings("\n"), Text(Sample(), SummarySort.Time));
    }

    [Fact]
    public void Every_column_with_name_first_and_sorted_by_calls()
    {
        Assert.Equal("""
            syscall          % time     seconds shortest  longest  usecs/call     calls    errors
            ---------------- ------ ----------- -------- -------- ----------- --------- ---------
            read              32.64    0.000600 0.000100 0.000300         200         3          
            openat             0.20    0.000004 0.000001 0.000003           1         2         1
            execve            67.16    0.001235 0.001235 0.001235        1234         1          
            ---------------- ------ ----------- -------- -------- ----------- --------- ---------
            total            100.00    0.001838 0.000001 0.001235         306         6         1

            """.ReplaceLineEndings("\n"),
            Text(Sample(), SummarySort.Calls, "syscall", "time", "total-time", "shortest", "longest", "avg_time", "count", "error"));
    }

    [Fact]
    public void Name_is_added_last_when_missing()
    {
        Assert.Equal("""
               errors syscall
            --------- ----------------
                    1 openat
                      read
                      execve
            --------- ----------------
                    1 total

            """.ReplaceLineEndings("\n"), Text(Sample(), SummarySort.Errors, "errors"));
    }

    [Theory]
    [InlineData(SummarySort.Name, "execve,openat,read")]
    [InlineData(SummarySort.Nothing, "read,execve,openat")]
    [InlineData(SummarySort.MinTime, "execve,read,openat")]
    [InlineData(SummarySort.MaxTime, "execve,read,openat")]
    [InlineData(SummarySort.AvgTime, "execve,read,openat")]
    public void Sort_orders(SummarySort sort, string order)
    {
        var rows = Text(Sample(), sort, "name").Split('\n').Skip(2).Take(3);
        Assert.Equal(order, string.Join(',', rows));
    }

    [Fact]
    public void Ties_keep_syscall_number_order_and_nothing_is_printed_without_calls()
    {
        var t = new SummaryTable();
        foreach (var n in new[] { "close", "write", "read" }) t.Record(Nr(n), 0, false);
        Assert.Equal("read,write,close", string.Join(',', Text(t, SummarySort.Calls, "name").Split('\n').Skip(2).Take(3)));
        Assert.Equal("", Text(new SummaryTable(), SummarySort.Time));
    }

    [Fact]
    public void Numbers_past_the_table_are_named_as_strace_names_them()
    {
        var t = new SummaryTable();
        t.Record(999, 0, true);
        Assert.Contains("syscall_0x3e7", Text(t, SummarySort.Time));
    }

    [Fact]
    public void Stream_output_is_the_same_text()
    {
        var ms = new MemoryStream();
        Sample().Write(ms, SummarySort.Time, []);
        Assert.Equal(Text(Sample(), SummarySort.Time), System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Theory]
    [InlineData("calls,count,errors", "call summary column has been provided more than once: 'count' (-U option residual: 'count,errors')")]
    [InlineData("bogus", "unknown column name: 'bogus'")]
    [InlineData("CALLS", "unknown column name: 'CALLS'")]
    [InlineData("calls,", "unknown column name: ''")]
    public void Column_errors_use_straces_words(string text, string message) =>
        Assert.Equal(message, Assert.Throws<Syscope.UserError>(() => SummaryColumns.Parse(text)).Message);

    [Fact]
    public void Sort_names_and_aliases()
    {
        Assert.Equal(SummarySort.Time, SummaryColumns.ParseSort("time_total"));
        Assert.Equal(SummarySort.Name, SummaryColumns.ParseSort("syscall-name"));
        Assert.Equal(SummarySort.Nothing, SummaryColumns.ParseSort("none"));
        Assert.Equal(SummarySort.MaxTime, SummaryColumns.ParseSort("longest"));
        Assert.Equal("invalid sortby: 'CALLS'", Assert.Throws<Syscope.UserError>(() => SummaryColumns.ParseSort("CALLS")).Message);
    }

    /// <summary>strace's own counts for `ls /` fed into our table must print as strace prints them,
    /// in each sort order (counts only: strace's timings cannot be replayed exactly).</summary>
    [NeedsTheory("strace")]
    [InlineData("calls", SummarySort.Calls)]
    [InlineData("name", SummarySort.Name)]
    [InlineData("errors", SummarySort.Errors)]
    [InlineData("nothing", SummarySort.Nothing)]
    public void Counts_from_strace_print_as_strace_prints_them(string straceSort, SummarySort sort)
    {
        string[] Table(string by)
        {
            string file = CPrograms.TempFile("summary");
            Runner.Run("strace", ["-c", "-U", "calls,errors,name", "-S", by, "-o", file, "ls", "/"]);
            string[] lines = File.ReadAllLines(file);
            File.Delete(file);
            return lines;
        }
        var table = new SummaryTable();
        foreach (string row in Table("nothing").Skip(2).TakeWhile(l => !l.StartsWith('-')))
        {
            long calls = long.Parse(row[..9]), errors = row[10..19].Trim() is { Length: > 0 } e ? long.Parse(e) : 0;
            for (long i = 0; i < calls; i++) table.Record(Nr(row[20..]), 0, failed: i < errors);
        }
        var ours = new StringWriter();
        table.Write(ours, sort, ["calls", "errors", "name"]);
        Assert.Equal(string.Join('\n', Table(straceSort)) + "\n", ours.ToString());
    }
}
