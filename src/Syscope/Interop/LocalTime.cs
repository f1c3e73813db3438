using System.Runtime.InteropServices;
using System.Text;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>strftime(3) of the current local time, for lsof -r's m&lt;fmt&gt; marker lines, which
/// take any strftime format (%T, %s, %c...) in the user's time zone: the C library's own
/// conversions, so every format means what it means to lsof.</summary>
internal static unsafe partial class LocalTime
{
    [LibraryImport("libc", EntryPoint = "time")]
    private static partial long Time(long* t);

    [LibraryImport("libc", EntryPoint = "localtime_r")]
    private static partial Tm* LocalTimeR(long* t, Tm* result);

    [LibraryImport("libc", EntryPoint = "strftime")]
    private static partial nuint StrFTime(byte* s, nuint max, byte* format, Tm* tm);

    /// <summary>The format applied to now, at most maxBytes long; "" when the result is empty or
    /// longer (strftime's 0).</summary>
    public static string Format(string format, int maxBytes)
    {
        byte[] f = new byte[Encoding.UTF8.GetByteCount(format) + 1];
        Encoding.UTF8.GetBytes(format, f);
        byte[] result = new byte[maxBytes + 1];
        long now = Time(null);
        Tm tm;
        if (LocalTimeR(&now, &tm) == null) return "";
        nuint n;
        fixed (byte* r = result, pf = f) n = StrFTime(r, (nuint)result.Length, pf, &tm);
        return Encoding.UTF8.GetString(result, 0, (int)n);
    }
}
