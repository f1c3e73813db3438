namespace Syscope.Cli.Commands;

/// <summary>--tips: one tip about syscope's options, boxed, after the trace (strace's tips are its
/// own text; these are syscope's).</summary>
internal static class TraceTips
{
    private static readonly string[] s_tips =
    [
        "--timestamps=unix,ns, --relative-timestamps=ns and --syscall-times=ns show times to the nanosecond.",
        "-e trace=%file (or just file) traces every call that takes a file name.",
        "-yy shows the socket endpoints behind descriptors: TCP:[127.0.0.1:80->127.0.0.1:4242].",
        "-e inject=openat:error=ENOENT:when=3 makes the third openat fail, to test a program's error paths.",
        "-c counts calls and their time; -C counts them and traces them too.",
        "--ebpf traces without stopping the program: gdb can attach meanwhile.",
        "-p PATTERN attaches to the one process whose command line matches.",
        "-z shows only the calls that succeeded, -Z only those that failed.",
    ];

    public static void Print(TextWriter output)
    {
        string tip = s_tips[Random.Shared.Next(s_tips.Length)];
        const int Inside = 64;
        output.WriteLine(" " + new string('_', Inside));
        output.WriteLine("/" + " syscope tip".PadRight(Inside) + "\\");
        foreach (string line in Wrap(tip, Inside - 2)) output.WriteLine("|" + (" " + line).PadRight(Inside) + "|");
        output.WriteLine("\\" + new string('_', Inside) + "/");
        output.Flush();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { yield return line.ToString(); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
