using Syscope.Output;
using Syscope.Text;
using static Syscope.Text.UntrustedText;

namespace Syscope.Cli.Commands;

/// <summary>
/// The values of strace's output-format options: -t and --timestamps/--absolute-timestamps
/// (format:time|unix|none, precision:s|ms|us|ns, each part with or without its key, a later
/// option changing only the parts it names), the precisions of -r and -T, --strings-in-hex,
/// -O's overhead, --tips, and the start-up options -E and -b.
/// </summary>
internal sealed partial class TraceArguments
{
    /// <summary>-E: VAR=VAL sets, VAR removes, in the order given.</summary>
    public List<string> EnvironmentChanges = [];
    /// <summary>-b execve: a tracee is let go when it calls execve (not the command's own first one).</summary>
    public bool DetachOnExecve;
    /// <summary>-O: subtracted from each call's time in the -c table.</summary>
    public long OverheadNs;

    public TimestampStyle TimestampFormat = TimestampStyle.None;
    public int TimestampDigits;
    private int _shortTimestamps;
    private bool _longTimestamps;
    private TimestampStyle _longFormat = TimestampStyle.Time;
    private int _longDigits;

    /// <summary>--timestamps[=[format:]FORMAT][,[precision:]PRECISION]: each part sets its own field.</summary>
    private void LongTimestamps(string value)
    {
        _longTimestamps = true;
        // Empty items are skipped, as strace skips them ("--timestamps=s,,none").
        foreach (string part in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string word = part.StartsWith("format:") ? part["format:".Length..] : part.StartsWith("precision:") ? part["precision:".Length..] : part;
            TimestampStyle? format = TimestampFormatWords.Find(word);
            int? digits = PrecisionWords.Find(word);
            if (format != null && !part.StartsWith("precision:")) _longFormat = format.Value;
            else if (digits != null && !part.StartsWith("format:")) _longDigits = digits.Value;
            else throw Invalid(value);
        }
    }

    /// <summary>Once the line is read: -t, -tt, -ttt, or the long form's fields.</summary>
    private void CheckTimestamps()
    {
        if (_shortTimestamps > 0 && _longTimestamps) throw new UserError("-t and --absolute-timestamps cannot be provided simultaneously");
        if (_longTimestamps) (TimestampFormat, TimestampDigits) = (_longFormat, _longDigits);
        else if (_shortTimestamps > 0)
            (TimestampFormat, TimestampDigits) = _shortTimestamps switch { 1 => (TimestampStyle.Time, 0), 2 => (TimestampStyle.Time, 6), _ => (TimestampStyle.Unix, 6) };
    }

    /// <summary>--timestamps' formats.</summary>
    public static readonly WordTable<TimestampStyle> TimestampFormatWords = new(
        ("none", TimestampStyle.None), ("time", TimestampStyle.Time), ("unix", TimestampStyle.Unix));

    /// <summary>The precisions of --timestamps, -r and -T: digits after the second.</summary>
    public static readonly WordTable<int> PrecisionWords = new(("s", 0), ("ms", 3), ("us", 6), ("ns", 9));

    private int Precision(string value) => PrecisionWords.Find(value) ?? throw Invalid(value);

    /// <summary>--strings-in-hex[=WORD]: -x's count (non-ascii-chars: only the escapes in hex).</summary>
    public static readonly WordTable<int> StringsInHexWords = new(
        ("all", 2), ("non-ascii", 1), ("non-ascii-chars", Decoding.ArgWriter.HexEscapes), ("none", 0));

    private int StringsInHex(string? value) => value == null ? 2 : StringsInHexWords.Find(value) ?? throw Invalid(value);

    /// <summary>-O OVERHEAD: a time with strace's units and notation (4.5e2ms), microseconds without a unit.</summary>
    private long Overhead(string value) =>
        Filtering.TimeSpec.TryParseNanos(value, Filtering.TimeSpec.Microsecond, out long ns) ? ns : throw Invalid(value);

    /// <summary>--tips[=[[id:]ID][,[format:]FORMAT]]: whether a tip prints at the end.</summary>
    private bool TipsArgument(string? value)
    {
        bool show = true;
        foreach (string part in string.IsNullOrEmpty(value) ? [] : value.Split(','))
        {
            string word = part.StartsWith("id:") || part.StartsWith("format:") ? part[(part.IndexOf(':') + 1)..] : part;
            if (word is "none" && !part.StartsWith("id:")) show = false;
            else if (word is "compact" or "full" && !part.StartsWith("id:")) show = true;
            // A tip's number is an int, as strace parses it.
            else if (!part.StartsWith("format:") && (word == "random" || (word.Length > 0 && word.All(char.IsAsciiDigit) && int.TryParse(word, out _)))) { }
            else throw Invalid(value!);
        }
        return show;
    }
}
