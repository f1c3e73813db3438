using Syscope.Output;
using Syscope.Text;
using Syscope.Tracing;
using static Syscope.Text.UntrustedText;

namespace Syscope.Cli.Commands;

/// <summary>
/// strace's command line, read as strace 6.1's getopt_long reads it: bundled short options (-ff,
/// -tt, -fT), attached values (-s64, -p1,2), long options by any unambiguous prefix, with '=' or a
/// separate value, and everything from the first non-option word on is the command to run.  Each
/// option takes effect as it is met, so the first bad one is the one reported, and -h or -V
/// answers at once wherever it stands.
/// </summary>
internal sealed partial class TraceArguments
{
    public int Follow;            // -f count: 1 follows, 2 (-ff) splits output per process
    public int Quiet;
    public int HexStrings;
    public int FdPaths;           // -y count: 1 paths, 2 (-yy) everything --decode-fds knows
    public Decoding.FdDecoding? DecodeFds;
    public bool Relative, SyscallTimes, Numbers, InstructionPointer;
    /// <summary>--relative-timestamps= and --syscall-times= precision: digits after the second.</summary>
    public int RelativeDigits = 6, SyscallTimeDigits = 6;
    /// <summary>-a / --columns: where " = " goes.</summary>
    public int Column = 40;
    /// <summary>--json: JSON Lines instead of strace's text.</summary>
    public bool Json;
    /// <summary>--json=entries: also a record at each call's entry.</summary>
    public bool JsonEntries;
    /// <summary>--kill-on-exit: the tracees die with syscope instead of being let go.</summary>
    public bool KillOnExit;
    /// <summary>--color=auto|always|never, --slow=DURATION (highlighted in colour).</summary>
    public ColorChoice Color;
    public long SlowNs = 10 * Filtering.TimeSpec.Millisecond;
    /// <summary>-k count (--stack-traces): each call's stack; --no-demangle keeps C++ and Rust names raw; -kk adds source lines.</summary>
    public int StackTraces;
    public bool NoDemangle;
    /// <summary>--report FILE: the one-file HTML report, written when tracing ends.</summary>
    public string? ReportPath;
    /// <summary>-d / --debug: syscope's own account of what it does, on stderr.</summary>
    public bool Debug;
    /// <summary>-h or -V was met: the command prints help or its version and does nothing else.</summary>
    public bool Help, Version;
    /// <summary>-A: -o FILE is appended to, not truncated.</summary>
    public bool Append;
    /// <summary>--tips: a tip at the end (format:none prints none).</summary>
    public bool Tips;
    public int StringLimit = 32;
    /// <summary>-X / --const-print-style.</summary>
    public Decoding.ConstStyle ConstStyle;
    public string? OutputPath;
    /// <summary>--record FILE: also write a recording (`syscope record`'s -o).</summary>
    public string? RecordPath;
    public List<int> Pids = [];
    /// <summary>-D count (--daemonize=grandchild|pgroup|session): 1 the tracer is a grandchild, 2 also
    /// in a process group of its own, 3 in a session of its own.</summary>
    public int Daemonize;
    /// <summary>The detached tracer of -D: syscope's first process (the command to be) and the pipe it
    /// waits on (--syscope-daemon-of=PID,FD, given only by syscope to itself).</summary>
    public (int Pid, int Fd)? DaemonOf;
    public List<string> Expressions = [];
    public List<string> Command = [];

    // Long options without a short letter get keys of their own.
    private const char OutputSeparately = '\uE000', SeccompBpfKey = '\uE001', JsonKey = '\uE002', EbpfKey = '\uE003',
        BackendKey = '\uE004', BufferSizeKey = '\uE005', KillOnExitKey = '\uE006', DecodeFdsKey = '\uE007',
        TimestampsKey = '\uE008', StringsInHexKey = '\uE009', TipsKey = '\uE00A', PidnsKey = '\uE00B',
        SyscallLimitKey = '\uE00C', QuietLong = '\uE00D', DecodePidsKey = '\uE00E', ColorKey = '\uE00F',
        SlowKey = '\uE010', MinDurationKey = '\uE011', SummaryKey = '\uE012', NoDemangleKey = '\uE013',
        SystemWideKey = '\uE014', CgroupKey = '\uE015', CommKey = '\uE016', RecordKey = '\uE017', ReportKey = '\uE018',
        DaemonOfKey = '\uE019', SecontextKey = '\uE01A', ExpressionBase = '\uE100';

    /// <summary>The -e keys that are long options of their own (--trace=SET is -e trace=SET).</summary>
    private static readonly string[] s_expressionOptions =
        ["trace", "signal", "status", "abbrev", "verbose", "raw", "read", "write", "inject", "fault", "kvm", "trace-fds"];

    /// <summary>strace 6.1's long options (and syscope's own: --json, --ebpf, --backend,
    /// --buffer-size, --system-wide, --cgroup, --comm, --record, --report, --kill-on-exit, --syscall-limit,
    /// --trace-fds, --color, --slow, --min-duration, --summary=failures, --no-demangle).</summary>
    private static readonly (string Name, bool TakesArgument, char Key)[] s_long =
    [
        ("columns", true, 'a'), ("output-append-mode", false, 'A'), ("detach-on", true, 'b'),
        ("summary-only", false, 'c'), ("summary", false, SummaryKey), ("debug", false, 'd'), ("daemonize", false, 'D'), ("syscope-daemon-of", true, DaemonOfKey),
        ("env", true, 'E'), ("follow-forks", false, 'f'), ("output-separately", false, OutputSeparately),
        ("help", false, 'h'), ("instruction-pointer", false, 'i'), ("interruptible", true, 'I'),
        ("stack-traces", false, 'k'), ("syscall-number", false, 'n'), ("output", true, 'o'),
        ("summary-syscall-overhead", true, 'O'), ("attach", true, 'p'), ("trace-path", true, 'P'),
        ("quiet", false, QuietLong), ("silent", false, QuietLong), ("silence", false, QuietLong),
        ("relative-timestamps", false, 'r'), ("string-limit", true, 's'), ("summary-sort-by", true, 'S'),
        ("absolute-timestamps", false, TimestampsKey), ("timestamps", false, TimestampsKey),
        ("syscall-times", false, 'T'), ("user", true, 'u'), ("summary-columns", true, 'U'),
        ("no-abbrev", false, 'v'), ("version", false, 'V'), ("summary-wall-clock", false, 'w'),
        ("strings-in-hex", false, StringsInHexKey), ("const-print-style", true, 'X'),
        ("decode-fds", false, DecodeFdsKey), ("decode-pids", true, DecodePidsKey), ("pidns-translation", false, PidnsKey),
        ("successful-only", false, 'z'), ("failed-only", false, 'Z'), ("seccomp-bpf", false, SeccompBpfKey),
        ("tips", false, TipsKey), ("syscall-limit", true, SyscallLimitKey), ("json", false, JsonKey),
        ("ebpf", false, EbpfKey), ("backend", true, BackendKey), ("buffer-size", true, BufferSizeKey),
        ("kill-on-exit", false, KillOnExitKey), ("color", false, ColorKey), ("colour", false, ColorKey),
        ("slow", true, SlowKey), ("min-duration", true, MinDurationKey), ("no-demangle", false, NoDemangleKey),
        ("system-wide", false, SystemWideKey), ("cgroup", true, CgroupKey), ("comm", true, CommKey), ("record", true, RecordKey), ("report", true, ReportKey),
        ("secontext", false, SecontextKey),
        .. s_expressionOptions.Select((name, i) => (name, true, (char)(ExpressionBase + i))),
    ];

    /// <summary>The words of the options that take fixed ones, which the parser and shell completion
    /// both read (-X, -D, -b, --color here; the others beside their parsers).</summary>
    public static readonly WordTable<Decoding.ConstStyle> ConstStyleWords = new(
        ("raw", Decoding.ConstStyle.Raw), ("abbrev", Decoding.ConstStyle.Abbrev), ("verbose", Decoding.ConstStyle.Verbose));

    public static readonly WordTable<int> DaemonizeWords = new(("grandchild", 1), ("pgroup", 2), ("pgrp", 2), ("session", 3));

    /// <summary>-b SYSCALL: execve is the only one strace 6.1 detaches on.</summary>
    public static readonly WordTable<bool> DetachOnWords = new(("execve", true));

    public static readonly WordTable<ColorChoice> ColorWords = new(
        ("auto", ColorChoice.Auto), ("always", ColorChoice.Always), ("never", ColorChoice.Never), ("tty", ColorChoice.Auto), ("if-tty", ColorChoice.Auto),
        ("yes", ColorChoice.Always), ("force", ColorChoice.Always), ("no", ColorChoice.Never), ("none", ColorChoice.Never));

    /// <summary>strace's option table, which help, man pages and shell completion read too.</summary>
    public static GetoptParser Getopt => s_parser;

    private static readonly GetoptParser s_parser = new("a:Ab:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ", s_long)
    {
        StopAtOperand = true,
        Internal = new HashSet<string> { "syscope-daemon-of" },
        OptionalArguments = new HashSet<string>
        {
            "daemonize", "quiet", "silent", "silence", "relative-timestamps", "absolute-timestamps", "timestamps",
            "syscall-times", "strings-in-hex", "decode-fds", "tips", "summary", "color", "colour", "json", "secontext",
        },
    };

    /// <param name="needsTarget">false for replay and report, whose line names no process: they read a recording.</param>
    public static TraceArguments Parse(IReadOnlyList<string> argv, bool needsTarget = true)
    {
        var a = new TraceArguments();
        var (options, operands) = s_parser.ParseUntilError(argv, "syscope trace", out string? error);
        foreach (var option in options)
        {
            a._optionName = option.LongName != null ? "--" + option.LongName : "-" + option.Key;
            a.Apply(option.Key, option.Argument);
            if (a.Help || a.Version) return a;
        }
        // getopt's own message already names the program; the command adds it to the others.
        if (error != null) throw new UsageError(error["syscope trace: ".Length..]);
        a.Command.AddRange(operands);
        // What strace checks once the line is read, in strace's order, so the same complaint wins.
        if (needsTarget && a.Command.Count == 0 && a.Pids.Count == 0 && !a.Scoped) throw new UsageError("must have PROG [ARGS] or -p PID");
        if (a.Daemonize > 0 && a.Command.Count == 0) throw new UsageError("PROG [ARGS] must be specified with -D/--daemonize");
        if (a.Daemonize > 3) throw new UsageError($"Too many -D's ({a.Daemonize}), maximum supported -D count is 3");
        a.CheckTimestamps();
        a.CheckFilterOptions();
        return a;
    }

    /// <summary>The option being applied as the user wrote it ("-a" or "--columns"), for messages.</summary>
    private string _optionName = "";

    /// <summary>strace's complaint about a value, naming the option as it was written.</summary>
    private UsageError Invalid(string value) => new($"invalid {_optionName} argument: {Quote(value)}");

    private void Apply(char key, string? value)
    {
        switch (key)
        {
            case 'f': Follow++; break;
            case 'F':
                Warnings.Add("option -F is deprecated, please use -f/--follow-forks instead");
                Follow++;
                break;
            case OutputSeparately: Follow = Math.Max(Follow, 1) + 1; break;
            case 't': _shortTimestamps++; break;
            case TimestampsKey: LongTimestamps(value ?? ""); break;
            case 'q': Quiet++; QuietSet = QuietFromCount(Quiet); _quietGiven = true; break;
            case QuietLong when value == null: goto case 'q';
            case QuietLong: Expression($"quiet={value}"); break;
            case 'x': HexStrings++; break;
            case StringsInHexKey: HexStrings = StringsInHex(value); break;
            case 'y': FdPaths++; break;
            case DecodeFdsKey: Expression($"decode-fds={value ?? "path"}"); break;
            case 'Y': Expression("decode-pids=comm"); break;
            case DecodePidsKey: Expression($"decode-pids={value}"); break;
            case PidnsKey: Expression("decode-pids=pidns"); break;
            case 'r':
                Relative = true;
                if (value != null) RelativeDigits = Precision(value);
                break;
            case 'T':
                SyscallTimes = true;
                if (value != null) SyscallTimeDigits = Precision(value);
                break;
            case 'v': AbbrevSet = Filtering.SyscallSet.None; break;
            case 'n': Numbers = true; break;
            case 'i': InstructionPointer = true; break;
            case 'a': Column = Count(value!); break;
            case 'd': Debug = true; break;
            case 'h': Help = true; break;
            case 'V': Version = true; break;
            case 'A': Append = true; break;
            case TipsKey: Tips = TipsArgument(value); break;
            case SecontextKey: throw Secontext();
            case 'k': StackTraces++; break;
            case NoDemangleKey: NoDemangle = true; break;
            case SummaryKey when value == null: FilterFlag('C'); break;
            case SummaryKey:
                FailureDigest = value == "failures" ? true : throw new UsageError($"invalid --summary argument: {Quote(value)} (failures; --summary alone is -C)");
                break;
            case ColorKey:
                Color = value is null or "" ? ColorChoice.Always
                    : ColorWords.Find(value) ?? throw new UsageError($"invalid --color argument: {Quote(value)} (auto, always or never)");
                break;
            case SlowKey: SlowNs = Duration(value!); break;
            case MinDurationKey: MinDurationNs = Duration(value!); break;
            case SystemWideKey: BackendOption("system-wide", "", false); break;
            case CgroupKey: BackendOption("cgroup", value!, true); break;
            case CommKey: BackendOption("comm", value!, true); break;
            case 'D':
                Daemonize = value == null ? Daemonize + 1 : DaemonizeWords.FindAnyCase(value) ?? throw Invalid(value);
                break;
            case DaemonOfKey:
                DaemonOf = value!.Split(',') is [var pid, var fd] && int.TryParse(pid, out int p) && int.TryParse(fd, out int f) ? (p, f) : throw Invalid(value);
                break;
            case 'c' or 'C' or 'w' or 'z' or 'Z': FilterFlag(key); break;
            case SeccompBpfKey: SeccompBpf = true; break;
            case JsonKey:
                Json = true;
                JsonEntries = value == null ? false : value == "entries" ? true : throw new UsageError($"invalid --json argument: {Quote(value)} (entries; --json alone writes calls when they return)");
                break;
            case KillOnExitKey: KillOnExit = true; break;
            case EbpfKey: BackendOption("ebpf", "", false); break;
            case BackendKey: BackendOption("backend", value!, true); break;
            case BufferSizeKey: BackendOption("buffer-size", value!, true); break;
            case >= ExpressionBase: Expression($"{s_expressionOptions[key - ExpressionBase]}={value}"); break;
            default: ApplyValue(key, value!); break;
        }
    }

    private void ApplyValue(char key, string value)
    {
        switch (key)
        {
            case 'o': OutputPath = value; break;
            case RecordKey: RecordPath = value; break;
            case ReportKey: ReportPath = value.Length > 0 ? value : throw new UsageError("--report needs a file name"); break;
            case 's':
                if (!int.TryParse(value, out StringLimit) || StringLimit < 0) throw Invalid(value);
                break;
            case 'p':
                // A value that starts as a number does or that lists one is strace's list of PIDs,
                // checked as strace checks it ("1," and "42." are invalid ids, not patterns);
                // anything else is a command-line pattern (pgrep -f), which must name exactly one
                // process: attaching to every match would be a surprise.
                if (IsPidList(value))
                    foreach (string part in PidList(value)) AddPid(int.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, null, out int pid) && pid > 0 ? pid
                        : throw new UserError($"Invalid process id: {Quote(part)}"));
                else AddPid(Syscope.Inspection.ProcessFinder.Resolve(value).Pid);
                break;
            case 'e': Expressions.Add(value); Expression(value); break;
            case 'E': EnvironmentChanges.Add(value); break;
            case 'b':
                DetachOnExecve = DetachOnWords.Find(value) ?? throw new UserError($"Syscall {Quote(value)} for -b isn't supported");
                break;
            case 'X': ConstStyle = ConstStyleWords.Find(value) ?? throw Invalid(value); break;
            case 'O': OverheadNs = Overhead(value); break;
            case SyscallLimitKey: FilterValue("syscall-limit", value); break;
            default: FilterValue(key.ToString(), value); break;
        }
    }

    private static bool IsPidList(string value)
    {
        string first = value.TrimStart();
        return first.Length > 0 && (char.IsAsciiDigit(first[0]) || first[0] is '+' or '-')
            || value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(part => part.All(char.IsAsciiDigit));
    }

    /// <summary>--slow and --min-duration: a bare number is milliseconds, as perf trace's --duration.</summary>
    private long Duration(string value) =>
        Filtering.TimeSpec.TryParseNanos(value, Filtering.TimeSpec.Millisecond, out long ns) ? ns
            : throw new UsageError($"invalid {_optionName} argument: {Quote(value)} (a duration: 10ms, 1.5s, 200us)");

    /// <summary>strace splits -p at each comma, space or tab; an empty piece is an invalid id,
    /// except at the very end ("12," is 12).</summary>
    private static IEnumerable<string> PidList(string value)
    {
        string[] parts = value.Split([',', ' ', '\t']);
        return parts[^1].Length == 0 ? parts[..^1] : parts;
    }

    private void AddPid(int pid)
    {
        if (Pids.Contains(pid)) throw new UserError($"Process {pid} is given more than once");
        Pids.Add(pid);
    }

    /// <summary>A non-negative int as strace's string_to_uint reads it (-a).</summary>
    private int Count(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit) && int.TryParse(value, out int n) ? n : throw Invalid(value);

    private Decoding.FdDecoding FdDecodingSet => DecodeFds ?? FdPaths switch
    {
        // The report names the files and sockets calls touched: -yy unless told otherwise.
        0 when ReportPath != null => Decoding.FdDecoding.All,
        0 => Decoding.FdDecoding.None,
        1 => Decoding.FdDecoding.Path,
        _ => Decoding.FdDecoding.All,
    };

    /// <summary>More than one process is traced from the start (several -p, or -p and a command):
    /// strace then puts "[pid N] " before every line.</summary>
    public bool ManyProcesses => Pids.Count + (Command.Count > 0 ? 1 : 0) > 1;

    public StraceOptions ToOptions(bool? manyProcesses = null) => new()
    {
        Decode = new Decoding.DecodeOptions
        {
            StringLimit = StringLimit,
            HexStrings = HexStrings,
            FdPaths = FdDecodingSet,
            Pids = DecodePids,
            KvmExits = KvmExits,
            ConstStyle = ConstStyle,
            Abbreviated = AbbrevSet,
            Dereferenced = VerboseSet,
            RawCalls = RawSet,
            ReadDumps = ReadDumps,
            WriteDumps = WriteDumps,
        },
        OutputPath = OutputPath,
        PerProcessFiles = Follow >= 2 && OutputPath != null,
        FollowForks = Follow > 0,
        ManyProcesses = manyProcesses ?? ManyProcesses,
        ProcessNames = Scoped,
        Timestamps = TimestampFormat,
        TimestampDigits = TimestampDigits,
        RelativeTimestamps = Relative,
        RelativeDigits = RelativeDigits,
        SyscallTimes = SyscallTimes,
        SyscallTimeDigits = SyscallTimeDigits,
        SyscallNumbers = Numbers,
        InstructionPointer = InstructionPointer,
        Column = Column,
        SlowNs = SlowNs,
        Filter = ToFilter(),
    };
}

/// <summary>A malformed command line: the message, then strace's pointer to -h.</summary>
internal sealed class UsageError(string message) : Exception(message);
