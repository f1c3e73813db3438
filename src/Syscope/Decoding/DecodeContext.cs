using Syscope.Events;
using Syscope.Filtering;
using Syscope.Syscalls;

namespace Syscope.Decoding;

/// <summary>What decoders may consult: the per-run options that change how arguments print.</summary>
internal sealed class DecodeOptions
{
    /// <summary>-s: bytes of a string or buffer shown before "...".</summary>
    public int StringLimit = 32;
    /// <summary>0: escapes; 1: -x (hex when non-ASCII); 2: -xx (always hex).</summary>
    public int HexStrings;
    /// <summary>-X: how named constants print.</summary>
    public ConstStyle ConstStyle;
    /// <summary>-e abbrev=SET: calls whose structures and arrays are abbreviated ("...").</summary>
    public SyscallSet Abbreviated = SyscallSet.All;
    /// <summary>-e verbose=SET: calls whose structures are read; the others show their addresses.</summary>
    public SyscallSet Dereferenced = SyscallSet.All;
    /// <summary>-e raw=SET: calls printed undecoded, every argument in hex.</summary>
    public SyscallSet RawCalls = SyscallSet.None;

    /// <summary>-v: no call abbreviated (strace's abbrev=none).</summary>
    public bool Verbose { init => Abbreviated = value ? SyscallSet.None : SyscallSet.All; }
    /// <summary>-e read=SET / -e write=SET: fds whose data is dumped in hex after the line; null means none.</summary>
    public IReadOnlySet<int>? ReadDumps, WriteDumps;
    /// <summary>-y, -yy, --decode-fds: what prints after a descriptor.</summary>
    public FdDecoding FdPaths;
    /// <summary>-Y, --decode-pids: what prints after a pid.</summary>
    public PidDecoding Pids;
    /// <summary>-e kvm=vcpu: KVM_RUN's result says why the vcpu exited, read from its kvm_run.</summary>
    public bool KvmExits;
}

/// <summary>Everything a decoder sees for one stop.  Decoders never learn which backend read memory.</summary>
internal ref struct DecodeContext
{
    public SyscallInfo Syscall;
    public int Pid;
    public ref SyscallArgs Args;
    /// <summary>At entry: the tracee's stack pointer (0 when the backend does not know it).</summary>
    public ulong StackPointer;
    public bool Exiting;
    /// <summary>At exit: the raw return (negative errno on failure).</summary>
    public long ReturnValue;
    /// <summary>At a KVM_RUN's exit: the vcpu's exit reason when the backend was told it (eBPF);
    /// null: the decoder reads it from the vcpu's kvm_run.</summary>
    public uint? KvmExitReason;
    public ITraceeMemory Memory;
    /// <summary>Descriptor targets for -y; null when the backend cannot tell.</summary>
    public IFdPaths? FdPaths;
    /// <summary>The traced system's interface names; null when the backend cannot tell.</summary>
    public IHostFacts? Host;
    /// <summary>Socket details already resolved in this run (null: none are kept).</summary>
    public SocketDetailsCache? SocketCache;
    public ArgWriter Out;
    /// <summary>Text strace puts in parentheses after the return value ("flags O_RDWR" for
    /// F_GETFL, the revents of poll); decoders write it at exit, empty means none.</summary>
    public ArgWriter Aux;
    /// <summary>The parentheses after the return show even when Aux stays empty (select's "= 1 ()").</summary>
    public bool NotesShown;
    public DecodeOptions Options;
    /// <summary>This call's structures and arrays print in full (-v, or not in -e abbrev=).</summary>
    public bool Unabbreviated;
    /// <summary>This call is not in -e verbose=: structures print as their addresses.</summary>
    public bool AddressesOnly;
    /// <summary>Per-tracee scratch kept from entry to exit (values the entry must remember).</summary>
    public ref DecoderScratch Scratch;
    public ReturnFormat ReturnFormat;

    /// <summary>-e inject=...:retval= set the result: a value even where it looks like an error.</summary>
    public bool InjectedValue;

    public readonly bool Failed => !InjectedValue && ReturnFormat.IsError(ReturnValue);
    public readonly ulong Arg(int i) => Args[i];
    public readonly int IntArg(int i) => (int)Args[i];
    /// <summary>-Y and --decode-pids=pidns notes for the pids this call shows.</summary>
    public readonly PidNotes PidNotes => new(Options.Pids, Host, Pid);
}

/// <summary>Values a decoder saves at entry for its exit half.</summary>
internal struct DecoderScratch
{
    public long A, B, C, D;
    /// <summary>For the few exits that compare many of the caller's values with the kernel's
    /// (bpf's object info: a dozen counts and pointers, each shown as "old => new").</summary>
    public ScratchWords Words;
    /// <summary>recvmmsg's msg_namelen of each message at entry (up to IOV_MAX), kept for its
    /// return: made once for the thread, at its first recvmmsg.</summary>
    public uint[]? MessageNameLengths;
}

[System.Runtime.CompilerServices.InlineArray(16)]
internal struct ScratchWords
{
    private ulong _first;
}
