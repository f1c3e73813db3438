using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Tracing;

namespace Syscope.Recording;

/// <summary>
/// Reads a recording back, event by event, as the backend reported them: <see cref="Next"/> gives
/// each <see cref="TraceEvent"/> with <see cref="Memory"/> holding the bytes decoders read while it
/// was handled and <see cref="Facts"/> answering as the live system did then, so the same
/// CallAssembler decodes it again with any options (<see cref="Replay"/> does exactly that).  A
/// file cut short or damaged reads up to its last whole block; <see cref="Problem"/> then says so
/// in plain words.  Memory is constant: one block and one event's memory at a time.
/// </summary>
internal sealed class RecordingReader : IDisposable
{
    private readonly Stream _in;
    private readonly string _name;
    private readonly EventCodec _codec = new();
    private readonly StackCodec _stackCodec = new();
    /// <summary>The Stack record read before the next event, and each thread's stack object (as a
    /// backend keeps one per thread: an output may hold it until the thread's call completes).</summary>
    private readonly StackTrace _stackRead = new();
    private bool _stackPending;
    private readonly Dictionary<int, StackTrace> _stacks = [];
    private readonly ReplayFacts _facts;
    private byte[] _block = new byte[RecordFormat.BlockTarget * 2];
    private int _blockLength, _position;
    private bool _finished;

    public RecordingHeader Header { get; }
    public SnapshotMemory Memory { get; } = new();
    public TraceFacts Facts { get; }
    /// <summary>How the run ended, once the End record was read (null for a recording cut short).</summary>
    public TraceOutcome? Outcome { get; private set; }
    /// <summary>After Next returned false: why the recording ended before its End record, or null.</summary>
    public string? Problem { get; private set; }
    public long EventsRead { get; private set; }
    /// <summary>-k: give events the stacks recorded with them (`record -k`), 1 for -k, 2 for -kk
    /// (with source lines, when they were recorded); 0: they are read and left out, as a trace
    /// without -k shows none.</summary>
    public int Stacks { get; set; }
    /// <summary>How the stacks' symbols are named (replay --no-demangle, or a recording made with it).</summary>
    public RecordedSymbolNames SymbolNames { get; set; }
    /// <summary>Bytes of the recording read so far: its header and each whole block.</summary>
    public long BytesRead { get; private set; }
    /// <summary>The recording's size as opened, or 0 when unknown (not a file).</summary>
    public long Length { get; }
    /// <summary>Told <see cref="BytesRead"/> after each block (64 KiB): progress is followed per
    /// block, never per event.</summary>
    public Action<long>? BlockRead { get; set; }

    /// <summary>A thread's name (comm) as last noted up to the current event (raw bytes: escape
    /// them); empty when unknown.</summary>
    public ReadOnlySpan<byte> CommOf(int tid) => _facts.Comm(tid);

    private RecordingReader(Stream input, string name, RecordingHeader header, long headerBytes)
    {
        _in = input;
        _name = name;
        Header = header;
        BytesRead = headerBytes;
        Length = input.CanSeek ? input.Length : 0;
        _facts = new ReplayFacts(header);
        Facts = new TraceFacts(_facts, _facts);
    }

    /// <summary>Opens a recording; a file that is missing, unreadable, not a recording or of a newer
    /// version is a <see cref="UserError"/> that says so.</summary>
    public static RecordingReader Open(string path)
    {
        // Messages name the file as the user's shell would show it: escaped.
        string name = Text.UntrustedText.Escape(path);
        var handle = Interop.Descriptors.OpenForReading(path, out int errno)
            ?? throw new UserError($"{name}: {Errno.Message(errno)}");
        var input = new FileStream(handle, FileAccess.Read, 1 << 16);
        try { return Open(input, name); }
        catch (IOException) { input.Dispose(); throw new UserError($"{name}: cannot be read"); }
        catch { input.Dispose(); throw; }
    }

    public static RecordingReader Open(Stream input, string name)
    {
        Span<byte> prefix = stackalloc byte[RecordFormat.HeaderPrefix];
        int got = input.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (got < 8 || !prefix[..8].SequenceEqual(RecordFormat.Magic))
            throw new UserError($"{name}: not a syscope recording");
        if (got < prefix.Length) throw new UserError($"{name}: the recording is cut short inside its header");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
        if (version > RecordFormat.Version)
            throw new UserError($"{name}: recording format version {version} is newer than this syscope reads ({RecordFormat.Version})");
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(prefix[12..]);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(prefix[16..]);
        if (length > 1 << 20) throw new UserError($"{name}: the recording's header is damaged");
        var fields = new byte[length];
        if (input.ReadAtLeast(fields, fields.Length, throwOnEndOfStream: false) < fields.Length)
            throw new UserError($"{name}: the recording is cut short inside its header");
        if (Checksum.Crc32C(fields) != crc) throw new UserError($"{name}: the recording's header is damaged");
        try { return new RecordingReader(input, name, ReadHeader(fields, version), prefix.Length + fields.Length); }
        catch (DamagedRecording) { throw new UserError($"{name}: the recording's header is damaged"); }
    }

    private static RecordingHeader ReadHeader(ReadOnlySpan<byte> fields, ushort version)
    {
        var s = new RecordSpan(fields);
        if (version < 4) s.Int();
        var clock = new WallClockAnchor(s.Signed(), s.Signed(), s.Signed());
        int capture = s.Int();
        bool many = s.Byte() != 0;
        string backend = s.Text();
        var command = new string[Math.Min(s.Varint(), 1 << 16)];
        for (int i = 0; i < command.Length; i++) command[i] = s.Text();
        var options = new string[Math.Min(s.Varint(), 1 << 16)];
        for (int i = 0; i < options.Length; i++) options[i] = s.Text();
        return new RecordingHeader { WallClock = clock, CaptureLimit = capture, ManyProcesses = many, Backend = backend, Command = command, Options = options };
    }

    /// <summary>The next event, its memory in <see cref="Memory"/> and its facts in <see cref="Facts"/>;
    /// false at the end of what can be read.</summary>
    public bool Next(out TraceEvent e)
    {
        e = default;
        Memory.Clear();
        while (!_finished)
        {
            if (_position >= _blockLength && !ReadBlock()) break;
            var s = new RecordSpan(_block.AsSpan(0, _blockLength)) { Position = _position };
            try
            {
                while (!s.AtEnd)
                {
                    var tag = (RecordTag)s.Byte();
                    switch (tag)
                    {
                        case RecordTag.Event:
                            _codec.Read(ref s, ref e);
                            if (_stackPending && Stacks > 0) e.Stack = StackOf(e.Tid);
                            _stackPending = false;
                            _position = s.Position;
                            EventsRead++;
                            return true;
                        case RecordTag.Memory:
                            ulong address = s.Varint();
                            var bytes = s.Blob();
                            if (bytes.IsEmpty) Memory.AddEnd(address);
                            else Memory.Add(address, bytes);
                            break;
                        case RecordTag.Fact:
                            var kind = (FactKind)s.Byte();
                            var key = new FactKey(kind, s.Signed(), s.Signed(), s.Signed());
                            _facts.Learn(key, s.Blob());
                            break;
                        case RecordTag.Name:
                            _stackCodec.ReadName(ref s);
                            break;
                        case RecordTag.Stack:
                            _stackCodec.Read(ref s, _stackRead, sourceLines: Stacks > 1, SymbolNames);
                            _stackPending = true;
                            break;
                        case RecordTag.End:
                            Outcome = new TraceOutcome(s.Int(), s.Int(), s.Byte() != 0, s.Int());
                            _finished = true;
                            return false;
                        default:
                            throw new DamagedRecording($"unknown record {(byte)tag}");
                    }
                }
                _position = s.Position;
            }
            catch (DamagedRecording d)
            {
                Stop($"{_name}: the recording is damaged after {EventsRead} events ({d.Message}); what came before is shown");
            }
        }
        return false;
    }

    /// <summary>The stack just read, in the thread's own object.</summary>
    private StackTrace StackOf(int tid)
    {
        if (!_stacks.TryGetValue(tid, out var stack)) _stacks[tid] = stack = new StackTrace();
        _stackRead.AsSpan().CopyTo(stack.Frames);
        stack.Count = _stackRead.Count;
        stack.AtEntry = _stackRead.AtEntry;
        stack.TooDeep = _stackRead.TooDeep;
        return stack;
    }

    /// <summary>Feeds every event to consumer, as a backend would, then completes it.</summary>
    public void Replay(ITraceConsumer consumer)
    {
        Feed(consumer);
        consumer.Complete();
    }

    /// <summary>Feeds every event to consumer without completing it (its summaries are not written yet).</summary>
    public void Feed(ITraceConsumer consumer)
    {
        while (Next(out var e)) consumer.OnEvent(ref e, Memory);
    }

    private bool ReadBlock()
    {
        Span<byte> prefix = stackalloc byte[RecordFormat.BlockPrefix];
        int got = _in.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (got == 0) return Stop($"{_name}: the recording ends after {EventsRead} events without its end (the recorder was killed or the disk filled); what came before is shown");
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(prefix), crc = BinaryPrimitives.ReadUInt32LittleEndian(prefix[4..]);
        if (got < prefix.Length || length > RecordFormat.MaxBlock)
            return Stop(CutShort());
        if (_block.Length < length) _block = new byte[Math.Max(length, (uint)_block.Length * 2)];
        if (_in.ReadAtLeast(_block.AsSpan(0, (int)length), (int)length, throwOnEndOfStream: false) < length)
            return Stop(CutShort());
        if (Checksum.Crc32C(_block.AsSpan(0, (int)length)) != crc)
            return Stop($"{_name}: the recording is damaged after {EventsRead} events (a block's checksum does not match); what came before is shown");
        _blockLength = (int)length;
        _position = 0;
        BytesRead += prefix.Length + length;
        BlockRead?.Invoke(BytesRead);
        return true;
    }

    private string CutShort() => $"{_name}: the recording is cut short after {EventsRead} events (its last block is incomplete); what came before is shown";

    private bool Stop(string problem)
    {
        Problem = problem;
        _finished = true;
        _blockLength = _position = 0;
        return false;
    }

    public void Dispose() => _in.Dispose();

    /// <summary>The facts as recorded: each question answered with the last answer written for it
    /// up to the current event; a question never asked live knows nothing.</summary>
    private sealed class ReplayFacts(RecordingHeader header) : IFdPaths, IHostFacts
    {
        private readonly Dictionary<FactKey, byte[]> _answers = [];

        public void Learn(FactKey key, ReadOnlySpan<byte> answer) => _answers[key] = answer.ToArray();

        private ReadOnlySpan<byte> Answer(FactKind kind, long a, long b, long c) =>
            _answers.TryGetValue(new FactKey(kind, a, b, c), out var v) ? v : default;

        private static int Copy(ReadOnlySpan<byte> answer, Span<byte> destination)
        {
            int n = Math.Min(answer.Length, destination.Length);
            answer[..n].CopyTo(destination);
            return n;
        }

        public int PathOf(int pid, int fd, Span<byte> destination) => Copy(Answer(FactKind.Path, pid, fd, 0), destination);

        public int SocketProtocolOf(int pid, int fd, Span<byte> destination) => Copy(Answer(FactKind.Protocol, pid, fd, 0), destination);

        public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
        {
            var answer = Answer(FactKind.Socket, family, protocol, (long)inode);
            int size = Unsafe.SizeOf<SocketFacts>();
            facts = default;
            if (answer.Length < size) return false;
            facts = MemoryMarshal.Read<SocketFacts>(answer);
            Copy(answer[size..], unixName);
            return true;
        }

        public DeviceNumber DeviceAt(ReadOnlySpan<byte> path)
        {
            return RecordingFacts.DeviceOf(Answer(FactKind.Device, Checksum.Fnv1a(path), path.Length, 0));
        }

        public bool IsUnlinked(int pid, int fd, ReadOnlySpan<byte> target)
        {
            var answer = Answer(FactKind.Unlinked, pid, fd, Checksum.Fnv1a(target));
            return answer.Length != 1 || answer[0] != 0;
        }

        public int PidOfPidfd(int pid, int fd)
        {
            var answer = Answer(FactKind.Pidfd, pid, fd, 0);
            return answer.Length == 4 ? MemoryMarshal.Read<int>(answer) : -1;
        }

        public bool TryFindMapping(int pid, ReadOnlySpan<byte> path, out ulong start, out ulong length)
        {
            var answer = Answer(FactKind.Mapping, pid, Checksum.Fnv1a(path), path.Length);
            bool found = answer.Length == 16;
            start = found ? MemoryMarshal.Read<ulong>(answer) : 0;
            length = found ? MemoryMarshal.Read<ulong>(answer[8..]) : 0;
            return found;
        }

        public int InterfaceName(uint index, Span<byte> destination) => Copy(Answer(FactKind.Interface, index, 0, 0), destination);

        public ReadOnlySpan<byte> ProcessName(int tid) => Answer(FactKind.ProcessName, tid, 0, 0);

        public int CurrentComm(int pid, Span<byte> destination) => Math.Max(Copy(Answer(FactKind.CurrentComm, pid, 0, 0), destination), 0);

        public int ExecComm(int pid, Span<byte> destination) => Math.Max(Copy(Answer(FactKind.ExecComm, pid, 0, 0), destination), 0);

        public int PidInOurNamespace(int tid, int id, PidKind kind)
        {
            var answer = Answer(FactKind.PidTranslation, tid, id, (long)kind);
            return answer.Length == 4 ? MemoryMarshal.Read<int>(answer) : id;
        }

        public ReadOnlySpan<byte> Comm(int tid)
        {
            var comm = Answer(FactKind.Comm, tid, 0, 0);
            return comm.IsEmpty ? ProcessName(tid) : comm;
        }

        public WallClockAnchor WallClock => header.WallClock;
    }
}
