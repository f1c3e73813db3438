using System.Buffers.Binary;
using Syscope.Events;
using Syscope.Tracing;

namespace Syscope.Recording;

/// <summary>
/// Writes a recording as it is made: the header at once, then records into a block buffer that
/// goes out in one write(2) once it passes 64 KiB or 200 ms of trace time have passed since the
/// last, always after a whole event.  Constant memory (the buffer is reused); a kill -9 loses at
/// most the block being filled.  A failed write (a full disk) is kept in <see cref="Failure"/> in
/// plain words and ends the recording; tracing goes on.
/// </summary>
internal sealed class RecordingWriter : IDisposable
{
    private const long FlushIntervalNs = 200_000_000;
    private readonly Stream _out;
    private readonly string _name;
    private readonly RecordBuffer _block = new();
    private readonly EventCodec _codec = new();
    private readonly StackCodec _stacks = new();
    private readonly int _blockTarget;
    private long _lastFlushNs;

    /// <summary>Bytes written so far, and events.</summary>
    public long BytesWritten { get; private set; }
    public long Events { get; private set; }
    /// <summary>Why the recording stopped early, or null.</summary>
    public string? Failure { get; private set; }

    /// <param name="blockTarget">Bytes after which a block is written (small in tests of cut files).</param>
    public RecordingWriter(Stream output, string name, RecordingHeader header, int blockTarget = RecordFormat.BlockTarget)
    {
        _out = output;
        _blockTarget = blockTarget;
        _name = name;
        var fields = new RecordBuffer(256);
        fields.Signed(header.WallClock.MonotonicNs);
        fields.Signed(header.WallClock.UnixNs);
        fields.Signed(header.WallClock.LocalOffsetNs);
        fields.Signed(header.CaptureLimit);
        fields.Byte(header.ManyProcesses ? (byte)1 : (byte)0);
        fields.Text(header.Backend);
        fields.Varint((ulong)header.Command.Count);
        foreach (string s in header.Command) fields.Text(s);
        fields.Varint((ulong)header.Options.Count);
        foreach (string s in header.Options) fields.Text(s);

        var prefix = new byte[RecordFormat.HeaderPrefix];
        RecordFormat.Magic.CopyTo(prefix);
        BinaryPrimitives.WriteUInt16LittleEndian(prefix.AsSpan(8), RecordFormat.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(12), (uint)fields.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(16), Checksum.Crc32C(fields.Written));
        Write(prefix);
        Write(fields.Written);
        StartBlock();
    }

    private void StartBlock()
    {
        _block.Clear();
        _block.UInt32(0);
        _block.UInt32(0);
    }

    public void Fact(FactKind kind, long a, long b, long c, ReadOnlySpan<byte> answer)
    {
        _block.Byte((byte)RecordTag.Fact);
        _block.Byte((byte)kind);
        _block.Signed(a);
        _block.Signed(b);
        _block.Signed(c);
        _block.Blob(answer);
    }

    public void Memory(ulong address, ReadOnlySpan<byte> bytes)
    {
        _block.Byte((byte)RecordTag.Memory);
        _block.Varint(address);
        _block.Blob(bytes);
    }

    /// <summary>-k: the stack of the event written next.</summary>
    public void Stack(Events.StackTrace stack) => _stacks.Write(stack, _block);

    /// <summary>The event, after the facts, memory and stack that belong to it.</summary>
    public void Event(in TraceEvent e)
    {
        _codec.Write(in e, _block);
        Events++;
        if (_block.Length >= _blockTarget || e.TimeNs - _lastFlushNs >= FlushIntervalNs)
        {
            _lastFlushNs = e.TimeNs;
            Flush();
        }
    }

    /// <summary>How the run ended; the last record.</summary>
    public void End(TraceOutcome outcome)
    {
        _block.Byte((byte)RecordTag.End);
        _block.Signed(outcome.ExitCode);
        _block.Signed(outcome.KilledBySignal);
        _block.Byte(outcome.CoreDumped ? (byte)1 : (byte)0);
        _block.Signed(outcome.DetachedBySignal);
        Flush();
    }

    public void Flush()
    {
        int payload = _block.Length - RecordFormat.BlockPrefix;
        if (payload == 0) return;
        _block.UInt32At(0, (uint)payload);
        _block.UInt32At(4, Checksum.Crc32C(_block.Written[RecordFormat.BlockPrefix..]));
        Write(_block.Written);
        StartBlock();
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (Failure != null) return;
        try
        {
            _out.Write(bytes);
            BytesWritten += bytes.Length;
        }
        catch (IOException e)
        {
            Failure = $"{_name}: {e.Message}; the recording stops here";
        }
    }

    public void Dispose()
    {
        Flush();
        _out.Dispose();
    }
}
