using Syscope.Events;

namespace Syscope.Stacks.Dwarf;

/// <summary>
/// Evaluates the DWARF expressions call-frame rules use (PLT entries' CFA, the signal trampoline's
/// saved registers): the stack machine's constants, arithmetic, comparisons, branches, register
/// bases and memory reads.  Anything else, a read that fails or a runaway program makes it fail.
/// </summary>
internal static class DwarfExpression
{
    private const int MaxSteps = 1000;

    public static bool TryEvaluate(ReadOnlySpan<byte> program, in DwarfRegisters regs, ITraceeMemory memory,
        ulong? initial, out ulong result)
    {
        result = 0;
        Span<ulong> stack = stackalloc ulong[64];
        int sp = 0;
        if (initial is { } first) stack[sp++] = first;
        var c = new DwarfCursor(program, 0);
        try
        {
            for (int steps = 0; !c.AtEnd; steps++)
            {
                if (steps > MaxSteps || sp >= stack.Length - 1) return false;
                byte op = c.U8();
                if (op is >= 0x30 and <= 0x4f) { stack[sp++] = (ulong)(op - 0x30); continue; }
                if (op is >= 0x70 and <= 0x8f)
                {
                    if (!regs.TryGet(op - 0x70, out ulong r)) return false;
                    stack[sp++] = r + (ulong)c.Sleb();
                    continue;
                }
                if (op == 0x92)
                {
                    if (!regs.TryGet((int)c.Uleb(), out ulong r)) return false;
                    stack[sp++] = r + (ulong)c.Sleb();
                    continue;
                }
                if (Push(op, ref c, out ulong constant)) { stack[sp++] = constant; continue; }
                if (op == 0x96) continue;   // nop
                if (op is 0x2f or 0x28)
                {
                    short offset = (short)c.U16();
                    if (op == 0x28) { if (sp < 1) return false; if (stack[--sp] == 0) continue; }
                    c.Position += offset;
                    if (c.Position < 0 || c.Position > program.Length) return false;
                    continue;
                }
                if (!Operate(op, ref c, stack, ref sp, memory)) return false;
            }
        }
        catch (DwarfFormatException) { return false; }
        if (sp < 1) return false;
        result = stack[sp - 1];
        return true;
    }

    private static bool Push(byte op, scoped ref DwarfCursor c, out ulong v)
    {
        v = op switch
        {
            0x03 => c.U64(),
            0x08 => c.U8(),
            0x09 => (ulong)(sbyte)c.U8(),
            0x0a => c.U16(),
            0x0b => (ulong)(short)c.U16(),
            0x0c => c.U32(),
            0x0d => (ulong)(int)c.U32(),
            0x0e or 0x0f => c.U64(),
            0x10 => c.Uleb(),
            0x11 => (ulong)c.Sleb(),
            _ => 0,
        };
        return op is 0x03 or (>= 0x08 and <= 0x11);
    }

    private static bool Operate(byte op, scoped ref DwarfCursor c, scoped Span<ulong> s, ref int sp, ITraceeMemory memory)
    {
        int need = op switch
        {
            0x12 or 0x13 or 0x06 or 0x94 or 0x19 or 0x1f or 0x20 or 0x23 => 1,
            0x15 => 0,
            0x17 => 3,
            _ => 2,
        };
        if (sp < need) return false;
        switch (op)
        {
            case 0x06: return Deref(ref s[sp - 1], 8, memory);
            case 0x94: return Deref(ref s[sp - 1], c.U8(), memory);
            case 0x12: s[sp] = s[sp - 1]; sp++; return true;
            case 0x13: sp--; return true;
            case 0x14: s[sp] = s[sp - 2]; sp++; return true;
            case 0x15: { int i = c.U8(); if (i >= sp) return false; s[sp] = s[sp - 1 - i]; sp++; return true; }
            case 0x16: (s[sp - 1], s[sp - 2]) = (s[sp - 2], s[sp - 1]); return true;
            case 0x17: (s[sp - 1], s[sp - 2], s[sp - 3]) = (s[sp - 2], s[sp - 3], s[sp - 1]); return true;
            case 0x19: s[sp - 1] = (ulong)Math.Abs((long)s[sp - 1]); return true;
            case 0x1f: s[sp - 1] = (ulong)-(long)s[sp - 1]; return true;
            case 0x20: s[sp - 1] = ~s[sp - 1]; return true;
            case 0x23: s[sp - 1] += c.Uleb(); return true;
        }
        ulong b = s[--sp], a = s[sp - 1];
        ulong r;
        switch (op)
        {
            case 0x1a: r = a & b; break;
            case 0x1b: if (b == 0) return false; r = (ulong)((long)a / (long)b); break;
            case 0x1c: r = a - b; break;
            case 0x1d: if (b == 0) return false; r = a % b; break;
            case 0x1e: r = a * b; break;
            case 0x21: r = a | b; break;
            case 0x22: r = a + b; break;
            case 0x24: r = b >= 64 ? 0 : a << (int)b; break;
            case 0x25: r = b >= 64 ? 0 : a >> (int)b; break;
            case 0x26: r = (ulong)((long)a >> (int)Math.Min(b, 63)); break;
            case 0x27: r = a ^ b; break;
            case 0x29: r = a == b ? 1UL : 0; break;
            case 0x2a: r = (long)a >= (long)b ? 1UL : 0; break;
            case 0x2b: r = (long)a > (long)b ? 1UL : 0; break;
            case 0x2c: r = (long)a <= (long)b ? 1UL : 0; break;
            case 0x2d: r = (long)a < (long)b ? 1UL : 0; break;
            case 0x2e: r = a != b ? 1UL : 0; break;
            default: return false;
        }
        s[sp - 1] = r;
        return true;
    }

    private static bool Deref(ref ulong slot, int size, ITraceeMemory memory)
    {
        if (size is < 1 or > 8) return false;
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        if (memory.Read(slot, bytes[..size]) != size) return false;
        slot = BitConverter.ToUInt64(bytes);
        return true;
    }
}
