using System.Text;

namespace Syscope.Decoding.Constants;

/// <summary>One named constant: its value and the name tracers print for it.</summary>
internal readonly record struct Named(ulong Value, string Name);

/// <summary>
/// A set of bit flags printed the way strace prints them: the names of the bits that are set, in
/// the set's own order (strace's order, which is not always numeric), joined with '|', then any bits
/// no row names as hex.  A value with no known bit prints as "0x40 /* O_??? */" so nothing is lost.
/// Rows may cover several bits (O_SYNC includes O_DSYNC): a row matches only when all its bits are set.
/// </summary>
internal sealed class FlagSet
{
    private readonly ulong[] _values;
    private readonly byte[][] _names;
    private readonly byte[] _unknown;
    private readonly byte[]? _zero;

    /// <param name="unknown">What a value with no known bits is called, e.g. "O_???".</param>
    /// <param name="zero">The name for 0 if the set has one ("PROT_NONE"); otherwise "0" prints.</param>
    public FlagSet(string unknown, string? zero, params Named[] rows)
    {
        _values = Array.ConvertAll(rows, r => r.Value);
        _names = Array.ConvertAll(rows, r => Encoding.ASCII.GetBytes(r.Name));
        _unknown = Encoding.ASCII.GetBytes(unknown);
        _zero = zero == null ? null : Encoding.ASCII.GetBytes(zero);
        Rows = rows;
    }

    public IReadOnlyList<Named> Rows { get; }

    public void Print(ArgWriter w, ulong value) => Print(w, value, false);

    /// <summary>Prints the flags; 'after' means a name was already written in the same expression
    /// (the access mode before open flags), so the first flag needs a '|' and an unknown
    /// remainder is plain hex.  Returns whether anything was written.</summary>
    /// <param name="bare">Unknown bits alone print as plain hex, without the "/* O_??? */" comment.</param>
    public bool Print(ArgWriter w, ulong value, bool after, bool bare = false)
    {
        // After another name the caller's constant is already open (see ArgWriter.BeginConst).
        if (after) return PrintNames(w, value, true, bare);
        var mark = w.BeginConst(flags: true);
        bool any = PrintNames(w, value, false, bare);
        w.EndConst(mark, value);
        return any;
    }

    /// <summary>Flags that follow another constant of their own ("SOCK_STREAM|SOCK_CLOEXEC",
    /// "PER_LINUX|READ_IMPLIES_EXEC"): '|' and the flags as a constant of their own, which -X raw
    /// and verbose show as "0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */"; nothing for 0.</summary>
    /// <param name="bare">false: unknown bits alone keep their "/* FAN_??? */" comment.</param>
    public void PrintMore(ArgWriter w, ulong value, bool bare = true)
    {
        if (value == 0) return;
        w.Raw((byte)'|');
        Print(w, value, after: false, bare);
    }

    private bool PrintNames(ArgWriter w, ulong value, bool after, bool bare)
    {
        if (value == 0)
        {
            if (after) return false;
            if (_zero != null) w.ConstName(_zero); else w.Raw((byte)'0');
            return true;
        }
        bool any = after;
        for (int i = 0; i < _values.Length; i++)
        {
            ulong bits = _values[i];
            if (bits == 0 || (value & bits) != bits) continue;
            if (any) w.Raw((byte)'|');
            w.ConstName(_names[i]);
            any = true;
            value &= ~bits;
        }
        if (value != 0)
        {
            if (any) w.Raw((byte)'|');
            int at = w.Length;
            w.Hex(value);
            // Bits no row names are one more "name" for --json: their hex.
            w.NameWritten(at);
            if (any) return true;
            if (!bare) w.Raw(" /* "u8).Raw(_unknown).Raw(" */"u8);
        }
        return true;
    }
}

/// <summary>
/// A set of exclusive values (commands, whence, address families): the name when known, otherwise
/// the number and a comment naming the set, "0x10 /* SEEK_??? */", as strace prints it.
/// </summary>
internal sealed class ValueSet
{
    private readonly Dictionary<ulong, byte[]> _names;
    private readonly byte[] _unknown;
    private readonly bool _decimal;

    /// <param name="unknown">The comment for unknown values, e.g. "SEEK_???".</param>
    /// <param name="decimalUnknown">Print unknown values in decimal instead of hex.</param>
    public ValueSet(string unknown, bool decimalUnknown, params Named[] rows)
    {
        _names = new Dictionary<ulong, byte[]>(rows.Length);
        foreach (var r in rows) _names.TryAdd(r.Value, Encoding.ASCII.GetBytes(r.Name));
        _unknown = Encoding.ASCII.GetBytes(unknown);
        _decimal = decimalUnknown;
        Rows = rows;
    }

    /// <summary>A set whose names and numbers are an enum's members, for values a decoder also
    /// switches on: the enum is then the one place both are written.</summary>
    public static ValueSet FromEnum<T>(string unknown) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var rows = new Named[values.Length];
        for (int i = 0; i < values.Length; i++) rows[i] = new(Convert.ToUInt64(values[i]), values[i].ToString());
        return new ValueSet(unknown, false, rows);
    }

    public IReadOnlyList<Named> Rows { get; }

    public bool TryName(ulong value, out ReadOnlySpan<byte> name)
    {
        bool ok = _names.TryGetValue(value, out var n);
        name = n;
        return ok;
    }

    public void Print(ArgWriter w, ulong value) => Print(w, value, value);

    /// <summary>The name, or bare hex for sets strace prints without a "???" comment (routing
    /// scopes and tables).</summary>
    public void PrintBare(ArgWriter w, ulong value)
    {
        if (!_names.TryGetValue(value, out var name)) { w.Hex(value); return; }
        var mark = w.BeginConst();
        w.ConstName(name);
        w.EndConst(mark, value);
    }

    /// <summary>A name whose number -X raw and verbose show in decimal (strace's %d fields:
    /// aio_lio_opcode, key ids); an unknown value prints as a bare signed number.</summary>
    public void PrintDecimal(ArgWriter w, ulong value)
    {
        long number = (int)value;
        if (!_names.TryGetValue((uint)value, out var name)) { w.Int(number); return; }
        var mark = w.BeginConst();
        w.ConstName(name);
        w.EndConst(mark, (ulong)number, NumberBase.Decimal);
    }

    /// <summary>An int named or numbered in decimal in every style (strace's printxval_d):
    /// "K_XLATE", "1 /* K_XLATE */" with -X verbose, "-1 /* K_??? */" when no name fits.</summary>
    public void PrintSigned(ArgWriter w, int value)
    {
        if (!_names.TryGetValue((uint)value, out var name))
        {
            w.Int(value);
            if (w.Style == ConstStyle.Raw) return;
            int end = w.Length;
            w.Raw(" /* "u8).Raw(_unknown).Raw(" */"u8);
            w.Annotated(end);
            return;
        }
        var mark = w.BeginConst();
        w.ConstName(name);
        w.EndConst(mark, (ulong)(long)value, NumberBase.Decimal);
    }

    /// <summary>For int-typed arguments: sign-extends 32 bits so -1 stays -1, not 4294967295.</summary>
    public void PrintInt(ArgWriter w, ulong value) => Print(w, (uint)value, _decimal ? (ulong)(int)value : (uint)value);

    /// <summary>A value strace prints with its number in unsigned decimal (PRINT_FIELD_XVAL_U):
    /// "1 /* IORING_OP_READV */" in -X verbose, "255 /* IORING_OP_??? */" when no name fits.</summary>
    public void PrintUnsigned(ArgWriter w, ulong value) => Print(w, value, value, NumberBase.Unsigned);

    /// <param name="number">The value as its number prints: sign-extended for decimal ints.</param>
    private void Print(ArgWriter w, ulong key, ulong number, NumberBase numberBase = NumberBase.Hex)
    {
        if (_names.TryGetValue(key, out var name))
        {
            var mark = w.BeginConst();
            w.ConstName(name);
            w.EndConst(mark, key, numberBase);
            return;
        }
        if (numberBase == NumberBase.Unsigned) w.UInt(number);
        else if (_decimal) w.Int((long)number); else w.Hex(number);
        if (w.Style == ConstStyle.Raw) return;
        // For --json the number, with the comment that no name fits it.
        int end = w.Length;
        w.Raw(" /* "u8).Raw(_unknown).Raw(" */"u8);
        w.Annotated(end);
    }
}
