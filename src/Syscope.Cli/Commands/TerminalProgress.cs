using Microsoft.Win32.SafeHandles;
using Spectre.Console;
using Spectre.Console.Rendering;
using Syscope.Interop;
using Syscope.Recording;

namespace Syscope.Cli.Commands;

/// <summary>
/// The progress bar of long work, drawn on stderr by Spectre.Console: replay, report and export
/// follow the bytes read of the recording (moved once per 64 KiB block, never per event), and
/// record of processes it did not start shows how much it has written.
///
/// It shows only where a person waits in front of a terminal: stderr is a terminal (not TERM=dumb)
/// and the command's own output, when it goes to stdout, goes to a file rather than to that
/// terminal or into a pipe, so that a bar never lands among the lines it prints nor over a pager's
/// screen.  Elsewhere (scripts, CI, `2>log`) nothing at all is drawn and nothing changes.  Lines the
/// work writes to stderr while the bar shows are written above it.
/// </summary>
internal static class TerminalProgress
{
    /// <param name="outputOnStdout">The command writes its result to stdout while it works.</param>
    public static bool Allowed(bool outputOnStdout)
    {
        if (!Descriptors.IsTerminal(new SafeFileHandle(2, ownsHandle: false)) || Environment.GetEnvironmentVariable("TERM") == "dumb") return false;
        if (!outputOnStdout) return true;
        if (Descriptors.IsTerminal(new SafeFileHandle(1, ownsHandle: false))) return false;
        return FileStatus.Stat("/proc/self/fd/1", out var st) == 0 && st.Type is not (FileStat.S_IFIFO or FileStat.S_IFSOCK);
    }

    /// <summary>Runs work with a bar following the bytes read of reader when <paramref name="show"/>,
    /// else just runs it.  work gets the stderr to write messages to.</summary>
    public static T Reading<T>(bool show, RecordingReader reader, string what, TextWriter stderr, Func<TextWriter, T> work)
    {
        if (!show || reader.Length <= 0) return work(stderr);
        var console = Console();
        return console.Progress()
            .AutoClear(true)
            .ExcludeVerticalPadding(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(what), maxValue: reader.Length);
                task.Value = reader.BytesRead;
                reader.BlockRead = bytes => task.Value = bytes;
                try { return work(new LinesAbove(console)); }
                finally { reader.BlockRead = null; }
            });
    }

    /// <summary>Runs work (a live recording of processes syscope did not start: no end is known)
    /// with a spinner and what <paramref name="written"/> says, read at each redraw (nothing is
    /// done per event), when <paramref name="show"/>.</summary>
    public static T Recording<T>(bool show, Func<string> written, Func<T> work)
    {
        if (!show) return work();
        var console = Console();
        return console.Progress()
            .AutoClear(true)
            .ExcludeVerticalPadding(true)
            .Columns(new SpinnerColumn(), new LiveTextColumn(written))
            .Start(context =>
            {
                var task = context.AddTask("recording");
                task.IsIndeterminate = true;
                return work();
            });
    }

    private static IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        Interactive = InteractionSupport.Yes,
        ColorSystem = ColorSystemSupport.Detect,
        Out = new StderrTerminal(),
    });

    /// <summary>stderr as the terminal it is, its size asked of the kernel for stderr itself: the
    /// runtime's Console.WindowWidth asks stdout, which is a file whenever `replay > FILE` shows a bar.</summary>
    private sealed class StderrTerminal : IAnsiConsoleOutput
    {
        private static Kernel.Abi.Winsize Size => Descriptors.TerminalSize(new SafeFileHandle(2, ownsHandle: false));

        public TextWriter Writer => System.Console.Error;

        public bool IsTerminal => true;

        public int Width => Size.Col > 0 ? Size.Col : 80;

        public int Height => Size.Row > 0 ? Size.Row : 24;

        public void SetEncoding(System.Text.Encoding encoding) { }
    }

    /// <summary>A column whose text is asked for at every redraw.</summary>
    private sealed class LiveTextColumn(Func<string> text) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => new Spectre.Console.Text(text());
    }

    /// <summary>stderr while a bar shows: each whole line goes through the console, which writes it
    /// above the bar instead of across it.</summary>
    private sealed class LinesAbove(IAnsiConsole console) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }
            console.Write(new Spectre.Console.Text(_line.Append('\n').ToString()));
            _line.Clear();
        }

        public override void Flush()
        {
            if (_line.Length == 0) return;
            console.Write(new Spectre.Console.Text(_line.ToString()));
            _line.Clear();
        }
    }
}
