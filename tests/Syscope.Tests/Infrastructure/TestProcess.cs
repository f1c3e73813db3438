using System.Diagnostics;
using System.Text;

namespace Syscope.Tests.Infrastructure;

/// <summary>A process a test started (syscope, strace, a tracee, a server).  Both outputs are read
/// in the background from the start, so a full pipe never blocks it; every wait is bounded, and a
/// wait that runs out kills the whole process tree and fails the test with what it printed, so a
/// hung tracee fails its test instead of hanging the run.
///
/// It starts through `env --default-signal=PIPE,INT,QUIT`: the .NET test host ignores SIGPIPE, and
/// a non-interactive shell starts background jobs with SIGINT and SIGQUIT ignored; children
/// inherit ignored signals, so without this what a test sees would depend on how it was run.</summary>
public sealed class TestProcess : IDisposable
{
    /// <summary>The longest a test waits for a line, an exit or the end of an output unless it says
    /// otherwise: generous, as the machine may be loaded, but finite.</summary>
    public const int DefaultTimeoutMs = 60_000;

    private const string DefaultSignals = "--default-signal=PIPE,INT,QUIT";

    private readonly Process _process;
    private readonly string _command;

    public OutputPipe StandardOutput { get; }
    public OutputPipe StandardError { get; }

    /// <summary>The process's stdin; without redirectStdin it is closed at the start (the process
    /// reads end of file, as from /dev/null).</summary>
    public StreamWriter StandardInput => _process.StandardInput;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    private TestProcess(Process process, string command)
    {
        _process = process;
        _command = command;
        StandardOutput = new OutputPipe(process.StandardOutput, "stdout", this);
        StandardError = new OutputPipe(process.StandardError, "stderr", this);
    }

    internal static TestProcess Start(string exe, IEnumerable<string> args, bool redirectStdin = false, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        // env would take a first word with '=' for a variable to set.
        if (exe.Contains('=')) throw new ArgumentException("a program path with '=' cannot go through env: " + exe);
        psi.ArgumentList.Add(DefaultSignals);
        psi.ArgumentList.Add(exe);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = new TestProcess(Process.Start(psi)!, string.Join(' ', [exe, .. args]));
        if (!redirectStdin) p._process.StandardInput.Close();
        p.WaitForExec();
        return p;
    }

    /// <summary>Returns once env has replaced itself with the program, so the pid is the program's
    /// (its name, command line and state) when a test attaches to it or looks it up.</summary>
    private void WaitForExec()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string cmdline;
            try { cmdline = File.ReadAllText($"/proc/{Id}/cmdline"); }
            catch (IOException) { return; }   // already gone
            var argv = cmdline.Split('\0');
            if (argv.Length < 2 || argv[1] != DefaultSignals) return;
            if (clock.ElapsedMilliseconds > DefaultTimeoutMs) throw Fail("env did not start the program");
            Thread.Sleep(1);
        }
    }

    /// <summary>Whether it exited within the time; false leaves it running (for tests that expect
    /// it to stay).</summary>
    public bool WaitForExit(int timeoutMs) => _process.WaitForExit(timeoutMs);

    /// <summary>Waits for the exit and returns its status; past the time, kills the process tree
    /// and fails with what it printed.</summary>
    public int AssertExits(int timeoutMs = DefaultTimeoutMs, string? why = null)
    {
        if (!_process.WaitForExit(timeoutMs)) throw Fail($"did not exit within {timeoutMs} ms{(why == null ? "" : " " + why)}");
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the process and its descendants, then a bounded wait for the exit.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }   // it had exited
    }

    /// <summary>Kills the process tree; the exception to throw names the command and everything
    /// it printed.</summary>
    internal TimeoutException Fail(string what)
    {
        Kill();
        return new TimeoutException($"{_command}: {what}\n" + Printed());
    }

    /// <summary>What the process printed so far, for failure messages (the last 4000 characters
    /// of each output).</summary>
    public string Printed()
    {
        static string Tail(string s) => s.Length <= 4000 ? s : "..." + s[^4000..];
        return $"--- stdout ---\n{Tail(StandardOutput.Text)}\n--- stderr ---\n{Tail(StandardError.Text)}";
    }

    public override string ToString() => _command;

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}

/// <summary>One output of a <see cref="TestProcess"/>, read in the background into memory.  The
/// reads hand out what arrived in order; each waits a bounded time.</summary>
public sealed class OutputPipe
{
    private readonly StringBuilder _text = new();
    private readonly object _lock = new();
    private readonly string _name;
    private readonly TestProcess _owner;
    private int _consumed;
    private bool _ended;

    internal OutputPipe(StreamReader reader, string name, TestProcess owner)
    {
        _name = name;
        _owner = owner;
        _ = Task.Run(async () =>
        {
            var buffer = new char[4096];
            try
            {
                int n;
                while ((n = await reader.ReadAsync(buffer)) > 0)
                    lock (_lock) { _text.Append(buffer, 0, n); Monitor.PulseAll(_lock); }
            }
            catch (IOException) { }
            catch (ObjectDisposedException) { }
            lock (_lock) { _ended = true; Monitor.PulseAll(_lock); }
        });
    }

    /// <summary>Everything printed so far, including what the reads handed out.</summary>
    public string Text { get { lock (_lock) return _text.ToString(); } }

    /// <summary>The next line without its newline; null at the end of the output.</summary>
    public string? ReadLine(int timeoutMs = TestProcess.DefaultTimeoutMs)
    {
        lock (_lock)
        {
            var outcome = Await(() => IndexOfNewline() >= 0, timeoutMs);
            if (outcome != Outcome.TimedOut)
            {
                if (outcome == Outcome.Ended && _consumed == _text.Length) return null;
                int end = outcome == Outcome.Ready ? IndexOfNewline() : _text.Length;
                string line = _text.ToString(_consumed, end - _consumed);
                _consumed = Math.Min(end + 1, _text.Length);
                return line;
            }
        }
        throw _owner.Fail($"printed no line on {_name} within {timeoutMs} ms");
    }

    /// <summary>The rest of the output, once it ends (every process holding the pipe closed it).</summary>
    public string ReadToEnd(int timeoutMs = TestProcess.DefaultTimeoutMs)
    {
        lock (_lock)
        {
            if (Await(() => false, timeoutMs) == Outcome.Ended)
            {
                string rest = _text.ToString(_consumed, _text.Length - _consumed);
                _consumed = _text.Length;
                return rest;
            }
        }
        throw _owner.Fail($"{_name} did not end within {timeoutMs} ms");
    }

    private int IndexOfNewline()
    {
        for (int i = _consumed; i < _text.Length; i++) if (_text[i] == '\n') return i;
        return -1;
    }

    private enum Outcome { Ready, Ended, TimedOut }

    /// <summary>Waits, holding the lock, until the condition holds or the output ends.</summary>
    private Outcome Await(Func<bool> condition, int timeoutMs)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (condition()) return Outcome.Ready;
            if (_ended) return Outcome.Ended;
            long left = timeoutMs - clock.ElapsedMilliseconds;
            if (left <= 0) return Outcome.TimedOut;
            Monitor.Wait(_lock, (int)Math.Min(left, int.MaxValue));
        }
    }
}
