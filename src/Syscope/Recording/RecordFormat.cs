namespace Syscope.Recording;

/// <summary>
/// The layout of a recording (`syscope record`, `trace --record`), version 4.  A file is a header
/// then blocks; nothing refers back, so a writer streams it in constant memory and a file cut at
/// any byte (kill -9, a full disk) reads back up to its last whole block.
///
///   header: magic (8 bytes) | u16 version | u16 0 | u32 length | u32 crc32c | fields (length bytes)
///   block:  u32 length | u32 crc32c of the payload | payload: records, ending with an Event
///
/// All numbers in fields and records are LEB128 varints (signed ones zigzag-coded); fixed-width
/// numbers are little-endian.  Records, by their first byte (<see cref="RecordTag"/>):
///   Fact:   kind, key a, b, c, answer length, answer bytes (what IFdPaths/IHostFacts said; written
///           only when it differs from the last answer to the same question)
///   Memory: address, length, bytes (tracee memory a decoder read while this event was handled);
///           length 0: the tracee's memory ended at address (a live read stopped short there)
///   Event:  a TraceEvent, fields present by a mask (<see cref="EventCodec"/>); the facts and memory
///           written since the previous event belong to it
///   End:    how the run ended (exit code, killing signal, core dumped, detaching signal)
///   Name, Stack: since version 2, -k stacks (<see cref="StackCodec"/>); a Stack belongs to the
///           Event after it; since version 3 a frame may also name its symbol's raw (mangled) name
/// A reader skips nothing it does not know: a later version with new records or fields bumps the
/// version, and reads every older one (version 1 is version 2 without stacks, version 2 is
/// version 3 without raw symbol names; versions 1 to 3 begin the header's fields with pid_max,
/// which outputs no longer use).
/// </summary>
internal static class RecordFormat
{
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'S', (byte)'C', (byte)'O', (byte)'P', (byte)'E', (byte)'\r', (byte)'\n'];
    public const ushort Version = 4;
    /// <summary>magic, version, reserved, length, crc.</summary>
    public const int HeaderPrefix = 8 + 2 + 2 + 4 + 4;
    public const int BlockPrefix = 8;
    /// <summary>A block is written once its payload passes this size (or time passes, see the writer).</summary>
    public const int BlockTarget = 64 * 1024;
    /// <summary>No block is larger: a length beyond it is damage, not data.</summary>
    public const int MaxBlock = 256 * 1024 * 1024;
}

internal enum RecordTag : byte { Fact = 1, Memory = 2, Event = 3, End = 4, Name = 5, Stack = 6 }

/// <summary>Which question a fact answers; a, b, c of its key are the question's arguments.</summary>
internal enum FactKind : byte
{
    /// <summary>IFdPaths.PathOf(pid=a, fd=b).</summary>
    Path = 1,
    /// <summary>IFdPaths.SocketProtocolOf(pid=a, fd=b).</summary>
    Protocol = 2,
    /// <summary>IFdPaths.TryFindSocket(family=a, protocol=b, inode=c): SocketFacts then the UNIX name; empty when not found.</summary>
    Socket = 3,
    /// <summary>IFdPaths.DeviceAt(path): a = the path's hash, b = its length; kind, major, minor; empty when none.</summary>
    Device = 4,
    /// <summary>IFdPaths.PidOfPidfd(pid=a, fd=b): the pid, 4 bytes.</summary>
    Pidfd = 5,
    /// <summary>IHostFacts.InterfaceName(index=a).</summary>
    Interface = 6,
    /// <summary>IHostFacts.ProcessName(tid=a), as the backend answered the outputs.</summary>
    ProcessName = 7,
    /// <summary>A thread's comm (tid=a), noted by the recorder at attach and exec for exports; not
    /// an answer the live outputs saw, so replay never shows it.</summary>
    Comm = 8,
    /// <summary>IHostFacts.CurrentComm(pid=a): -Y's name of a process, as the outputs saw it.</summary>
    CurrentComm = 9,
    /// <summary>IHostFacts.PidInOurNamespace(tid=a, id=b, kind=c): the id, 4 bytes.</summary>
    PidTranslation = 10,
    /// <summary>IFdPaths.TryFindMapping(pid=a, path): b = the path's hash, c = its length; start and
    /// length, 16 bytes; empty when not found.</summary>
    Mapping = 11,
    /// <summary>IFdPaths.IsUnlinked(pid=a, fd=b, target): c = the target's hash; 1 byte, 1 when unlinked.</summary>
    Unlinked = 12,
    /// <summary>IHostFacts.ExecComm(pid=a): -Y's name of a process from its last exec.</summary>
    ExecComm = 13,
}

internal readonly record struct FactKey(FactKind Kind, long A, long B, long C);

/// <summary>What the header says about the run.</summary>
internal sealed record RecordingHeader
{
    public Events.WallClockAnchor WallClock { get; init; }
    /// <summary>Bytes of each string or buffer the recorder asked decoders for (-s of the capture).</summary>
    public int CaptureLimit { get; init; }
    /// <summary>More than one -p process: strace prefixes pids from the first line.</summary>
    public bool ManyProcesses { get; init; }
    public string Backend { get; init; } = "";
    /// <summary>The command traced (empty for -p), and the trace options the recording was made with.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
    public IReadOnlyList<string> Options { get; init; } = [];
}
