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

    /// <summary>A fixed char array holding a C string (strace's print_quoted_cstring): up to its
    /// NUL, else its first size - 1 bytes and "...", whatever -s says.</summary>
    public static void CString(ref DecodeContext c, scoped ReadOnlySpan<byte> field)
    {
        int nul = field.IndexOf((byte)0);
        c.Out.Quoted(nul >= 0 ? field[..nul] : field[..^1], c.Options.HexStrings, nul < 0);
    }

    /// <summary>", name=[...]" in hex when any of the reserved words is set (nothing when all are 0).</summary>
    public static void ReservedIfSet(ArgWriter w, ReadOnlySpan<byte> name, ReadOnlySpan<uint> words)
    {
        if (!words.ContainsAnyExcept(0u)) return;
        w.Field(name).BeginArray();
        foreach (uint r in words) w.Element().Hex(r);
        w.EndArray();
    }

    /// <summary>Starts what the kernel wrote back, which strace adds after the argument as
    /// " => {...}": it is in the text only, and for --json the argument stays the structure that
    /// was passed (docs/JSON.md). Pass what this returns to <see cref="EndWrittenBack"/>.</summary>
    public static (TypedValues? Typed, int End) BeginWrittenBack(ArgWriter w)
    {
        var saved = (w.Typed, w.Length);
        w.Typed = null;
        w.Raw(" => "u8);
        return saved;
    }

    public static void EndWrittenBack(ArgWriter w, (TypedValues? Typed, int End) saved)
    {
        w.Typed = saved.Typed;
        w.Annotated(saved.End);
    }

    /// <summary>16 bytes as a UUID: 8-4-4-4-12 lowercase hex digits.</summary>
    public static void Uuid(ArgWriter w, ReadOnlySpan<byte> uuid)
    {
        for (int i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10) w.Raw((byte)'-');
            w.Raw("0123456789abcdef"u8[uuid[i] >> 4]).Raw("0123456789abcdef"u8[uuid[i] & 0xf]);
        }
    }
}
