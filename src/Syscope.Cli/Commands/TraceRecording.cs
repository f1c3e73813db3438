using Syscope.Calls;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Output;
using Syscope.Recording;
using Syscope.Tracing;

namespace Syscope.Cli.Commands;

/// <summary>A recording made during a trace (`record -o FILE`, `trace --record FILE`): opens the
/// file, puts the recorder between the backend and the trace shown (if any), ends the file.
/// seesEveryCall: the backend reports every call (no trace set narrower than all), so the recorder
/// sees each one that could change what a descriptor names.</summary>
internal sealed class TraceRecording(string path, RecordingHeader header, bool showsTrace, bool seesEveryCall) : IDisposable
{
    /// <summary>Bytes of each string or buffer kept at least, whatever -s says.</summary>
    public const int DefaultCapture = 256;

    private RecordingWriter? _writer;
    private RecordingFacts? _facts;
    private TraceOutcome? _outcome;

    public bool ShowsTrace => showsTrace;

    /// <summary>Creates the file and writes its header; the facts the trace shown must ask.</summary>
    public TraceFacts Start(ITraceBackend backend, Action<string, int> failed)
    {
        var file = Descriptors.CreateForWriting(path, out int errno)
            ?? throw new UserError($"{path}: {Errno.Message(errno)}");
        // Read the wall clock now, so that the trace shown and the recording share one anchor.
        bool ebpf = backend is Tracing.Ebpf.EbpfBackend;
        var full = header with { WallClock = backend.Facts.Host.WallClock, Backend = ebpf ? "ebpf" : "ptrace" };
        _writer = new RecordingWriter(new DescriptorStream(file, path, failed), path, full);
        // eBPF's tracees run on while their events are read: nothing is settled between two events.
        _facts = new RecordingFacts(backend.Facts, _writer, reuseSettled: !ebpf && seesEveryCall);
        return _facts.Facts;
    }

    public ITraceConsumer Consumer(ITraceConsumer? live) => new TraceRecorder(_writer!, _facts!, header.CaptureLimit, live);

    public void End(TraceOutcome outcome) => _outcome = outcome;

    public void Dispose()
    {
        if (_writer == null) return;
        if (_outcome is { } o) _writer.End(o);
        _writer.Dispose();
    }

    /// <summary>What has been written so far, for a progress display (read from another thread).</summary>
    public string Written => _writer == null ? "" : $"{_writer.Events:N0} events, {_writer.BytesWritten / 1e6:0.0} MB in {Text.UntrustedText.Escape(path)}";

    /// <summary>`record` says what it wrote (the trace itself is not shown).</summary>
    public void Report(TextWriter stderr)
    {
        if (_writer?.Failure is { } failure) stderr.WriteLine($"syscope: {failure}");
        if (!showsTrace && _writer != null)
            stderr.WriteLine($"syscope: recorded {_writer.Events} events in {Text.UntrustedText.Escape(path)} ({_writer.BytesWritten} bytes)");
    }
}
