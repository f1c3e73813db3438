using Syscope.Filtering;
using Syscope.Output;
using Syscope.Text;
using Syscope.Tracing;
using static Syscope.Text.UntrustedText;

namespace Syscope.Cli.Commands;

/// <summary>
/// The filtering half of strace's command line: -e EXPR, -c/-C/-S/-U/-w, -z/-Z, -q, -P, -I, -u,
/// --seccomp-bpf, --syscall-limit.  Each -e is parsed when it is met, so a bad one fails before
/// anything starts; like strace, a later -e trace= (or status=, signal=, quiet=) replaces an
/// earlier one, while inject= and fault= rules accumulate.
/// </summary>
internal sealed partial class TraceArguments
{
    public SyscallSet TraceSet = SyscallSet.All;
    /// <summary>-Y, --pidns-translation, --decode-pids=SET: a later one replaces an earlier one, as in strace.</summary>
    public Decoding.PidDecoding DecodePids;
    /// <summary>-e kvm=vcpu.</summary>
    public bool KvmExits;
    /// <summary>-e abbrev= (and -v, which is abbrev=none), -e verbose=, -e raw=: the calls each
    /// output style applies to; like trace=, a later one replaces an earlier one.</summary>
    public SyscallSet AbbrevSet = SyscallSet.All, VerboseSet = SyscallSet.All, RawSet = SyscallSet.None;
    public bool[]? SignalSet;
    public StatusSet Status = StatusSet.All;
    public QuietSet QuietSet;
    public IReadOnlySet<int>? TraceFds;
    public IReadOnlySet<int>? ReadDumps, WriteDumps;
    public List<InjectionRule> Injections = [];
    public SummaryMode Summary;
    public SummarySort? Sort;
    public IReadOnlyList<string> SummaryColumnNames = [];
    public bool WallClock;
    public bool? SeccompBpf;
    public List<string> Paths = [];
    public long SyscallLimit = -1;
    /// <summary>--min-duration=D: only calls that took at least D are shown (0: all).</summary>
    public long MinDurationNs;
    /// <summary>--summary=failures.</summary>
    public bool FailureDigest;
    /// <summary>-I 1..4: when signals may interrupt syscope (strace's default is 2, or 3 with a command).</summary>
    public int Interruptible;
    public string? UserName;
    public int? Uid, Gid;
    /// <summary>Non-fatal remarks strace would print ("strace: ..."), printed by the command.</summary>
    public List<string> Warnings = [];
    private int _statusShortcuts;
    /// <summary>-q or -e quiet= was given: strace's implied -q for -o FILE PROG no longer applies.</summary>
    private bool _quietGiven;

    private static QuietSet QuietFromCount(int count) => count switch
    {
        0 => QuietSet.None,
        1 => QuietSet.Attach | QuietSet.Personality,
        2 => QuietSet.Attach | QuietSet.Personality | QuietSet.Exit,
        _ => FilterSets.AllQuiet,
    };

    private void FilterFlag(char opt)
    {
        switch (opt)
        {
            case 'c' or 'C':
                var mode = opt == 'c' ? SummaryMode.Only : SummaryMode.WithTrace;
                if (Summary != SummaryMode.None && Summary != mode)
                    throw new UsageError("-c/--summary-only and -C/--summary are mutually exclusive");
                Summary = mode;
                break;
            case 'w': WallClock = true; break;
            case 'z' or 'Z':
                if (++_statusShortcuts == 2)
                    Warnings.Add("Only the last of -z/--successful-only/-Z/--failed-only options will take effect. See status qualifier for more complex filters.");
                Status = opt == 'z' ? StatusSet.Successful : StatusSet.Failed;
                break;
        }
    }

    /// <summary>-P PATH selects the path as given and, as strace does, what it resolves to (the
    /// name a descriptor's /proc link shows: `-P file` then matches fstat(0) on a redirected stdin).</summary>
    private void AddPath(string path)
    {
        if (Paths.Contains(path)) return;
        Paths.Add(path);
        string? real = Interop.FileStatus.RealPath(path);
        if (real == null || Paths.Contains(real)) return;
        Warnings.Add($"Requested path \"{Escape(path)}\" resolved into \"{Escape(real)}\"");
        Paths.Add(real);
    }

    /// <summary>-I's values, by number or by name.</summary>
    public static readonly WordTable<int> InterruptibleWords = new(
        ("1", 1), ("2", 2), ("3", 3), ("4", 4), ("anywhere", 1), ("always", 1), ("waiting", 2), ("never", 3), ("never_tstp", 4));

    private void FilterValue(string opt, string value)
    {
        switch (opt)
        {
            case "S": Sort = Checked(() => SummaryColumns.ParseSort(value)); break;
            case "U": SummaryColumnNames = Checked(() => SummaryColumns.Parse(value)); break;
            case "P": AddPath(value); break;
            case "I": Interruptible = InterruptibleWords.Find(value) ?? throw Invalid(value); break;
            case "u":
                UserName = value;
                (Uid, Gid) = Passwd.Lookup(value) ?? throw new UserError($"Cannot find user {Quote(value)}");
                break;
            case "syscall-limit":
                if (!long.TryParse(value, out SyscallLimit) || SyscallLimit <= 0)
                    throw new UsageError($"invalid --syscall-limit argument: {Quote(value)}");
                break;
        }
    }

    /// <summary>-S and -U mistakes are usage errors in strace (it adds its "Try -h" line).</summary>
    private static T Checked<T>(Func<T> parse)
    {
        try { return parse(); }
        catch (UserError e) { throw new UsageError(e.Message); }
    }

    /// <summary>The keys of -e KEY=VALUE, as Expression reads them (their short spellings aside).</summary>
    public static readonly string[] ExpressionKeys =
        ["trace", "signal", "status", "quiet", "trace-fds", "inject", "fault", "abbrev", "verbose", "raw", "decode-fds", "read", "write", "decode-pids", "kvm"];

    /// <summary>The -e keys whose value is a set of syscalls (and the long options of the same names).</summary>
    public static bool TakesSyscalls(string key) => key is "trace" or "t" or "abbrev" or "a" or "verbose" or "v" or "raw" or "x" or "inject" or "fault";

    /// <summary>The -e keys whose value is a set of signals.</summary>
    public static bool TakesSignals(string key) => key is "signal" or "signals" or "s";

    /// <summary>The fixed words of a -e key's value, or of the long option of that name (null: a
    /// key of syscalls, signals, numbers or rules).</summary>
    public static IEnumerable<string>? ValueWords(string key) => key switch
    {
        "status" => FilterSets.StatusWords.Words.Concat(SetSyntax.WholeSetWords),
        "quiet" or "q" or "silent" or "silence" => FilterSets.QuietWords.Words.Concat(SetSyntax.WholeSetWords),
        "decode-fds" or "decode-fd" => Decoding.FdDecodingSet.Words.Words.Concat(SetSyntax.WholeSetWords),
        "decode-pids" or "decode-pid" => Decoding.PidDecodingSet.Words.Words.Concat(SetSyntax.WholeSetWords),
        "kvm" => KvmWords.Words,
        _ => null,
    };

    /// <summary>One -e EXPR: "KEY=VALUE", or a bare VALUE meaning trace=VALUE.  A key strace does not
    /// know makes the whole text a syscall list, so "-e bogus=1" fails as "invalid system call".</summary>
    private void Expression(string expr)
    {
        int eq = expr.IndexOf('=');
        string key = eq < 0 ? "trace" : expr[..eq], value = eq < 0 ? expr : expr[(eq + 1)..];
        switch (key)
        {
            case "trace" or "t": TraceSet = SyscallSet.Parse(value); break;
            case "signal" or "signals" or "s": SignalSet = FilterSets.ParseSignals(value); break;
            case "status": Status = FilterSets.ParseStatus(value); break;
            case "quiet" or "q" or "silent" or "silence": QuietSet = FilterSets.ParseQuiet(value); _quietGiven = true; break;
            case "trace-fds" or "trace-fd" or "fd" or "fds": TraceFds = FilterSets.ParseFds(value); break;
            case "inject": Injections.Add(InjectionParser.Parse(value, fault: false, Warnings.Add)); break;
            case "fault": Injections.Add(InjectionParser.Parse(value, fault: true, Warnings.Add)); break;
            case "abbrev" or "a": AbbrevSet = SyscallSet.Parse(value); break;
            case "verbose" or "v": VerboseSet = SyscallSet.Parse(value); break;
            case "raw" or "x": RawSet = SyscallSet.Parse(value); break;
            case "decode-fds" or "decode-fd": DecodeFds = Decoding.FdDecodingSet.Parse(value); break;
            case "read" or "reads" or "r": ReadDumps = FilterSets.ParseDumpFds(value); break;
            case "write" or "writes" or "w": WriteDumps = FilterSets.ParseDumpFds(value); break;
            case "decode-pids" or "decode-pid": DecodePids = Decoding.PidDecodingSet.Parse(value); break;
            case "kvm": Kvm(value); break;
            case "secontext": throw Secontext();
            default: TraceSet = SyscallSet.Parse(expr); break;
        }
    }

    /// <summary>--secontext, -e secontext=: SELinux contexts, which syscope does not print (strace
    /// built without libselinux, as Debian's is, says so in these words).</summary>
    private static UserError Secontext() =>
        new("SELinux context printing (--secontext option) is not supported by this build of syscope");

    /// <summary>-e kvm=vcpu: KVM_RUN's result says why the vcpu exited; vcpu is the only value.</summary>
    private void Kvm(string value) => KvmExits = KvmWords.Find(value) ?? throw new UserError($"invalid -e kvm= argument: {Quote(value)}");

    public static readonly WordTable<bool> KvmWords = new(("vcpu", true));

    /// <summary>The checks strace makes once the whole command line is read.</summary>
    private void CheckFilterOptions()
    {
        if (Summary == SummaryMode.None)
        {
            if (WallClock) throw new UsageError("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
            if (SummaryColumnNames.Count > 0) throw new UsageError("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)");
            if (Sort != null) Warnings.Add("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
        }
        if (Json && Follow >= 2 && OutputPath != null) throw new UsageError("--json writes one stream: it cannot be combined with -ff -o");
        if (FdPaths > 0 && DecodeFds != null) throw new UserError("-y and --decode-fds cannot be provided simultaneously");
        // With the trace in a file, the command's stderr is the command's own: strace implies -q
        // there, so "Process N attached" lines do not land among what the program prints.
        if (OutputPath != null && Command.Count > 0 && !_quietGiven) QuietSet = QuietFromCount(1);
        // A scope takes processes in and lets them go by the thousand: no "Process N attached"/"detached".
        if (Scoped) QuietSet |= QuietSet.Attach;
        if (Daemonize > 0 && UserName != null) throw new UsageError("-u/--user is not supported with -D/--daemonize");
        // -b execve lets the command go at its exec: a filter left behind would make its calls
        // fail with ENOSYS, so strace drops the filter first, in these words.
        if (SeccompBpf == true && DetachOnExecve)
        {
            Warnings.Add("--seccomp-bpf is not enabled because it is not compatible with -b");
            SeccompBpf = null;
        }
        // strace names -p before it looks at -f (attached processes never get the filter; a
        // command started beside them does, which is only said with -d).
        if (SeccompBpf == true && Backend != BackendKind.Ebpf && Pids.Count > 0 && (Command.Count == 0 || Debug))
            Warnings.Add("--seccomp-bpf is not enabled for processes attached with -p");
        if (SeccompBpf == true && Follow == 0)
        {
            Warnings.Add("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
            SeccompBpf = null;
        }
    }

    /// <summary>A replay of a launched command writes -o as its trace did: quiet about attaching.</summary>
    public void ReplayingLaunch()
    {
        if (OutputPath != null && !_quietGiven) QuietSet = QuietFromCount(1);
    }

    public TraceFilter ToFilter() => new()
    {
        Trace = TraceSet,
        Signals = SignalSet ?? Enumerable.Repeat(true, 65).ToArray(),
        Status = Status,
        Quiet = QuietSet,
        TraceFds = TraceFds,
        Paths = Paths,
        SyscallLimit = SyscallLimit,
        Injections = Injections,
        Summary = Summary,
        SummarySort = Sort ?? SummarySort.Time,
        SummaryColumns = SummaryColumnNames,
        SummaryWallClock = WallClock,
        SummaryOverheadNs = OverheadNs,
        SeccompBpf = SeccompBpf,
        MinDurationNs = MinDurationNs,
        FailureDigest = FailureDigest,
        SummaryNeedsEachCall = FailureDigest || SummaryColumns.WantsPercentiles(SummaryColumnNames),
    };
}
