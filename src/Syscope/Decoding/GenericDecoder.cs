using Syscope.Syscalls;

namespace Syscope.Decoding;

/// <summary>
/// The decoder for calls that have no decoder of their own: each argument printed as its row's
/// ArgFormat says (numbers in decimal, modes in octal, strings quoted, buffers by their role's
/// length, pointers the kernel writes through as addresses at exit).
/// </summary>
internal sealed class GenericDecoder : SyscallDecoder
{
    public static readonly GenericDecoder Instance = new();

    public override void Entry(ref DecodeContext c)
    {
        var args = c.Syscall.Args;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].Format is ArgFormat.OutPointer or ArgFormat.OutBuffer) { c.Scratch.A = i; c.Out.SepAhead(); return; }
            Print(ref c, i);
        }
        c.Scratch.A = args.Length;
    }

    public override void Exit(ref DecodeContext c)
    {
        for (int i = (int)c.Scratch.A; i < c.Syscall.ArgCount; i++) Print(ref c, i);
    }

    private static void Print(ref DecodeContext c, int i)
    {
        ulong v = c.Args[i];
        var arg = c.Syscall.Args[i];
        // Descriptors follow -y, and a directory's AT_FDCWD is named, whatever the C type says.
        if (arg.Role.Kind == ArgKind.DirFd) { Args.DirFd(ref c, i); return; }
        c.Out.Sep();
        if (arg.Role.Kind == ArgKind.Fd) { Args.FdValue(ref c, (int)v, c.Out); return; }
        switch (arg.Format)
        {
            case ArgFormat.Int: c.Out.Int((int)v); break;
            case ArgFormat.Long: c.Out.Int((long)v); break;
            case ArgFormat.UInt: c.Out.UInt((uint)v); break;
            case ArgFormat.Id: Args.IdValue(c.Out, v); break;
            case ArgFormat.ULong: c.Out.UInt(v); break;
            case ArgFormat.Hex: c.Out.Hex(v); break;
            case ArgFormat.Octal: c.Out.Octal(v); break;
            case ArgFormat.Path: Printers.Path(ref c, v); break;
            case ArgFormat.StringArray: Printers.StringArray(ref c, v); break;
            case ArgFormat.InBuffer: Printers.Buffer(ref c, v, (long)c.Args[arg.Role.SizeArg]); break;
            case ArgFormat.OutBuffer:
                if (c.Exiting && !c.Failed) Printers.Buffer(ref c, v, c.ReturnValue);
                else c.Out.Ptr(v);
                break;
            default: c.Out.Ptr(v); break;
        }
    }
}
