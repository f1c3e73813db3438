using System.Text;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tests.Decoding;
using Xunit;

namespace Syscope.Tests.Output;

/// <summary>--json's typed composites (arrays of structures with strings, signal sets, joined
/// constants, in => out values) cost no allocation per call once the reused buffers have grown,
/// like the text path.</summary>
public class JsonAllocationTests
{
    [Fact]
    public void Typed_arrays_signal_sets_and_structures_allocate_nothing_per_call()
    {
        var m = new FakeMemory();
        ulong set = m.Longs(~(1L << 1));
        ulong iov = m.Longs((long)m.Str("ab"), 2, (long)m.Str("cde"), 3);
        ulong pair = m.Ints(3, 4);
        ulong limit = m.Longs(256, 8192);
        ulong len = m.Ints(16);
        ulong addr = m.Put([2, 0, 0, 80, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        var sink = new MemoryStream(1 << 22);   // room for every line: its growth is not the formatter's
        using var output = new TraceOutput(sink, false);
        var facts = TextTrace.Facts(new FakeFds([]));
        var options = new StraceOptions();
        var json = new CallAssembler(options.Filter, options.Decode, facts, new JsonFormatter(output, TextWriter.Null, facts.Host));
        var e = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = 100, Tgid = 100, ThreadCount = 1 };
        json.OnEvent(ref e, m);
        e = new TraceEvent { Tid = 100, Tgid = 100, InterruptedSyscall = -1 };
        void Call(int nr, ulong a0, ulong a1, ulong a2, ulong a3, long ret) => CallEvents.Call(json, ref e, m, nr, ret, a0, a1, a2, a3);
        void Calls()
        {
            Call(Sys.rt_sigprocmask, 2, set, 0, 8, 0);
            Call(Sys.writev, 4, iov, 2, 0, 5);
            Call(Sys.pipe2, pair, 0x80000, 0, 0, 0);
            Call(Sys.prlimit64, 0, 7, limit, 0, 0);
            Call(Sys.socket, 2, 0x80001, 0, 0, 7);
            Call(Sys.getsockname, 7, addr, len, 0, 0);
        }
        Assert.Equal(0, CallEvents.AllocatedAfterWarmUp(Calls));
        json.Complete();
        var lines = Encoding.UTF8.GetString(sink.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(606, lines.Length);
        Assert.Contains("""{"name":"nset","type":"sigset","value":["SIGINT"],"complement":true,"number":18446744073709551613,"text":"~[INT]"}""", lines[0]);
        Assert.Contains("""{"type":"struct","value":{"iov_base":{"type":"string","value":"cde","truncated":false,"text":"\"cde\""},"iov_len":{"type":"int","value":3,"text":"3"}},"text":"{iov_base=\"cde\", iov_len=3}"}""", lines[1]);
        Assert.Contains("""{"name":"fildes","type":"array","value":[{"type":"fd","value":3,"text":"3"},{"type":"fd","value":4,"text":"4"}],"text":"[3, 4]"}""", lines[2]);
        Assert.Contains("""{"name":"type","type":"flags","value":["SOCK_STREAM","SOCK_CLOEXEC"],"number":524289,"text":"SOCK_STREAM|SOCK_CLOEXEC"}""", lines[4]);
    }

    /// <summary>Netlink messages (headers, bodies, attributes, nested and indexed arrays) are
    /// typed without allocating either.</summary>
    [Fact]
    public void Typed_netlink_messages_allocate_nothing_per_call()
    {
        var m = new FakeMemory();
        byte[] rule = NetlinkSockets.Message(32, 2, [2, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0, 8, 0, 15, 0, 254, 0, 0, 0, 5, 0, 21, 0, 2, 0, 0, 0]);
        byte[] inet6 = NetlinkSockets.Message(16, 0, [10, 0, 4, 3, .. new byte[12], 28, 0, 12, 0x80, 8, 0, 1, 0, 16, 0, 0, 0x80,
            16, 0, 2, 0, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
        ulong a = m.Put(rule), b = m.Put(inet6);
        var sink = new MemoryStream(1 << 22);
        using var output = new TraceOutput(sink, false);
        var facts = TextTrace.Facts(new NetlinkSockets((3, 0)));
        var options = new StraceOptions();
        var json = new CallAssembler(options.Filter, options.Decode, facts, new JsonFormatter(output, TextWriter.Null, facts.Host));
        var e = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = 100, Tgid = 100, ThreadCount = 1 };
        json.OnEvent(ref e, m);
        e = new TraceEvent { Tid = 100, Tgid = 100, InterruptedSyscall = -1 };
        void Calls()
        {
            CallEvents.Call(json, ref e, m, Sys.sendto, rule.Length, 3, a, (ulong)rule.Length, 0, 0, 0);
            CallEvents.Call(json, ref e, m, Sys.sendto, inet6.Length, 3, b, (ulong)inet6.Length, 0, 0, 0);
        }
        Assert.Equal(0, CallEvents.AllocatedAfterWarmUp(Calls));
        json.Complete();
        string first = Encoding.UTF8.GetString(sink.ToArray()).Split('\n')[0];
        Assert.Contains("""{"type":"struct","value":{"nla_len":{"type":"int","value":5,"text":"5"},"nla_type":{"type":"const","value":"FRA_PROTOCOL","number":21,"text":"FRA_PROTOCOL"}},"text":"{nla_len=5, nla_type=FRA_PROTOCOL}"},{"type":"const","value":"RTPROT_KERNEL","number":2,"text":"RTPROT_KERNEL"}""", first);
        Assert.DoesNotContain("\"raw\"", first);
    }
}
