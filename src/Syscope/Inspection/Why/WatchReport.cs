using System.Diagnostics;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Inspection.Why;

/// <summary>
/// `why --watch SECONDS`: traces the process for a while and tells where its wall time went, per
/// system call and per file descriptor.  A call still blocked when the window closes counts up to
/// that moment, since "stuck in read for the whole window" is usually the answer.
/// </summary>
internal sealed class WatchReport : ITraceRenderer
{
    public sealed class Stat
    {
        public long Calls, TotalNs, MaxNs, InProgress;

        public void Add(long ns, bool inProgress)
        {
            Calls++;
            TotalNs += ns;
            MaxNs = Math.Max(MaxNs, ns);
            if (inProgress) InProgress++;
        }
    }

    public Dictionary<string, Stat> BySyscall { get; } = new();
    public Dictionary<int, Stat> ByFd { get; } = new();
    public HashSet<int> Threads { get; } = new();
    /// <summary>Events the backend lost (its ring buffer was full): the figures fall short by them.</summary>
    public long LostEvents { get; private set; }
    public double Seconds { get; private set; }

    private ITraceBackend? _backend;
    private double _windowSeconds;
    private long _start;
    private Timer? _timer;

    public bool WantsText => false;

    public void Attached(in TraceEvent e)
    {
        Threads.Add(e.Tid);
        if (e.AttachKind != AttachKind.Seized || _timer != null) return;
        // The window opens once every thread is seized, so attaching does not count as waiting.
        var backend = _backend!;
        _start = Stopwatch.GetTimestamp();
        _timer = new Timer(_ => backend.RequestDetach(-1), null, TimeSpan.FromSeconds(_windowSeconds), Timeout.InfiniteTimeSpan);
    }

    public void Counted(AssembledCall call) => Add(call, call.ExitTimeNs, inProgress: false);

    /// <summary>A call still blocked when the window closes counts up to that moment.</summary>
    public void Unfinished(AssembledCall call, CallCut cut, long nowNs)
    {
        if (cut == CallCut.Detached) Add(call, nowNs, inProgress: true);
    }

    public void Detached(in TraceEvent e, bool announce) => Threads.Add(e.Tid);

    public void Ended(in TraceEvent e, bool shown) => Threads.Add(e.Tid);

    public void Signal(in TraceEvent e) => Threads.Add(e.Tid);

    public void Stopped(in TraceEvent e) => Threads.Add(e.Tid);

    public void Lost(in TraceEvent e) => LostEvents += e.Loss.Events;

    private void Add(AssembledCall call, long endNs, bool inProgress)
    {
        Threads.Add(call.Tid);
        var info = call.Syscall;
        long ns = endNs - call.EntryTimeNs;
        if (!BySyscall.TryGetValue(info.Name, out var s)) BySyscall[info.Name] = s = new Stat();
        s.Add(ns, inProgress);
        int fd = (int)call.Args[0];
        if (info.ArgCount > 0 && info.Args[0].Role.Kind == ArgKind.Fd && fd >= 0)
        {
            if (!ByFd.TryGetValue(fd, out var f)) ByFd[fd] = f = new Stat();
            f.Add(ns, inProgress);
        }
    }

    /// <summary>Attaches to every thread of the process the backend was made for, collects for
    /// the given time (or until the backend is asked to detach), detaches, and returns what was
    /// seen.  The process runs on untouched.</summary>
    public static WatchReport Run(ITraceBackend backend, double seconds)
    {
        var report = new WatchReport { _backend = backend, _windowSeconds = seconds };
        backend.Run(new CallAssembler(new Filtering.TraceFilter(), new Decoding.DecodeOptions(), backend.Facts, report));
        report._timer?.Dispose();
        report.Seconds = report._start == 0 ? 0 : Stopwatch.GetElapsedTime(report._start).TotalSeconds;
        return report;
    }

    public void Write(TextWriter output, ProcessEntry process, Func<int, string> describeFd)
    {
        int threads = Math.Max(1, Threads.Count);
        double window = Seconds * threads;
        output.WriteLine($"watched PID {process.Pid} ({process.DisplayComm}) for {Seconds:0.0} s, {threads} thread{(threads == 1 ? "" : "s")}");
        output.WriteLine("wall time by system call:");
        output.WriteLine($"  {"syscall",-20} {"calls",8} {"total s",10} {"max s",10} {"share",7}");
        foreach (var (name, s) in BySyscall.OrderByDescending(kv => kv.Value.TotalNs))
            output.WriteLine($"  {name,-20} {s.Calls,8} {Sec(s.TotalNs),10:0.000000} {Sec(s.MaxNs),10:0.000000} {Share(s, window),6:0.0}%{Pending(s)}");
        if (LostEvents > 0) output.WriteLine($"  ({LostEvents} events lost: the ring buffer was full, so these figures fall short)");
        if (ByFd.Count == 0) return;
        output.WriteLine("wall time by file descriptor:");
        output.WriteLine($"  {"fd",-4} {"calls",8} {"total s",10} {"max s",10} {"share",7}  leads to");
        foreach (var (fd, s) in ByFd.OrderByDescending(kv => kv.Value.TotalNs))
            output.WriteLine($"  {fd,-4} {s.Calls,8} {Sec(s.TotalNs),10:0.000000} {Sec(s.MaxNs),10:0.000000} {Share(s, window),6:0.0}%  {describeFd(fd)}{Pending(s)}");
    }

    /// <summary>Names fds the way `why` does (file and offset, socket endpoints and peer process),
    /// falling back to the /proc link when the process is gone.</summary>
    public static Func<int, string> FdDescriber(ProcessEntry process)
    {
        var describer = FdTargetDescriber.For(process, new WhySession());
        return fd =>
        {
            if (describer != null) return describer.Describe(fd).Description;
            return Interop.FileStatus.Readlink($"/proc/{process.Pid}/fd/{fd}", out _) is { } target ? Text.UntrustedText.Escape(target) : "?";
        };
    }

    private static double Sec(long ns) => ns / 1e9;

    private static double Share(Stat s, double window) => window <= 0 ? 0 : 100 * Sec(s.TotalNs) / window;

    private static string Pending(Stat s) => s.InProgress > 0 ? $"  ({s.InProgress} still in progress)" : "";
}
