namespace Syscope.Cli.Commands;

/// <summary>
/// GNU getopt_long's reading of a command line, for the commands that take another tool's
/// syntax word for word (pgrep, pkill): clustered short options (-lf), attached or separate
/// arguments (-d, / -d ,), long options by any unambiguous prefix (--coun, --delimiter=,),
/// operands anywhere (options are gathered first, as GNU permutes), "--" ending the options, and
/// getopt's own messages (prefixed with the name the program was called by).
/// </summary>
internal sealed class GetoptParser(string shortOptions, IReadOnlyList<(string Name, bool TakesArgument, char Key)> longOptions)
{
    /// <summary>One option as read: its key (the short letter, or the long option's key) and argument.</summary>
    public readonly record struct Option(char Key, string? Argument);

    /// <summary>Options in order and the operands; null with getopt's message on a malformed line.</summary>
    public (List<Option> Options, List<string> Operands)? Parse(IReadOnlyList<string> args, string program, out string? error)
    {
        error = null;
        var options = new List<Option>();
        var operands = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--") { operands.AddRange(args.Skip(i + 1)); break; }
            if (a.Length < 2 || a[0] != '-') { operands.Add(a); continue; }
            if (a.StartsWith("--"))
            {
                if (!Long(a[2..], args, ref i, program, options, out error)) return null;
                continue;
            }
            for (int at = 1; at < a.Length; at++)
            {
                char c = a[at];
                int spec = c == ':' ? -1 : shortOptions.IndexOf(c);
                if (spec < 0)
                {
                    error = $"{program}: invalid option -- '{c}'";
                    return null;
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
                    return null;
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
            error = $"{program}: option '--{name}' is ambiguous; possibilities:" + string.Concat(found.Select(o => $" '--{o.Name}'"));
            return false;
        }
        var option = found[0];
        if (!option.TakesArgument)
        {
            if (eq >= 0)
            {
                error = $"{program}: option '--{option.Name}' doesn't allow an argument";
                return false;
            }
            options.Add(new Option(option.Key, null));
            return true;
        }
        if (eq >= 0) options.Add(new Option(option.Key, text[(eq + 1)..]));
        else if (i + 1 < args.Count) options.Add(new Option(option.Key, args[++i]));
        else
        {
            error = $"{program}: option '--{option.Name}' requires an argument";
            return false;
        }
        return true;
    }
}
