using System.CommandLine;
using System.CommandLine.Completions;
using System.Text.RegularExpressions;
using Syscope.Cli.Commands;

namespace Syscope.Cli.Help;

/// <summary>
/// What a shell offers for the word under the cursor: `syscope __complete --words WORD...` (zsh:
/// the words up to the cursor, the last one partial) or `syscope __complete --line CUR LINE`
/// (bash: the line up to the cursor, split here as the shell would; CUR, the part of the last word
/// bash itself cut at '=' or ':', says how much of each answer to print).  One word per line.
/// Commands and options come from the command tree (GetoptCommand's tables for the commands that
/// read another tool's options, System.CommandLine's own completion for the others); values from
/// CompletionWords.  Nothing is offered where a file name goes: the scripts fall back to files.
/// </summary>
internal static partial class Completer
{
    /// <summary>The hidden verb the scripts call.</summary>
    public const string Verb = "__complete";

    public static int Run(RootCommand root, string[] args, TextWriter output)
    {
        IReadOnlyList<string> words;
        string? cut = null;
        if (args is ["--line", var cur, var line]) (words, cut) = (ShellWords.Split(line), cur);
        else if (args is ["--words", .. var given] && given.Length > 0) words = given;
        else return 1;
        if (words.Count < 2) return 0;
        string current = words[^1];
        // bash replaces only what follows its own last break ('=', ':'): answer with that part,
        // with the quote it starts with if the word is quoted ('trace=!op).
        string quote = cut is ['\'' or '"', ..] ? cut[..1] : "";
        if (quote.Length > 0) cut = cut![1..];
        int skip = cut != null && current.EndsWith(cut, StringComparison.Ordinal) ? current.Length - cut.Length : 0;
        foreach (string word in Candidates(root, words).Distinct())
            if (!word.Contains('\n') && word.Length >= skip) output.WriteLine(quote + word[skip..]);
        return 0;
    }

    /// <summary>Full words that may replace the last of <paramref name="words"/> (words[0]: the
    /// name the command was typed by).</summary>
    public static IEnumerable<string> Candidates(RootCommand root, IReadOnlyList<string> words)
    {
        string current = words[^1];
        var before = words.Skip(1).Take(words.Count - 2).ToList();
        string? name = Path.GetFileName(words[0]) switch
        {
            "strace" => "trace",
            "lsof" => "files",
            "pgrep" => "pgrep",
            "pkill" => "pkill",
            _ => null,
        };
        if (name == null)
        {
            if (before.Count == 0) return Standard(root, [current]);
            (name, before) = (before[0], before.Skip(1).ToList());
        }
        var command = ManPages.Find(root, name);
        return command switch
        {
            null => [],
            GetoptCommand g => Getopt(g, before, current),
            _ when command.Name == "files" => Files(command, before, current),
            _ => Standard(root, [command.Name, .. before, current]),
        };
    }

    /// <summary>System.CommandLine's completion over its own tree: subcommands, options, and the
    /// completion sources of arguments.</summary>
    private static IEnumerable<string> Standard(RootCommand root, string[] tokens)
    {
        var result = root.Parse(tokens, new ParserConfiguration { ResponseFileTokenReplacer = null });
        string current = tokens[^1];
        if (OptionValue(result.CommandResult.Command, tokens) is { } values) return values;
        // System.CommandLine's other spellings of --help (-?, /?, /h) are for other systems' habits.
        return result.GetCompletions().Select(c => c.Label)
            .Where(l => l.StartsWith(current, StringComparison.Ordinal) && l[0] != '/' && l != "-?");
    }

    /// <summary>The value of an option that names its own (export --format): System.CommandLine
    /// offers an option's completion sources only where the value is not yet typed, so the word
    /// after the option ("--format p") or after its '=' ("--format=p") is completed here.  null
    /// when the word is no such value.</summary>
    private static IEnumerable<string>? OptionValue(Command command, string[] tokens)
    {
        string current = tokens[^1];
        int eq = current.StartsWith("--", StringComparison.Ordinal) ? current.IndexOf('=') : -1;
        string? name = eq > 0 ? current[..eq] : tokens.Length > 1 ? tokens[^2] : null;
        var option = command.Options.FirstOrDefault(o => o.Name == name || (name != null && o.Aliases.Contains(name)));
        if (option == null || option.ValueType == typeof(bool)) return null;
        var words = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        if (words.Count == 0) return null;
        string lead = eq > 0 ? current[..(eq + 1)] : "", value = current[lead.Length..];
        return words.Where(w => w.StartsWith(value, StringComparison.Ordinal)).Select(w => lead + w);
    }

    /// <summary>A getopt command (trace, record, replay, report, pgrep, pkill): where the cursor is
    /// is found by reading the words before it as getopt does.</summary>
    private static IEnumerable<string> Getopt(GetoptCommand g, List<string> before, string current)
    {
        var getopt = g.Getopt;
        var longOptions = getopt.LongOptions.Where(o => !getopt.Internal.Contains(o.Name)).ToList();
        char? pending = null;
        for (int i = 0; i < before.Count; i++)
        {
            string w = before[i];
            if (pending != null)
            {
                // The value of the option before it ("-o FILE").
                pending = null;
                continue;
            }
            if (w == "--" || w.Length < 2 || w[0] != '-')
            {
                // strace's getopt stops at the command: what follows is the command's own.
                if (getopt.StopAtOperand) return [];
                continue;
            }
            if (w.StartsWith("--"))
            {
                var option = Long(longOptions, w[2..].Split('=')[0]);
                if (option is { TakesArgument: true } && !w.Contains('=') && !getopt.OptionalArguments.Contains(option.Value.Name)) pending = option.Value.Key;
                continue;
            }
            for (int at = 1; at < w.Length; at++)
                if (TakesValue(getopt, w[at]))
                {
                    if (at == w.Length - 1) pending = w[at];
                    break;
                }
        }
        if (pending is char key) return Values(g, key, current);
        if (current.StartsWith("--"))
        {
            int eq = current.IndexOf('=');
            if (eq > 0 && Long(longOptions, current[2..eq]) is { } option) return Values(g, option.Key, current[(eq + 1)..]).Select(v => current[..(eq + 1)] + v);
            return longOptions.Select(o => "--" + o.Name + (o.TakesArgument && !getopt.OptionalArguments.Contains(o.Name) ? "=" : ""))
                .Where(o => o.StartsWith(current, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        }
        if (current.StartsWith('-'))
        {
            // pkill -SIGNAL: a signal name in capitals after the dash.
            if (g.Name == "pkill" && current.Length > 1 && char.IsAsciiLetterUpper(current[1]))
                return CompletionWords.Signals(current[1..], list: false).Select(s => "-" + s);
            for (int at = 1; at < current.Length; at++)
                if (TakesValue(getopt, current[at])) return Values(g, current[at], current[(at + 1)..]).Select(v => current[..(at + 1)] + v);
            if (current != "-") return [current];
            return ShortOptions(getopt).Select(c => $"-{c}").Concat(longOptions.Select(o => "--" + o.Name));
        }
        // pgrep's operand is its pattern: the names of running processes.
        return g.Name is "pgrep" or "pkill" ? CompletionWords.Processes(current).Where(w => !char.IsAsciiDigit(w[0])) : [];
    }

    private static (string Name, bool TakesArgument, char Key)? Long(List<(string Name, bool TakesArgument, char Key)> options, string name)
    {
        var exact = options.Where(o => o.Name == name).ToList();
        var found = exact.Count > 0 ? exact : options.Where(o => o.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
        return found.Count > 0 && found.All(o => o.Key == found[0].Key) ? found[0] : null;
    }

    private static bool TakesValue(GetoptParser getopt, char c)
    {
        int at = getopt.ShortOptions.IndexOf(c);
        return at >= 0 && c != ':' && at + 1 < getopt.ShortOptions.Length && getopt.ShortOptions[at + 1] == ':';
    }

    private static IEnumerable<char> ShortOptions(GetoptParser getopt) => getopt.ShortOptions.Where(c => c != ':' && c != '+').Distinct();

    /// <summary>The value of the option with this key, by what the option is (its long name).</summary>
    private static IEnumerable<string> Values(GetoptCommand g, char key, string value)
    {
        string? name = g.Getopt.LongOptions.FirstOrDefault(o => o.Key == key).Name;
        if (g.Name is "pgrep" or "pkill")
            return name switch
            {
                "signal" => CompletionWords.Signals(value, list: false),
                "parent" or "ns" => CompletionWords.Processes(value, names: false),
                _ => [],
            };
        if (key == 'p') return CompletionWords.Processes(value);
        if (key == 'e') return Expression(value);
        if (name != null && (TraceArguments.ExpressionKeys.Contains(name) || TraceArguments.ValueWords(name) != null)) return ExpressionValue(name, value);
        return name switch
        {
            "const-print-style" => CompletionWords.Word(value, TraceArguments.ConstStyleWords.Words),
            "backend" => CompletionWords.Word(value, TraceArguments.BackendWords.Words),
            "strings-in-hex" => CompletionWords.Word(value, TraceArguments.StringsInHexWords.Words),
            "detach-on" => CompletionWords.Word(value, TraceArguments.DetachOnWords.Words),
            "daemonize" => CompletionWords.Word(value, TraceArguments.DaemonizeWords.Words),
            "interruptible" => CompletionWords.Word(value, TraceArguments.InterruptibleWords.Words),
            "color" or "colour" => CompletionWords.Word(value, TraceArguments.ColorWords.Words),
            "relative-timestamps" or "syscall-times" => CompletionWords.Word(value, TraceArguments.PrecisionWords.Words),
            "absolute-timestamps" or "timestamps" => Timestamps(value),
            "user" => CompletionWords.Word(value, Passwd.Names()),
            "summary-sort-by" => CompletionWords.Word(value, Output.SummaryColumns.SortWords),
            "summary-columns" => CompletionWords.Items(value, Output.SummaryColumns.Names.Words),
            _ => [],
        };
    }

    /// <summary>--timestamps=[format:]FORMAT,[precision:]PRECISION.</summary>
    private static IEnumerable<string> Timestamps(string value)
    {
        string item = value[(value.LastIndexOf(',') + 1)..];
        string lead = value[..^item.Length];
        IEnumerable<string> formats = TraceArguments.TimestampFormatWords.Words, precisions = TraceArguments.PrecisionWords.Words;
        IEnumerable<string> words = item.StartsWith("format:") ? formats.Select(w => "format:" + w)
            : item.StartsWith("precision:") ? precisions.Select(w => "precision:" + w)
            : formats.Concat(precisions).Append("format:").Append("precision:");
        return CompletionWords.Word(item, words).Select(w => lead + w);
    }

    /// <summary>-e EXPR: a key, or the value after "key=".</summary>
    private static IEnumerable<string> Expression(string value)
    {
        int eq = value.IndexOf('=');
        if (eq >= 0) return ExpressionValue(value[..eq], value[(eq + 1)..]).Select(v => value[..(eq + 1)] + v);
        var keys = TraceArguments.ExpressionKeys.Select(k => k + "=").Where(k => k.StartsWith(value, StringComparison.Ordinal));
        // A bare set is trace=SET.
        return value.Length == 0 ? keys : keys.Concat(CompletionWords.Syscalls(value));
    }

    private static IEnumerable<string> ExpressionValue(string key, string value)
    {
        if (TraceArguments.TakesSignals(key)) return CompletionWords.Signals(value);
        if (TraceArguments.ValueWords(key) is { } words) return CompletionWords.Items(value, words);
        // inject=SET:error=...: the set is the part before the first ':'.
        if (TraceArguments.TakesSyscalls(key) && !value.Contains(':')) return CompletionWords.Syscalls(value);
        return [];
    }

    [GeneratedRegex(@"(?<![\w^-])(?:[-+][A-Za-z?]|--[a-z][a-z-]+)(?![\w-])")]
    private static partial Regex OptionInHelp();

    /// <summary>files (lsof): its options are the ones its help names; -p takes PIDs, -c names.</summary>
    private static IEnumerable<string> Files(Command files, List<string> before, string current)
    {
        string? previous = before.Count > 0 ? before[^1] : null;
        if (previous == "-p") return CompletionWords.Processes(current, names: false);
        if (previous == "-c") return CompletionWords.Processes(current).Where(w => !char.IsAsciiDigit(w[0]));
        if (current.StartsWith("-p") && current.Length > 2) return CompletionWords.Processes(current[2..], names: false).Select(p => "-p" + p);
        if (current.Length > 0 && current[0] is '-' or '+')
            return OptionInHelp().Matches(files.Description ?? "").Select(m => m.Value).Append("--help").Distinct().Where(o => o.StartsWith(current, StringComparison.Ordinal));
        return [];
    }
}
