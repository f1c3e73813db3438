using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tests.Differential;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;
using Syscope.Tracing.Ebpf;
using Syscope.Tracing.Ptrace;
using Xunit.Abstractions;

namespace Syscope.Tests.Syscalls;

/// <summary>
/// The syscall rows' roles as a capture plan (issue 10): a backend that copies memory at the
/// moment of the call (eBPF) and follows each call's plan must hand the decoders every byte they
/// read.  Every command of the differential corpus runs under the ptrace backend in this process,
/// decoded as `trace` decodes (once with default options, once with -v, -s 65536, -yy and every
/// descriptor's data dumped), twice over: once over the live memory through a recorder, once over
/// only what the plan names (Events/CaptureRegions, copied at entry and at exit into the eBPF
/// backend's CapturedMemory).  Each byte the decoders read of live memory must lie in a region of
/// the call's plan for that moment (at exit also the regions of memory the call only reads, copied
/// at entry), and both decodings must print the same lines.  Calls whose decoders need more are
/// listed, with the reason, under @partial in tools/syscalls/roles.txt: reported, not failed.
/// </summary>
public class CapturePlanCoverageTests(ITestOutputHelper output, LocalHttpServer http) : IClassFixture<LocalHttpServer>
{
    private static readonly DecodeOptions[] s_optionSets =
    [
        new(),
        new()
        {
            Verbose = true, StringLimit = 1 << 16, FdPaths = FdDecoding.All,
            ReadDumps = new FdComplement(new HashSet<int>()), WriteDumps = new FdComplement(new HashSet<int>()),
        },
    ];

    [NeedsFact(Workloads.Gcc, Workloads.Python, Workloads.Sqlite, Workloads.Curl, Workloads.Ip)]
    public void Every_byte_a_decoder_reads_lies_in_a_region_of_its_calls_plan()
    {
        string scratch = RunFolder.RunScoped("capture-plan");
        string cwd = Path.Combine(scratch, "cwd");
        var coverage = new Coverage();
        foreach (var (command, follow) in Commands(scratch))
            foreach (var options in s_optionSets)
            {
                if (Directory.Exists(cwd)) Directory.Delete(cwd, true);
                Directory.CreateDirectory(cwd);
                // In its own folder, with SIGPIPE at its default as a shell would leave it, and no
                // terminal: its output would only mix with the test's.
                string[] argv = ["sh", "-c", "exec env --default-signal=PIPE -C \"$0\" \"$@\" </dev/null >/dev/null 2>&1", cwd, .. command];
                Trace(argv, follow, options, coverage);
            }

        var partial = coverage.Calls.Keys.Where(c => c.CaptureGap != null).ToList();
        output.WriteLine($"{coverage.Calls.Count} syscalls decoded ({coverage.Calls.Values.Sum()} calls, {coverage.Reads} reads of tracee memory, " +
            $"{coverage.Lines} lines compared); {coverage.Calls.Count - partial.Count} with a complete plan, {partial.Count} listed under @partial:");
        foreach (var call in partial.OrderBy(c => c.Name))
            output.WriteLine($"  {call.Name}: {(coverage.Misses.TryGetValue(call, out var m) ? m : "read nothing outside its plan here")} ({call.CaptureGap})");
        var wrong = coverage.Misses.Where(kv => kv.Key.CaptureGap == null).Select(kv => $"{kv.Key.Name}: {kv.Value}").Order().ToList();
        Assert.True(wrong.Count == 0, "decoders read memory their call's capture plan does not name:\n" + string.Join("\n", wrong));
        Assert.True(coverage.Calls.Count > 150, $"only {coverage.Calls.Count} syscalls seen: the corpus did not run");
    }

    /// <summary>Each command of the corpus once, its files in this test's own folder, followed
    /// into its children where the corpus runs it with -f (admin.c's child asks to be traced by
    /// its parent, which it cannot be while syscope follows it).</summary>
    private List<(string[] Command, bool Follow)> Commands(string scratch)
    {
        var commands = new Dictionary<string, (string[] Command, bool Follow)>();
        foreach (var w in Workloads.All().Select(c => (Workload)c[0]))
        {
            var cmd = Array.ConvertAll(w.Command, a => a.Replace(Workloads.Scratch, scratch)
                .Replace("{bin}", DifferentialTests.Programs).Replace("{http}", a.Contains("{http}") ? http.Url : ""));
            string key = string.Join('\0', cmd);
            bool follow = w.Options.Contains("-f") || (commands.TryGetValue(key, out var seen) && seen.Follow);
            commands[key] = (cmd, follow);
        }
        return commands.Values.ToList();
    }

    private static void Trace(string[] argv, bool follow, DecodeOptions decode, Coverage coverage)
    {
        var filter = new TraceFilter();
        var options = new StraceOptions { OutputPath = "mem", PerProcessFiles = false, Filter = filter, Decode = decode };
        var backend = new PtraceBackend(new TraceTarget
        {
            ExecutablePath = CommandResolver.Resolve(argv[0]),
            Argv = argv,
            Filter = filter,
            FollowForks = follow,
        });
        var live = new MemoryStream();
        var planned = new MemoryStream();
        using var liveText = new StraceFormatter(options, new TraceOutput(live, flushEachEvent: false), TextWriter.Null, backend.Facts.Host);
        using var plannedText = new StraceFormatter(options, new TraceOutput(planned, flushEachEvent: false), TextWriter.Null, backend.Facts.Host);
        var checker = new Checker(new CallAssembler(filter, decode, backend.Facts, liveText), new CallAssembler(filter, decode, backend.Facts, plannedText), coverage);
        // A workload that hangs is let go rather than hanging the test.
        bool late = false;
        using (new Timer(_ => { late = true; backend.RequestDetach(-1); }, null, TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan))
            backend.Run(checker);
        Assert.False(late, $"{string.Join(' ', argv)} still ran after 60 s");
        coverage.Compare(Lines(live), Lines(planned));
    }

    private static string[] Lines(MemoryStream s) => System.Text.Encoding.UTF8.GetString(s.ToArray()).Split('\n');

    /// <summary>What the traces showed: calls decoded per syscall, and per syscall the first thing
    /// its plan did not cover.</summary>
    private sealed class Coverage
    {
        public readonly Dictionary<SyscallInfo, int> Calls = new();
        public readonly Dictionary<SyscallInfo, string> Misses = new();
        public long Reads, Lines;

        public void Miss(SyscallInfo call, string what) => Misses.TryAdd(call, what);

        /// <summary>The lines decoded over live memory against those decoded over the plan's
        /// regions; a dump line belongs to the call line before it.</summary>
        public void Compare(string[] live, string[] planned)
        {
            Lines += live.Length;
            if (live.Length != planned.Length) { Miss(SyscallTable.ByName("exit_group")!, $"{live.Length} lines over live memory, {planned.Length} over the plan's"); return; }
            SyscallInfo? call = null;
            for (int i = 0; i < live.Length; i++)
            {
                if (!live[i].StartsWith(" | ") && !live[i].StartsWith(" * ") && !live[i].StartsWith(" = ")) call = CallOf(live[i]) ?? call;
                if (live[i] != planned[i] && call != null) Miss(call, $"printed \"{planned[i]}\" over the plan's memory, \"{live[i]}\" over live memory");
            }
        }

        /// <summary>The call a line of strace's text is about: after any "[pid N] " or "&lt;... ", up to '(' or " resumed".</summary>
        private static SyscallInfo? CallOf(string line)
        {
            var text = line.AsSpan();
            if (text.StartsWith("[pid ")) text = text[(text.IndexOf(']') + 1)..].TrimStart();
            if (text.StartsWith("<... ")) text = text[5..];
            int end = text.IndexOfAny('(', ' ');
            return end > 0 ? SyscallTable.ByName(text[..end].ToString()) : null;
        }
    }

    /// <summary>Passes every event on twice: with the tracee's memory wrapped in a recorder, and
    /// with only the regions the call's plan names, copied as a backend capturing at the moment of
    /// the call copies them; then holds what the decoders read to those regions.</summary>
    private sealed class Checker(ITraceConsumer live, ITraceConsumer planned, Coverage coverage) : ITraceConsumer
    {
        private readonly RecordingMemory _recorder = new();
        private readonly List<CapturedRegion> _regions = [];
        private readonly Dictionary<int, CapturedMemory> _captures = new();
        private readonly CapturedMemory _nothing = new();
        /// <summary>Per thread, what the current call's plan named at entry for memory the call only reads.</summary>
        private readonly Dictionary<int, List<CapturedRegion>> _entryRegions = new();
        private byte[] _copy = new byte[4096];

        public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
        {
            bool entry = e.Kind == TraceEventKind.SyscallEntry, exit = e.Kind == TraceEventKind.SyscallExit;
            var call = (entry || exit) && e.SyscallNumber is >= 0 and <= SyscallTable.MaxNumber ? SyscallTable.Resolve(e.SyscallNumber) : null;
            _regions.Clear();
            ITraceeMemory captured = _nothing;
            if (call != null)
            {
                if (!_captures.TryGetValue(e.Tid, out var capture)) _captures[e.Tid] = capture = new CapturedMemory();
                if (entry)
                {
                    capture.Clear();
                    CaptureRegions.Collect(call, e.Args, 0, exiting: false, memory, _regions);
                    _entryRegions[e.Tid] = _regions.Where(r => !call.Args[r.Arg].Role.AtExit).ToList();
                    coverage.Calls[call] = coverage.Calls.GetValueOrDefault(call) + 1;
                }
                else
                {
                    CaptureRegions.Collect(call, e.Args, e.ReturnValue, exiting: true, memory, _regions);
                }
                foreach (var r in _regions) Copy(memory, r, capture);
                if (exit)
                {
                    // execve's exit is in a new program: what it read at entry is gone.
                    if (_entryRegions.Remove(e.Tid, out var read) && call.Number is not (Sys.execve or Sys.execveat)) _regions.AddRange(read);
                    else capture.Clear();
                }
                captured = capture;
            }
            var copy = e;
            planned.OnEvent(ref copy, captured);
            _recorder.Start(memory);
            live.OnEvent(ref e, _recorder);
            if (call == null)
            {
                if (_recorder.Reads.Count > 0 && e.SyscallNumber >= 0)
                    coverage.Miss(SyscallTable.Resolve(e.SyscallNumber), $"{_recorder.Reads.Count} reads at a {e.Kind} event");
                return;
            }
            coverage.Reads += _recorder.Reads.Count;
            foreach (var (addr, length) in _recorder.Reads)
                if (Uncovered(memory, addr, length) is { } first)
                {
                    var args = new List<string>();
                    for (int i = 0; i < call.ArgCount; i++) args.Add($"0x{e.Args[i]:x}");
                    coverage.Miss(call, $"{(entry ? "entry" : "exit")} read {length} bytes at 0x{addr:x}, byte +{first - addr} in no region " +
                        $"(args {string.Join(", ", args)}{(entry ? "" : $", returned {e.ReturnValue}")})");
                    break;
                }
        }

        private void Copy(ITraceeMemory memory, CapturedRegion r, CapturedMemory into)
        {
            int length = (int)Math.Min(r.Length, 1UL << 24);
            if (_copy.Length < length) _copy = new byte[length];
            int n = memory.Read(r.Address, _copy.AsSpan(0, length));
            if (n > 0) into.Add(r.Address, _copy.AsSpan(0, n));
        }

        /// <summary>The first byte of a read that no region holds, or null.  A read that reaches a
        /// NUL inside the region it starts in is whole up to there: string readers fetch up to a
        /// page at a time and use nothing after the NUL (the decoding over the plan's memory, where
        /// such a read stops at the region's end, shows whether that is so).</summary>
        private ulong? Uncovered(ITraceeMemory memory, ulong addr, int length)
        {
            ulong at = addr, end = addr + (ulong)length;
            while (at < end)
            {
                ulong next = at;
                foreach (var r in _regions)
                {
                    if (at < r.Address || at >= r.End) continue;
                    if (end > r.End && at == addr && EndsString(memory, at, r.End)) return null;
                    next = Math.Max(next, Math.Min(r.End, end));
                }
                if (next == at) return at;
                at = next;
            }
            return null;
        }

        private static bool EndsString(ITraceeMemory memory, ulong from, ulong end)
        {
            Span<byte> bytes = stackalloc byte[256];
            for (ulong at = from; at < end; at += (ulong)bytes.Length)
            {
                int n = memory.Read(at, bytes[..(int)Math.Min((ulong)bytes.Length, end - at)]);
                if (n <= 0) return false;
                if (bytes[..n].Contains((byte)0)) return true;
            }
            return false;
        }

        public void Complete()
        {
            live.Complete();
            planned.Complete();
        }
    }

    /// <summary>The tracee's memory, recording each read that returned bytes.</summary>
    private sealed class RecordingMemory : ITraceeMemory
    {
        private ITraceeMemory _inner = null!;
        public readonly List<(ulong Address, int Length)> Reads = [];

        public void Start(ITraceeMemory inner)
        {
            _inner = inner;
            Reads.Clear();
        }

        public int Read(ulong address, Span<byte> destination)
        {
            int n = _inner.Read(address, destination);
            if (n > 0) Reads.Add((address, n));
            return n;
        }
    }
}
