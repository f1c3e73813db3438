using System.Buffers.Binary;

namespace Syscope.Stacks.Dwarf;

/// <summary>
/// Reads DWARF's little-endian encodings from a section held in memory: fixed-size integers,
/// LEB128, and .eh_frame's encoded pointers (DW_EH_PE_*).  Reading past the end throws
/// <see cref="DwarfFormatException"/>, which the callers turn into "no unwind information".
/// </summary>
internal ref struct DwarfCursor(ReadOnlySpan<byte> data, ulong address, int position = 0)
{
    private readonly ReadOnlySpan<byte> _data = data;
    /// <summary>The load address of the section's first byte, for pc-relative pointers.</summary>
    private readonly ulong _address = address;
    public int Position = position;

    public const byte PeOmit = 0xff;

    public readonly bool AtEnd => Position >= _data.Length;
    public readonly int Length => _data.Length;
    public readonly ulong AddressHere => _address + (ulong)Position;

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || Position + n > _data.Length) throw new DwarfFormatException();
        var s = _data.Slice(Position, n);
        Position += n;
        return s;
    }

    public ReadOnlySpan<byte> Bytes(int n) => Take(n);
    public byte U8() => Take(1)[0];
    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A unit's initial length (32-bit, or 0xffffffff then 64-bit, when its offsets are
    /// wide): returns where the unit ends, which must be within the data.</summary>
    public int UnitEnd(out bool wide)
    {
        ulong length = U32();
        wide = length == 0xffffffff;
        if (wide) length = U64();
        if (length == 0 || length > (ulong)(_data.Length - Position)) throw new DwarfFormatException();
        return Position + (int)length;
    }

    public ulong Uleb()
    {
        ulong v = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = U8();
            if (shift < 64) v |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return v;
        }
    }

    public long Sleb()
    {
        long v = 0;
        int shift = 0;
        byte b;
        do
        {
            b = U8();
            if (shift < 64) v |= (long)(b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) v |= -1L << shift;
        return v;
    }

    /// <summary>A pointer in .eh_frame's encoding: the low nibble says its format, the next its
    /// base (pc-relative, or relative to dataBase: .eh_frame_hdr's own address).  Indirect pointers
    /// (0x80) would need the tracee's memory and appear only for personality routines, which
    /// unwinding skips: they are read and returned as they are.</summary>
    public ulong Pointer(byte encoding, ulong dataBase = 0)
    {
        ulong here = AddressHere;
        ulong v = (encoding & 0x0f) switch
        {
            0x00 => U64(),
            0x01 => Uleb(),
            0x02 => U16(),
            0x03 => U32(),
            0x04 => U64(),
            0x09 => (ulong)Sleb(),
            0x0a => (ulong)(short)U16(),
            0x0b => (ulong)(int)U32(),
            0x0c => U64(),
            _ => throw new DwarfFormatException(),
        };
        return (encoding & 0x70) switch
        {
            0x00 => v,
            0x10 => v + here,
            0x30 => v + dataBase,
            _ => throw new DwarfFormatException(),
        };
    }
}

/// <summary>Call-frame information that cannot be read: the frame has no usable unwind rule.</summary>
internal sealed class DwarfFormatException() : Exception("malformed DWARF call-frame information");
