using Syscope.Decoding;
using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Calls;

/// <summary>What decoding a call needs besides the call itself: one per assembler, shared by
/// all its threads.</summary>
internal sealed class DecodeEnvironment(DecodeOptions options, TraceFacts facts, Filtering.TraceFilter filter)
{
    public readonly DecodeOptions Options = options;
    public readonly IFdPaths FdPaths = facts.Fds;
    public readonly IHostFacts Host = facts.Host;
    /// <summary>-P and trace-fds: which calls print at all, judged at entry.</summary>
    public readonly CallSelector Selector = new(filter, facts.Fds);
    /// <summary>-yy: what a socket inode was first seen as (strace keeps that for the run).</summary>
    public readonly SocketDetailsCache Sockets = new();
    /// <summary>Text after the return value ("flags O_RDWR"), rewritten at every exit.</summary>
    public readonly ArgWriter Aux = new();
    /// <summary>What follows the return value: -y's target of a returned descriptor
    /// ("&lt;/etc/passwd&gt;"), -Y's name of a returned pid ("&lt;sh&gt;").</summary>
    public readonly ArgWriter FdTarget = new();
    /// <summary>-e read=/write=: the hex dump of the data the call moved, whole lines for after its own.</summary>
    public readonly ArgWriter Dump = new();
    /// <summary>An output wants typed argument values (--json).</summary>
    public bool Typed { get; init; }
}

/// <summary>
/// One thread's current call, assembled from its entry and exit events: the raw facts (number,
/// arguments, times, result) and the decoded text, the entry half kept until the exit adds the
/// rest.  The decoding steps around the decoders (raw=, restart_syscall after an attach, -X,
/// abbrev=/verbose= per call, the -y target of a returned descriptor) live here once, for every
/// output.  One object per thread, reused from call to call: renderers read it during a callback.
/// </summary>
internal sealed class AssembledCall
{
    private readonly DecodeEnvironment _env;
    private readonly ArgWriter _text = new();
    private DecoderScratch _scratch;
    private SyscallArgs _args;
    private int _entryLength;

    internal AssembledCall(DecodeEnvironment env)
    {
        _env = env;
        if (env.Typed) _text.Typed = new TypedValues();
    }

    public int Tid { get; internal set; }
    public int Tgid { get; private set; }
    public SyscallInfo Syscall { get; private set; } = null!;
    public int Number { get; private set; }
    public ref readonly SyscallArgs Args => ref _args;
    public long EntryTimeNs { get; private set; }
    /// <summary>The user-space address after the syscall instruction (-i), 0 when unknown.</summary>
    public ulong InstructionPointer { get; private set; }
    /// <summary>When it returned; 0 while it has not.</summary>
    public long ExitTimeNs { get; private set; }
    public bool HasReturn { get; private set; }
    /// <summary>The raw result: a negative errno on failure.</summary>
    public long ReturnValue { get; private set; }
    public bool Failed => HasReturn && !InjectedValue && ReturnFormat.IsError(ReturnValue);
    /// <summary>The low 32 bits hold -errno both for a long and for a zero-extended int.</summary>
    public int Errno => Failed ? -(int)ReturnValue : 0;
    /// <summary>The kernel's restart codes (ERESTARTSYS...): the program never sees them, the call
    /// is restarted; strace prints "?" for them where -1 would be.</summary>
    public bool Restarted => Errno is >= 512 and <= 516;
    public ReturnFormat ReturnFormat { get; private set; }
    /// <summary>-e inject changed the result ("(INJECTED)"), or only argument memory ("(INJECTED: args)").</summary>
    public bool Injected { get; private set; }
    /// <summary>-e inject=...:retval= set the result: a value, never an error.</summary>
    public bool InjectedValue { get; private set; }
    public bool InjectedArgs { get; private set; }
    /// <summary>-e inject delayed its entry or exit ("(DELAYED)").</summary>
    public bool Delayed { get; private set; }
    /// <summary>System CPU time spent in the call, when the backend measured it (-c).</summary>
    public long SystemTimeNs { get; private set; }
    /// <summary>The entry half was not shown when the call entered (-z, -Z and status= wait for
    /// the result): a renderer writes the call whole.</summary>
    public bool Held { get; private set; }

    /// <summary>The decoded arguments: what the entry printed, then what the exit added.</summary>
    public ReadOnlySpan<byte> EntryText => _text.Slice(0, _entryLength);
    public ReadOnlySpan<byte> ExitText => _text.Slice(_entryLength);
    /// <summary>Its entry left arguments for the exit to print (a call cut short says they never came).</summary>
    public bool AwaitsExit => !HasReturn && _text.AwaitsExit;
    /// <summary>Each argument's text on its own (JSON keeps them apart).</summary>
    public int ArgumentCount => _text.ArgCount;
    public ReadOnlySpan<byte> Argument(int i) => _text.Argument(i);
    /// <summary>--json: what each argument is, as its decoder recorded it; null when no output asked.</summary>
    public TypedValues? Typed => _text.Typed;
    /// <summary>-y's target of a returned descriptor, "&lt;/etc/passwd&gt;", or -Y's name of a
    /// returned pid; empty otherwise.</summary>
    public ReadOnlySpan<byte> FdTarget => HasReturn ? _env.FdTarget.Written : default;
    /// <summary>What strace puts in parentheses after the result ("flags O_RDWR"); empty for none.</summary>
    public ReadOnlySpan<byte> Notes => HasReturn ? _env.Aux.Written : default;
    /// <summary>The parentheses show, Notes empty or not ("= 1 ()" from select).</summary>
    public bool HasNotes => HasReturn && (_notesShown || _env.Aux.Length > 0);
    private bool _notesShown;
    /// <summary>-e read=/write=: hex dump lines of the data moved; empty for none.</summary>
    public ReadOnlySpan<byte> Dump => HasReturn ? _env.Dump.Written : default;

    /// <summary>-k: the call's user-space stack (the backend's object, valid during the call's
    /// last event); null without -k or when none was captured.</summary>
    public StackTrace? Stack { get; private set; }

    // The assembler's bookkeeping.
    internal bool InSyscall;
    /// <summary>-P or trace-fds left this call out (decided at entry): nothing of it shows.</summary>
    internal bool Suppressed;

    internal void Enter(ref TraceEvent e, bool held)
    {
        Tgid = e.Tgid;
        Syscall = SyscallTable.Resolve(e.SyscallNumber);
        Number = e.SyscallNumber;
        _args = e.Args;
        EntryTimeNs = e.TimeNs;
        InstructionPointer = e.InstructionPointer;
        ExitTimeNs = 0;
        HasReturn = false;
        ReturnValue = 0;
        ReturnFormat = ReturnFormat.None;
        Injected = e.Injected;
        InjectedValue = false;
        InjectedArgs = false;
        Delayed = false;
        SystemTimeNs = 0;
        Stack = e.Stack;
        Held = held;
        InSyscall = true;
        Suppressed = false;
        _text.Clear();
        _entryLength = 0;
        _scratch = default;
    }

    /// <summary>An exit whose entry was never seen (attached mid-call): the exit half alone.</summary>
    internal void EnterAtExit(ref TraceEvent e, bool held)
    {
        Enter(ref e, held);
        EntryTimeNs = e.EntryTimeNs;
    }

    internal void Return(ref TraceEvent e)
    {
        InSyscall = false;
        HasReturn = true;
        ReturnValue = e.ReturnValue;
        ExitTimeNs = e.TimeNs;
        Injected = e.Injected;
        InjectedValue = e.InjectedValue;
        InjectedArgs = e.InjectedArgs;
        Delayed = e.Delayed;
        SystemTimeNs = e.SystemTimeNs;
        Stack = e.Stack;
    }

    /// <summary>The call never returns (exit, exit_group): it is complete as it starts.</summary>
    internal void NeverReturns()
    {
        InSyscall = false;
        Held = true;
    }

    internal void DecodeEntry(ref TraceEvent e, ITraceeMemory memory)
    {
        var c = Context(ref e, memory, exiting: false);
        if (_env.Options.RawCalls.Contains(e.SyscallNumber))
            RawArgs(ref c);
        else if (e.SyscallNumber == Sys.restart_syscall && e.InterruptedSyscall >= 0)
            _text.Raw("<... resuming interrupted "u8).Raw(SyscallTable.Resolve(e.InterruptedSyscall).NameUtf8).Raw(" ...>"u8);
        else
            DecoderRegistry.For(Syscall).Entry(ref c);
        _entryLength = _text.Length;
    }

    /// <summary>Decodes the exit half, and with -y a returned descriptor's target.</summary>
    internal void DecodeExit(ref TraceEvent e, ITraceeMemory memory)
    {
        var env = _env;
        var c = Context(ref e, memory, exiting: true);
        env.Aux.Clear();
        _notesShown = false;
        env.FdTarget.Clear();
        env.Dump.Clear();
        // Data written is dumped even when the call failed, as strace does (the data was given).
        if ((!c.Failed || Syscall.Dump == DumpKind.Write) && DataDump.Selects(env.Options, Syscall, c.IntArg(0))) DataDump.Print(ref c, env.Dump);
        if (env.Options.RawCalls.Contains(e.SyscallNumber)) { ReturnFormat = ReturnFormat.Hex; return; }
        _text.BeginExit();
        DecoderRegistry.For(Syscall).Exit(ref c);
        _notesShown = c.NotesShown;
        if (c.ReturnFormat == ReturnFormat.Fd && !c.Failed && env.Options.FdPaths != 0) Decoding.Args.FdPath(ref c, (int)e.ReturnValue, env.FdTarget);
        if (!c.Failed && c.ReturnFormat is ReturnFormat.Pid or ReturnFormat.ProcessGroup or ReturnFormat.Session)
        {
            var kind = c.ReturnFormat switch { ReturnFormat.ProcessGroup => PidKind.Group, ReturnFormat.Session => PidKind.Session, _ => PidKind.Process };
            c.PidNotes.After(env.FdTarget, e.ReturnValue, kind);
        }
        ReturnFormat = c.ReturnFormat;
    }

    /// <summary>-e raw=: every argument the call takes, in hex, as the registers hold them.</summary>
    private static void RawArgs(ref DecodeContext c)
    {
        for (int i = 0; i < c.Syscall.ArgCount; i++) c.Out.Sep().Hex(c.Arg(i));
    }

    private DecodeContext Context(ref TraceEvent e, ITraceeMemory memory, bool exiting)
    {
        var env = _env;
        var options = env.Options;
        _text.Style = env.Aux.Style = options.ConstStyle;
        return new()
        {
            Syscall = Syscall,
            Pid = e.Tid,
            Args = ref e.Args,
            StackPointer = e.StackPointer,
            Exiting = exiting,
            ReturnValue = e.ReturnValue,
            InjectedValue = e.InjectedValue,
            KvmExitReason = e.HasKvmExit ? e.KvmExitReason : null,
            Memory = memory,
            FdPaths = env.FdPaths,
            Host = env.Host,
            SocketCache = env.Sockets,
            Out = _text,
            Aux = env.Aux,
            Options = options,
            Unabbreviated = !options.Abbreviated.Contains(e.SyscallNumber),
            AddressesOnly = !options.Dereferenced.Contains(e.SyscallNumber),
            Scratch = ref _scratch,
            ReturnFormat = Syscall.Returns,
        };
    }
}
