namespace Syscope.Syscalls;

/// <summary>An argument as the kernel declares it (its C type without __user, its name), how the
/// generic decoder prints it and what it is (tools/syscalls/roles.txt).</summary>
internal readonly record struct SyscallArg(string CType, string Name, ArgFormat Format, ArgRole Role);

/// <summary>How the return value of a call is printed: Pid is a decimal pid that -Y names (fork, getpid, wait4...);
/// ProcessGroup and Session are ids --pidns-translation translates as such (getpgrp, getsid);
/// ZeroExtendedInt is an int the kernel widens without its sign (modify_ldt), so -errno arrives in
/// the low 32 bits: strace counts it a failure and shows the value as it came.</summary>
internal enum ReturnFormat : byte { Decimal, Hex, Octal, Unsigned, Fd, None, Pid, ProcessGroup, Session, ZeroExtendedInt }

internal static class ReturnFormats
{
    /// <summary>Whether a call that returned value failed: -4095..-1 is -errno, and a
    /// ZeroExtendedInt carries it in its low 32 bits.  The one place the rule is written: the
    /// pairing (errno, -Z/-z) and the decoders (what a failed call leaves unwritten) both ask it.</summary>
    public static bool IsError(this ReturnFormat format, long value) =>
        value is < 0 and >= -4095 || (format == ReturnFormat.ZeroExtendedInt && value is >= 0xfffff000 and <= 0xffffffff);
}

/// <summary>strace's trace classes (-e trace=%file ...): which a call belongs to, as strace 6.1
/// assigns them (Filtering/SyscallClasses names them).</summary>
[Flags]
internal enum SyscallClass : uint
{
    None = 0,
    File = 1 << 0, Process = 1 << 1, Network = 1 << 2, Signal = 1 << 3, Ipc = 1 << 4, Desc = 1 << 5,
    Memory = 1 << 6, Creds = 1 << 7, Clock = 1 << 8, Stat = 1 << 9, Lstat = 1 << 10, Fstat = 1 << 11,
    AnyStat = 1 << 12, Statfs = 1 << 13, Fstatfs = 1 << 14, AnyStatfs = 1 << 15, Pure = 1 << 16,
}

/// <summary>Which of -e read= and -e write= dumps the data a call moves through the descriptor
/// in its first argument; its layout is the role of its second argument.</summary>
internal enum DumpKind : byte { None, Read, Write }

/// <summary>What a system call that blocks waits for, in the terms `why` words a finding in.</summary>
public enum WaitKind : byte
{
    /// <summary>Does not block, or waits for nothing `why` has words for.</summary>
    Other,
    Reading, Writing, Accepting, Connecting, Polling, Lock, Child, Sleep, Signal,
}

/// <summary>One row of the syscall table: everything known about one call, by number.  Generated
/// by tools/gen-tables.py from the kernel's facts and tools/syscalls/*.txt; decoders attach to it
/// by number (Decoding/DecoderRegistry).</summary>
internal sealed class SyscallInfo(int number, string name, SyscallArg[] args, ReturnFormat returns = ReturnFormat.Decimal,
    SyscallClass classes = SyscallClass.None, DumpKind dump = DumpKind.None, WaitKind waits = WaitKind.Other,
    bool waitsOnFd = false, string? captureGap = null, SyscallNote? note = null, string? tracepoint = null, bool keepsFds = false)
{
    public int Number { get; } = number;
    public string Name { get; } = name;
    public byte[] NameUtf8 { get; } = System.Text.Encoding.ASCII.GetBytes(name);
    public SyscallArg[] Args { get; } = args;
    public int ArgCount => Args.Length;
    /// <summary>How the return value prints unless the decoder decides per call (fcntl, bpf).</summary>
    public ReturnFormat Returns { get; } = returns;
    public SyscallClass Classes { get; } = classes;
    public DumpKind Dump { get; } = dump;
    /// <summary>What the call waits for when it blocks (`why`).</summary>
    public WaitKind Waits { get; } = waits;
    /// <summary>A blocked call waits on the descriptor in its first argument.</summary>
    public bool WaitsOnFd { get; } = waitsOnFd || waits is WaitKind.Reading or WaitKind.Writing or WaitKind.Accepting or WaitKind.Connecting;
    /// <summary>Why the roles do not describe all the memory the decoder reads (null: they do).</summary>
    public string? CaptureGap { get; } = captureGap;
    /// <summary>What `explain` says about the call; null when nobody has written it yet.</summary>
    public SyscallNote? Note { get; } = note;
    /// <summary>The name of its tracefs events (syscalls:sys_enter_NAME, sys_exit_NAME): its
    /// SYSCALL_DEFINE name, which differs from the table's for a few (stat's is newstat); null when the
    /// kernel defines it without metadata, so without events.</summary>
    public string? Tracepoint { get; } = tracepoint;
    /// <summary>The call neither opens, closes nor moves a descriptor nor renames or removes a file:
    /// what a descriptor named before it still holds after (roles.txt's fds=kept).</summary>
    public bool KeepsFds { get; } = keepsFds;
}
