namespace Syscope.Decoding.Constants;

/// <summary>ioctl request names by number (the table is generated from the kernel's UAPI headers by
/// tools/gen-tables.py). A number several headers define prints all its names, as strace does:
/// <c>FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT</c>.</summary>
internal static partial class IoctlNames
{
    /// <summary>The first row of <paramref name="code"/>, or -1.</summary>
    public static int First(uint code)
    {
        var codes = Codes;
        int lo = 0, hi = codes.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (codes[mid] < code) lo = mid + 1; else hi = mid;
        }
        return lo < codes.Length && codes[lo] == code ? lo : -1;
    }

    public static ReadOnlySpan<byte> Name(int row) => Names[Starts[row]..Starts[row + 1]];

    /// <summary>Writes the names of <paramref name="code"/> joined by " or ", except
    /// <paramref name="skip"/> (a name a family decoder already printed in its own form);
    /// false when the table has no name for it.</summary>
    public static bool Print(ArgWriter w, uint code, ReadOnlySpan<byte> skip = default)
    {
        int row = First(code);
        if (row < 0) return false;
        var codes = Codes;
        bool first = skip.IsEmpty;
        for (; row < codes.Length && codes[row] == code; row++)
        {
            var name = Name(row);
            if (!skip.IsEmpty && name.SequenceEqual(skip)) continue;
            if (!first) w.Raw(" or "u8);
            w.Raw(name);
            first = false;
        }
        return true;
    }
}
