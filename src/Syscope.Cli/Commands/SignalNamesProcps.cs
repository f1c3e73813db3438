using Syscope.Kernel;

namespace Syscope.Cli.Commands;

/// <summary>Signal names and numbers as procps reads them (pkill -SIGNAL, --signal): with or
/// without SIG, any case, CLD/IO/IOT/POLL aliases, RTMIN and RTMIN+N (glibc's SIGRTMIN is 34),
/// EXIT and NULL for 0, or a number (at most 127 - SIGRTMIN).</summary>
internal static class SignalNamesProcps
{
    public const int SIGTERM = SignalNames.SIGTERM;
    private const int GlibcRtMin = 34;

    /// <summary>The signal, or -1 when the text names none.</summary>
    public static int Number(string name)
    {
        if (name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase)) name = name[3..];
        string up = name.ToUpperInvariant();
        switch (up)
        {
            case "CLD": return SignalNames.SIGCHLD;
            case "IO" or "POLL": return 29;
            case "IOT": return SignalNames.SIGABRT;
            case "RTMIN": return GlibcRtMin;
            case "EXIT" or "NULL": return 0;
        }
        for (int sig = 1; sig < 32; sig++)
            if (SignalNames.Name(sig) == "SIG" + up) return sig;
        int offset = 0;
        if (up.StartsWith("RTMIN+", StringComparison.Ordinal))
        {
            name = name[6..];
            offset = GlibcRtMin;
        }
        // strtol: blanks, a sign, digits, and nothing after them.
        var t = name.AsSpan().TrimStart(" \t\n\v\f\r");
        int i = t.Length > 0 && t[0] is '+' or '-' ? 1 : 0;
        if (i == t.Length || !t[i..].ToString().All(char.IsAsciiDigit) || !long.TryParse(t, out long value)) return -1;
        if (value + GlibcRtMin > 127) return -1;
        return (int)(value + offset);
    }
}
