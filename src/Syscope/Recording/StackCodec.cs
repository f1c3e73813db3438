using Syscope.Events;
using Syscope.Stacks.Symbols;

namespace Syscope.Recording;

/// <summary>
/// -k stacks in a recording (format version 2, raw symbols since 3), written as the backend
/// resolved them: module, address, offset in the module, symbol and offset in it, the symbol as
/// the module spells it where it was demangled, source file and line (-kk).  Resolved rather than raw return
/// addresses with the module maps because a recording is read elsewhere and later (the point of
/// `diff` is the machine where it fails): the binaries may be gone, rebuilt or never there, and a
/// JIT's perf map is deleted when its process exits.  Module paths and symbols repeat from stack
/// to stack, so each is written once as a Name record and frames refer to it by number: a frame
/// costs a few bytes.
///   Name:  text (numbered 0, 1, ... in the order written)
///   Stack: flags (1 at entry, 2 too deep), frame count, then per frame: kind, fields (1: has a
///          symbol, 2: has a source line, 4: has a raw symbol), module name, address, module
///          offset, [symbol name, symbol offset], [source file name, line], [raw symbol name]
/// The Stack record belongs to the Event after it, like Memory.  Both names of a demangled symbol
/// are kept, so that `replay --no-demangle` shows the raw one and a replay by default the one the
/// live trace showed, whatever the C++ runtime of the machine that replays.
/// </summary>
internal sealed class StackCodec
{
    [Flags]
    private enum StackFlags : byte { AtEntry = 1, TooDeep = 2 }

    [Flags]
    private enum FrameFields : byte { Symbol = 1, Source = 2, RawSymbol = 4 }

    private readonly Dictionary<string, int> _written = new(StringComparer.Ordinal);
    private readonly List<string> _read = [];
    private readonly List<string?> _demangled = [];

    /// <summary>The Name records the stack needs that were not written yet, then the Stack record.</summary>
    public void Write(StackTrace stack, RecordBuffer b)
    {
        foreach (ref readonly var f in stack.AsSpan())
        {
            NameOf(f.Module ?? "", b);
            if (f.Symbol != null) NameOf(f.Symbol, b);
            if (f.SourceFile != null) NameOf(f.SourceFile, b);
            if (f.RawSymbol != null) NameOf(f.RawSymbol, b);
        }
        b.Byte((byte)RecordTag.Stack);
        b.Byte((byte)((stack.AtEntry ? StackFlags.AtEntry : 0) | (stack.TooDeep ? StackFlags.TooDeep : 0)));
        b.Varint((ulong)stack.Count);
        foreach (ref readonly var f in stack.AsSpan())
        {
            b.Byte((byte)f.Kind);
            b.Byte((byte)((f.Symbol != null ? FrameFields.Symbol : 0) | (f.SourceFile != null ? FrameFields.Source : 0)
                | (f.Symbol != null && f.RawSymbol != null ? FrameFields.RawSymbol : 0)));
            b.Varint((ulong)_written[f.Module ?? ""]);
            b.Varint(f.Address);
            b.Varint(f.ModuleOffset);
            if (f.Symbol != null)
            {
                b.Varint((ulong)_written[f.Symbol]);
                b.Varint(f.SymbolOffset);
            }
            if (f.SourceFile != null)
            {
                b.Varint((ulong)_written[f.SourceFile]);
                b.Signed(f.SourceLine);
            }
            if (f.Symbol != null && f.RawSymbol != null) b.Varint((ulong)_written[f.RawSymbol]);
        }
    }

    private void NameOf(string name, RecordBuffer b)
    {
        if (_written.ContainsKey(name)) return;
        _written[name] = _written.Count;
        b.Byte((byte)RecordTag.Name);
        b.Text(name);
    }

    /// <summary>A Name record's body (its tag already read).</summary>
    public void ReadName(ref RecordSpan s) => _read.Add(s.Text());

    /// <summary>A Stack record's body (its tag already read) into stack; source lines (-kk) only
    /// when asked for; symbols named as <paramref name="names"/> says.</summary>
    public void Read(ref RecordSpan s, StackTrace stack, bool sourceLines, RecordedSymbolNames names)
    {
        stack.Clear();
        var flags = (StackFlags)s.Byte();
        stack.AtEntry = (flags & StackFlags.AtEntry) != 0;
        stack.TooDeep = (flags & StackFlags.TooDeep) != 0;
        ulong count = s.Varint();
        if (count > StackTrace.MaxFrames) throw new DamagedRecording("a stack has more frames than a stack can");
        for (int i = 0; i < (int)count; i++)
        {
            ref var f = ref stack.Frames[i];
            byte kind = s.Byte();
            if (kind > (byte)StackFrameKind.Unknown) throw new DamagedRecording($"unknown stack frame kind {kind}");
            f.Kind = (StackFrameKind)kind;
            var fields = (FrameFields)s.Byte();
            if ((fields & ~(FrameFields.Symbol | FrameFields.Source | FrameFields.RawSymbol)) != 0) throw new DamagedRecording("a stack frame has fields this version does not know");
            f.Module = Name(s.Varint());
            f.Address = s.Varint();
            f.ModuleOffset = s.Varint();
            ulong symbol = (fields & FrameFields.Symbol) != 0 ? s.Varint() : ulong.MaxValue;
            f.SymbolOffset = (fields & FrameFields.Symbol) != 0 ? s.Varint() : 0;
            f.SourceFile = null;
            f.SourceLine = 0;
            if ((fields & FrameFields.Source) != 0)
            {
                string file = Name(s.Varint());
                int line = s.Int();
                if (sourceLines) (f.SourceFile, f.SourceLine) = (file, line);
            }
            ulong raw = (fields & FrameFields.RawSymbol) != 0 ? s.Varint() : ulong.MaxValue;
            if ((fields & FrameFields.RawSymbol) != 0 && symbol == ulong.MaxValue) throw new DamagedRecording("a stack frame has a raw symbol and no symbol");
            f.RawSymbol = raw != ulong.MaxValue ? Name(raw) : null;
            f.Symbol = symbol == ulong.MaxValue ? null
                : names == RecordedSymbolNames.Raw && f.RawSymbol != null ? f.RawSymbol
                : names == RecordedSymbolNames.Demangled && f.RawSymbol == null ? Demangled(symbol)
                : Name(symbol);
        }
        stack.Count = (int)count;
    }

    /// <summary>A recorded name demangled, once per name: a recording made with --no-demangle
    /// kept only the raw names.</summary>
    private string Demangled(ulong index)
    {
        string name = Name(index);
        while (_demangled.Count < _read.Count) _demangled.Add(null);
        return _demangled[(int)index] ??= Demangler.Demangle(name) is { } plain ? SymbolTable.Shown(plain) : name;
    }

    private string Name(ulong index) => index < (ulong)_read.Count ? _read[(int)index] : throw new DamagedRecording("a stack frame names a name not written before it");
}

/// <summary>How a replay names the recorded stacks' symbols.</summary>
internal enum RecordedSymbolNames : byte
{
    /// <summary>As the live trace showed them (demangled, unless recorded with --no-demangle).</summary>
    AsRecorded,
    /// <summary>replay --no-demangle: the raw name of each symbol that was demangled.</summary>
    Raw,
    /// <summary>A recording made with --no-demangle, replayed without it: demangled now.</summary>
    Demangled,
}
