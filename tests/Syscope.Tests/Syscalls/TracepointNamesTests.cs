using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Syscalls;

/// <summary>Each row names its tracefs events (the eBPF backend attaches to them for a small -e
/// trace= set): the running kernel has exactly those, under the SYSCALL_DEFINE name where it differs
/// from the table's.</summary>
public class TracepointNamesTests
{
    private const string Events = "/sys/kernel/tracing/events/syscalls";

    [Fact]
    public void Rows_whose_definition_has_another_name_carry_it()
    {
        Assert.Equal("newstat", SyscallTable.ByNumber(Sys.stat)!.Tracepoint);
        Assert.Equal("sendfile64", SyscallTable.ByNumber(Sys.sendfile)!.Tracepoint);
        Assert.Equal("umount", SyscallTable.ByNumber(Sys.umount2)!.Tracepoint);
        Assert.Equal("openat", SyscallTable.ByNumber(Sys.openat)!.Tracepoint);
        Assert.Null(SyscallTable.ByNumber(Sys.uselib)!.Tracepoint);   // no metadata, no events
    }

    [NeedsFact("tracefs")]
    public void Every_named_tracepoint_exists_in_this_kernels_tracefs()
    {
        var missing = SyscallTable.All.Where(r => r.Tracepoint is { } t && !(Directory.Exists($"{Events}/sys_enter_{t}") && Directory.Exists($"{Events}/sys_exit_{t}")))
            .Select(r => $"{r.Name} ({r.Tracepoint})").ToList();
        Assert.Empty(missing);
        // And no row without a name has events of its own name on this kernel.
        Assert.Empty(SyscallTable.All.Where(r => r.Tracepoint == null && Directory.Exists($"{Events}/sys_enter_{r.Name}")).Select(r => r.Name));
    }
}
