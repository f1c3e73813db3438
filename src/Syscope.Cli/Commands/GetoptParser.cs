namespace Syscope.Cli.Commands;

/// <summary>
/// GNU getopt_long's reading of a command line, for the commands that take another tool's
/// syntax word for word (pgrep, pkill): clustered short options (-lf), attached or separate
/// arguments (-d, / -d ,), long options by any unambiguous prefix (--coun, --delimiter=,),
/// operands anywhere (options are gathered first, as GNU permutes), "--" ending the options, and
/// getopt's own messages (prefixed with the name the program was called by).  With
/// <see cref="StopAtOperand"/> it reads as getopt does with a '+' option string (strace): the first
/// operand and everything after it are the operands, a command and its own options.
/// </summary>
internal sealed class GetoptParser(string shortOptions, IReadOnlyList<(string Name, bool TakesArgument, char Key)> longOptions)
{
    /// <summary>One option as read: its key (the short letter, or the long option's key), its
    /// argument, and the long option's full name when it was given long.</summary>
    public readonly record struct Option(char Key, string? Argument)
    {
        public string? LongName { get; init; }
    }

    /// <summary>getopt's option string ("a:bc"): each short option, ':' after those that take a value.</summary>
    public string ShortOptions => shortOptions;

    /// <summary>The long options: name, whether a value follows, and the short key they stand for.</summary>
    public IReadOnlyList<(string Name, bool TakesArgument, char Key)> LongOptions => longOptions;

    /// <summary>Long options syscope gives only to itself: accepted, never documented nor offered.</summary>
    public IReadOnlySet<string> Internal { get; init; } = new HashSet<string>();

    /// <summary>'+' getopt: options end at the first operand.</summary>
    public bool StopAtOperand { get; init; }

    /// <summary>Long options whose argument is optional: given only as "--name=VALUE".</summary>
    public IReadOnlySet<string> OptionalArguments { get; init; } = new HashSet<string>();

    /// <summary>Options in order and the operands; null with getopt's message on a malformed line.</summary>
    public (List<Option> Options, List<string> Operands)? Parse(IReadOnlyList<string> args, string program, out string? error)
    {
        var (options, operands) = ParseUntilError(args, program, out error);
        return error == null ? (options, operands) : null;
    }

    /// <summary>The options read before the first malformed one (getopt's callers act on each
    /// option as it comes, so an earlier option's own error wins), the operands, and the message.</summary>
    public (List<Option> Options, List<string> Operands) ParseUntilError(IReadOnlyList<string> args, string program, out string? error)
    {
        error = null;
        var options = new List<Option>();
        var operands = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--") { operands.AddRange(args.Skip(i + 1)); break; }
            if (a.Length < 2 || a[0] != '-')
            {
                if (StopAtOperand) { operands.AddRange(args.Skip(i)); break; }
                operands.Add(a);
                continue;
            }
            if (a.StartsWith("--"))
            {
                if (!Long(a[2..], args, ref i, program, options, out error)) return (options, operands);
                continue;
            }
            for (int at = 1; at < a.Length; at++)
            {
                char c = a[at];
                int spec = c == ':' ? -1 : shortOptions.IndexOf(c);
                if (spec < 0)
                {
                    error = $"{program}: invalid option -- '{c}'";
                    return (options, operands);
                }
                if (spec + 1 >= shortOptions.Length || shortOptions[spec + 1] != ':')
                {
                    options.Add(new Option(c, null));
                    continue;
                }
                if (at + 1 < a.Length) options.Add(new Option(c, a[(at + 1)..]));
                else if (i + 1 < args.Count) options.Add(new Option(c, args[++i]));
                else
                {
                    error = $"{program}: option requires an argument -- '{c}'";
                    return (options, operands);
                }
                break;
            }
        }
        return (options, operands);
    }

    private bool Long(string text, IReadOnlyList<string> args, ref int i, string program, List<Option> options, out string? error)
    {
        error = null;
        int eq = text.IndexOf('=');
        string name = eq < 0 ? text : text[..eq];
        var exact = longOptions.Where(o => o.Name == name).ToList();
        var found = exact.Count > 0 ? exact : longOptions.Where(o => o.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
        if (found.Count == 0)
        {
            error = $"{program}: unrecognized option '--{text}'";
            return false;
        }
        if (found.Count > 1 && found.Any(o => o.Key != found[0].Key || o.TakesArgument != found[0].TakesArgument))
        {
            error = $"{program}: option '--{text}' is ambiguous; possibilities:" + string.Concat(found.Select(o => $" '--{o.Name}'"));
            return false;
        }
        var option = found[0];
        if (OptionalArguments.Contains(option.Name))
        {
            options.Add(new Option(option.Key, eq >= 0 ? text[(eq + 1)..] : null) { LongName = option.Name });
            return true;
        }
        if (!option.TakesArgument)
        {
            if (eq >= 0)
            {
                error = $"{program}: option '--{option.Name}' doesn't allow an argument";
                return false;
            }
            options.Add(new Option(option.Key, null) { LongName = option.Name });
            return true;
        }
        if (eq >= 0) options.Add(new Option(option.Key, text[(eq + 1)..]) { LongName = option.Name });
        else if (i + 1 < args.Count) options.Add(new Option(option.Key, args[++i]) { LongName = option.Name });
        else
        {
            error = $"{program}: option '--{option.Name}' requires an argument";
            return false;
        }
        return true;
    }
}
