namespace Syscope.Decoding.Families;

/// <summary>Process lifecycle calls: execve, exit, wait.</summary>
internal static class ProcessDecoders
{
    public static void Register(Dictionary<string, SyscallDecoder> d)
    {
        d["execve"] = new FuncDecoder(ExecveEntry);
        d["exit_group"] = new FuncDecoder((ref DecodeContext c) => c.Out.Sep().Int(c.IntArg(0)));
        d["exit"] = d["exit_group"];
    }

    private static void ExecveEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        Printers.Path(ref c, c.Arg(0));
        c.Out.Sep();
        Printers.StringArray(ref c, c.Arg(1));
        c.Out.Sep();
        Envp(ref c, c.Arg(2));
    }

    /// <summary>The environment is long and rarely the point: strace shows its address and size
    /// unless -v asks for all of it.</summary>
    internal static void Envp(ref DecodeContext c, ulong addr)
    {
        if (c.Options.Verbose || addr == 0) { Printers.StringArray(ref c, addr); return; }
        c.Out.Hex(addr);
        int n = Printers.CountArray(ref c, addr);
        if (n >= 0) c.Out.Raw(" /* "u8).Int(n).Raw(n == 1 ? " var */"u8 : " vars */"u8);
    }
}
