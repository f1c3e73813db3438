using System.Globalization;
using System.Text;

namespace Syscope.Stacks.Symbols;

/// <summary>
/// Rust's v0 symbol mangling ("_R...", RFC 2603), printed as strace (libiberty without its verbose
/// flag) and rustc-demangle's "{:#}" print it: crate disambiguators, the instantiating crate and
/// integer constants' type suffixes and dotted suffixes (".llvm.N") left out, closures as "{closure#0}".  Read straight from the
/// grammar: paths (C crate, N nested, M/X/Y impls, I generic arguments), types, lifetimes with
/// binders, constants, backreferences (B, an offset into the symbol after "_R"), punycode.
/// Constants other than integers, bool, char and "_" (const generics of structs, arrays, &amp;str) are
/// not read: such a name stays mangled, as do malformed ones and any longer than MaxLength.
/// </summary>
internal sealed class RustV0Demangler
{
    private const int MaxLength = 4096, MaxDepth = 200;

    private readonly string _s;
    private readonly StringBuilder _out = new();
    private int _pos;
    private int _depth;
    private int _boundLifetimes;

    private RustV0Demangler(string s) => _s = s;

    public static string? Demangle(string symbol)
    {
        if (!symbol.StartsWith("_R", StringComparison.Ordinal) || symbol.Length < 3 || !char.IsAsciiLetterUpper(symbol[2])) return null;
        // A dotted suffix (LLVM's ".llvm.N", ".cold") is dropped, as libiberty drops it.
        string body = symbol[2..];
        int dot = body.IndexOf('.');
        if (dot >= 0) body = body[..dot];
        foreach (char ch in body) if (!char.IsAsciiLetterOrDigit(ch) && ch != '_') return null;
        var d = new RustV0Demangler(body);
        try
        {
            d.Path(inValue: true);
            // The instantiating crate, which the short form leaves out.
            if (d._pos < body.Length && char.IsAsciiLetterUpper(body[d._pos])) d.Skip(() => d.Path(false));
            if (d._pos != body.Length) return null;
        }
        catch (FormatException) { return null; }
        return d._out.ToString();
    }

    private char Peek() => _pos < _s.Length ? _s[_pos] : '\0';

    private char Next() => _pos < _s.Length ? _s[_pos++] : throw new FormatException();

    private bool Eat(char c)
    {
        if (Peek() != c) return false;
        _pos++;
        return true;
    }

    private void Print(string text)
    {
        _out.Append(text);
        if (_out.Length > MaxLength) throw new FormatException();
    }

    /// <summary>Parses without printing (an impl's path, the instantiating crate).</summary>
    private void Skip(Action parse)
    {
        int mark = _out.Length;
        parse();
        _out.Length = mark;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth) throw new FormatException();
    }

    /// <summary>base-62-number: digits 0-9a-zA-Z ending in "_", the empty one 0, others value + 1.</summary>
    private ulong Base62()
    {
        if (Eat('_')) return 0;
        ulong x = 0;
        while (!Eat('_'))
        {
            char c = Next();
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 36,
                _ => throw new FormatException(),
            };
            x = checked(x * 62 + (ulong)digit);
        }
        return checked(x + 1);
    }

    /// <summary>A tag followed by a base-62 number gives it + 1; no tag, 0 (disambiguators, binders).</summary>
    private ulong OptionalBase62(char tag) => Eat(tag) ? checked(Base62() + 1) : 0;

    private ulong Decimal()
    {
        char first = Next();
        if (!char.IsAsciiDigit(first)) throw new FormatException();
        ulong v = (ulong)(first - '0');
        if (v == 0) return 0;
        while (char.IsAsciiDigit(Peek())) v = checked(v * 10 + (ulong)(Next() - '0'));
        return v;
    }

    /// <summary>undisambiguated-identifier: ["u"] length ["_"] bytes; "u" marks punycode.</summary>
    private string Identifier()
    {
        bool punycode = Eat('u');
        ulong length = Decimal();
        Eat('_');
        if (length > (ulong)(_s.Length - _pos)) throw new FormatException();
        string raw = _s.Substring(_pos, (int)length);
        _pos += (int)length;
        return punycode ? Punycode.Decode(raw) ?? throw new FormatException() : raw;
    }

    /// <summary>Runs parse at a backreference's target, then comes back.</summary>
    private void Backref(Action parse)
    {
        int start = _pos - 1;
        ulong target = Base62();
        if (target >= (ulong)start) throw new FormatException();
        int back = _pos;
        _pos = (int)target;
        Enter();
        parse();
        _depth--;
        _pos = back;
    }

    private void Path(bool inValue)
    {
        Enter();
        char tag = Next();
        switch (tag)
        {
            case 'C':
                OptionalBase62('s');
                Print(Identifier());
                break;
            case 'N':
                {
                    char ns = Next();
                    if (!char.IsAsciiLetter(ns)) throw new FormatException();
                    Path(inValue);
                    ulong disambiguator = OptionalBase62('s');
                    string name = Identifier();
                    if (char.IsAsciiLetterUpper(ns))
                    {
                        Print("::{");
                        Print(ns switch { 'C' => "closure", 'S' => "shim", _ => ns.ToString() });
                        if (name.Length > 0) Print(":" + name);
                        Print("#" + disambiguator.ToString(CultureInfo.InvariantCulture) + "}");
                    }
                    else if (name.Length > 0) Print("::" + name);
                    break;
                }
            case 'M' or 'X' or 'Y':
                if (tag != 'Y')
                {
                    OptionalBase62('s');
                    Skip(() => Path(false));
                }
                Print("<");
                Type();
                if (tag != 'M')
                {
                    Print(" as ");
                    Path(false);
                }
                Print(">");
                break;
            case 'I':
                Path(inValue);
                if (inValue) Print("::");
                Print("<");
                List(GenericArgument, ", ");
                Print(">");
                break;
            case 'B': Backref(() => Path(inValue)); break;
            default: throw new FormatException();
        }
        _depth--;
    }

    /// <summary>Items up to "E", separated; returns how many.</summary>
    private int List(Action item, string separator)
    {
        int n = 0;
        while (!Eat('E'))
        {
            if (n++ > 0) Print(separator);
            item();
        }
        return n;
    }

    private void GenericArgument()
    {
        if (Eat('L')) Lifetime(Base62());
        else if (Eat('K')) Const();
        else Type();
    }

    private void Lifetime(ulong index)
    {
        Print("'");
        if (index == 0) { Print("_"); return; }
        if (index > (ulong)_boundLifetimes) throw new FormatException();
        int depth = _boundLifetimes - (int)index;
        Print(depth < 26 ? ((char)('a' + depth)).ToString() : "_" + depth.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>binder = "G" count: introduces lifetimes printed "for&lt;'a, 'b&gt; ".</summary>
    private void InBinder(Action body)
    {
        ulong bound = OptionalBase62('G');
        if (bound > 64) throw new FormatException();
        if (bound > 0)
        {
            Print("for<");
            for (ulong i = 0; i < bound; i++)
            {
                if (i > 0) Print(", ");
                _boundLifetimes++;
                Lifetime(1);
            }
            Print("> ");
        }
        body();
        _boundLifetimes -= (int)bound;
    }

    private static string? BasicType(char tag) => tag switch
    {
        'a' => "i8",
        'b' => "bool",
        'c' => "char",
        'd' => "f64",
        'e' => "str",
        'f' => "f32",
        'h' => "u8",
        'i' => "isize",
        'j' => "usize",
        'l' => "i32",
        'm' => "u32",
        'n' => "i128",
        'o' => "u128",
        's' => "i16",
        't' => "u16",
        'u' => "()",
        'v' => "...",
        'x' => "i64",
        'y' => "u64",
        'z' => "!",
        'p' => "_",
        _ => null,
    };

    private void Type()
    {
        Enter();
        char tag = Next();
        if (BasicType(tag) is { } basic) Print(basic);
        else switch (tag)
            {
                case 'R' or 'Q':
                    Print("&");
                    if (Eat('L'))
                    {
                        ulong lifetime = Base62();
                        if (lifetime != 0) { Lifetime(lifetime); Print(" "); }
                    }
                    if (tag == 'Q') Print("mut ");
                    Type();
                    break;
                case 'P': Print("*const "); Type(); break;
                case 'O': Print("*mut "); Type(); break;
                case 'A': Print("["); Type(); Print("; "); Const(); Print("]"); break;
                case 'S': Print("["); Type(); Print("]"); break;
                case 'T':
                    Print("(");
                    if (List(Type, ", ") == 1) Print(",");
                    Print(")");
                    break;
                case 'F': InBinder(FunctionSignature); break;
                case 'D':
                    Print("dyn ");
                    InBinder(() => List(DynTrait, " + "));
                    if (!Eat('L')) throw new FormatException();
                    ulong lt = Base62();
                    if (lt != 0) { Print(" + "); Lifetime(lt); }
                    break;
                case 'B': Backref(Type); break;
                default:
                    _pos--;
                    Path(false);
                    break;
            }
        _depth--;
    }

    private void FunctionSignature()
    {
        if (Eat('U')) Print("unsafe ");
        if (Eat('K'))
        {
            string abi = Eat('C') ? "C" : Identifier().Replace('_', '-');
            Print("extern \"" + abi + "\" ");
        }
        Print("fn(");
        List(Type, ", ");
        Print(")");
        if (Eat('u')) return;
        Print(" -> ");
        Type();
    }

    /// <summary>A dyn trait: its path with the associated types bound inside its generics.</summary>
    private void DynTrait()
    {
        bool open = PathMaybeOpenGenerics();
        while (Eat('p'))
        {
            Print(open ? ", " : "<");
            open = true;
            Print(Identifier());
            Print(" = ");
            Type();
        }
        if (open) Print(">");
    }

    private bool PathMaybeOpenGenerics()
    {
        if (Eat('B'))
        {
            bool open = false;
            Backref(() => open = PathMaybeOpenGenerics());
            return open;
        }
        if (!Eat('I'))
        {
            Path(false);
            return false;
        }
        Path(false);
        Print("<");
        List(GenericArgument, ", ");
        return true;
    }

    private void Const()
    {
        Enter();
        char tag = Next();
        switch (tag)
        {
            case 'p': Print("_"); break;
            case 'B': Backref(Const); break;
            case 'h' or 't' or 'm' or 'y' or 'o' or 'j' or 'a' or 's' or 'l' or 'x' or 'n' or 'i':
                {
                    bool negative = tag is 'a' or 's' or 'l' or 'x' or 'n' or 'i' && Eat('n');
                    if (negative) Print("-");
                    Print(Integer(ConstHex()));
                    break;
                }
            case 'b':
                Print(ConstHex() switch { "0" => "false", "1" => "true", _ => throw new FormatException() });
                break;
            case 'c':
                {
                    string hex = ConstHex();
                    if (hex.Length > 6 || !Rune.TryCreate(Convert.ToInt32(hex, 16), out var rune)) throw new FormatException();
                    Print(CharLiteral(rune));
                    break;
                }
            default: throw new FormatException();
        }
        _depth--;
    }

    /// <summary>const-data: hex digits ending in "_" (none: zero).</summary>
    private string ConstHex()
    {
        int start = _pos;
        while (char.IsAsciiHexDigitLower(Peek()) || char.IsAsciiDigit(Peek())) _pos++;
        string hex = _s[start.._pos];
        if (!Eat('_')) throw new FormatException();
        return hex.Length == 0 ? "0" : hex;
    }

    /// <summary>In decimal when it fits 64 bits, else the hex as it is.</summary>
    private static string Integer(string hex) =>
        hex.Length <= 16 ? ulong.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : "0x" + hex;

    private static string CharLiteral(Rune r) => r.Value switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        '\n' => "'\\n'",
        '\r' => "'\\r'",
        '\t' => "'\\t'",
        '\0' => "'\\0'",
        < 0x20 or 0x7f => $"'\\u{{{r.Value:x}}}'",
        _ => "'" + r + "'",
    };
}
