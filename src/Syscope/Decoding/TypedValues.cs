namespace Syscope.Decoding;

/// <summary>What a value is, as the printer that wrote it knows: the typed side of a decoded
/// argument (--json), kept next to its text.</summary>
internal enum ValueKind : byte
{
    /// <summary>No single printer wrote the whole text (arrays, composites...): the text alone.</summary>
    Raw,
    /// <summary>A number however strace shows it (decimal, hex, octal).</summary>
    Int,
    Pointer,
    Fd,
    /// <summary>Bytes from the tracee (a string or a buffer), kept as they were.</summary>
    String,
    Path,
    /// <summary>A set of flags: the names of its bits.</summary>
    Flags,
    /// <summary>One named value (SEEK_SET, AT_FDCWD).</summary>
    Const,
    /// <summary>A structure: its fields, each a value of its own.</summary>
    Struct,
    /// <summary>An array ([a, b], or a value written back through a pointer, [3]): its elements,
    /// each a value of its own.</summary>
    Array,
    /// <summary>A set of signals (sigset_t): the mask, and whether strace listed the signals not
    /// in it (~[...]).</summary>
    Signals,
}

/// <summary>
/// The typed values of one call's arguments, recorded by the <see cref="ArgWriter"/> primitives as
/// decoders print (one path for the text and the types: nothing is parsed back out of the text).
/// Each argument, and each field of a structure printed with BeginStruct/Field/EndStruct, is a
/// slot; a primitive that writes a slot's whole text (a number, a quoted string, a flag set, a
/// structure) gives it that primitive's kind; a slot whose text no single primitive covers stays
/// <see cref="ValueKind.Raw"/>.  Tracee bytes are copied aside as they were read, before escaping.
/// Arrays grow once and are reused, so a call allocates nothing once they are large enough.
/// </summary>
internal sealed class TypedValues
{
    internal struct Slot
    {
        /// <summary>Where the value's text starts in the writer, and ends (-1 while open; arguments
        /// end where the writer says).</summary>
        public int Start, End;
        /// <summary>The structure (slot index) this is a field of; -1 for an argument.</summary>
        public int Parent;
        /// <summary>A field's name: its index among the names kept (see <see cref="Name"/>).</summary>
        public int FieldName;
        /// <summary>The kind the last primitive that started at Start gave, and where its text ended.</summary>
        public ValueKind Kind;
        public int KindEnd;
        public ulong Number;
        public bool Signed;
        /// <summary>String and Path: the bytes in <see cref="Bytes"/>; whether the tracee had more.</summary>
        public int BytesStart, BytesLength;
        public bool Truncated;
        /// <summary>Flags and Const: the names printed, in <see cref="Names"/>.</summary>
        public int FirstName, NameCount;
        /// <summary>Struct and Array: where its '{' or '[' is; whether fields or elements were
        /// left out ("...").  A field's or element's <see cref="FieldName"/> is -1 for an element.</summary>
        public int StructStart;
        public bool Abbreviated;
        public bool HasFields;
        /// <summary>Signals: the text names the signals not in the set (~[...]).</summary>
        public bool Complement;
        /// <summary>An argument strace writes as "name=value" (clone's): the length of "name=",
        /// whose name is <see cref="FieldName"/>; Start is where the value starts.</summary>
        public int Prefix;
    }

    private Slot[] _slots = new Slot[32];
    private int _count;
    private readonly int[] _argSlot = new int[MaxArgs];
    private const int MaxArgs = 8;
    /// <summary>The innermost slot being written, -1 for none.</summary>
    private int _open = -1;
    private byte[] _bytes = new byte[1024];
    private int _bytesLength;
    private (int Start, int Length)[] _names = new (int, int)[32];
    private byte[] _nameBytes = new byte[512];
    private int _nameCount, _nameBytesLength;

    public ReadOnlySpan<Slot> Slots => _slots.AsSpan(0, _count);
    public ref readonly Slot At(int index) => ref _slots[index];
    public ReadOnlySpan<byte> Bytes(in Slot s) => _bytes.AsSpan(s.BytesStart, s.BytesLength);
    public ReadOnlySpan<byte> Name(int index) => _nameBytes.AsSpan(_names[index].Start, _names[index].Length);
    public int NameCount => _nameCount;

    /// <summary>The slot of argument i, -1 when there is none.</summary>
    public int ArgumentSlot(int i) => (uint)i < MaxArgs && i < _argCount ? _argSlot[i] : -1;
    private int _argCount;

    public void Clear()
    {
        _count = 0;
        _argCount = 0;
        _open = -1;
        _depth = 0;
        _bytesLength = 0;
        _nameCount = 0;
        _nameBytesLength = 0;
    }

    /// <summary>Argument i starts at position start.</summary>
    public void Argument(int i, int start)
    {
        _depth = 0;
        if (i >= MaxArgs) { _open = -1; return; }
        _argSlot[i] = _open = NewSlot(start, -1);
        _argCount = i + 1;
    }

    /// <summary>The open argument's text starts with "name=" (clone's "child_stack="): its value starts at valueStart.</summary>
    public void ArgumentName(ReadOnlySpan<byte> name, int valueStart)
    {
        if (_open < 0 || _slots[_open].Parent >= 0) return;
        int nameIndex = _nameCount;
        ConstName(name);
        ref var s = ref _slots[_open];
        s.FieldName = nameIndex;
        s.Prefix = valueStart - s.Start;
        s.Start = valueStart;
    }

    /// <summary>A structure or array starts at position start (its '{' or '[') as the value of the open slot.</summary>
    public void BeginStruct(int start)
    {
        if (_depth == _structs.Length) Array.Resize(ref _structs, _structs.Length * 2);
        _structs[_depth++] = _open;
        if (_open < 0) return;
        _slots[_open].StructStart = start;
        _slots[_open].HasFields = false;
        _slots[_open].Abbreviated = false;
    }

    /// <summary>Whether the structure being written has a field already (a ", " is due).</summary>
    public bool FieldDue => _depth > 0 && _structs[_depth - 1] >= 0 && _slots[_structs[_depth - 1]].HasFields;

    /// <summary>A field of the structure being written: its name at nameStart, its value from
    /// valueStart; the previous field ended at previousEnd.</summary>
    public void Field(int previousEnd, ReadOnlySpan<byte> name, ReadOnlySpan<byte> suffix, int valueStart)
    {
        int owner = _depth > 0 ? _structs[_depth - 1] : -1;
        if (owner < 0) return;
        CloseField(owner, previousEnd);
        int slot = NewSlot(valueStart, owner);
        _slots[slot].FieldName = _nameCount;
        ConstName(name);
        if (!suffix.IsEmpty) AppendToLastName(suffix);
        _slots[owner].HasFields = true;
        _open = slot;
    }

    /// <summary>The open field's value starts at start (what came before it is a comment).</summary>
    public void FieldValueStartsAt(int start)
    {
        if (_open >= 0 && _slots[_open].Parent >= 0) _slots[_open].Start = start;
    }

    /// <summary>An element of the array being written, its value from valueStart; the previous
    /// element ended at previousEnd.</summary>
    public void Element(int previousEnd, int valueStart)
    {
        int owner = _depth > 0 ? _structs[_depth - 1] : -1;
        if (owner < 0) return;
        CloseField(owner, previousEnd);
        int slot = NewSlot(valueStart, owner);
        _slots[slot].FieldName = -1;
        _slots[owner].HasFields = true;
        _open = slot;
    }

    /// <summary>The array being written leaves elements out from here ("...", "... /* 0x... */"):
    /// the last element ended at previousEnd.</summary>
    public void Elided(int previousEnd)
    {
        int owner = _depth > 0 ? _structs[_depth - 1] : -1;
        if (owner < 0) return;
        CloseField(owner, previousEnd);
        _slots[owner].Abbreviated = true;
        _open = -1;
    }

    /// <summary>A structure or array ended: its last field at lastEnd, itself at end (after its '}' or ']').</summary>
    public void EndStruct(int lastEnd, int end, bool abbreviated, ValueKind kind = ValueKind.Struct)
    {
        if (_depth == 0) return;
        int owner = _structs[--_depth];
        if (owner < 0) return;
        CloseField(owner, lastEnd);
        _open = owner;
        ref var s = ref _slots[owner];
        s.Abbreviated |= abbreviated;
        if (s.Start == s.StructStart) { s.Kind = kind; s.KindEnd = end; }
    }

    private void CloseField(int owner, int end)
    {
        if (_open >= 0 && _open != owner && _slots[_open].Parent == owner && _slots[_open].End < 0) _slots[_open].End = end;
        _open = owner;
    }

    private int[] _structs = new int[8];
    private int _depth;

    /// <summary>A primitive wrote [start, end): it is the open slot's value if it covers the slot from its start.</summary>
    public void Mark(ValueKind kind, int start, int end, ulong number, bool signed = false)
    {
        if (_open < 0) return;
        ref var s = ref _slots[_open];
        if (s.Start != start) return;
        s.Kind = kind;
        s.KindEnd = end;
        s.Number = number;
        s.Signed = signed;
    }

    /// <summary>The open slot's value is the bytes data (a string, a path, a buffer).</summary>
    public void MarkBytes(ValueKind kind, int start, int end, ReadOnlySpan<byte> data, bool truncated)
    {
        if (_open < 0 || _slots[_open].Start != start) return;
        if (_bytesLength + data.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _bytesLength + data.Length));
        data.CopyTo(_bytes.AsSpan(_bytesLength));
        ref var s = ref _slots[_open];
        s.Kind = kind;
        s.KindEnd = end;
        s.BytesStart = _bytesLength;
        s.BytesLength = data.Length;
        s.Truncated = truncated;
        _bytesLength += data.Length;
    }

    /// <summary>The open slot's value, written from start, is the set of signals mask (listed as
    /// its complement when complement).</summary>
    public void MarkSignals(int start, int end, ulong mask, bool complement)
    {
        if (_open < 0 || _slots[_open].Start != start) return;
        ref var s = ref _slots[_open];
        s.Kind = ValueKind.Signals;
        s.KindEnd = end;
        s.Number = mask;
        s.Signed = false;
        s.Complement = complement;
    }

    /// <summary>Text from kindEnd to end annotates the open slot's value (a comment): the value keeps its type.</summary>
    public void Extend(int kindEnd, int end)
    {
        if (_open >= 0 && _slots[_open].KindEnd == kindEnd && _slots[_open].Kind != ValueKind.Raw) _slots[_open].KindEnd = end;
    }

    /// <summary>A constant's name as printed (the names of a flag set, one by one).</summary>
    public void ConstName(ReadOnlySpan<byte> name)
    {
        if (_nameCount == _names.Length) Array.Resize(ref _names, _names.Length * 2);
        if (_nameBytesLength + name.Length > _nameBytes.Length) Array.Resize(ref _nameBytes, Math.Max(_nameBytes.Length * 2, _nameBytesLength + name.Length));
        name.CopyTo(_nameBytes.AsSpan(_nameBytesLength));
        _names[_nameCount++] = (_nameBytesLength, name.Length);
        _nameBytesLength += name.Length;
    }

    /// <summary>Forgets the names kept from first on (parts of a constant named as a whole).</summary>
    public void ForgetNames(int first)
    {
        if (first >= _nameCount) return;
        _nameBytesLength = _names[first].Start;
        _nameCount = first;
    }

    private void AppendToLastName(ReadOnlySpan<byte> more)
    {
        if (_nameBytesLength + more.Length > _nameBytes.Length) Array.Resize(ref _nameBytes, Math.Max(_nameBytes.Length * 2, _nameBytesLength + more.Length));
        more.CopyTo(_nameBytes.AsSpan(_nameBytesLength));
        _nameBytesLength += more.Length;
        _names[_nameCount - 1].Length += more.Length;
    }

    /// <summary>A constant ended: its names are those printed since firstName.</summary>
    public void MarkConst(bool flags, int start, int end, int firstName, ulong number)
    {
        if (_open < 0 || _slots[_open].Start != start) return;
        int names = _nameCount - firstName;
        ref var s = ref _slots[_open];
        s.Kind = flags || names > 1 ? ValueKind.Flags : names == 1 ? ValueKind.Const : ValueKind.Int;
        s.KindEnd = end;
        s.Number = number;
        s.Signed = false;
        s.FirstName = firstName;
        s.NameCount = names;
    }

    /// <summary>The writer was cut back to length: forget what was written after it.</summary>
    public void Truncate(int length)
    {
        while (_count > 0 && _slots[_count - 1].Start > length) _count--;
        if (_open >= _count) _open = _count - 1;
        for (int i = 0; i < _count; i++)
        {
            ref var s = ref _slots[i];
            if (s.KindEnd > length) s.Kind = ValueKind.Raw;
            if (s.End > length) s.End = -1;
        }
    }

    private int NewSlot(int start, int parent)
    {
        if (_count == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
        _slots[_count] = new Slot { Start = start, End = -1, Parent = parent, Kind = ValueKind.Raw, KindEnd = -1, StructStart = -1 };
        return _count++;
    }
}
