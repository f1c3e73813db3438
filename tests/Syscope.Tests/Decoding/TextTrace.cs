using Syscope.Calls;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Output;
using Syscope.Tracing;

namespace Syscope.Tests.Decoding;

/// <summary>strace's text output fed by hand, as a backend would feed it: tests put events in
/// and read lines out of the TraceOutput.  Descriptor facts are live (/proc) unless given.</summary>
internal sealed class TextTrace : ITraceConsumer
{
    private readonly CallAssembler _assembler;

    public TextTrace(TraceOutput output, StraceOptions? options = null, IFdPaths? fds = null)
    {
        options ??= new StraceOptions();
        var facts = Facts(fds);
        _assembler = new CallAssembler(options.Filter, options.Decode, facts, new StraceFormatter(options, output, TextWriter.Null, facts.Host));
    }

    public static TraceFacts Facts(IFdPaths? fds = null) => new(fds ?? LiveFdPaths.Instance, LiveHostFacts.Instance);

    /// <summary>A process under trace from the start, as a launched command is.</summary>
    public void Start(int tid)
    {
        var e = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = tid, Tgid = tid, ThreadCount = 1 };
        OnEvent(ref e, NoMemory.Instance);
    }

    public void OnEvent(ref TraceEvent e, ITraceeMemory memory) => _assembler.OnEvent(ref e, memory);

    public void Complete() => _assembler.Complete();

    private sealed class NoMemory : ITraceeMemory
    {
        public static readonly NoMemory Instance = new();

        public int Read(ulong address, Span<byte> destination) => 0;
    }
}
