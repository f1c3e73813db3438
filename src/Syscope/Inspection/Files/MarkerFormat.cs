using Syscope.Interop;

namespace Syscope.Inspection.Files;

/// <summary>lsof -r's m&lt;fmt&gt;: the line written after each pass, formatted at the end of the
/// pass.  lsof gives the result room for eight bytes per byte of the format; a format whose
/// result is empty (or longer) is refused.</summary>
internal static class MarkerFormat
{
    public static string Format(string format) => LocalTime.Format(format, (System.Text.Encoding.UTF8.GetByteCount(format) + 1) * 8);
}
