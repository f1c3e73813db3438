using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Filtering;
using Syscope.Interop;

namespace Syscope.Tracing.Ebpf;

/// <summary>What to load: fixed before load, so the verifier drops the code a run does not use.</summary>
internal sealed record ProbeOptions
{
    public ProbeScope Scope { get; init; } = ProbeScope.Pids;
    /// <summary>Key the traced set by thread id (strace without -f traces one thread).</summary>
    public bool PerThread { get; init; }
    /// <summary>-f: the kernel adds the children of traced tasks to the traced set.</summary>
    public bool Follow { get; init; }
    /// <summary>Write syscall records; false for -c alone.</summary>
    public bool Emit { get; init; } = true;
    /// <summary>Keep the -c counters.</summary>
    public bool Count { get; init; }
    /// <summary>--buffer-size: the ring's size in bytes, rounded up to a power of two of at least a page.</summary>
    public long RingBytes { get; init; } = DefaultRingBytes;
    /// <summary>Wake the reader when this many bytes wait; null: a quarter of the ring; 0: the kernel's
    /// policy (a wake-up whenever the reader has caught up, so at nearly every record).</summary>
    public ulong? WakeBytes { get; init; }
    /// <summary>ProbeScope.All: only tasks in this cgroup v2 (its id) or below it (0: any).</summary>
    public ulong CgroupId { get; init; }
    /// <summary>The cgroup's depth below the root.</summary>
    public int CgroupLevel { get; init; }
    /// <summary>ProbeScope.All: only processes of this name (null: any).</summary>
    public byte[]? Comm { get; init; }
    /// <summary>Report each task's process name at its first traced call (RecordKind.Comm).</summary>
    public bool Names { get; init; }
    /// <summary>The syscalls that make records and counts (-e trace=, with execve); the others cost a
    /// bit test, or nothing when the set is small enough for per-syscall programs.</summary>
    public SyscallSet TraceSet { get; init; } = SyscallSet.All;
    /// <summary>-c -w: the kernel counts each call's wall-clock latency instead of its system time.</summary>
    public bool CountWallClock { get; init; }
    /// <summary>-e kvm=vcpu: KVM's kvm_userspace_exit tracepoint reports why each KVM_RUN returned
    /// (RecordKind.KvmExit); otherwise its program is not loaded.</summary>
    public bool KvmExits { get; init; }

    public const long DefaultRingBytes = 8 << 20, MaxRingBytes = 1L << 30;
}

/// <summary>
/// syscope's BPF programs (src/Syscope/Bpf/syscope.bpf.c, embedded), loaded and attached: the
/// traced set, the -e trace= set, the capture plans and the -c counters as maps, and the ring
/// buffer's reader.  Disposing detaches and unloads everything; if syscope dies instead, the kernel
/// does the same when its descriptors close (nothing is pinned).
/// </summary>
internal sealed class BpfProbe : IDisposable
{
    public const string ObjectResource = "syscope.bpf.o";

    private readonly Libbpf.ObjectHandle _object;
    private readonly List<Libbpf.LinkHandle> _links;
    private readonly int _plans, _counters, _ringStats, _ended;
    /// <summary>The traced set's bitmap (map "traced"), mapped: bit id % 64 of word id / 64.</summary>
    private readonly MemoryMap _traced;
    private readonly byte[] _perCpu;
    private readonly int _cpus;
    /// <summary>Links let go of while tracing goes on (<see cref="StopSeeing"/>), still closing.</summary>
    private Thread? _closing;

    public RingBufferReader Ring { get; }
    public ProbeOptions Options { get; }

    private BpfProbe(ProbeOptions options, Libbpf.ObjectHandle obj, List<Libbpf.LinkHandle> links, RingBufferReader ring)
    {
        Options = options;
        _object = obj;
        _links = links;
        Ring = ring;
        _traced = MemoryMap.Map(Libbpf.Fd(Libbpf.Map(obj, "traced")), BpfLimits.MaxPids / 8, MemoryMap.PROT_READ | MemoryMap.PROT_WRITE, 0);
        _plans = Libbpf.Fd(Libbpf.Map(obj, "plans"));
        _counters = Libbpf.Fd(Libbpf.Map(obj, "counters"));
        _ringStats = Libbpf.Fd(Libbpf.Map(obj, "ring_stats"));
        _ended = Libbpf.Fd(Libbpf.Map(obj, "ended"));
        _cpus = Libbpf.PossibleCpus;
        _perCpu = new byte[_cpus * Unsafe.SizeOf<SyscallCounter>()];
    }

    /// <summary>The compiled object, as committed beside its source.</summary>
    public static byte[] ObjectBytes()
    {
        using var s = typeof(BpfProbe).Assembly.GetManifestResourceStream(ObjectResource)
            ?? throw new InvalidOperationException($"{ObjectResource} is not embedded in {typeof(BpfProbe).Assembly.GetName().Name}");
        var bytes = new byte[s.Length];
        s.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Loads and attaches the programs; nothing is traced until <see cref="Trace"/> (or
    /// under ProbeScope.All).
    /// Throws UserError naming what is missing when eBPF cannot run here.</summary>
    public static BpfProbe Load(ProbeOptions options)
    {
        if (EbpfSupport.Missing is { } missing) throw new UserError(missing);
        uint ringSize = RingSize(options.RingBytes);
        var config = new SyscopeConfig
        {
            Scope = options.Scope,
            PerThread = options.PerThread ? 1u : 0,
            Follow = options.Follow ? 1u : 0,
            Emit = options.Emit ? 1u : 0,
            Count = options.Count ? 1u : 0,
            SelfTgid = (uint)Environment.ProcessId,
            WakeBytes = options.WakeBytes ?? ringSize / 4,
            CgroupId = options.CgroupId,
            CgroupLevel = (uint)options.CgroupLevel,
            Names = options.Names ? 1u : 0,
            AllCalls = options.TraceSet.IsAll ? 1u : 0,
            CountWall = options.CountWallClock ? 1u : 0,
        };
        if (options.Comm is { } comm) comm.AsSpan(0, Math.Min(comm.Length, BpfLimits.CommLength - 1)).CopyTo(config.Comm);
        var obj = Libbpf.Open(ObjectBytes(), "syscope");
        List<Libbpf.LinkHandle>? links = null;
        RingBufferReader? ring = null;
        try
        {
            nint ringMap = Libbpf.Map(obj, "ring");
            Libbpf.SetMaxEntries(ringMap, ringSize);
            Libbpf.SetInitialValue(Libbpf.Map(obj, ".rodata"), config);
            var perSyscall = SyscallTracepoints(obj, options.TraceSet, out var programSyscalls);
            // Renames matter only to names; without them the program is not even loaded.
            Libbpf.SetAutoload(Libbpf.Program(obj, "syscope_rename"), options.Names);
            Libbpf.SetAutoload(Libbpf.Program(obj, "syscope_task_free"), options.Names);
            Libbpf.SetAutoload(Libbpf.Program(obj, "syscope_kvm_exit"), options.KvmExits);
            Libbpf.Load(obj);
            if (perSyscall != null) FillCallPrograms(obj);
            int traceSet = Libbpf.Fd(Libbpf.Map(obj, "trace_set"));
            Libbpf.Update(traceSet, 0u, TraceSetOf(options.TraceSet));
            ring = new RingBufferReader(Libbpf.Fd(ringMap), ringSize);
            links = Libbpf.AttachAll(obj, perSyscall);
            return new BpfProbe(options, obj, links, ring) { PerSyscallPrograms = perSyscall != null, _syscallOfProgram = programSyscalls };
        }
        catch (BpfLoadException e)
        {
            Release(obj, links, ring);
            throw new UserError(EbpfSupport.Explain(e));
        }
        catch
        {
            Release(obj, links, ring);
            throw;
        }
    }

    /// <summary>Whether the calls are seen by per-syscall programs (on each traced syscall's own
    /// tracepoints) rather than by the raw sys_enter/sys_exit tracepoints, which run a program for
    /// every call of every process once any is attached to them.</summary>
    public bool PerSyscallPrograms { get; private init; }

    /// <summary>Takes the per-syscall programs of syscall nr off its tracepoints, if it has some: for a
    /// call whose records are no longer needed (execve's, once the launched command has started).  The
    /// kernel waits for a grace period before it lets go of each tracepoint (tens of ms, one at a time),
    /// so the links close on a thread of their own while the trace goes on; Dispose waits for it.
    /// Returns whether there was something to take off.</summary>
    public bool StopSeeing(int nr)
    {
        if (!PerSyscallPrograms || _closing != null) return false;
        var programs = SyscallProgramNames(nr);
        var off = _links.Where(l => programs.Contains(l.Program)).ToList();
        if (off.Count == 0) return false;
        _links.RemoveAll(off.Contains);
        _closing = new Thread(() => { foreach (var l in off) l.Dispose(); }) { IsBackground = true, Name = "bpf detach" };
        _closing.Start();
        return true;
    }

    /// <summary>The per-syscall programs attached to syscall nr's events.</summary>
    private HashSet<string> SyscallProgramNames(int nr) =>
        _syscallOfProgram.Where(p => p.Value == nr).Select(p => p.Key).ToHashSet();

    /// <summary>Per-syscall program name to the syscall whose events it is attached to.</summary>
    private Dictionary<string, int> _syscallOfProgram = [];

    /// <summary>A trace set of at most BpfLimits.SyscallPrograms syscalls is seen through programs on
    /// those syscalls' own tracepoints (syscalls:sys_enter_NAME, sys_exit_NAME), so that any other call
    /// costs only the kernel's bit test; the raw tracepoint programs are then not loaded.  Returns
    /// where each per-syscall program goes, or null (the raw tracepoints) when the set is larger or a
    /// syscall has no tracepoint of its name.</summary>
    private static Dictionary<string, string>? SyscallTracepoints(Libbpf.ObjectHandle obj, SyscallSet set, out Dictionary<string, int> programSyscalls)
    {
        programSyscalls = [];
        var numbers = set.Contains(BpfLimits.MaxSyscalls) ? [] : set.Members.Take(BpfLimits.SyscallPrograms + 1).ToList();
        Dictionary<string, string>? targets = numbers.Count is > 0 and <= BpfLimits.SyscallPrograms ? new() : null;
        for (int i = 0; i < numbers.Count && targets != null; i++)
        {
            if (SyscallEvent(numbers[i]) is not { } name) targets = null;
            else
            {
                targets[$"syscope_call_enter{i}"] = "syscalls/sys_enter_" + name;
                targets[$"syscope_call_exit{i}"] = "syscalls/sys_exit_" + name;
                programSyscalls[$"syscope_call_enter{i}"] = programSyscalls[$"syscope_call_exit{i}"] = numbers[i];
            }
        }
        for (int i = 0; i < BpfLimits.SyscallPrograms; i++)
        {
            Libbpf.SetAutoload(Libbpf.Program(obj, $"syscope_call_enter{i}"), targets?.ContainsKey($"syscope_call_enter{i}") == true);
            Libbpf.SetAutoload(Libbpf.Program(obj, $"syscope_call_exit{i}"), targets?.ContainsKey($"syscope_call_exit{i}") == true);
        }
        Libbpf.SetAutoload(Libbpf.Program(obj, "syscope_enter"), targets == null);
        Libbpf.SetAutoload(Libbpf.Program(obj, "syscope_exit"), targets == null);
        // What the per-syscall programs jump into: loaded, attached nowhere.
        foreach (var common in new[] { "syscope_call_enter", "syscope_call_exit" })
        {
            Libbpf.SetAutoload(Libbpf.Program(obj, common), targets != null);
            targets?.Add(common, "");
        }
        return targets;
    }

    /// <summary>The program array the per-syscall programs jump through (CALL_ENTER 0, CALL_EXIT 1).</summary>
    private static void FillCallPrograms(Libbpf.ObjectHandle obj)
    {
        int array = Libbpf.Fd(Libbpf.Map(obj, "call_programs"));
        Libbpf.Update(array, 0u, Libbpf.ProgramDescriptor(Libbpf.Program(obj, "syscope_call_enter")));
        Libbpf.Update(array, 1u, Libbpf.ProgramDescriptor(Libbpf.Program(obj, "syscope_call_exit")));
    }

    /// <summary>The name of syscall nr's events in tracefs (its row's), if this kernel has them.</summary>
    private static string? SyscallEvent(int nr)
    {
        if (Syscalls.SyscallTable.ByNumber(nr)?.Tracepoint is not { } name) return null;
        foreach (var tracefs in new[] { "/sys/kernel/tracing", "/sys/kernel/debug/tracing" })
            if (Directory.Exists($"{tracefs}/events/syscalls/sys_enter_{name}")) return name;
        return null;
    }

    private static void Release(Libbpf.ObjectHandle obj, List<Libbpf.LinkHandle>? links, RingBufferReader? ring)
    {
        if (links != null) foreach (var l in links) l.Dispose();
        ring?.Dispose();
        obj.Dispose();
    }

    /// <summary>The ring's size for --buffer-size: a power of two, at least a page, at most 1 GiB.</summary>
    public static uint RingSize(long bytes)
    {
        long size = Math.Clamp(bytes, Environment.SystemPageSize, ProbeOptions.MaxRingBytes);
        return (uint)BitOperations.RoundUpToPowerOf2((ulong)size);
    }

    /// <summary>Starts tracing a process (its tgid) or, with PerThread, a thread.</summary>
    public void Trace(int id) => Interlocked.Or(ref TracedWord(id), Bit(id));

    /// <summary>Stops tracing it; false when it was not traced (it may have exited).</summary>
    public bool Untrace(int id) => (Interlocked.And(ref TracedWord(id), ~Bit(id)) & Bit(id)) != 0;

    /// <summary>Whether an id is in the traced set (the kernel removes processes that exit).</summary>
    public bool IsTraced(int id) => (Volatile.Read(ref TracedWord(id)) & Bit(id)) != 0;

    private unsafe ref ulong TracedWord(int id)
    {
        if ((uint)id >= BpfLimits.MaxPids) throw new ArgumentOutOfRangeException(nameof(id), id, "beyond the kernel's largest pid");
        return ref ((ulong*)_traced.Pointer)[id / 64];
    }

    private static ulong Bit(int id) => 1UL << (id % 64);

    private static TraceSetBits TraceSetOf(SyscallSet set)
    {
        var bits = new TraceSetBits { Others = set.Contains(BpfLimits.MaxSyscalls) ? 1u : 0 };
        for (int nr = 0; nr < BpfLimits.MaxSyscalls; nr++)
            if (set.Contains(nr)) bits.Bits[nr / 64] |= 1UL << (nr % 64);
        return bits;
    }

    /// <summary>The name task tid had when it ended, and when (ProbeOptions.Names: any task's, the
    /// last few thousand).</summary>
    public bool TryGetEnded(int tid, out EndedTask ended)
    {
        ended = default;
        return Libbpf.Lookup(_ended, (uint)tid, MemoryMarshal.AsBytes(new Span<EndedTask>(ref ended)));
    }

    /// <summary>What the programs copy for syscall nr.</summary>
    public void SetPlan(int nr, in CapturePlanEntry plan)
    {
        if ((uint)nr >= BpfLimits.MaxSyscalls) throw new ArgumentOutOfRangeException(nameof(nr));
        Libbpf.Update(_plans, (uint)nr, plan);
    }

    /// <summary>The -c figures of syscall nr, summed over CPUs (the least and the most are those of
    /// all CPUs that counted a call).</summary>
    public SyscallCounter ReadCounter(int nr)
    {
        var sum = new SyscallCounter();
        if ((uint)nr >= BpfLimits.MaxSyscalls || !Libbpf.Lookup(_counters, (uint)nr, _perCpu)) return sum;
        var perCpu = MemoryMarshal.Cast<byte, SyscallCounter>(_perCpu);
        foreach (ref readonly var c in perCpu)
        {
            sum.Calls += c.Calls;
            sum.Errors += c.Errors;
            sum.TotalNs += c.TotalNs;
            if (c.Calls == 0) continue;
            sum.MinNs = sum.Calls == c.Calls ? c.MinNs : Math.Min(sum.MinNs, c.MinNs);
            sum.MaxNs = Math.Max(sum.MaxNs, c.MaxNs);
            for (int b = 0; b < BpfLimits.LatencyBuckets; b++) sum.LatencyLog2[b] += c.LatencyLog2[b];
        }
        return sum;
    }

    /// <summary>How many records the programs tried to write and how many a full ring refused, over all CPUs.</summary>
    public RingStats ReadRingStats()
    {
        Span<byte> values = stackalloc byte[_cpus * Unsafe.SizeOf<RingStats>()];
        var sum = new RingStats();
        if (!Libbpf.Lookup(_ringStats, 0u, values)) return sum;
        foreach (ref readonly var s in MemoryMarshal.Cast<byte, RingStats>(values))
        {
            sum.Attempts += s.Attempts;
            sum.Lost += s.Lost;
        }
        return sum;
    }

    public void Dispose()
    {
        _closing?.Join();
        _traced.Dispose();
        Release(_object, _links, Ring);
    }
}
