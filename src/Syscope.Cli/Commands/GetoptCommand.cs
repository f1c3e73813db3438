using System.CommandLine;

namespace Syscope.Cli.Commands;

/// <summary>
/// A command whose words another tool's getopt reads (trace, record, replay and report with
/// strace's options, pgrep and pkill with procps's): System.CommandLine only hands the words on, so
/// the command carries its option table and the text its -h prints, and the man pages and shell
/// completion read them from here rather than from a second list.
/// </summary>
internal sealed class GetoptCommand : Command
{
    /// <param name="words">what its words are ("strace options, then the command to run")</param>
    /// <param name="run">runs it with its words</param>
    /// <param name="optionHelp">the option list its -h prints after the usage line, or null</param>
    public GetoptCommand(string name, string description, string usage, GetoptParser getopt, string words, Func<string[], int> run, string? optionHelp = null)
        : base(name, description)
    {
        Usage = usage;
        Getopt = getopt;
        OptionHelp = optionHelp;
        var args = new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore, Description = words };
        Arguments.Add(args);
        SetAction(parse => run(parse.GetValue(args) ?? []));
    }

    /// <summary>The usage line its -h starts with ("usage: syscope trace [-ACd...] ...").</summary>
    public string Usage { get; }

    /// <summary>The options it reads, as getopt reads them.</summary>
    public GetoptParser Getopt { get; }

    /// <summary>The option list its -h prints after the usage line, in the layout HelpText reads;
    /// null when System.CommandLine's help (the description) is its help.</summary>
    public string? OptionHelp { get; }
}
