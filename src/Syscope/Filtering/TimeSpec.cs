using System.Globalization;

namespace Syscope.Filtering;

/// <summary>strace's time specifications: a number with an optional unit (s, ms, us, ns),
/// fractions and exponents allowed ("1.5ms", "1e3").  What a bare number means is the option's
/// own choice: microseconds for inject delays (strace), milliseconds for --slow and
/// --min-duration (perf trace's --duration).</summary>
internal static class TimeSpec
{
    public const long Nanosecond = 1, Microsecond = 1000, Millisecond = 1_000_000;

    public static bool TryParseNanos(string value, long bareUnitNanos, out long nanos)
    {
        nanos = 0;
        (string number, double scale) = value switch
        {
            _ when value.EndsWith("ms") => (value[..^2], 1e6),
            _ when value.EndsWith("us") => (value[..^2], 1e3),
            _ when value.EndsWith("ns") => (value[..^2], 1.0),
            _ when value.EndsWith('s') => (value[..^1], 1e9),
            _ => (value, (double)bareUnitNanos),
        };
        if (number.Length == 0 || !char.IsAsciiDigit(number[^1]) && number[^1] != '.') return false;
        if (!double.TryParse(number, NumberStyles.AllowLeadingWhite | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out double d) || d < 0 || d * scale >= long.MaxValue) return false;
        nanos = (long)Math.Round(d * scale);
        return true;
    }
}
