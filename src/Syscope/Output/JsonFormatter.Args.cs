using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Kernel;

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
            int slot = typed?.ArgumentSlot(i) ?? -1;
            int prefix = slot < 0 ? 0 : typed!.At(slot).Prefix;
            _json.Member("name"u8);
            if (prefix > 0) _json.String(typed!.Name(typed.At(slot).FieldName));
            else if (i < call.Syscall.ArgCount) _json.Ascii(call.Syscall.Args[i].Name);
            else _json.String("?"u8);
            if (slot < 0) _json.Member("type"u8).String("raw"u8);
            else
            {
                int start = typed!.At(slot).Start;
                Value(typed, slot, start - prefix + text.Length, text[Math.Min(prefix, text.Length)..], start);
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
            ValueKind.Array => "array"u8,
            ValueKind.Signals => "sigset"u8,
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
                Members(typed, slot, end, text, textStart);
                _json.EndObject();
                if (s.Abbreviated) _json.Member("abbreviated"u8).Bool(true);
                break;
            case ValueKind.Array:
                _json.Member("value"u8).BeginArray();
                Members(typed, slot, end, text, textStart);
                _json.EndArray();
                if (s.Abbreviated) _json.Member("abbreviated"u8).Bool(true);
                break;
            case ValueKind.Signals:
                _json.Member("value"u8).BeginArray();
                ulong listed = s.Complement ? ~s.Number : s.Number;
                for (int signal = 1; signal <= 64; signal++)
                {
                    if ((listed & (1UL << (signal - 1))) == 0) continue;
                    if (signal <= SignalNames.MaxSignal) _json.Element().String(SignalNames.NameUtf8(signal));
                    else _json.Element().Number((ulong)signal);
                }
                _json.EndArray();
                _json.Member("complement"u8).Bool(s.Complement);
                _json.Member("number"u8).Number(s.Number);
                break;
        }
    }

    /// <summary>The fields of a structure (by name) or the elements of an array, each
    /// {"type","value","text",...}; the container's text ends at end.</summary>
    private void Members(TypedValues typed, int slot, int end, ReadOnlySpan<byte> text, int textStart)
    {
        var slots = typed.Slots;
        for (int f = slot + 1; f < slots.Length; f++)
        {
            ref readonly var member = ref slots[f];
            if (member.Start >= end) break;
            if (member.Parent != slot || member.End < member.Start) continue;
            if (member.FieldName >= 0) _json.Member(typed.Name(member.FieldName)).BeginObject();
            else _json.Element().BeginObject();
            var memberText = text[(member.Start - textStart)..(member.End - textStart)];
            Value(typed, f, member.End, memberText, member.Start);
            _json.Member("text"u8).String(memberText);
            _json.EndObject();
        }
    }
}
