using System.Diagnostics;
using Syscope.Events;
using Syscope.Syscalls;
using Syscope.Tracing;
using Syscope.Tracing.Ptrace;

namespace Syscope.Inspection.Why;

/// <summary>
/// `why --watch SECONDS`: traces the process for a while and tells where its wall time went, per
/// system call and per file descriptor.  A call still blocked when the window closes counts up to
/// that moment, since "stuck in read for the whole window" is usually the answer.
/// </summary>
public sealed class WatchReport : ITraceConsumer
{
    public sealed class Stat
    {
        public long Calls, TotalTicks, MaxTicks, InProgress;

        public void Add(long ticks, bool inProgress)
        {
            Calls++;
            TotalTicks += ticks;
            MaxTicks = Math.Max(MaxTicks, ticks);
            if (inProgress) InProgress++;
        }
    }

    public Dictionary<string, Stat> BySyscall { get; } = new();
    public Dictionary<int, Stat> ByFd { get; } = new();
    public HashSet<int> Threads { get; } = new();
    public double Seconds { get; private set; }

    public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
    {
        Threads.Add(e.Pid);
        bool inProgress = e.Kind == TraceEventKind.Detached && e.SyscallNumber >= 0;
        if (e.Kind != TraceEventKind.SyscallExit && !inProgress) return;
        var call = SyscallTable.Resolve(e.SyscallNumber);
        long ticks = e.Timestamp - e.EntryTimestamp;
        if (!BySyscall.TryGetValue(call.Name, out var s)) BySyscall[call.Name] = s = new Stat();
        s.Add(ticks, inProgress);
        if (call.ArgCount > 0 && call.Args[0].Name is "fd" or "epfd" or "fd_in" && (int)e.Args[0] >= 0)
        {
            int fd = (int)e.Args[0];
            if (!ByFd.TryGetValue(fd, out var f)) ByFd[fd] = f = new Stat();
            f.Add(ticks, inProgress);
        }
    }

    public void Complete() { }

    /// <summary>Attaches to every thread of the process, collects for the given time (or until
    /// cancelled), detaches, and returns what was seen.  The process runs on untouched.</summary>
    public static WatchReport Run(int pid, double seconds, Action<PtraceBackend>? started = null)
    {
        var report = new WatchReport();
        var backend = new PtraceBackend(new TraceTarget { AttachPids = [pid] }, report);
        started?.Invoke(backend);
        // The window opens once every thread is seized, so attaching does not count as waiting.
        long start = 0;
        Timer? timer = null;
        backend.Attached += (_, _, _) =>
        {
            start = Stopwatch.GetTimestamp();
            timer = new Timer(_ => backend.RequestDetach(-1), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
        };
        backend.Run();
        timer?.Dispose();
        report.Seconds = start == 0 ? 0 : Stopwatch.GetElapsedTime(start).TotalSeconds;
        return report;
    }

    public void Write(TextWriter output, ProcessEntry process, Func<int, string> describeFd)
    {
        int threads = Math.Max(1, Threads.Count);
        double window = Seconds * threads;
        output.WriteLine($"watched PID {process.Pid} ({process.Comm}) for {Seconds:0.0} s, {threads} thread{(threads == 1 ? "" : "s")}");
        output.WriteLine("wall time by system call:");
        output.WriteLine($"  {"syscall",-20} {"calls",8} {"total s",10} {"max s",10} {"share",7}");
        foreach (var (name, s) in BySyscall.OrderByDescending(kv => kv.Value.TotalTicks))
            output.WriteLine($"  {name,-20} {s.Calls,8} {Sec(s.TotalTicks),10:0.000000} {Sec(s.MaxTicks),10:0.000000} {Share(s, window),6:0.0}%{Pending(s)}");
        if (ByFd.Count == 0) return;
        output.WriteLine("wall time by file descriptor:");
        output.WriteLine($"  {"fd",-4} {"calls",8} {"total s",10} {"max s",10} {"share",7}  leads to");
        foreach (var (fd, s) in ByFd.OrderByDescending(kv => kv.Value.TotalTicks))
            output.WriteLine($"  {fd,-4} {s.Calls,8} {Sec(s.TotalTicks),10:0.000000} {Sec(s.MaxTicks),10:0.000000} {Share(s, window),6:0.0}%  {describeFd(fd)}{Pending(s)}");
    }

    /// <summary>Names fds the way `why` does (file and offset, socket endpoints and peer process),
    /// falling back to the /proc link when the process is gone.</summary>
    public static Func<int, string> FdDescriber(ProcessEntry process)
    {
        var describer = FdTargetDescriber.For(process, Naming.EndpointNames.FromSystem(numericHosts: true, numericPorts: true));
        return fd =>
        {
            if (describer != null) return describer.Describe(fd).Description;
            try { return new FileInfo($"/proc/{process.Pid}/fd/{fd}").LinkTarget ?? "?"; }
            catch (IOException) { return "?"; }
        };
    }

    private static double Sec(long ticks) => (double)ticks / Stopwatch.Frequency;

    private static double Share(Stat s, double window) => window <= 0 ? 0 : 100 * Sec(s.TotalTicks) / window;

    private static string Pending(Stat s) => s.InProgress > 0 ? $"  ({s.InProgress} still in progress)" : "";
}
