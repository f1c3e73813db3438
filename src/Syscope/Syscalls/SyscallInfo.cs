namespace Syscope.Syscalls;

/// <summary>An argument as the kernel declares it: its C type (without __user) and its name.</summary>
public readonly record struct SyscallArg(string CType, string Name);

/// <summary>One row of the syscall table: kernel facts plus the decoder that prints it.</summary>
public sealed class SyscallInfo(int number, string name, SyscallArg[] args)
{
    public int Number { get; } = number;
    public string Name { get; } = name;
    public byte[] NameUtf8 { get; } = System.Text.Encoding.ASCII.GetBytes(name);
    public SyscallArg[] Args { get; } = args;
    public int ArgCount => Args.Length;
    public Decoding.SyscallDecoder Decoder { get; internal set; } = Decoding.GenericDecoder.Instance;
    /// <summary>How -e read=/write= dump the data this call moves; null when it moves none.</summary>
    public Decoding.DumpRule? Dump { get; internal set; }
}
