using System.Text;
using System.Text.Json;
using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Recording;

/// <summary>What an export wrote.</summary>
internal readonly record struct ExportCounts(long Calls, long Signals, long Flows, long Counters, long Threads);

/// <summary>
/// A recording as Chrome trace-event JSON (what ui.perfetto.dev and chrome://tracing open): a
/// process track per tgid and a thread track per tid, named by comm ("M" metadata); one complete
/// slice ("X") per call, entry to exit (to the cut for a call that never returned), named by the
/// syscall with strace's rendering of its arguments and result in args; an instant ("i") per
/// signal; a flow ("s" in the parent's fork/clone, "f" at the child's first call); a counter ("C")
/// per process of the descriptors it opened during the trace and has not closed.  Times are
/// microseconds from the first event.  Calls are decoded by the same CallAssembler as `replay`.
/// </summary>
internal sealed class PerfettoExport : ITraceRenderer
{
    private readonly Utf8JsonWriter _json;
    private readonly RecordingReader _reader;
    private readonly Dictionary<int, int> _tgidOf = [];
    private readonly Dictionary<int, long> _flowInto = [];
    private readonly Dictionary<int, long> _openFds = [];
    /// <summary>Per thread, its last fork-family call (entry time, result); and children whose
    /// arrow waits for their parent's fork-family call to complete.</summary>
    private readonly Dictionary<int, (long EntryNs, long Child)> _lastFork = [];
    private readonly Dictionary<int, List<(int Child, long Flow)>> _waitingForFork = [];
    private long _origin = long.MinValue;
    private long _calls, _signals, _flows, _counters, _nextFlow = 1;

    private PerfettoExport(Stream output, RecordingReader reader)
    {
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = false });
        _reader = reader;
    }

    /// <summary>Writes the whole recording; options choose how arguments are decoded (-s, -y...).</summary>
    public static ExportCounts Write(RecordingReader reader, Stream output, DecodeOptions options)
    {
        var export = new PerfettoExport(output, reader);
        export._json.WriteStartObject();
        export._json.WriteString("displayTimeUnit", "ns");
        export._json.WritePropertyName("traceEvents");
        export._json.WriteStartArray();
        var assembler = new CallAssembler(new TraceFilter(), options, reader.Facts, export);
        while (reader.Next(out var e))
        {
            if (export._origin == long.MinValue && e.TimeNs != 0) export._origin = e.TimeNs;
            export._tgidOf[e.Tid] = e.Tgid;
            assembler.OnEvent(ref e, reader.Memory);
        }
        assembler.Complete();
        export.Names();
        export._json.WriteEndArray();
        export._json.WriteEndObject();
        export._json.Flush();
        return new ExportCounts(export._calls, export._signals, export._flows, export._counters, export._tgidOf.Count);
    }

    private double Micros(long ns) => (ns - (_origin == long.MinValue ? ns : _origin)) / 1000.0;

    private void Begin(string phase, string name, int tid, long ns)
    {
        _json.WriteStartObject();
        _json.WriteString("ph", phase);
        _json.WriteString("name", name);
        _json.WriteNumber("pid", _tgidOf.GetValueOrDefault(tid, tid));
        _json.WriteNumber("tid", tid);
        _json.WriteNumber("ts", Math.Round(Micros(ns), 3));
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    // exit and exit_group complete at their entry: a slice of no length.
    public void Completed(AssembledCall call) => Slice(call, Math.Max(call.ExitTimeNs, call.EntryTimeNs), null);

    public void Unfinished(AssembledCall call, CallCut cut, long nowNs) =>
        Slice(call, Math.Max(nowNs, call.EntryTimeNs), cut switch { CallCut.Exited => "exited", CallCut.Detached => "detached", _ => "superseded" });

    private void Slice(AssembledCall call, long endNs, string? cut)
    {
        _tgidOf.TryAdd(call.Tid, call.Tgid);
        Begin("X", call.Syscall.Name, call.Tid, call.EntryTimeNs);
        _json.WriteString("cat", "syscall");
        _json.WriteNumber("dur", Math.Round((endNs - call.EntryTimeNs) / 1000.0, 3));
        _json.WriteStartObject("args");
        _json.WriteString("args", Text(call.EntryText) + Text(call.ExitText));
        if (call.HasReturn)
        {
            _json.WriteNumber("retval", call.Failed ? -1 : call.ReturnValue);
            if (call.Failed) _json.WriteString("errno", Errno.Name(call.Errno));
        }
        if (cut != null) _json.WriteString("unfinished", cut);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _calls++;
        if (_flowInto.Remove(call.Tid, out long flow))
        {
            Begin("f", "fork", call.Tid, call.EntryTimeNs);
            _json.WriteString("cat", "fork");
            _json.WriteNumber("id", flow);
            _json.WriteString("bp", "e");
            _json.WriteEndObject();
        }
        if (call.HasReturn && !call.Failed) OpenFds(call);
        if (call.Number is Sys.clone or Sys.clone3 or Sys.fork or Sys.vfork && call.HasReturn)
        {
            _lastFork[call.Tid] = (call.EntryTimeNs, call.ReturnValue);
            if (_waitingForFork.Remove(call.Tid, out var children))
                foreach (var (_, waiting) in children) FlowStart(call.Tid, call.EntryTimeNs, waiting);
        }
    }

    private void FlowStart(int parent, long ns, long flow)
    {
        Begin("s", "fork", parent, ns);
        _json.WriteString("cat", "fork");
        _json.WriteNumber("id", flow);
        _json.WriteEndObject();
    }

    /// <summary>Descriptors a process opened during the trace and still holds, after each call that changes them.</summary>
    private void OpenFds(AssembledCall call)
    {
        int change = call.Number switch
        {
            Sys.close => -1,
            Sys.pipe or Sys.pipe2 or Sys.socketpair => 2,
            _ => call.ReturnFormat == ReturnFormat.Fd ? 1 : 0,
        };
        if (change == 0) return;
        long open = _openFds[call.Tgid] = _openFds.GetValueOrDefault(call.Tgid) + change;
        _json.WriteStartObject();
        _json.WriteString("ph", "C");
        _json.WriteString("name", "open fds");
        _json.WriteNumber("pid", call.Tgid);
        _json.WriteNumber("ts", Math.Round(Micros(call.ExitTimeNs), 3));
        _json.WriteStartObject("args");
        _json.WriteNumber("opened and not closed", open);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _counters++;
    }

    public void Signal(in TraceEvent e)
    {
        Begin("i", SignalNames.Name(e.Signal), e.Tid, e.TimeNs);
        _json.WriteString("cat", "signal");
        _json.WriteString("s", "t");
        _json.WriteEndObject();
        _signals++;
    }

    public void Attached(in TraceEvent e)
    {
        // A followed child: the arrow starts inside the parent's fork/clone, which may have returned
        // already or be under way (then it starts when that call's slice is written).
        if (e.AttachKind != AttachKind.Followed || e.RelatedTid <= 0) return;
        long flow = _nextFlow++;
        if (_lastFork.TryGetValue(e.RelatedTid, out var fork) && fork.Child == e.Tid) FlowStart(e.RelatedTid, fork.EntryNs, flow);
        else
        {
            if (!_waitingForFork.TryGetValue(e.RelatedTid, out var list)) _waitingForFork[e.RelatedTid] = list = [];
            list.Add((e.Tid, flow));
        }
        _flowInto[e.Tid] = flow;
        _flows++;
    }

    /// <summary>Track names: each process and thread by its last comm.</summary>
    private void Names()
    {
        foreach (var (tid, tgid) in _tgidOf)
        {
            string name = Text(_reader.CommOf(tid));
            if (tid == tgid) Metadata("process_name", tid, tid, name.Length > 0 ? name : $"pid {tid}");
            Metadata("thread_name", tgid, tid, name.Length > 0 ? $"{name} {tid}" : $"tid {tid}");
        }
    }

    private void Metadata(string kind, int pid, int tid, string name)
    {
        _json.WriteStartObject();
        _json.WriteString("ph", "M");
        _json.WriteString("name", kind);
        _json.WriteNumber("pid", pid);
        _json.WriteNumber("tid", tid);
        _json.WriteStartObject("args");
        _json.WriteString("name", name);
        _json.WriteEndObject();
        _json.WriteEndObject();
    }
}
