using System.Text.RegularExpressions;
using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Recording.Diff;

/// <summary>
/// One run read for comparison: its processes as a fork/exec tree, each thread's calls as keys
/// (<see cref="CallLine"/>: 8 bytes and a time a call, so big runs fit), what failed, the files
/// and sockets it touched, the signals it received, how each process ended and the time spent in
/// each syscall.  The shown text of a call is not kept: <see cref="ReadLines"/> reads the
/// recording again for the few lines a report shows.
/// </summary>
internal sealed partial class RunSummary : ITraceRenderer
{
    internal sealed class Process(int tgid, Process? parent)
    {
        public readonly int Tgid = tgid;
        public readonly Process? Parent = parent;
        public readonly List<Process> Children = [];
        public readonly List<Thread> Threads = [];
        /// <summary>The program it exec'd last (as strace quotes it), else its comm, else "pid N".</summary>
        public string Name = $"pid {tgid}";
        public bool Execed;
        public string Ending = "still running when the recording ended";
        /// <summary>Signals delivered to its threads, by name: how many.</summary>
        public readonly Dictionary<string, int> Signals = [];
    }

    internal sealed class Thread(int ordinal, int tid, Process process)
    {
        /// <summary>Its place among the run's threads in order of appearance: how the second
        /// reading finds it again.</summary>
        public readonly int Ordinal = ordinal;
        public readonly int Tid = tid;
        public readonly Process Process = process;
        public readonly List<long> Keys = [];
        /// <summary>When each call completed (its return, or its entry if it never returned), ns
        /// since the run's first event: when a difference shows (a wait4 entered early returns
        /// another status only after the child that went wrong).</summary>
        public readonly List<long> Times = [];
    }

    public readonly List<Process> Roots = [];
    private readonly Dictionary<int, Thread> _threads = [];
    private readonly HashSet<long> _pids = [];
    private readonly Func<long, bool> _isPid;
    private int _nextOrdinal;
    private long _startNs = -1;
    private RecordingReader? _reader;
    /// <summary>The second reading: the lines wanted (thread ordinal, call index), filled in.</summary>
    private readonly Dictionary<(int Thread, int Call), string>? _wanted;

    /// <summary>Failed calls by (syscall, errno, path): how many.</summary>
    public readonly Dictionary<(string Syscall, string Errno, string Path), int> Failures = [];
    public readonly HashSet<string> Files = [];
    /// <summary>Addresses connected, bound or sent to: "connect 127.0.0.1:8080".</summary>
    public readonly HashSet<string> Sockets = [];
    /// <summary>Time spent in each syscall (ns) and how many calls.</summary>
    public readonly Dictionary<string, (long TotalNs, int Calls)> Latency = [];
    public string? Problem;

    private RunSummary(Dictionary<(int, int), string>? wanted)
    {
        _wanted = wanted;
        _isPid = n => n is > 0 and <= int.MaxValue && _pids.Contains(n);
    }

    public static RunSummary Read(string path) => Read(path, null);

    /// <summary>Reads the recording again and fills <paramref name="wanted"/> with the shown text
    /// of those calls (threads and calls are numbered as the first reading numbered them).</summary>
    public static void ReadLines(string path, Dictionary<(int Thread, int Call), string> wanted)
    {
        if (wanted.Count > 0) Read(path, wanted);
    }

    private static RunSummary Read(string path, Dictionary<(int, int), string>? wanted)
    {
        using var reader = RecordingReader.Open(path);
        var run = new RunSummary(wanted) { _reader = reader };
        var options = new DecodeOptions { StringLimit = 64, FdPaths = FdDecoding.Path };
        reader.Replay(new CallAssembler(new TraceFilter(), options, reader.Facts, run));
        run.Problem = reader.Problem;
        return run;
    }

    private Thread ThreadOf(int tid, int tgid, int parentTid = 0)
    {
        if (_threads.TryGetValue(tid, out var t)) return t;
        _pids.Add(tid);
        _pids.Add(tgid);
        Process? process = tid != tgid && _threads.TryGetValue(tgid, out var leader) ? leader.Process : null;
        if (process == null)
        {
            var parent = parentTid != 0 && _threads.TryGetValue(parentTid, out var p) ? p.Process : null;
            process = new Process(tgid, parent);
            (parent?.Children ?? Roots).Add(process);
            var comm = _reader!.CommOf(tid);
            if (!comm.IsEmpty) process.Name = Text.UntrustedText.Escape(Text.UntrustedText.Decode(comm));
        }
        t = new Thread(_nextOrdinal++, tid, process);
        process.Threads.Add(t);
        _threads[tid] = t;
        return t;
    }

    private long Since(long timeNs)
    {
        if (_startNs < 0) _startNs = timeNs;
        return timeNs - _startNs;
    }

    public void Attached(in TraceEvent e)
    {
        Since(e.TimeNs);
        _pids.Add(e.RelatedTid);
        ThreadOf(e.Tid, e.Tgid, e.AttachKind == AttachKind.Followed ? e.RelatedTid : 0);
    }

    public void Completed(AssembledCall call) => Add(call);

    public void Unfinished(AssembledCall call, CallCut cut, long nowNs) => Add(call);

    private void Add(AssembledCall call)
    {
        var t = ThreadOf(call.Tid, call.Tgid);
        if (call.Number is Sys.clone or Sys.clone3 or Sys.fork or Sys.vfork && call.ReturnValue > 0) _pids.Add(call.ReturnValue);
        string display = CallLine.Display(call);
        string normalized = CallLine.Normalized(call, display, _isPid);
        int index = t.Keys.Count;
        t.Keys.Add(CallLine.Key(normalized));
        t.Times.Add(Since(call.HasReturn ? call.ExitTimeNs : call.EntryTimeNs));
        if (_wanted != null && _wanted.ContainsKey((t.Ordinal, index))) _wanted[(t.Ordinal, index)] = display;
        if (_wanted != null) return;

        string? path = (call.Syscall.Classes & SyscallClass.File) != 0 ? CallLine.FirstString(display) : null;
        if (call.Number is Sys.execve or Sys.execveat && call.HasReturn && !call.Failed && path != null)
        {
            t.Process.Name = path;
            t.Process.Execed = true;
        }
        if (call.Failed && !call.Restarted)
        {
            var key = (call.Syscall.Name, Errno.Name(call.Errno), path ?? "");
            Failures[key] = Failures.GetValueOrDefault(key) + 1;
        }
        else if (call.HasReturn && path != null) Files.Add(path);
        if (call.Number is Sys.connect or Sys.bind or Sys.sendto && SocketAddress(display) is { } address)
            Sockets.Add($"{call.Syscall.Name} {address}");
        if (call.HasReturn)
        {
            var (total, calls) = Latency.GetValueOrDefault(call.Syscall.Name);
            Latency[call.Syscall.Name] = (total + call.ExitTimeNs - call.EntryTimeNs, calls + 1);
        }
    }

    public void Signal(in TraceEvent e)
    {
        var t = ThreadOf(e.Tid, e.Tgid);
        string name = SignalNames.Name(e.Signal);
        string line = $"--- {name} ---";
        int index = t.Keys.Count;
        t.Keys.Add(CallLine.Key(line));
        t.Times.Add(Since(e.TimeNs));
        if (_wanted != null && _wanted.ContainsKey((t.Ordinal, index))) _wanted[(t.Ordinal, index)] = line;
        t.Process.Signals[name] = t.Process.Signals.GetValueOrDefault(name) + 1;
    }

    public void Ended(in TraceEvent e, bool shown)
    {
        if (!_threads.Remove(e.Tid, out var t)) return;
        if (e.Tid == e.Tgid)
            t.Process.Ending = e.Kind == TraceEventKind.Killed ? $"killed by {SignalNames.Name(e.Signal)}{(e.CoreDumped ? " (core dumped)" : "")}" : $"exit {e.ExitCode}";
    }

    /// <summary>The address of a connect, bind or sendto as host:port or a UNIX path; null for none.</summary>
    private static string? SocketAddress(string display)
    {
        var m = InetAddress().Match(display);
        if (m.Success) return $"{m.Groups[2].Value}:{m.Groups[1].Value}";
        m = Inet6Address().Match(display);
        if (m.Success) return $"[{m.Groups[2].Value}]:{m.Groups[1].Value}";
        m = UnixAddress().Match(display);
        return m.Success ? $"\"{m.Groups[1].Value}\"" : null;
    }

    [GeneratedRegex(@"sin_port=htons\((\d+)\), sin_addr=inet_addr\(""([^""]*)""\)")]
    private static partial Regex InetAddress();

    [GeneratedRegex(@"sin6_port=htons\((\d+)\),.*?inet_pton\(AF_INET6, ""([^""]*)""")]
    private static partial Regex Inet6Address();

    [GeneratedRegex(@"sun_path=@?""((?:[^""\\]|\\.)*)""")]
    private static partial Regex UnixAddress();
}
