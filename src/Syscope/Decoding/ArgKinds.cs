namespace Syscope.Decoding;

/// <summary>How an argument prints when no decoder knows better, derived from its kernel C type.</summary>
public enum ArgKind : byte
{
    Signed, Unsigned, Hex, Octal, Pointer, OutPointer, Path, InBuffer, OutBuffer, StringArray,
}

public static class ArgKinds
{
    public static ArgKind Of(string ctype, string name)
    {
        if (ctype.EndsWith("*const *")) return ArgKind.StringArray;
        if (ctype == "const char *")
            return name.Contains("buf") ? ArgKind.InBuffer : ArgKind.Path;
        if (ctype == "char *" && name.Contains("buf")) return ArgKind.OutBuffer;
        if (ctype.EndsWith('*')) return ctype.StartsWith("const ") ? ArgKind.Pointer : ArgKind.OutPointer;
        if (ctype == "umode_t") return ArgKind.Octal;
        // The generator's type for the registers of calls the kernel removed: strace prints them in hex.
        if (ctype == "kernel_ulong_t") return ArgKind.Hex;
        if (ctype is "unsigned long" && (name.Contains("addr") || name.Contains("brk") || name == "start"))
            return ArgKind.Hex;
        if (ctype is "int" or "long" or "pid_t" or "loff_t" or "off_t" or "key_t" or "const int" or "clockid_t" or "const clockid_t" or "timer_t" or "mqd_t" or "s32" or "uid_t" or "gid_t" or "old_uid_t" or "old_gid_t")
            return ArgKind.Signed;
        return ArgKind.Unsigned;
    }
}
