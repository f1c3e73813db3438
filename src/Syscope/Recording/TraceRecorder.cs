using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;

namespace Syscope.Recording;

/// <summary>
/// The consumer a backend feeds while recording.  Each event goes to the capture pipeline (a
/// call assembler decoding every call with -v -yy and -s of the capture limit, printing nothing,
/// so that what any later option set would read is read now) and to the live pipeline if the
/// trace is also shown (`trace --record`), both reading through one <see cref="RecordingMemory"/>
/// and one <see cref="RecordingFacts"/>; then the bytes they read and the event are written.
/// Nothing is allocated per event once the buffers have grown.
/// </summary>
internal sealed class TraceRecorder : ITraceConsumer
{
    private readonly RecordingWriter _writer;
    private readonly RecordingMemory _memory = new();
    private readonly CallAssembler _capture;
    private readonly ITraceConsumer? _live;
    private readonly RecordingFacts _facts;

    /// <param name="facts">The facts both pipelines ask (the live ones, written down).</param>
    /// <param name="live">The trace shown meanwhile, made with facts.Facts; null for none.</param>
    public TraceRecorder(RecordingWriter writer, RecordingFacts facts, int captureLimit, ITraceConsumer? live)
    {
        _writer = writer;
        _facts = facts;
        _live = live;
        // KvmExits: kvm_run is read (and so recorded) at every KVM_RUN, for a replay with -e kvm=vcpu.
        var options = new DecodeOptions { StringLimit = captureLimit, Verbose = true, FdPaths = FdDecoding.All, KvmExits = true };
        _capture = new CallAssembler(new TraceFilter(), options, facts.Facts, new CaptureOnly());
    }

    public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
    {
        var recorded = e;
        _memory.Inner = memory;
        _memory.Copy.Clear();
        _facts.Settle(in e);
        var copy = e;
        _capture.OnEvent(ref copy, _memory);
        _live?.OnEvent(ref e, _memory);
        // Names for the tracks of an export: a thread is named when it appears and when it execs.
        if (recorded.Kind == TraceEventKind.Attached
            || recorded.Kind == TraceEventKind.SyscallExit && recorded.ReturnValue == 0 && recorded.SyscallNumber is Syscalls.Sys.execve or Syscalls.Sys.execveat)
            _facts.NoteProcessName(recorded.Tid);
        var snapshot = _memory.Copy;
        for (int i = 0; i < snapshot.RegionCount; i++) _writer.Memory(snapshot.RegionAddress(i), snapshot.RegionBytes(i));
        for (int i = 0; i < snapshot.EndCount; i++) _writer.Memory(snapshot.EndAddress(i), default);
        if (recorded.Stack != null) _writer.Stack(recorded.Stack);
        _writer.Event(in recorded);
    }

    public void Complete()
    {
        _capture.Complete();
        _live?.Complete();
        _writer.Flush();
    }

    /// <summary>Wants the text decoded, and shows none of it.</summary>
    private sealed class CaptureOnly : ITraceRenderer;
}
