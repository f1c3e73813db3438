using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Syscope.Tracing.Ebpf;

/// <summary>One record as it lies in the ring buffer, read in place (valid only while the reader
/// hands it out).</summary>
internal readonly ref struct BpfRecord(ReadOnlySpan<byte> bytes)
{
    public ReadOnlySpan<byte> Bytes { get; } = bytes;

    public ref readonly RecordHeader Header => ref As<RecordHeader>();

    public RecordKind Kind => Header.Kind;

    /// <summary>The record as its fixed-size structure; throws when it is shorter (a mismatch
    /// between syscope.h and its C# mirror, never the tracee's doing).</summary>
    public ref readonly T As<T>() where T : unmanaged
    {
        if (Bytes.Length < Unsafe.SizeOf<T>())
            throw new InvalidOperationException($"BPF record of {Bytes.Length} bytes is shorter than {typeof(T).Name}");
        return ref MemoryMarshal.AsRef<T>(Bytes);
    }

    /// <summary>The captured regions after a syscall entry or exit record's fixed part.</summary>
    public CaptureEnumerator Captures => Kind switch
    {
        RecordKind.SyscallEntry => new CaptureEnumerator(Bytes[Math.Min(Bytes.Length, Unsafe.SizeOf<EntryRecord>())..]),
        RecordKind.SyscallExit => new CaptureEnumerator(Bytes[Math.Min(Bytes.Length, Unsafe.SizeOf<ExitRecord>())..]),
        _ => default,
    };
}

/// <summary>Walks the captures of a record: each a <see cref="Capture"/> header, then its bytes
/// padded to 8.</summary>
internal ref struct CaptureEnumerator(ReadOnlySpan<byte> rest)
{
    private ReadOnlySpan<byte> _rest = rest;

    public Capture Current { get; private set; }

    /// <summary>The bytes of the current capture (Current.Len of them).</summary>
    public ReadOnlySpan<byte> CurrentBytes { get; private set; }

    public readonly CaptureEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        int header = Unsafe.SizeOf<Capture>();
        if (_rest.Length < header) return false;
        var c = MemoryMarshal.Read<Capture>(_rest);
        int len = (int)Math.Min(c.Len, (uint)(_rest.Length - header));
        Current = c;
        CurrentBytes = _rest.Slice(header, len);
        int next = header + ((len + 7) & ~7);
        _rest = next >= _rest.Length ? default : _rest[next..];
        return true;
    }
}
