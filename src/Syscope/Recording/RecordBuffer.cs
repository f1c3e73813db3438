using System.Buffers.Binary;
using System.Text;

namespace Syscope.Recording;

/// <summary>A growable byte buffer written with the format's primitives (varints, zigzag, raw
/// bytes).  Reused from block to block: it grows to the largest block and never shrinks.</summary>
internal sealed class RecordBuffer
{
    private byte[] _bytes;
    public int Length;

    public RecordBuffer(int capacity = RecordFormat.BlockTarget * 2) => _bytes = new byte[capacity];

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);
    public Span<byte> WrittenMutable => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    private Span<byte> Room(int n)
    {
        if (Length + n > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + n));
        return _bytes.AsSpan(Length, n);
    }

    public void Byte(byte b)
    {
        Room(1)[0] = b;
        Length++;
    }

    public void Varint(ulong v)
    {
        var room = Room(10);
        int i = 0;
        while (v >= 0x80)
        {
            room[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        room[i++] = (byte)v;
        Length += i;
    }

    public void Signed(long v) => Varint((ulong)((v << 1) ^ (v >> 63)));

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>A length, then the bytes.</summary>
    public void Blob(ReadOnlySpan<byte> bytes)
    {
        Varint((ulong)bytes.Length);
        Bytes(bytes);
    }

    public void Text(string s)
    {
        int n = Encoding.UTF8.GetByteCount(s);
        Varint((ulong)n);
        Encoding.UTF8.GetBytes(s, Room(n));
        Length += n;
    }

    public void UInt32At(int offset, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(offset), v);

    public void UInt32(uint v)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Room(4), v);
        Length += 4;
    }
}

/// <summary>Reads what <see cref="RecordBuffer"/> wrote, from one block's payload.  Running past the
/// end throws <see cref="DamagedRecording"/>: a block whose checksum matched yet does not parse
/// was written by something else.</summary>
internal ref struct RecordSpan(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    public int Position;

    public readonly bool AtEnd => Position >= _bytes.Length;

    public byte Byte() => Position < _bytes.Length ? _bytes[Position++] : throw new DamagedRecording("a record runs past its block");

    public ulong Varint()
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte();
            v |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return v;
        }
        throw new DamagedRecording("a number is longer than 64 bits");
    }

    public long Signed()
    {
        ulong v = Varint();
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    public int Int()
    {
        long v = Signed();
        return v is >= int.MinValue and <= int.MaxValue ? (int)v : throw new DamagedRecording("a number is out of range");
    }

    public ReadOnlySpan<byte> Bytes(int n)
    {
        if (n < 0 || n > _bytes.Length - Position) throw new DamagedRecording("a record runs past its block");
        var s = _bytes.Slice(Position, n);
        Position += n;
        return s;
    }

    public ReadOnlySpan<byte> Blob()
    {
        ulong n = Varint();
        return n <= int.MaxValue ? Bytes((int)n) : throw new DamagedRecording("a record runs past its block");
    }

    public string Text() => Encoding.UTF8.GetString(Blob());
}

/// <summary>A recording that cannot be read on (a block that does not parse).</summary>
internal sealed class DamagedRecording(string message) : Exception(message);
