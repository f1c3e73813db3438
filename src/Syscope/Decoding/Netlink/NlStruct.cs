using System.Buffers.Binary;
using System.Text;

namespace Syscope.Decoding.Netlink;

/// <summary>
/// A plain kernel structure carried as an attribute value, declared as its fields in order
/// ("u64 bytes", "s16 cell_align", "x32 hash_mask"; each at its natural alignment) and printed
/// as strace prints such a struct: "{bytes=1, packets=2}".  Its size is the end of its last field,
/// the least strace needs to decode it; a shorter value prints as hex, an unreadable one as its
/// address.
/// </summary>
internal sealed class NlStruct
{
    public enum Kind : byte { Unsigned, Signed, Hex }

    private readonly (byte[] Name, int Offset, int Width, Kind Kind)[] _fields;

    public int Size { get; }

    public NlStruct(params string[] fields)
    {
        _fields = new (byte[], int, int, Kind)[fields.Length];
        int offset = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            var parts = fields[i].Split(' ');
            var kind = parts[0][0] switch { 's' => Kind.Signed, 'x' => Kind.Hex, _ => Kind.Unsigned };
            int width = int.Parse(parts[0].AsSpan(1)) / 8;
            offset = (offset + width - 1) & -width;
            _fields[i] = (Encoding.ASCII.GetBytes(parts[1] + "="), offset, width, kind);
            offset += width;
        }
        Size = offset;
    }

    /// <summary>An attribute value decoder's answer: false to print the value as hex.</summary>
    public bool Print(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (NlattrPrinter.Unfit(w, v, Size) is bool fit) return fit;
        w.Raw((byte)'{');
        for (int i = 0; i < _fields.Length; i++)
        {
            var (name, offset, width, kind) = _fields[i];
            if (i > 0) w.Raw(", "u8);
            w.Raw(name);
            Number(w, v.Slice(offset, width), kind);
        }
        w.Raw((byte)'}');
        return true;
    }

    /// <summary>A little-endian integer of the span's size (1, 2, 4 or 8 bytes) in the given form.</summary>
    public static void Number(ArgWriter w, ReadOnlySpan<byte> f, Kind kind)
    {
        ulong u = f.Length switch
        {
            1 => f[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(f),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(f),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(f),
        };
        if (kind == Kind.Hex) w.Hex(u);
        else if (kind == Kind.Unsigned) w.UInt(u);
        else w.Int(f.Length switch { 1 => (sbyte)u, 2 => (short)u, 4 => (int)u, _ => (long)u });
    }
}
