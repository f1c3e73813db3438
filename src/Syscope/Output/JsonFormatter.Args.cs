using Syscope.Calls;
using Syscope.Decoding;

namespace Syscope.Output;

/// <summary>The "args" of a call record: per argument its name (from the syscall's row), its
/// type and typed value as its decoder recorded them (<see cref="TypedValues"/>), and strace's
/// text of it.  docs/JSON.md lists the types.</summary>
internal sealed partial class JsonFormatter
{
    private void Arguments(AssembledCall call)
    {
        _json.Member("args"u8).BeginArray();
        var typed = call.Typed;
        for (int i = 0; i < call.ArgumentCount; i++)
        {
            var text = call.Argument(i);
            _json.Element().BeginObject();
            _json.Member("name"u8);
            if (i < call.Syscall.ArgCount) _json.Ascii(call.Syscall.Args[i].Name);
            else _json.String("?"u8);
            int slot = typed?.ArgumentSlot(i) ?? -1;
            if (slot < 0) _json.Member("type"u8).String("raw"u8);
            else
            {
                int start = typed!.At(slot).Start;
                Value(typed, slot, start + text.Length, text, start);
            }
            _json.Member("text"u8).String(text);
            _json.EndObject();
        }
        _json.EndArray();
    }

    /// <summary>"type", "value" and what goes with them, for the slot whose text ends at end (its
    /// value is typed only if one printer wrote exactly that text); text starts at textStart.</summary>
    private void Value(TypedValues typed, int slot, int end, ReadOnlySpan<byte> text, int textStart)
    {
        ref readonly var s = ref typed.At(slot);
        var kind = s.KindEnd == end ? s.Kind : ValueKind.Raw;
        _json.Member("type"u8).String(kind switch
        {
            ValueKind.Int => "int"u8,
            ValueKind.Pointer => "pointer"u8,
            ValueKind.Fd => "fd"u8,
            ValueKind.String => "string"u8,
            ValueKind.Path => "path"u8,
            ValueKind.Flags => "flags"u8,
            ValueKind.Const => "const"u8,
            ValueKind.Struct => "struct"u8,
            _ => "raw"u8,
        });
        switch (kind)
        {
            case ValueKind.Int or ValueKind.Pointer or ValueKind.Fd:
                _json.Member("value"u8);
                if (s.Signed) _json.Number((long)s.Number); else _json.Number(s.Number);
                break;
            case ValueKind.String or ValueKind.Path:
                _json.Member("value"u8);
                if (!_json.Bytes(typed.Bytes(s))) _json.Member("encoding"u8).String("base64"u8);
                _json.Member("truncated"u8).Bool(s.Truncated);
                break;
            case ValueKind.Flags:
                _json.Member("value"u8).BeginArray();
                for (int n = 0; n < s.NameCount; n++) _json.Element().String(typed.Name(s.FirstName + n));
                _json.EndArray();
                _json.Member("number"u8).Number(s.Number);
                break;
            case ValueKind.Const:
                _json.Member("value"u8).String(typed.Name(s.FirstName));
                _json.Member("number"u8).Number(s.Number);
                break;
            case ValueKind.Struct:
                _json.Member("value"u8).BeginObject();
                var slots = typed.Slots;
                for (int f = slot + 1; f < slots.Length; f++)
                {
                    ref readonly var field = ref slots[f];
                    if (field.Parent != slot || field.End < field.Start) continue;
                    _json.Member(typed.Name(field.FieldName)).BeginObject();
                    var fieldText = text[(field.Start - textStart)..(field.End - textStart)];
                    Value(typed, f, field.End, fieldText, field.Start);
                    _json.Member("text"u8).String(fieldText);
                    _json.EndObject();
                }
                _json.EndObject();
                if (s.Abbreviated) _json.Member("abbreviated"u8).Bool(true);
                break;
        }
    }
}
