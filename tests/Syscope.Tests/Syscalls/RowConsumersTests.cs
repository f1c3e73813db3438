using System.Text;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tests.Decoding;

namespace Syscope.Tests.Syscalls;

/// <summary>What reads a call's row per event (decoder lookup, the generic decoder's formats, -P and
/// trace-fds by role) allocates nothing once the reused buffers have grown.</summary>
public class RowConsumersTests
{
    [Fact]
    public void Generic_decoding_and_path_and_fd_selection_allocate_nothing_per_call()
    {
        var m = new FakeMemory();
        ulong path = m.Put(Encoding.ASCII.GetBytes("/etc/hostname\0"));
        ulong list = m.Put(Encoding.ASCII.GetBytes("user.a\0user.b\0"));
        var sink = new MemoryStream();
        using var output = new TraceOutput(sink, false);
        var filter = new TraceFilter { Paths = ["/etc/hostname"], TraceFds = new HashSet<int> { 7 } };
        var f = new TextTrace(output, new StraceOptions { Filter = filter }, new FakeFds([]));
        f.Start(100);
        var e = new TraceEvent { Tid = 100, InterruptedSyscall = -1 };
        void Call(int nr, ulong a0, ulong a1, ulong a2, long ret) => CallEvents.Call(f, ref e, m, nr, ret, a0, a1, a2);
        void Calls()
        {
            Call(Sys.lchown, path, 1000, 1000, 0);        // generic, selected by its path
            Call(Sys.flistxattr, 7, list, 64, 14);        // generic, selected by its descriptor
            Call(Sys.fchown, 3, 0, 0, 0);                  // left out
        }
        Assert.Equal(0, CallEvents.AllocatedAfterWarmUp(Calls));
        f.Complete();
        var lines = Encoding.UTF8.GetString(sink.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(202, lines.Length);
        Assert.Matches(@"^lchown\(""/etc/hostname"", 1000, 1000\) +=  ?0$", lines[0]);
        // The list is an out:buf[ret] role: printed as strace 6.1 prints it (it was an address).
        Assert.Matches(@"^flistxattr\(7, ""user\.a\\0user\.b\\0"", 64\) += 14$", lines[1]);
    }
}
