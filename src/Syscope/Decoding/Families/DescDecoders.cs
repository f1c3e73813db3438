namespace Syscope.Decoding.Families;

/// <summary>Calls on file descriptors: read, write, close and their vectored and positioned kin.</summary>
internal static class DescDecoders
{
    public static void Register(Dictionary<string, SyscallDecoder> d)
    {
        var readLike = new FuncDecoder(FdArg, ReadExit);
        d["read"] = readLike;
        d["pread64"] = new FuncDecoder(FdArg, (ref DecodeContext c) => { ReadExit(ref c); c.Out.Sep().Int((long)c.Arg(3)); });
        d["write"] = new FuncDecoder(WriteEntry);
        d["pwrite64"] = new FuncDecoder((ref DecodeContext c) => { WriteEntry(ref c); c.Out.Sep().Int((long)c.Arg(3)); });
        d["close"] = new FuncDecoder(FdArg);
    }

    internal static void FdArg(ref DecodeContext c) => c.Out.Sep().Int(c.IntArg(0));

    private static void ReadExit(ref DecodeContext c)
    {
        c.Out.Sep();
        if (c.Failed) c.Out.Hex(c.Arg(1));
        else Printers.Buffer(ref c, c.Arg(1), c.ReturnValue);
        c.Out.Sep().UInt(c.Arg(2));
    }

    private static void WriteEntry(ref DecodeContext c)
    {
        FdArg(ref c);
        c.Out.Sep();
        Printers.Buffer(ref c, c.Arg(1), (long)c.Arg(2));
        c.Out.Sep().UInt(c.Arg(2));
    }
}
