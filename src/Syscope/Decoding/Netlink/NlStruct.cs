using System.Buffers.Binary;
using System.Text;
using Syscope.Decoding.Constants;
using Syscope.Events;

namespace Syscope.Decoding.Netlink;

/// <summary>
/// A plain kernel structure (a netlink message's header, or a struct carried as an attribute
/// value), declared as its fields in order and printed as strace prints such a struct:
/// "{bytes=1, packets=2}".  A field is "TYPE NAME": u8..u64 unsigned, s8..s64 signed, x8..x64 hex,
/// i32 an interface index (if_nametoindex("lo")), _8.._64 padding never printed; NAME? prints
/// only when not zero; a field paired with a ValueSet or FlagSet prints by its names.  Each field
/// sits at its natural alignment, and the size is the end of the last one: the least strace needs
/// to decode it.  A shorter value prints as hex, an unreadable one as its address.
/// </summary>
internal sealed class NlStruct
{
    public enum Kind : byte { Unsigned, Signed, Hex, IfIndex, Padding }

    private readonly Field[] _fields;

    public int Size { get; }

    private readonly record struct Field(byte[] Name, int Offset, int Width, Kind Kind, bool OnlyWhenSet, Action<ArgWriter, ulong>? Names);

    public NlStruct(params NlField[] fields)
    {
        _fields = new Field[fields.Length];
        int offset = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            var parts = fields[i].Declaration.Split(' ');
            var kind = parts[0][0] switch
            {
                's' => Kind.Signed,
                'x' => Kind.Hex,
                'i' => Kind.IfIndex,
                '_' => Kind.Padding,
                _ => Kind.Unsigned,
            };
            int width = int.Parse(parts[0].AsSpan(1)) / 8;
            offset = (offset + width - 1) & -width;
            string name = parts[1].TrimEnd('?');
            _fields[i] = new(Encoding.ASCII.GetBytes(name), offset, width, kind, parts[1].EndsWith('?'), fields[i].Names);
            offset += width;
        }
        Size = offset;
    }

    /// <summary>An attribute value decoder's answer: false to print the value as hex.</summary>
    public bool Print(ArgWriter w, ReadOnlySpan<byte> v, IHostFacts? host = null)
    {
        if (NlattrPrinter.Unfit(w, v, Size) is bool fit) return fit;
        w.BeginStruct();
        Fields(w, v, host, 0, _fields.Length);
        w.EndStruct();
        return true;
    }

    /// <summary>The structure, then any bytes after it as hex, as the attribute's next element
    /// (strace's decoders of fixed-size statistics do this).</summary>
    public bool PrintWithRest(ref DecodeContext c, ReadOnlySpan<byte> v)
    {
        if (!Print(c.Out, v)) return false;
        Rest(ref c, v, Size);
        return true;
    }

    /// <summary>The bytes after a structure of size bytes that was printed, as hex.</summary>
    public static void Rest(ref DecodeContext c, ReadOnlySpan<byte> v, int size)
    {
        if (v.Length <= size || !NetlinkBuffer.Has(v, size)) return;
        c.Out.Element();
        NetlinkPrinter.HexString(ref c, v[size..]);
    }

    /// <summary>A message's header, then its attributes (after the header padded to four bytes)
    /// as the next element of the message's array.  strace reads the first field (the family)
    /// alone: a body too short for the rest prints "...", one whose rest cannot be read prints the
    /// rest's address.</summary>
    public void PrintMessage(ref DecodeContext c, ReadOnlySpan<byte> b, AttrTable table)
    {
        var w = c.Out;
        w.BeginStruct();
        Fields(w, b, c.Host, 0, 1);
        if (b.Length < Size) { w.EndStruct(abbreviated: true); return; }
        if (Size > 1 && !NetlinkBuffer.Has(b[1..], Size - 1)) { w.Elided().Hex(NetlinkBuffer.AddressOf(b[1..])).EndStruct(); return; }
        Fields(w, b, c.Host, 1, _fields.Length);
        w.EndStruct();
        int end = (Size + 3) & ~3;
        if (b.Length <= end) return;
        w.Element();
        NlattrPrinter.Attributes(ref c, b[end..], table, b[0]);
    }

    private void Fields(ArgWriter w, ReadOnlySpan<byte> v, IHostFacts? host, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var f = _fields[i];
            if (f.Kind == Kind.Padding) continue;
            var bytes = v.Slice(f.Offset, f.Width);
            if (f.OnlyWhenSet && bytes.IndexOfAnyExcept((byte)0) < 0) continue;
            w.Field(f.Name);
            if (f.Names != null) f.Names(w, Read(bytes));
            else if (f.Kind == Kind.IfIndex) NlattrPrinter.IfIndexValue(host, w, (uint)Read(bytes));
            else Number(w, bytes, f.Kind);
        }
    }

    private static ulong Read(ReadOnlySpan<byte> f) => f.Length switch
    {
        1 => f[0],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(f),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(f),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(f),
    };

    /// <summary>A little-endian integer of the span's size (1, 2, 4 or 8 bytes) in the given form.</summary>
    public static void Number(ArgWriter w, ReadOnlySpan<byte> f, Kind kind)
    {
        ulong u = Read(f);
        if (kind == Kind.Hex) w.Hex(u);
        else if (kind == Kind.Signed) w.Int(f.Length switch { 1 => (sbyte)u, 2 => (short)u, 4 => (int)u, _ => (long)u });
        else w.UInt(u);
    }
}

/// <summary>One field of an <see cref="NlStruct"/>: its declaration, and how its value prints by name.</summary>
internal readonly record struct NlField(string Declaration, Action<ArgWriter, ulong>? Names = null)
{
    public static implicit operator NlField(string declaration) => new(declaration);

    public static implicit operator NlField((string Declaration, ValueSet Names) f) => new(f.Declaration, f.Names.Print);

    public static implicit operator NlField((string Declaration, FlagSet Flags) f) => new(f.Declaration, f.Flags.Print);

    /// <summary>A value by name, an unnamed one as bare hex (routing scopes and tables).</summary>
    public static NlField Bare(string declaration, ValueSet names) => new(declaration, names.PrintBare);
}
