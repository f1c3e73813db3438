using System.Globalization;
using Syscope.Events;

namespace Syscope.Output;

/// <summary>How every text output says that events were lost: "syscope: N events lost (ring buffer
/// full; --buffer-size=SIZE)", SIZE being the buffer that overflowed, in --buffer-size's own notation
/// so that the user sees what to enlarge.</summary>
internal static class LossNotice
{
    public static string Line(in EventLoss loss) =>
        $"syscope: {loss.Events} events lost (ring buffer full; --buffer-size={Size(loss.BufferBytes)})";

    /// <summary>Bytes as --buffer-size takes them: 8M, 4K, 1G, else the number.</summary>
    public static string Size(long bytes)
    {
        foreach (var (unit, suffix) in new[] { (1L << 30, "G"), (1L << 20, "M"), (1L << 10, "K") })
            if (bytes >= unit && bytes % unit == 0) return (bytes / unit).ToString(CultureInfo.InvariantCulture) + suffix;
        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
