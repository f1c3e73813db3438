using Syscope.Events;
using Syscope.Stacks.Dwarf;
using Syscope.Stacks.Symbols;

namespace Syscope.Stacks.Unwind;

/// <summary>
/// Walks a stopped thread's user-space stack with DWARF call-frame information, as libunwind does
/// for strace -k: from the registers at the stop, frame by frame, each caller's registers computed
/// by the rules of the FDE covering the callee's address (the address itself for the first frame
/// and after a signal frame, the byte before a return address otherwise).  JIT code has no
/// call-frame information: its frames are named from the JIT's perf map and walked through the
/// frame-pointer chain.  Modules are parsed once (<see cref="ModuleCache"/>), each process's
/// mappings and the modules in them kept until they change; a walk allocates nothing once its
/// modules are known.
/// </summary>
/// <param name="sourceLines">-kk: each frame's source file and line, from the module's DWARF line tables.</param>
/// <param name="debug">-d: told each module read (<see cref="ModuleCache"/>).</param>
internal sealed class StackUnwinder(bool demangle = true, bool sourceLines = false, Action<string>? debug = null)
{
    private readonly ModuleCache _modules = new(demangle, debug);

    /// <summary>Module files read and parsed so far, in all processes.</summary>
    public int ModulesParsed => _modules.Parsed;
    private readonly Dictionary<int, (ProcessMappings Maps, PerfMap Jit)> _processes = new();
    private readonly CfaProgram _program = new();
    private readonly StackWindow _window = new();

    /// <summary>The process's mappings changed (execve, munmap, mprotect): read them again when next needed.</summary>
    public void Invalidate(int tgid)
    {
        if (_processes.TryGetValue(tgid, out var p)) p.Maps.Invalidate();
    }

    public void Forget(int tgid) => _processes.Remove(tgid);

    public void Capture(int tgid, DwarfRegisters regs, ITraceeMemory tracee, StackTrace trace)
    {
        regs.TryGet(DwarfRegisters.Rsp, out ulong sp);
        _window.Reset(tracee, sp);
        ITraceeMemory memory = _window;
        trace.Count = 0;
        trace.TooDeep = false;
        if (!_processes.TryGetValue(tgid, out var process)) _processes[tgid] = process = (new ProcessMappings(tgid), new PerfMap(tgid));
        bool exact = true;
        while (regs.TryGet(DwarfRegisters.Rip, out ulong pc) && pc != 0)
        {
            if (trace.Count == StackTrace.MaxFrames) { trace.TooDeep = true; return; }
            ref var frame = ref trace.Frames[trace.Count++];
            frame = new StackFrame { Address = pc };
            ulong lookup = exact ? pc : pc - 1;
            if (!process.Maps.TryFind(pc, out var mapping, out int mappingIndex) || mapping.Inode == 0 && mapping.Path != "[vdso]" || IsJitMemory(mapping))
            {
                if (!process.Jit.TryFind(lookup, out var method)) { frame.Kind = StackFrameKind.Unknown; return; }
                frame.Kind = StackFrameKind.Jit;
                frame.Module = "[jit]";
                frame.Symbol = method.Name;
                frame.SymbolOffset = pc - method.Start;
                frame.ModuleOffset = pc;
                if (!FramePointerStep(ref regs, memory)) return;
                exact = false;
                continue;
            }
            frame.Kind = StackFrameKind.Module;
            frame.Module = mapping.Path;
            frame.ModuleOffset = pc - mapping.Start + mapping.Offset;
            var module = process.Maps.Module(mappingIndex, _modules, memory);
            if (module == null)
            {
                // Not ELF: a runtime's precompiled code (.NET ReadyToRun images), named by its perf
                // map if it lists them, and walked by its frame pointers.
                if (process.Jit.TryFind(lookup, out var precompiled)) { frame.Symbol = precompiled.Name; frame.SymbolOffset = pc - precompiled.Start; }
                if (!FramePointerStep(ref regs, memory)) return;
                exact = false;
                continue;
            }
            if (!module.Elf.AddressOfFileOffset(frame.ModuleOffset - (exact ? 0UL : 1UL), out ulong address)) return;
            if (module.Symbols.TryName(address, out var symbol))
            {
                frame.Symbol = symbol.Name;
                frame.RawSymbol = symbol.RawName;
                frame.SymbolOffset = address + (exact ? 0UL : 1UL) - symbol.Start;
            }
            if (sourceLines && module.Lines is { } lines && lines.TryFind(address, out string file, out int line))
            {
                frame.SourceFile = file;
                frame.SourceLine = line;
            }
            if (!module.Frames.TryFind(address, out var fde))
            {
                // Code built without unwind tables (-fno-asynchronous-unwind-tables, hand-written
                // assembly): its frame pointers, as libunwind falls back to them, while they lead
                // into mapped code; the walk ends where they do not.
                if (!FramePointerStep(ref regs, memory) || !regs.TryGet(DwarfRegisters.Rip, out ulong next)
                    || !process.Maps.TryFind(next, out _)) return;
                exact = false;
                continue;
            }
            if (!Step(module, fde, address, ref regs, memory)) return;
            exact = fde.Cie.SignalFrame;
        }
    }

    /// <summary>Computes the caller's registers from the callee's by the FDE's row at address.</summary>
    private bool Step(LoadedModule module, in FrameDescription fde, ulong address, ref DwarfRegisters regs, ITraceeMemory memory)
    {
        byte[] image = module.Elf.Data;
        FrameRow row;
        try { _program.Run(image, fde, address, out row); }
        catch (Exception e) when (e is DwarfFormatException or OverflowException) { return false; }
        ulong cfa;
        if (row.CfaExpressionLength > 0)
        {
            if (!DwarfExpression.TryEvaluate(image.AsSpan((int)row.CfaOffset, row.CfaExpressionLength), regs, memory, null, out cfa)) return false;
        }
        else
        {
            if (!regs.TryGet(row.CfaRegister, out ulong b)) return false;
            cfa = b + (ulong)row.CfaOffset;
        }
        var caller = regs;
        caller.Set(DwarfRegisters.Rsp, cfa);
        for (int r = 0; r < RegisterRules.Count; r++)
        {
            var rule = row.Rules[r];
            ulong v;
            switch (rule.Kind)
            {
                case RuleKind.SameValue:
                    if (r == DwarfRegisters.Rip) caller.Forget(r);
                    continue;
                case RuleKind.Undefined: caller.Forget(r); continue;
                case RuleKind.Offset: if (!ReadWord(memory, cfa + (ulong)rule.Value, out v)) return false; break;
                case RuleKind.ValOffset: v = cfa + (ulong)rule.Value; break;
                case RuleKind.Register: if (!regs.TryGet((int)rule.Value, out v)) return false; break;
                case RuleKind.Expression or RuleKind.ValExpression:
                    if (!DwarfExpression.TryEvaluate(image.AsSpan((int)rule.Value, rule.Length), regs, memory, cfa, out v)) return false;
                    if (rule.Kind == RuleKind.Expression && !ReadWord(memory, v, out v)) return false;
                    break;
                default: continue;
            }
            caller.Set(r, v);
        }
        // The return address column is the caller's rip; a frame that does not say where it
        // returns (the outermost: _start, a thread's clone) ends the walk.
        if (fde.Cie.ReturnRegister != DwarfRegisters.Rip)
        {
            if (!caller.TryGet(fde.Cie.ReturnRegister, out ulong ra)) return false;
            caller.Set(DwarfRegisters.Rip, ra);
        }
        if (!caller.TryGet(DwarfRegisters.Rip, out _)) return false;
        if (caller.TryGet(DwarfRegisters.Rsp, out ulong sp) && regs.TryGet(DwarfRegisters.Rsp, out ulong oldSp)
            && sp == oldSp && caller.TryGet(DwarfRegisters.Rip, out ulong npc) && regs.TryGet(DwarfRegisters.Rip, out ulong opc) && npc == opc)
            return false;
        regs = caller;
        return true;
    }

    /// <summary>.NET maps its JIT's code from a memfd ("/memfd:doublemapper (deleted)"): no file to read.</summary>
    private static bool IsJitMemory(in CodeMapping m) => m.Path.StartsWith("/memfd:", StringComparison.Ordinal);

    /// <summary>The frame-pointer convention, for code without call-frame information (JIT code,
    /// native code built without unwind tables):
    /// the caller's rbp at [rbp], the return address at [rbp+8], its stack above them.</summary>
    private static bool FramePointerStep(ref DwarfRegisters regs, ITraceeMemory memory)
    {
        if (!regs.TryGet(DwarfRegisters.Rbp, out ulong rbp) || !regs.TryGet(DwarfRegisters.Rsp, out ulong rsp)
            || rbp < rsp || rbp - rsp > 1 << 24) return false;
        if (!ReadWord(memory, rbp, out ulong callerRbp) || !ReadWord(memory, rbp + 8, out ulong ra)) return false;
        regs.Set(DwarfRegisters.Rbp, callerRbp);
        regs.Set(DwarfRegisters.Rsp, rbp + 16);
        regs.Set(DwarfRegisters.Rip, ra);
        return true;
    }

    private static bool ReadWord(ITraceeMemory memory, ulong address, out ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        value = 0;
        if (memory.Read(address, b) != 8) return false;
        value = BitConverter.ToUInt64(b);
        return true;
    }
}
