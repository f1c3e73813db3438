using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// The odd arguments strace 6.1's own test suite gives poll, select, process_vm_readv, wait4,
/// waitid and a few dozen other calls (Programs/oddargs.c): every line strace prints, syscope must
/// print the same, in each -X style, with -v, with a data dump, and with -P selecting the calls
/// whose fd sets and pollfd arrays name /dev/null.
/// </summary>
public class OddArgumentsTests(ITestOutputHelper output)
{
    public static TheoryData<string> OptionSets => new() { "", "-X raw", "-X verbose", "-v", "-e write=all", "-P /dev/null" };

    private const string Calls = "trace=poll,ppoll,select,pselect6,process_vm_readv,process_vm_writev,writev,wait4,waitid," +
        "unshare,setns,pidfd_getfd,pidfd_send_signal,process_mrelease,setgroups,shmget,semop,swapon,sync_file_range," +
        "userfaultfd,pkey_alloc,pkey_mprotect,request_key,open_tree,openat,rt_sigpending,timer_create,timerfd_gettime," +
        "utime,utimes,vmsplice,set_mempolicy,sendfile";

    /// <summary>process_vm_readv/writev name this process's pid, which changes between the runs.</summary>
    private static string Mask(string line) =>
        System.Text.RegularExpressions.Regex.Replace(Masking.Line(line), @"^(process_vm_\w+)\(\d+", "$1(PID");

    [NeedsTheory("gcc", "strace")]
    [MemberData(nameof(OptionSets))]
    public void Syscope_prints_the_lines_strace_prints(string options) =>
        // -P keeps the calls on /dev/null: its open, two polls, a ppoll and a select.
        StraceComparison.AssertSameLines(output, "oddargs", [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-e", Calls],
            Mask, options.StartsWith("-P") ? 5 : 55);
}
