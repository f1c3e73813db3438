using Syscope.Decoding;
using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>What decoding a call needs besides the call itself: one per formatter, shared by
/// all its tracees.</summary>
public sealed class DecodeEnvironment(DecodeOptions options, IFdPaths fdPaths, Filtering.TraceFilter filter)
{
    public readonly DecodeOptions Options = options;
    public readonly IFdPaths FdPaths = fdPaths;
    /// <summary>-P and trace-fds: which calls print at all, judged at entry.</summary>
    public readonly Filtering.CallSelector Selector = new(filter);
    /// <summary>-yy: what a socket inode was first seen as (strace keeps that for the run).</summary>
    public readonly SocketDetailsCache Sockets = new();
    /// <summary>Text after the return value ("flags O_RDWR"), rewritten at every exit.</summary>
    public readonly ArgWriter Aux = new();
    /// <summary>-y: the target of a returned descriptor, "&lt;/etc/passwd&gt;".</summary>
    public readonly ArgWriter FdTarget = new();
    /// <summary>-e read=/write=: the hex dump of the data the call moved, whole lines for after its own.</summary>
    public readonly ArgWriter Dump = new();
}

/// <summary>
/// One tracee's current call as decoded text: the entry half kept until the exit adds the rest.
/// Every output format holds one per tracee, so the decoding steps around the decoders (raw=,
/// restart_syscall after an attach, -X, abbrev=/verbose= per call, the -y target of a returned
/// descriptor) live in one place and the formats cannot drift apart.
/// </summary>
public class CallText
{
    public readonly ArgWriter Text = new();
    public SyscallInfo? Syscall;
    public DecoderScratch Scratch;
    public bool InSyscall;
    /// <summary>-P or trace-fds left this call out (decided at entry): nothing of it prints.</summary>
    public bool Suppressed;
    /// <summary>Bytes of Text the entry wrote.</summary>
    public int EntryLength;
    public long EntryTimestamp;
    public int SyscallNumber;

    public void DecodeEntry(ref TraceEvent e, ITraceeMemory memory, DecodeEnvironment env)
    {
        var options = env.Options;
        Syscall = SyscallTable.Resolve(e.SyscallNumber);
        Text.Clear();
        Scratch = default;
        InSyscall = true;
        var c = Context(ref e, memory, env, exiting: false);
        if (options.RawCalls.Contains(e.SyscallNumber))
            RawArgs(ref c);
        else if (e.SyscallNumber == RestartSyscallNr && e.InterruptedSyscall >= 0)
            Text.Raw("<... resuming interrupted "u8).Raw(SyscallTable.Resolve(e.InterruptedSyscall).NameUtf8).Raw(" ...>"u8);
        else
            Syscall.Decoder.Entry(ref c);
        EntryLength = Text.Length;
        EntryTimestamp = e.TimeNs;
        SyscallNumber = e.SyscallNumber;
        Suppressed = env.Selector.Active && !env.Selector.Selects(Syscall, ref e.Args, e.Tid, memory);
    }

    /// <summary>Ends the call; false when -P or trace-fds left it out, and nothing was decoded.</summary>
    public bool EndCall(ref TraceEvent e)
    {
        if (!InSyscall || Syscall == null)
        {
            // The entry was never seen (attached mid-call): the line is the exit half alone.
            Syscall = SyscallTable.Resolve(e.SyscallNumber);
            Text.Clear();
            EntryLength = 0;
            EntryTimestamp = e.EntryTimeNs;
        }
        InSyscall = false;
        if (!Suppressed) return true;
        Suppressed = false;
        return false;
    }

    /// <summary>Decodes the exit half into Text and env.Aux; returns how the result prints, and
    /// with -y writes a returned descriptor's target into env.FdTarget.</summary>
    public ReturnFormat DecodeExit(ref TraceEvent e, ITraceeMemory memory, DecodeEnvironment env)
    {
        var c = Context(ref e, memory, env, exiting: true);
        env.Aux.Clear();
        env.FdTarget.Clear();
        env.Dump.Clear();
        if (!c.Failed && DataDump.Selects(env.Options, Syscall!, c.IntArg(0))) DataDump.Print(ref c, env.Dump);
        if (env.Options.RawCalls.Contains(e.SyscallNumber)) return ReturnFormat.Hex;
        Syscall!.Decoder.Exit(ref c);
        if (c.ReturnFormat == ReturnFormat.Fd && !c.Failed && env.Options.FdPaths != 0) Args.FdPath(ref c, (int)e.ReturnValue, env.FdTarget);
        return c.ReturnFormat;
    }

    private const int RestartSyscallNr = 219;

    /// <summary>-e raw=: every argument the call takes, in hex, as the registers hold them.</summary>
    private static void RawArgs(ref DecodeContext c)
    {
        for (int i = 0; i < c.Syscall.ArgCount; i++) c.Out.Sep().Hex(c.Arg(i));
    }

    private DecodeContext Context(ref TraceEvent e, ITraceeMemory memory, DecodeEnvironment env, bool exiting)
    {
        var options = env.Options;
        Text.Style = env.Aux.Style = options.ConstStyle;
        return new()
        {
            Syscall = Syscall!,
            Pid = e.Tid,
            Args = ref e.Args,
            StackPointer = e.StackPointer,
            Exiting = exiting,
            ReturnValue = e.ReturnValue,
            Memory = memory,
            FdPaths = env.FdPaths,
            SocketCache = env.Sockets,
            Out = Text,
            Aux = env.Aux,
            Options = options,
            Unabbreviated = !options.Abbreviated.Contains(e.SyscallNumber),
            AddressesOnly = !options.Dereferenced.Contains(e.SyscallNumber),
            Scratch = ref Scratch,
        };
    }
}
