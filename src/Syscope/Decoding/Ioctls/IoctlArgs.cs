using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Ioctls;

/// <summary>Argument shapes many ioctl families share.</summary>
internal static class IoctlArgs
{
    /// <summary>Reads the structure an argument points to, or prints NULL or its address (strace's
    /// umove_or_printaddr) and answers false.</summary>
    public static bool Read<T>(ref DecodeContext c, ulong addr, out T value) where T : unmanaged
    {
        if (addr != 0 && Printers.TryRead(ref c, addr, out value)) return true;
        value = default;
        c.Out.Ptr(addr);
        return false;
    }

    /// <summary>An unsigned int of flags behind a pointer: [FLAG|FLAG].</summary>
    public static void UIntRef(ref DecodeContext c, ulong addr, FlagSet flags)
    {
        if (!Read(ref c, addr, out uint v)) return;
        c.Out.Raw((byte)'[');
        flags.Print(c.Out, v);
        c.Out.Raw((byte)']');
    }
}
