using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Filtering;
using Syscope.Kernel;

namespace Syscope.Recording;

/// <summary>
/// A recording as OpenTelemetry spans in OTLP/JSON (the JSON mapping of ExportTraceServiceRequest,
/// which an OpenTelemetry collector's otlpjson receiver, Jaeger and Tempo import): one resource per
/// process (service.name = its comm, process.pid), one span per call that returned and took at
/// least the threshold, named by the syscall, with strace's rendering of its arguments, its result
/// and errno as attributes and an error status when it failed.  All spans of a run share one trace
/// id, and each is a root (a call has no parent call).  Times are Unix
/// nanoseconds, as strings (OTLP's JSON mapping of a 64-bit integer).
/// </summary>
internal sealed class OtlpExport : ITraceRenderer
{
    private readonly long _minNs;
    private readonly RecordingReader _reader;
    private readonly string _traceId;
    /// <summary>Spans per process (tgid), in the order written.</summary>
    private readonly Dictionary<int, List<Span>> _spans = [];
    private readonly HashSet<string> _usedIds = [];

    private readonly record struct Span(string Id, string Name, int Tid, long StartNs, long EndNs, string Args, long Retval, int Errno);

    private OtlpExport(RecordingReader reader, long minNs)
    {
        _reader = reader;
        _minNs = minNs;
        _traceId = NewId(16);
    }

    /// <summary>Writes the spans of every call of at least minNs; returns how many.</summary>
    public static long Write(RecordingReader reader, Stream output, DecodeOptions options, long minNs)
    {
        var export = new OtlpExport(reader, minNs);
        var assembler = new CallAssembler(new TraceFilter(), options, reader.Facts, export);
        while (reader.Next(out var e)) assembler.OnEvent(ref e, reader.Memory);
        assembler.Complete();
        using var json = new Utf8JsonWriter(output);
        return export.WriteRequest(json);
    }

    /// <summary>A call that returned (exit and exit_group never do: they have no duration).</summary>
    public void Completed(AssembledCall call)
    {
        if (!call.HasReturn || call.ExitTimeNs - call.EntryTimeNs < _minNs) return;
        if (!_spans.TryGetValue(call.Tgid, out var list)) _spans[call.Tgid] = list = [];
        var host = _reader.Facts.Host.WallClock;
        list.Add(new Span(NewId(8), call.Syscall.Name, call.Tid, host.UnixNanos(call.EntryTimeNs), host.UnixNanos(call.ExitTimeNs),
            Encoding.UTF8.GetString(call.EntryText) + Encoding.UTF8.GetString(call.ExitText), call.ReturnValue, call.Errno));
    }

    private long WriteRequest(Utf8JsonWriter j)
    {
        long count = 0;
        j.WriteStartObject();
        j.WriteStartArray("resourceSpans");
        foreach (var (tgid, spans) in _spans)
        {
            j.WriteStartObject();
            j.WriteStartObject("resource");
            j.WriteStartArray("attributes");
            string comm = Encoding.UTF8.GetString(_reader.CommOf(tgid));
            StringAttribute(j, "service.name", comm.Length > 0 ? comm : $"pid {tgid}");
            IntAttribute(j, "process.pid", tgid);
            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteStartArray("scopeSpans");
            j.WriteStartObject();
            j.WriteStartObject("scope");
            j.WriteString("name", "syscope");
            j.WriteEndObject();
            j.WriteStartArray("spans");
            foreach (var s in spans) { WriteSpan(j, s); count++; }
            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteEndArray();
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
        j.Flush();
        return count;
    }

    private void WriteSpan(Utf8JsonWriter j, Span s)
    {
        j.WriteStartObject();
        j.WriteString("traceId", _traceId);
        j.WriteString("spanId", s.Id);
        j.WriteString("name", s.Name);
        // SPAN_KIND_INTERNAL: work inside the process, neither a server nor a client request.
        j.WriteNumber("kind", 1);
        j.WriteString("startTimeUnixNano", s.StartNs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        j.WriteString("endTimeUnixNano", s.EndNs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        j.WriteStartArray("attributes");
        IntAttribute(j, "thread.id", s.Tid);
        StringAttribute(j, "syscall.args", s.Args);
        IntAttribute(j, "syscall.retval", s.Errno != 0 ? -1 : s.Retval);
        if (s.Errno != 0) StringAttribute(j, "syscall.errno", Errno.Name(s.Errno));
        j.WriteEndArray();
        j.WriteStartObject("status");
        // STATUS_CODE_ERROR for a failed call, STATUS_CODE_UNSET otherwise (OpenTelemetry's advice
        // for operations that did not fail).
        if (s.Errno != 0)
        {
            j.WriteNumber("code", 2);
            j.WriteString("message", $"{Errno.Name(s.Errno)} ({Errno.Message(s.Errno)})");
        }
        j.WriteEndObject();
        j.WriteEndObject();
    }

    private static void StringAttribute(Utf8JsonWriter j, string key, string value) => Attribute(j, key, "stringValue", value);

    /// <summary>OTLP's JSON mapping writes a 64-bit intValue as a decimal string.</summary>
    private static void IntAttribute(Utf8JsonWriter j, string key, long value) =>
        Attribute(j, key, "intValue", value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void Attribute(Utf8JsonWriter j, string key, string kind, string value)
    {
        j.WriteStartObject();
        j.WriteString("key", key);
        j.WriteStartObject("value");
        j.WriteString(kind, value);
        j.WriteEndObject();
        j.WriteEndObject();
    }

    /// <summary>A random id of n bytes as lowercase hex, never all zero (invalid in OTLP) nor repeated.</summary>
    private string NewId(int n)
    {
        Span<byte> bytes = stackalloc byte[16];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes[..n]);
            string id = Convert.ToHexStringLower(bytes[..n]);
            if (bytes[..n].ContainsAnyExcept((byte)0) && _usedIds.Add(id)) return id;
        }
    }
}
