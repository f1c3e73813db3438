namespace Syscope.Output;

/// <summary>--color=WHEN.</summary>
internal enum ColorChoice : byte { Auto, Always, Never }

/// <summary>
/// The colours of the text trace, as ANSI SGR sequences, in one place: the formatter asks for a
/// part's colour and writes the sequence around it without counting it as a column, so the text
/// without the sequences is strace's, byte for byte.
/// </summary>
internal static class TraceColors
{
    public static ReadOnlySpan<byte> Reset => "\e[0m"u8;
    public static ReadOnlySpan<byte> SyscallName => "\e[1;34m"u8;
    /// <summary>Quoted strings: the tracee's bytes, the bulk of a line, stay in the background.</summary>
    public static ReadOnlySpan<byte> QuotedString => "\e[2m"u8;
    public static ReadOnlySpan<byte> Failure => "\e[1;31m"u8;
    public static ReadOnlySpan<byte> Signal => "\e[33m"u8;
    public static ReadOnlySpan<byte> Exit => "\e[32m"u8;
    public static ReadOnlySpan<byte> Killed => "\e[1;35m"u8;
    /// <summary>A call that took at least --slow: black on yellow, seen from afar.</summary>
    public static ReadOnlySpan<byte> Slow => "\e[30;43m"u8;

    /// <summary>A -T duration's colour, graded by size: under 100 µs dim, under 1 ms plain,
    /// under --slow yellow, then the slow highlight.</summary>
    public static ReadOnlySpan<byte> Duration(long ns, long slowNs) =>
        ns >= slowNs ? Slow : ns >= 1_000_000 ? "\e[33m"u8 : ns >= 100_000 ? Reset : "\e[2m"u8;

    /// <summary>Whether the trace is coloured: always and never as said; auto only on a terminal,
    /// unless NO_COLOR (any non-empty value) forbids it or FORCE_COLOR (non-empty, not "0")
    /// asks for it even off a terminal (https://no-color.org, force-color.org).</summary>
    public static bool Enabled(ColorChoice choice, bool terminal, Func<string, string?> environment)
    {
        if (choice != ColorChoice.Auto) return choice == ColorChoice.Always;
        if (!string.IsNullOrEmpty(environment("NO_COLOR"))) return false;
        string? force = environment("FORCE_COLOR");
        if (!string.IsNullOrEmpty(force) && force != "0") return true;
        return terminal && environment("TERM") != "dumb";
    }
}
