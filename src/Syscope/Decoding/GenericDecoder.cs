namespace Syscope.Decoding;

/// <summary>
/// The decoder for calls that have no decoder of their own: each argument printed by its kernel C
/// type (numbers in decimal, modes in octal, strings quoted, output pointers as addresses at exit).
/// </summary>
public sealed class GenericDecoder : SyscallDecoder
{
    public static readonly GenericDecoder Instance = new();

    public override void Entry(ref DecodeContext c)
    {
        var args = c.Syscall.Args;
        for (int i = 0; i < args.Length; i++)
        {
            var kind = ArgKinds.Of(args[i].CType, args[i].Name);
            if (kind is ArgKind.OutPointer or ArgKind.OutBuffer) { c.Scratch.A = i; c.Out.SepAhead(); return; }
            Print(ref c, i, kind);
        }
        c.Scratch.A = args.Length;
    }

    public override void Exit(ref DecodeContext c)
    {
        var args = c.Syscall.Args;
        for (int i = (int)c.Scratch.A; i < args.Length; i++)
            Print(ref c, i, ArgKinds.Of(args[i].CType, args[i].Name));
    }

    private static void Print(ref DecodeContext c, int i, ArgKind kind)
    {
        ulong v = c.Args[i];
        c.Out.Sep();
        switch (kind)
        {
            case ArgKind.Signed: c.Out.Int(c.Syscall.Args[i].CType.Contains("long") || c.Syscall.Args[i].CType.Contains("loff") ? (long)v : (int)v); break;
            case ArgKind.Unsigned: c.Out.UInt(c.Syscall.Args[i].CType.Contains("long") || c.Syscall.Args[i].CType.Contains("size") ? v : (uint)v); break;
            case ArgKind.Hex: c.Out.Hex(v); break;
            case ArgKind.Octal: c.Out.Octal(v); break;
            case ArgKind.Path: Printers.Path(ref c, v); break;
            case ArgKind.StringArray: Printers.StringArray(ref c, v); break;
            case ArgKind.InBuffer:
                Printers.Buffer(ref c, v, i + 1 < c.Syscall.ArgCount ? (long)c.Args[i + 1] : 0);
                break;
            case ArgKind.OutBuffer:
                if (c.Exiting && !c.Failed) Printers.Buffer(ref c, v, c.ReturnValue);
                else c.Out.Ptr(v);
                break;
            default: c.Out.Ptr(v); break;
        }
    }
}
