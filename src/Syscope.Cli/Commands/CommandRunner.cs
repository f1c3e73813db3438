using System.CommandLine;
using Syscope.Inspection;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Cli.Commands;

/// <summary>Runs a command body with the invocation's output, turning a UserError into
/// "syscope: message" and exit code 1.  Other exceptions are bugs and are left to surface.
/// Messages quote names and arguments escaped already (UntrustedText.Quote); escaping the lines
/// again here only catches one that did not.</summary>
internal static class CommandRunner
{
    public static int Run(ParseResult result, Func<TextWriter, int> body)
    {
        var config = result.InvocationConfiguration;
        try
        {
            int code = body(config.Output);
            config.Output.Flush();
            return code;
        }
        catch (UserError e)
        {
            config.Output.Flush();
            config.Error.WriteLine($"syscope: {UntrustedText.EscapeLines(e.Message)}");
            return 1;
        }
    }
}
