namespace Syscope.Events;

/// <summary>What a stack frame's line says: a module's code, a JIT-compiled method, or where the
/// walk stopped at an address no module holds (strace's "unexpected_backtracing_error").</summary>
internal enum StackFrameKind : byte
{
    Module,
    Jit,
    Unknown,
}

/// <summary>One frame of a call's user-space stack.  Strings are the module's and the symbol's,
/// shared by every frame that names them (nothing is built per frame).</summary>
internal struct StackFrame
{
    public StackFrameKind Kind;
    /// <summary>The mapped file as /proc/PID/maps names it ("[jit]" for JIT code).</summary>
    public string Module;
    /// <summary>The return address (the syscall's for the first frame).</summary>
    public ulong Address;
    /// <summary>Address's offset in the mapped file: strace's bracketed number.</summary>
    public ulong ModuleOffset;
    /// <summary>The function, demangled unless asked not to; null when none is known.</summary>
    public string? Symbol;
    /// <summary>The symbol as the module spells it, where demangling changed it (a recording keeps
    /// both, so that `replay --no-demangle` can show it); null otherwise.</summary>
    public string? RawSymbol;
    public ulong SymbolOffset;
    /// <summary>-kk: the source file and line of the frame's code (the call, for a return address)
    /// from DWARF line tables; null and 0 where unknown.</summary>
    public string? SourceFile;
    public int SourceLine;
}

/// <summary>
/// The frames of one call, reused: a backend keeps one per thread and fills it at the stop where
/// strace captures it (the entry for calls that never return or replace the program, else the exit).
/// </summary>
internal sealed class StackTrace
{
    public const int MaxFrames = 256;

    public readonly StackFrame[] Frames = new StackFrame[MaxFrames];
    public int Count;
    /// <summary>The walk stopped at MaxFrames.</summary>
    public bool TooDeep;
    /// <summary>Captured when the call was entered (execve, exit...): strace prints frames it
    /// could not name with an empty symbol, "(+0x0)", there.</summary>
    public bool AtEntry;

    public ReadOnlySpan<StackFrame> AsSpan() => Frames.AsSpan(0, Count);

    public void Clear()
    {
        Count = 0;
        TooDeep = false;
        AtEntry = false;
    }
}
