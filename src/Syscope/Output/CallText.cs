using Syscope.Decoding;
using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Output;

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
    /// <summary>-P or trace-fds left this call out: nothing of it prints.</summary>
    public bool Suppressed;
    /// <summary>Bytes of Text the entry wrote.</summary>
    public int EntryLength;
    public long EntryTimestamp;
    public int SyscallNumber;

    public void DecodeEntry(ref TraceEvent e, ITraceeMemory memory, IFdPaths fdPaths, DecodeOptions options, ArgWriter aux)
    {
        Syscall = SyscallTable.Resolve(e.SyscallNumber);
        Text.Clear();
        Scratch = default;
        InSyscall = true;
        var c = Context(ref e, memory, fdPaths, options, aux, exiting: false);
        if (e.SyscallNumber == RestartSyscallNr && e.InterruptedSyscall >= 0)
            Text.Raw("<... resuming interrupted "u8).Raw(SyscallTable.Resolve(e.InterruptedSyscall).NameUtf8).Raw(" ...>"u8);
        else if (options.RawCalls.Contains(e.SyscallNumber))
            RawArgs(ref c);
        else
            Syscall.Decoder.Entry(ref c);
        EntryLength = Text.Length;
        EntryTimestamp = e.Timestamp;
        SyscallNumber = e.SyscallNumber;
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
            EntryTimestamp = e.EntryTimestamp;
        }
        InSyscall = false;
        if (!Suppressed) return true;
        Suppressed = false;
        return false;
    }

    /// <summary>Decodes the exit half into Text and aux; returns how the result prints, and with -y
    /// writes a returned descriptor's target ("&lt;/etc/passwd&gt;") into fdTarget.</summary>
    public ReturnFormat DecodeExit(ref TraceEvent e, ITraceeMemory memory, IFdPaths fdPaths, DecodeOptions options, ArgWriter aux, ArgWriter fdTarget)
    {
        var c = Context(ref e, memory, fdPaths, options, aux, exiting: true);
        aux.Clear();
        fdTarget.Clear();
        if (options.RawCalls.Contains(e.SyscallNumber)) return ReturnFormat.Hex;
        Syscall!.Decoder.Exit(ref c);
        if (c.ReturnFormat == ReturnFormat.Fd && !c.Failed && options.FdPaths > 0) Args.FdPath(ref c, (int)e.ReturnValue, fdTarget);
        return c.ReturnFormat;
    }

    private const int RestartSyscallNr = 219;

    /// <summary>-e raw=: every argument the call takes, in hex, as the registers hold them.</summary>
    private static void RawArgs(ref DecodeContext c)
    {
        for (int i = 0; i < c.Syscall.ArgCount; i++) c.Out.Sep().Hex(c.Arg(i));
    }

    private DecodeContext Context(ref TraceEvent e, ITraceeMemory memory, IFdPaths fdPaths, DecodeOptions options, ArgWriter aux, bool exiting)
    {
        Text.Style = aux.Style = options.ConstStyle;
        return new()
        {
            Syscall = Syscall!,
            Pid = e.Pid,
            Args = ref e.Args,
            StackPointer = e.StackPointer,
            Exiting = exiting,
            ReturnValue = e.ReturnValue,
            Memory = memory,
            FdPaths = fdPaths,
            Out = Text,
            Aux = aux,
            Options = options,
            Unabbreviated = !options.Abbreviated.Contains(e.SyscallNumber),
            AddressesOnly = !options.Dereferenced.Contains(e.SyscallNumber),
            Scratch = ref Scratch,
        };
    }
}
