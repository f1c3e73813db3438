using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Syscope.Decoding;

/// <summary>
/// The output primitives decoders write through (strace's tprint* family): a reusable UTF-8
/// buffer, grown once and then reused, so decoding allocates nothing per event.  Everything that
/// came from the tracee goes through <see cref="Quoted"/> or <see cref="Escaped"/>, so no control
/// byte from a traced program ever reaches the user's terminal.
/// </summary>
internal sealed class ArgWriter
{
    private byte[] _buf = new byte[512];
    private int _len;

    /// <summary>Arguments printed so far in this call, so Sep() knows when a comma is due.</summary>
    public int ArgCount;

    public int Length => _len;
    public ReadOnlySpan<byte> Written => _buf.AsSpan(0, _len);
    public ReadOnlySpan<byte> Slice(int start) => _buf.AsSpan(start, _len - start);
    public ReadOnlySpan<byte> Slice(int start, int length) => _buf.AsSpan(start, length);

    /// <summary>A separator already written at entry for the first argument printed at exit.</summary>
    private bool _sepAhead;

    /// <summary>Where the argument <see cref="BeginExit"/> started from the separator written ahead
    /// begins, while nothing is written in it yet (a Sep() there is that same argument); else -1.</summary>
    private int _carriedStart = -1;

    /// <summary>-X: how named constants print; the formatter sets it for each call, and every
    /// constant printer follows it through <see cref="BeginConst"/>/<see cref="EndConst"/>.</summary>
    public ConstStyle Style;

    /// <summary>Where each argument's text starts, for consumers that keep arguments apart (JSON).</summary>
    private readonly int[] _argStarts = new int[MaxArgs];
    private const int MaxArgs = 8;

    /// <summary>--json: the typed values of the arguments, recorded as they print; null when no
    /// output asks for them (the text path then pays one null test per primitive).</summary>
    public TypedValues? Typed;

    public void Clear()
    {
        _len = 0;
        ArgCount = 0;
        _sepAhead = false;
        _carriedStart = -1;
        _structDepth = 0;
        Typed?.Clear();
    }

    public void Truncate(int length)
    {
        _len = length;
        Typed?.Truncate(length);
    }

    /// <summary>Starts a named constant: the caller prints it by name (abbrev style) and then calls
    /// <see cref="EndConst"/> with its number.  Parts printed in between (the flags within open's
    /// flags) are plain names: strace comments a constant as a whole.</summary>
    public ConstMark BeginConst(bool flags = false)
    {
        var mark = new ConstMark(_len, Style, Typed?.NameCount ?? 0, flags);
        Style = ConstStyle.Abbrev;
        return mark;
    }

    /// <summary>A name within a constant (a flag, a value's name): printed, and kept for --json.</summary>
    public ArgWriter ConstName(ReadOnlySpan<byte> name)
    {
        Typed?.ConstName(name);
        return Raw(name);
    }

    /// <summary>Starts a value strace writes as several constants joined by '|'
    /// ("SOCK_STREAM|SOCK_CLOEXEC", clone's flags and exit signal): each part keeps its own -X
    /// style; for --json the whole is one set of flags (<see cref="EndFlagsOf"/>), or with flags
    /// false one constant when one name is in it ("htons(ETH_P_ALL)").</summary>
    public ConstMark BeginFlagsOf(bool flags = true) => new(_len, Style, Typed?.NameCount ?? 0, flags);

    /// <summary>Ends what <see cref="BeginFlagsOf"/> started: value is the whole number.</summary>
    public void EndFlagsOf(ConstMark mark, ulong value) => Typed?.MarkConst(mark.Flags, mark.Start, _len, mark.FirstName, value);

    /// <summary>A name strace prints whatever -X says (d_type's DT_DIR): for --json a constant.</summary>
    public ArgWriter FixedName(ReadOnlySpan<byte> name, ulong value)
    {
        int start = _len, first = Typed?.NameCount ?? 0;
        ConstName(name);
        Typed?.MarkConst(false, start, _len, first, value);
        return this;
    }

    /// <summary>The text from start, just written, is one of a constant's names for --json.</summary>
    public void NameWritten(int start) => Typed?.ConstName(_buf.AsSpan(start, _len - start));

    /// <summary>Ends a named constant: -X raw keeps only the number, -X verbose puts the names in a
    /// comment after it ("0x80000 /* O_RDONLY|O_CLOEXEC */") unless no name was found, when the
    /// number (and its "X_???" comment) stands alone as in abbrev style.</summary>
    public void EndConst(ConstMark mark, ulong value, NumberBase numberBase = NumberBase.Hex)
    {
        Restyle(mark, value, numberBase);
        Typed?.MarkConst(mark.Flags, mark.Start, _len, mark.FirstName, value);
    }

    /// <summary>A version packed as the kernel's KERNEL_VERSION(a, b, c) packs it (bpf's
    /// kern_version, V4L2's driver version), printed as strace prints it: the macro, or the number
    /// under -X raw.</summary>
    public void KernelVersion(uint v)
    {
        var mark = BeginConst();
        Raw("KERNEL_VERSION("u8).UInt(v >> 16).Raw(", "u8).UInt((v >> 8) & 0xff).Raw(", "u8).UInt(v & 0xff).Raw((byte)')');
        EndConst(mark, v);
    }

    /// <summary>Ends a constant whose whole text is its one name for --json, though it is made of
    /// parts (an ioctl request "FIONREAD", "FIOQSIZE or FS_IOC_GETFLAGS", "EVIOCGBIT(EV_KEY, 8)").</summary>
    public void EndNamedConst(ConstMark mark, ulong value)
    {
        if (Typed != null && _len > mark.Start)
        {
            Typed.ForgetNames(mark.FirstName);
            Typed.ConstName(_buf.AsSpan(mark.Start, _len - mark.Start));
        }
        EndConst(mark, value);
    }

    private void Restyle(ConstMark mark, ulong value, NumberBase numberBase)
    {
        Style = mark.Style;
        if (Style == ConstStyle.Abbrev) return;
        Span<byte> number = stackalloc byte[24];
        int n = FormatNumber(value, numberBase, number);
        number = number[..n];
        if (Style == ConstStyle.Raw) { _len = mark.Start; Raw(number); return; }
        var text = Slice(mark.Start);
        if (text.StartsWith(number) && (text.Length == n || text[n] == ' ')) return;
        int length = text.Length;
        Reserve(n + 4);
        _buf.AsSpan(mark.Start, length).CopyTo(_buf.AsSpan(mark.Start + n + 4));
        number.CopyTo(_buf.AsSpan(mark.Start));
        " /* "u8.CopyTo(_buf.AsSpan(mark.Start + n));
        _len += n + 4;
        Raw(" */"u8);
    }

    private static int FormatNumber(ulong value, NumberBase numberBase, Span<byte> dest)
    {
        var w = t_numbers ??= new ArgWriter();
        w._len = 0;
        switch (numberBase)
        {
            case NumberBase.Decimal: w.Int((long)value); break;
            case NumberBase.Unsigned: w.UInt(value); break;
            case NumberBase.Octal: w.Octal(value); break;
            default: w.Hex(value); break;
        }
        w.Written.CopyTo(dest);
        return w._len;
    }

    [ThreadStatic] private static ArgWriter? t_numbers;

    private Span<byte> Reserve(int n)
    {
        if (_len + n > _buf.Length) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + n));
        return _buf.AsSpan(_len);
    }

    /// <summary>Starts the next argument: ", " before every one but the first.</summary>
    public ArgWriter Sep()
    {
        if (_carriedStart == _len) { _carriedStart = -1; return this; }
        _carriedStart = -1;
        if (_sepAhead) _sepAhead = false;
        else if (ArgCount > 0) Raw(", "u8);
        StartArgument();
        return this;
    }

    private void StartArgument()
    {
        if (ArgCount < MaxArgs) _argStarts[ArgCount] = _len;
        Typed?.Argument(ArgCount, _len);
        _structDepth = 0;
        ArgCount++;
    }

    /// <summary>Starts the exit half: the separator entry wrote ahead (<see cref="SepAhead"/>) starts
    /// the argument exit prints, so an exit decoder need not (and a Sep() it still calls first is
    /// that same argument, not a second ", ").</summary>
    public void BeginExit()
    {
        if (!_sepAhead) return;
        _sepAhead = false;
        StartArgument();
        _carriedStart = _len;
    }

    /// <summary>"name=" before an argument's value, for calls strace prints with named arguments
    /// (clone): for --json the argument takes that name.</summary>
    public ArgWriter ArgName(ReadOnlySpan<byte> name)
    {
        Raw(name).Raw((byte)'=');
        Typed?.ArgumentName(name, _len);
        return this;
    }

    /// <summary>The text of argument i (0-based) as written so far, without its separators.</summary>
    public ReadOnlySpan<byte> Argument(int i)
    {
        if ((uint)i >= (uint)Math.Min(ArgCount, MaxArgs)) return default;
        int start = _argStarts[i];
        int end = i + 1 < Math.Min(ArgCount, MaxArgs) ? _argStarts[i + 1] - 2 : _len;
        return _buf.AsSpan(start, Math.Max(0, end - start));
    }

    /// <summary>Ends the entry half of a call whose next argument prints at exit: strace writes
    /// that argument's ", " at entry, which shows when another process's line cuts in
    /// ("accept4(3, &lt;unfinished ...&gt;" then "&lt;... accept4 resumed&gt;{sa_family=...").</summary>
    public void SepAhead()
    {
        if (ArgCount == 0 || _sepAhead) return;
        Raw(", "u8);
        _sepAhead = true;
    }

    /// <summary>Entry left an argument for the exit to print: a call cut short before its exit
    /// says so with " &lt;unfinished ...&gt;" where that argument would be, as strace does.</summary>
    public bool AwaitsExit => _sepAhead;

    /// <summary>What entry printed, without the separator it wrote ahead for an exit argument:
    /// the call as far as it is known while the thread is still inside it.</summary>
    public ReadOnlySpan<byte> EntryArguments => _sepAhead ? _buf.AsSpan(0, _len - 2) : Written;

    public ArgWriter Raw(ReadOnlySpan<byte> text)
    {
        text.CopyTo(Reserve(text.Length));
        _len += text.Length;
        return this;
    }

    public ArgWriter Raw(byte c)
    {
        Reserve(1)[0] = c;
        _len++;
        return this;
    }

    /// <summary>ASCII text that syscope itself produced (names, constants).</summary>
    public ArgWriter Ascii(string text)
    {
        var span = Reserve(text.Length);
        for (int i = 0; i < text.Length; i++) span[i] = (byte)text[i];
        _len += text.Length;
        return this;
    }

    public ArgWriter Int(long v)
    {
        Utf8Formatter.TryFormat(v, Reserve(20), out int n);
        Typed?.Mark(ValueKind.Int, _len, _len + n, (ulong)v, signed: true);
        _len += n;
        return this;
    }

    public ArgWriter UInt(ulong v)
    {
        Utf8Formatter.TryFormat(v, Reserve(20), out int n);
        Typed?.Mark(ValueKind.Int, _len, _len + n, v);
        _len += n;
        return this;
    }

    /// <summary>"0x1f", as C's %#lx prints it ("0" for zero).</summary>
    public ArgWriter Hex(ulong v)
    {
        int start = _len;
        if (v == 0) Raw((byte)'0');
        else
        {
            Raw("0x"u8);
            Utf8Formatter.TryFormat(v, Reserve(16), out int n, new System.Buffers.StandardFormat('x'));
            _len += n;
        }
        Typed?.Mark(ValueKind.Int, start, _len, v);
        return this;
    }

    /// <summary>Sixteen hex digits, zero-padded, no prefix: an address as -i prints it.</summary>
    public ArgWriter Padded16Hex(ulong v)
    {
        Utf8Formatter.TryFormat(v, Reserve(16), out int n, new System.Buffers.StandardFormat('x', 16));
        _len += n;
        return this;
    }

    /// <summary>Hex without the 0x prefix, as IPv6 groups print.</summary>
    public ArgWriter Hex16(ushort v)
    {
        Utf8Formatter.TryFormat(v, Reserve(4), out int n, new System.Buffers.StandardFormat('x'));
        _len += n;
        return this;
    }

    /// <summary>A pointer: NULL or its address.</summary>
    public ArgWriter Ptr(ulong v)
    {
        int start = _len;
        if (v == 0) Raw("NULL"u8); else Hex(v);
        Typed?.Mark(ValueKind.Pointer, start, _len, v);
        return this;
    }

    /// <summary>The text from start stands for the number value (htons(80)).</summary>
    public void MarkNumber(int start, ulong value, bool signed = false) => Typed?.Mark(ValueKind.Int, start, _len, value, signed);

    /// <summary>The text from start stands for the string this writer wrote at [valueStart, valueEnd) (an address).</summary>
    public void MarkText(int start, int valueStart, int valueEnd) =>
        Typed?.MarkBytes(ValueKind.String, start, _len, _buf.AsSpan(valueStart, valueEnd - valueStart), false);

    /// <summary>The text from start stands for these bytes.</summary>
    public void MarkBytes(int start, ReadOnlySpan<byte> data, ValueKind kind) => Typed?.MarkBytes(kind, start, _len, data, false);

    /// <summary>A descriptor's text (its number, then with -y what it refers to) was written from start.</summary>
    public void MarkFd(int start, int fd) => Typed?.Mark(ValueKind.Fd, start, _len, (ulong)(long)fd, signed: true);

    /// <summary>Text from start annotates the value before it (a date comment after a time): the
    /// value keeps its type.</summary>
    public void Annotated(int valueEnd) => Typed?.Extend(valueEnd, _len);

    /// <summary>Opens a structure: "{", then fields through <see cref="Field"/>, then <see cref="EndStruct"/>.</summary>
    public ArgWriter BeginStruct() => Open((byte)'{');

    private ArgWriter Open(byte bracket)
    {
        Typed?.BeginStruct(_len);
        Raw(bracket);
        if (_structDepth < 64) _fieldsSeen &= ~(1UL << _structDepth);
        _structDepth++;
        return this;
    }

    /// <summary>"name=" (after ", " unless it is the structure's first field); the value follows.</summary>
    /// <param name="inText">False for a field strace writes without "name=" (sockaddr_in6's
    /// inet_pton(...)): the name is only for --json.</param>
    public ArgWriter Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> suffix = default, bool inText = true)
    {
        int previousEnd = _len;
        Separator(default);
        if (inText) Raw(name).Raw(suffix).Raw((byte)'=');
        Typed?.Field(previousEnd, name, suffix, _len);
        return this;
    }

    /// <summary>The field being written has its value from here: what was written since its name
    /// (a comment, "/* bytes 24..31 */ ") is only in the structure's text.</summary>
    public void ValueStartsHere() => Typed?.FieldValueStartsAt(_len);

    /// <summary>Closes a structure; abbreviated adds strace's ", ..." for fields left out.</summary>
    public ArgWriter EndStruct(bool abbreviated = false) => Close((byte)'}', abbreviated, ValueKind.Struct);

    private ArgWriter Close(byte bracket, bool abbreviated, ValueKind kind)
    {
        int lastEnd = _len;
        if (abbreviated) Raw(", ..."u8);
        Raw(bracket);
        if (_structDepth > 0) _structDepth--;
        Typed?.EndStruct(lastEnd, _len, abbreviated, kind);
        return this;
    }

    /// <summary>Opens an array: "[", then each element after <see cref="Element"/>, then <see cref="EndArray"/>.</summary>
    public ArgWriter BeginArray() => Open((byte)'[');

    /// <summary>Starts the next element: ", " before every one but the first (separator instead,
    /// for arrays strace writes with spaces).</summary>
    public ArgWriter Element(ReadOnlySpan<byte> separator = default)
    {
        int previousEnd = _len;
        Separator(separator);
        Typed?.Element(previousEnd, _len);
        return this;
    }

    /// <summary>The elements from here are left out: the separator, then the caller writes what
    /// strace writes for them ("...", "... /* 0x7ffd... */").</summary>
    public ArgWriter Elided(ReadOnlySpan<byte> separator = default)
    {
        int previousEnd = _len;
        Separator(separator);
        Typed?.Elided(previousEnd);
        return this;
    }

    /// <summary>Opens an array strace writes with designators ("[[VINTR]=0x3, [VQUIT]=0x1c]"): for
    /// --json a structure whose fields are named by them (<see cref="Designated"/>).</summary>
    public ArgWriter BeginDesignated() => Open((byte)'[');

    /// <summary>"[name]=" (after ", " unless it is the first); the element's value follows.</summary>
    public ArgWriter Designated(string name)
    {
        int start = DesignatorStart();
        Ascii(name);
        return DesignatorEnd(start);
    }

    /// <summary>"[" (after ", " unless it is the first) of a designator the caller prints
    /// ("[IO_WQ_BOUND]", a constant that -X restyles); then <see cref="DesignatorEnd"/>.</summary>
    public int DesignatorStart()
    {
        _designatorPrevious = _len;
        Separator(default);
        Raw((byte)'[');
        return _len;
    }

    /// <summary>"]=" after a designator started at start: for --json the element is the field it names.</summary>
    public ArgWriter DesignatorEnd(int start)
    {
        int end = _len;
        Raw("]="u8);
        Typed?.Field(_designatorPrevious, _buf.AsSpan(start, end - start), default, _len);
        return this;
    }

    private int _designatorPrevious;

    /// <summary>Closes what <see cref="BeginDesignated"/> opened.</summary>
    public ArgWriter EndDesignated() => Close((byte)']', false, ValueKind.Struct);

    /// <summary>", " (or separator) before every field or element of a structure or array but its first.</summary>
    private void Separator(ReadOnlySpan<byte> separator)
    {
        int level = _structDepth - 1;
        if (level is < 0 or >= 64) return;
        if ((_fieldsSeen & (1UL << level)) != 0) Raw(separator.IsEmpty ? ", "u8 : separator);
        _fieldsSeen |= 1UL << level;
    }

    /// <summary>Closes an array.</summary>
    public ArgWriter EndArray() => Close((byte)']', false, ValueKind.Array);

    /// <summary>The text from start is the set of signals mask, listed as its complement (~[...]) when complement.</summary>
    public void MarkSignals(int start, ulong mask, bool complement) => Typed?.MarkSignals(start, _len, mask, complement);

    /// <summary>Structures and arrays being written, and per level whether a field or element was written yet.</summary>
    private int _structDepth;
    private ulong _fieldsSeen;

    /// <summary>File modes as C's %#03o prints them: 0644, 022, 000.</summary>
    public ArgWriter Octal(ulong v)
    {
        Span<byte> tmp = stackalloc byte[24];
        int i = tmp.Length;
        ulong value = v;
        bool zero = v == 0;
        do { tmp[--i] = (byte)('0' + (int)(v & 7)); v >>= 3; } while (v != 0);
        if (!zero) tmp[--i] = (byte)'0';
        while (tmp.Length - i < 3) tmp[--i] = (byte)'0';
        Raw(tmp[i..]);
        Typed?.Mark(ValueKind.Int, _len - (tmp.Length - i), _len, value);
        return this;
    }

    /// <summary>Zero-padded decimal, for timestamps.</summary>
    public ArgWriter Padded(long v, int width, byte pad = (byte)'0')
    {
        Span<byte> tmp = stackalloc byte[24];
        Utf8Formatter.TryFormat(v, tmp, out int n);
        for (int i = n; i < width; i++) Raw(pad);
        return Raw(tmp[..n]);
    }

    /// <summary>Bytes from the tracee, quoted and escaped the way strace's string_quote does;
    /// hexMode: 0 escapes only unprintables, 1 (-x) goes all-hex if any byte is non-ASCII,
    /// 2 (-xx) always all-hex; <see cref="HexEscapes"/> writes only the escapes in hex.  "..."
    /// follows when the data was cut short.</summary>
    public ArgWriter Quoted(ReadOnlySpan<byte> data, int hexMode, bool truncated, ValueKind kind = ValueKind.String)
    {
        int start = _len;
        Raw((byte)'"');
        Escaped(data, hexMode);
        Raw((byte)'"');
        if (truncated) Raw("..."u8);
        Typed?.MarkBytes(kind, start, _len, data, truncated);
        return this;
    }

    /// <summary>--strings-in-hex=non-ascii-chars: printable bytes as they are, the others as \xNN
    /// rather than octal.</summary>
    public const int HexEscapes = -1;

    /// <param name="angles">'&lt;' and '&gt;' escaped too, as strace escapes them in a
    /// "PID&lt;comm&gt;" name so that the name cannot seem to end early.</param>
    public ArgWriter Escaped(ReadOnlySpan<byte> data, int hexMode, bool angles = false)
    {
        bool hex = hexMode >= 2 || (hexMode == 1 && NeedsHex(data));
        Span<byte> dst = Reserve(data.Length * 4);
        int o = 0;
        for (int i = 0; i < data.Length; i++)
        {
            byte c = data[i];
            if (hex)
            {
                dst[o++] = (byte)'\\'; dst[o++] = (byte)'x';
                dst[o++] = HexDigit(c >> 4); dst[o++] = HexDigit(c & 15);
                continue;
            }
            switch (c)
            {
                case (byte)'"': case (byte)'\\': dst[o++] = (byte)'\\'; dst[o++] = c; continue;
                case (byte)'\f': dst[o++] = (byte)'\\'; dst[o++] = (byte)'f'; continue;
                case (byte)'\n': dst[o++] = (byte)'\\'; dst[o++] = (byte)'n'; continue;
                case (byte)'\r': dst[o++] = (byte)'\\'; dst[o++] = (byte)'r'; continue;
                case (byte)'\t': dst[o++] = (byte)'\\'; dst[o++] = (byte)'t'; continue;
                case (byte)'\v': dst[o++] = (byte)'\\'; dst[o++] = (byte)'v'; continue;
            }
            if (c >= 0x20 && c < 0x7f && !(angles && c is (byte)'<' or (byte)'>')) { dst[o++] = c; continue; }
            dst[o++] = (byte)'\\';
            if (hexMode == HexEscapes)
            {
                dst[o++] = (byte)'x'; dst[o++] = HexDigit(c >> 4); dst[o++] = HexDigit(c & 15);
                continue;
            }
            // Short octal unless the next byte is an octal digit, which would join the escape.
            bool full = i + 1 < data.Length && data[i + 1] >= '0' && data[i + 1] <= '7';
            if (full || c >> 6 != 0) dst[o++] = (byte)('0' + (c >> 6));
            if (full || c >> 3 != 0) dst[o++] = (byte)('0' + ((c >> 3) & 7));
            dst[o++] = (byte)('0' + (c & 7));
        }
        _len += o;
        return this;
    }

    private static bool NeedsHex(ReadOnlySpan<byte> data)
    {
        foreach (byte c in data)
            if (c > 0x7e || (c < 0x20 && (uint)(c - 9) >= 5)) return true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte HexDigit(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);
}

/// <summary>-X / --const-print-style: names (strace's default), numbers, or numbers with the names
/// in a comment.</summary>
public enum ConstStyle : byte { Abbrev, Raw, Verbose }

/// <summary>How a constant's number prints in raw and verbose style: hex for flags and most
/// values, decimal for signals and AT_FDCWD, octal for modes, unsigned for limits.</summary>
internal enum NumberBase : byte { Hex, Decimal, Unsigned, Octal }

/// <summary>Where a constant began and the style outside it (see ArgWriter.BeginConst); for --json
/// the first of its names and whether it is a set of flags.</summary>
internal readonly record struct ConstMark(int Start, ConstStyle Style, int FirstName = 0, bool Flags = false);
