using Syscope.Output;
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

    private void ShortTimestamps()
    {
        if (_longTimestamps) throw new UserError("-t and --absolute-timestamps cannot be provided simultaneously");
        _shortTimestamps++;
    }

    /// <summary>--timestamps[=[format:]FORMAT][,[precision:]PRECISION]: each part sets its own field.</summary>
    private void LongTimestamps(string value)
    {
        if (_shortTimestamps > 0) throw new UserError("-t and --absolute-timestamps cannot be provided simultaneously");
        _longTimestamps = true;
        foreach (string part in value.Length == 0 ? [] : value.Split(','))
        {
            string word = part.StartsWith("format:") ? part["format:".Length..] : part.StartsWith("precision:") ? part["precision:".Length..] : part;
            TimestampStyle? format = word switch { "none" => TimestampStyle.None, "time" => TimestampStyle.Time, "unix" => TimestampStyle.Unix, _ => null };
            int digits = PrecisionDigits(word);
            if (format != null && !part.StartsWith("precision:")) _longFormat = format.Value;
            else if (digits >= 0 && !part.StartsWith("format:")) _longDigits = digits;
            else throw Invalid(value);
        }
    }

    /// <summary>Once the line is read: -t, -tt, -ttt, or the long form's fields.</summary>
    private void CheckTimestamps()
    {
        if (_longTimestamps) (TimestampFormat, TimestampDigits) = (_longFormat, _longDigits);
        else if (_shortTimestamps > 0)
            (TimestampFormat, TimestampDigits) = _shortTimestamps switch { 1 => (TimestampStyle.Time, 0), 2 => (TimestampStyle.Time, 6), _ => (TimestampStyle.Unix, 6) };
    }

    /// <summary>s, ms, us or ns as digits after the second; -1 for anything else.</summary>
    private static int PrecisionDigits(string word) => word switch { "s" => 0, "ms" => 3, "us" => 6, "ns" => 9, _ => -1 };

    private int Precision(string value)
    {
        int digits = PrecisionDigits(value);
        return digits >= 0 ? digits : throw Invalid(value);
    }

    /// <summary>--strings-in-hex[=all|non-ascii|non-ascii-chars|none].</summary>
    private int StringsInHex(string? value) => value switch
    {
        null or "all" => 2,
        "non-ascii" => 1,
        "non-ascii-chars" => Decoding.ArgWriter.HexEscapes,
        "none" => 0,
        _ => throw Invalid(value),
    };

    /// <summary>-O OVERHEAD[s|ms|us|ns], microseconds without a unit.</summary>
    private long Overhead(string value)
    {
        int digitsEnd = 0;
        while (digitsEnd < value.Length && (char.IsAsciiDigit(value[digitsEnd]) || value[digitsEnd] == '.')) digitsEnd++;
        string unit = value[digitsEnd..];
        long scale = unit switch { "" or "us" => 1_000, "s" => 1_000_000_000, "ms" => 1_000_000, "ns" => 1, _ => 0 };
        if (scale == 0 || digitsEnd == 0 || !decimal.TryParse(value[..digitsEnd], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal n)
            || n * scale > long.MaxValue)
            throw Invalid(value);
        return (long)(n * scale);
    }

    /// <summary>--tips[=[[id:]ID][,[format:]FORMAT]]: whether a tip prints at the end.</summary>
    private bool TipsArgument(string? value)
    {
        bool show = true;
        foreach (string part in string.IsNullOrEmpty(value) ? [] : value.Split(','))
        {
            string word = part.StartsWith("id:") || part.StartsWith("format:") ? part[(part.IndexOf(':') + 1)..] : part;
            if (word is "none" && !part.StartsWith("id:")) show = false;
            else if (word is "compact" or "full" && !part.StartsWith("id:")) show = true;
            else if (!part.StartsWith("format:") && (word == "random" || (word.Length > 0 && word.All(char.IsAsciiDigit)))) { }
            else throw Invalid(value!);
        }
        return show;
    }
}
