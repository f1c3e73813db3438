using Syscope.Output;
using Syscope.Tracing;
using static Syscope.Text.UntrustedText;

namespace Syscope.Cli.Commands;

/// <summary>
/// strace's command line, parsed the way strace's getopt does it: bundled short options (-ff, -tt,
/// -fT), attached values (-s64, -p1,2), long options with '=' or a separate value, and everything
/// from the first non-option word on is the command to run.
/// </summary>
internal sealed partial class TraceArguments
{
    public int Follow;            // -f count: 1 follows, 2 (-ff) splits output per process
    public int Timestamps;        // -t count
    public int Quiet;
    public int HexStrings;
    public int FdPaths;           // -y count: 1 paths, 2 (-yy) everything --decode-fds knows
    public Decoding.FdDecoding? DecodeFds;
    public bool Relative, SyscallTimes, Numbers;
    /// <summary>--json: JSON Lines instead of strace's text.</summary>
    public bool Json;
    /// <summary>--kill-on-exit: the tracees die with syscope instead of being let go.</summary>
    public bool KillOnExit;
    /// <summary>--color=auto|always|never, --slow=DURATION (highlighted in colour).</summary>
    public ColorChoice Color;
    public long SlowNs = 10 * Filtering.TimeSpec.Millisecond;
    /// <summary>-k count (--stack-traces): each call's stack; --no-demangle keeps C++ names raw.</summary>
    public int StackTraces;
    public bool NoDemangle;
    /// <summary>--report FILE: the one-file HTML report, written when tracing ends.</summary>
    public string? ReportPath;
    public int StringLimit = 32;
    /// <summary>-X / --const-print-style.</summary>
    public Decoding.ConstStyle ConstStyle;
    public string? OutputPath;
    /// <summary>--record FILE: also write a recording (`syscope record`'s -o).</summary>
    public string? RecordPath;
    public List<int> Pids = [];
    public List<string> Expressions = [];
    public List<string> Command = [];

    private const string ShortWithValue = "opseSPUIuXabEO";

    public static TraceArguments Parse(IReadOnlyList<string> argv)
    {
        var a = new TraceArguments();
        int i = 0;
        for (; i < argv.Count; i++)
        {
            string tok = argv[i];
            if (tok == "--") { i++; break; }
            if (tok.Length < 2 || tok[0] != '-') break;
            if (tok.StartsWith("--")) { i = a.Long(argv, i); continue; }
            for (int k = 1; k < tok.Length; k++)
            {
                char opt = tok[k];
                if (ShortWithValue.Contains(opt))
                {
                    string value = k + 1 < tok.Length ? tok[(k + 1)..]
                        : ++i < argv.Count ? argv[i]
                        : throw new UsageError($"option requires an argument -- {Quote(opt.ToString())}");
                    a.Apply(opt.ToString(), value);
                    break;
                }
                a.Flag(opt);
            }
        }
        for (; i < argv.Count; i++) a.Command.Add(argv[i]);
        a.CheckFilterOptions();
        return a;
    }

    private void Flag(char opt)
    {
        switch (opt)
        {
            case 'f': Follow++; break;
            case 't': Timestamps++; break;
            case 'q': Quiet++; QuietSet = QuietFromCount(Quiet); _quietGiven = true; break;
            case 'x': HexStrings++; break;
            case 'y': FdPaths++; break;
            case 'r': Relative = true; break;
            case 'T': SyscallTimes = true; break;
            case 'v': AbbrevSet = Filtering.SyscallSet.None; break;
            case 'n': Numbers = true; break;
            case 'k': StackTraces++; break;
            case 'c' or 'C' or 'w' or 'z' or 'Z': FilterFlag(opt); break;
            default: throw new UsageError($"invalid option -- {Quote(opt.ToString())}");
        }
    }

    private static readonly Dictionary<string, string> s_longWithValue = new()
    {
        ["output"] = "o",
        ["attach"] = "p",
        ["string-limit"] = "s",
        ["summary-sort-by"] = "S",
        ["summary-columns"] = "U",
        ["user"] = "u",
        ["interruptible"] = "I",
        // --trace=SET and friends are -e trace=SET spelled as long options.
        ["trace"] = "e:trace",
        ["signal"] = "e:signal",
        ["status"] = "e:status",
        ["quiet"] = "e:quiet",
        ["trace-fds"] = "e:trace-fds",
        ["read"] = "e:read",
        ["write"] = "e:write",
        ["inject"] = "e:inject",
        ["fault"] = "e:fault",
        ["trace-path"] = "P",
        ["syscall-limit"] = "syscall-limit",
        ["const-print-style"] = "const-print-style",
        ["record"] = "record",
    };

    private static readonly Dictionary<string, char> s_longFlags = new()
    {
        ["follow-forks"] = 'f',
        ["relative-timestamps"] = 'r',
        ["syscall-times"] = 'T',
        ["no-abbrev"] = 'v',
        ["quiet"] = 'q',
        ["syscall-number"] = 'n',
        ["summary-only"] = 'c',
        ["summary"] = 'C',
        ["summary-wall-clock"] = 'w',
        ["successful-only"] = 'z',
        ["failed-only"] = 'Z',
        ["stack-traces"] = 'k',
    };

    private int Long(IReadOnlyList<string> argv, int i)
    {
        string body = argv[i][2..];
        string name = body, value = "";
        int eq = body.IndexOf('=');
        if (eq >= 0) { name = body[..eq]; value = body[(eq + 1)..]; }
        if (s_longFlags.TryGetValue(name, out char flag) && eq < 0) Flag(flag);
        else if (name == "seccomp-bpf" && eq < 0) SeccompBpf = true;
        else if (name == "json" && eq < 0) Json = true;
        else if (eq < 0 && name is "cgroup" or "comm" or "buffer-size")
        {
            if (++i >= argv.Count) throw new UsageError($"option {Quote("--" + name)} requires an argument");
            BackendOption(name, argv[i], true);
        }
        else if (BackendOption(name, value, eq >= 0)) { }
        else if (name == "kill-on-exit" && eq < 0) KillOnExit = true;
        else if (name is "color" or "colour") Color = value switch
        {
            "" or "always" or "yes" or "force" => ColorChoice.Always,
            "auto" or "tty" or "if-tty" => ColorChoice.Auto,
            "never" or "no" or "none" => ColorChoice.Never,
            _ => throw new UsageError($"invalid --color argument: {Quote(value)} (auto, always or never)"),
        };
        else if (name is "slow" or "min-duration" && eq >= 0) Duration(name, value);
        else if (name == "report")
        {
            if (eq < 0) value = ++i < argv.Count ? argv[i] : throw new UsageError($"option {Quote("--report")} requires an argument");
            ReportPath = value.Length > 0 ? value : throw new UsageError("--report needs a file name");
        }
        else if (name == "summary" && eq >= 0)
            FailureDigest = value == "failures" ? true : throw new UsageError($"invalid --summary argument: {Quote(value)} (failures; --summary alone is -C)");
        else if (name == "no-demangle" && eq < 0) NoDemangle = true;
        // Its argument is optional, and a bare --decode-fds means paths.
        else if (name is "decode-fds" or "decode-fd") Expression(eq < 0 ? "decode-fds=path" : $"decode-fds={value}");
        else if (s_longWithValue.TryGetValue(name, out var shortName))
        {
            if (eq < 0)
            {
                if (++i >= argv.Count) throw new UsageError($"option {Quote("--" + name)} requires an argument");
                value = argv[i];
            }
            Apply(shortName, value);
        }
        else if (name == "output-separately") Follow = Math.Max(Follow, 1) + 1;
        else if (name == "absolute-timestamps") Timestamps = value switch { "" or "time" => 1, "us" or "precision:us" => 2, "unix" or "format:unix" => 3, _ => throw new UsageError($"invalid --absolute-timestamps value {Quote(value)}") };
        else throw new UsageError($"unrecognized option {Quote("--" + name)}");
        return i;
    }

    private void Apply(string opt, string value)
    {
        switch (opt)
        {
            case "o": OutputPath = value; break;
            case "record": RecordPath = value; break;
            case "s":
                if (!int.TryParse(value, out StringLimit) || StringLimit < 0)
                    throw new UsageError($"invalid -s argument: {Quote(value)}");
                break;
            case "p":
                // A value made of numbers, signs and separators is strace's list of PIDs, checked as
                // strace checks it; anything else is a command-line pattern (pgrep -f), which must
                // name exactly one process: attaching to every match would be a surprise.
                if (value.Any(char.IsAsciiDigit) && value.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ',' or ' ' or '\t'))
                    foreach (string part in PidList(value)) AddPid(int.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, null, out int pid) && pid > 0 ? pid
                        : throw new UserError($"Invalid process id: {Quote(part)}"));
                else AddPid(Syscope.Inspection.ProcessFinder.Resolve(value).Pid);
                break;
            case "e": Expressions.Add(value); Expression(value); break;
            case "X" or "const-print-style":
                ConstStyle = value switch
                {
                    "abbrev" => Decoding.ConstStyle.Abbrev,
                    "raw" => Decoding.ConstStyle.Raw,
                    "verbose" => Decoding.ConstStyle.Verbose,
                    _ => throw new UsageError($"invalid {(opt == "X" ? "-X" : "--const-print-style")} argument: {Quote(value)}"),
                };
                break;
            case "S" or "U" or "P" or "I" or "u" or "syscall-limit": FilterValue(opt, value); break;
            case var e when e.StartsWith("e:"): Expressions.Add($"{e[2..]}={value}"); Expression($"{e[2..]}={value}"); break;
            default: throw new UsageError($"option -{opt} is not supported yet");
        }
    }

    /// <summary>--slow and --min-duration: a bare number is milliseconds, as perf trace's --duration.</summary>
    private void Duration(string name, string value)
    {
        if (!Filtering.TimeSpec.TryParseNanos(value, Filtering.TimeSpec.Millisecond, out long ns))
            throw new UsageError($"invalid --{name} argument: {Quote(value)} (a duration: 10ms, 1.5s, 200us)");
        if (name == "slow") SlowNs = ns; else MinDurationNs = ns;
    }

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

    private Decoding.FdDecoding FdDecodingSet => DecodeFds ?? FdPaths switch
    {
        // The report names the files and sockets calls touched: -yy unless told otherwise.
        0 when ReportPath != null => Decoding.FdDecoding.All,
        0 => Decoding.FdDecoding.None,
        1 => Decoding.FdDecoding.Path,
        _ => Decoding.FdDecoding.All,
    };

    public StraceOptions ToOptions(bool? manyProcesses = null) => new()
    {
        Decode = new Decoding.DecodeOptions
        {
            StringLimit = StringLimit,
            HexStrings = Math.Min(HexStrings, 2),
            FdPaths = FdDecodingSet,
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
        ManyProcesses = manyProcesses ?? Pids.Count > 1,
        ProcessNames = Scoped,
        Timestamps = (TimestampStyle)Math.Min(Timestamps, 3),
        RelativeTimestamps = Relative,
        SyscallTimes = SyscallTimes,
        SyscallNumbers = Numbers,
        SlowNs = SlowNs,
        Filter = ToFilter(),
    };
}

/// <summary>A malformed command line: the message, then the short usage line.</summary>
internal sealed class UsageError(string message) : Exception(message);
