namespace Syscope.Inspection.Selection;

/// <summary>The name of a controlling terminal from /proc/PID/stat's tty_nr, without /dev/ (as
/// pgrep -t and ps's TTY column write it): pts/N, ttyN, ttySN, console.</summary>
internal static class TerminalNames
{
    public static string? Name(int ttyNr)
    {
        if (ttyNr == 0) return null;
        // Linux's encoding of a dev_t in an int: major in bits 8-19, minor in 0-7 and 20-31.
        int major = (ttyNr >> 8) & 0xfff, minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        return major switch
        {
            >= 136 and <= 143 => $"pts/{(major - 136) * 256 + minor}",
            4 when minor < 64 => $"tty{minor}",
            4 => $"ttyS{minor - 64}",
            5 when minor == 1 => "console",
            5 when minor == 0 => "tty",
            _ => null,
        };
    }
}
