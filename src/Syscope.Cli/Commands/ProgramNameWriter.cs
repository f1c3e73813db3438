using System.Text;

namespace Syscope.Cli.Commands;

/// <summary>
/// The message stream when syscope is called by another tool's name (strace, lsof): each line's
/// "syscope CMD: " or "syscope: " prefix becomes "NAME: ", and "Try 'syscope CMD" becomes
/// "Try 'NAME", as that tool's messages start; the words stay syscope's.  Only messages pass
/// here: the trace itself is written to the stderr stream directly.
/// </summary>
internal sealed class ProgramNameWriter(TextWriter inner, string name, string command) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n') EndLine();
    }

    public override void Write(string? value)
    {
        foreach (char c in value ?? "") Write(c);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (int i = 0; i < count; i++) Write(buffer[index + i]);
    }

    public override void Flush()
    {
        if (_line.Length > 0) inner.Write(Rename(_line.ToString()));
        _line.Clear();
        inner.Flush();
    }

    private void EndLine()
    {
        inner.Write(Rename(_line.ToString()));
        _line.Clear();
    }

    /// <summary>The line with syscope's name put as the tool's, at the places the tool puts its own.</summary>
    public string Rename(string line)
    {
        foreach (string prefix in new[] { $"syscope {command}: ", "syscope: " })
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                line = $"{name}: " + line[prefix.Length..];
                break;
            }
        // "Try 'strace -h'", and the one message that names the program in its words ("not
        // supported by this build of strace"), which scripts match whole.
        return line.Replace($"'syscope {command} ", $"'{name} ", StringComparison.Ordinal)
            .Replace(" this build of syscope", $" this build of {Path.GetFileName(name)}", StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
