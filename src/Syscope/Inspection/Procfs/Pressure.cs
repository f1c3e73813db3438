using System.Globalization;

namespace Syscope.Inspection.Procfs;

/// <summary>/proc/pressure/{io,memory,cpu}: "some avg10=1.23 avg60=... total=N" and "full ...",
/// the share of the last 10 s in which some (or all) runnable tasks were stalled on the resource.</summary>
internal readonly record struct Pressure(double Some10, double Full10)
{
    public static bool TryParse(ReadOnlySpan<char> text, out Pressure pressure)
    {
        double? some = null, full = null;
        foreach (var line in text.EnumerateLines())
        {
            int at = line.IndexOf("avg10=", StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = line[(at + 6)..];
            int end = rest.IndexOf(' ');
            if (!double.TryParse(end < 0 ? rest : rest[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) continue;
            if (line.StartsWith("some")) some = v;
            else if (line.StartsWith("full")) full = v;
        }
        pressure = new Pressure(some ?? 0, full ?? 0);
        return some != null;
    }

    /// <summary>The pressure on one resource ("io", "memory", "cpu") now, or null where the
    /// kernel has no PSI.</summary>
    public static Pressure? Read(string resource) =>
        ProcText.TryRead($"/proc/pressure/{resource}") is { } text && TryParse(text, out var p) ? p : null;
}
