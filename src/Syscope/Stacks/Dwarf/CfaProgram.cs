namespace Syscope.Stacks.Dwarf;

/// <summary>
/// Runs a CIE's and an FDE's call-frame instructions up to an address, giving the row of rules
/// in force there.  One instance is reused (its remember_state stack too), so a step allocates
/// nothing.
/// </summary>
internal sealed class CfaProgram
{
    private readonly FrameRow[] _saved = new FrameRow[16];
    private int _depth;

    public void Run(byte[] image, in FrameDescription fde, ulong target, out FrameRow row)
    {
        row = default;
        _depth = 0;
        var cie = fde.Cie;
        Execute(image, cie, cie.InstructionsStart, cie.InstructionsEnd, fde.PcBegin, ulong.MaxValue, ref row, default);
        var initial = row;
        Execute(image, cie, fde.InstructionsStart, fde.InstructionsEnd, fde.PcBegin, target, ref row, initial);
    }

    private void Execute(byte[] image, in CommonInformation cie, int start, int end, ulong loc, ulong target,
        ref FrameRow row, in FrameRow initial)
    {
        var c = new DwarfCursor(image.AsSpan(0, end), 0, start);
        while (!c.AtEnd)
        {
            byte op = c.U8();
            int low = op & 0x3f;
            switch (op >> 6)
            {
                case 1: if (Advance(ref loc, (ulong)low, cie, target)) return; continue;
                case 2: Set(ref row, low, RuleKind.Offset, (long)c.Uleb() * cie.DataAlign); continue;
                case 3: Restore(ref row, low, initial); continue;
            }
            switch (op)
            {
                case 0x00: break;
                case 0x01: loc = c.U64(); if (loc > target) return; break;
                case 0x02: if (Advance(ref loc, c.U8(), cie, target)) return; break;
                case 0x03: if (Advance(ref loc, c.U16(), cie, target)) return; break;
                case 0x04: if (Advance(ref loc, c.U32(), cie, target)) return; break;
                case 0x05: { int r = (int)c.Uleb(); Set(ref row, r, RuleKind.Offset, (long)c.Uleb() * cie.DataAlign); break; }
                case 0x06: Restore(ref row, (int)c.Uleb(), initial); break;
                case 0x07: Set(ref row, (int)c.Uleb(), RuleKind.Undefined, 0); break;
                case 0x08: Set(ref row, (int)c.Uleb(), RuleKind.SameValue, 0); break;
                case 0x09: { int r = (int)c.Uleb(); Set(ref row, r, RuleKind.Register, (long)c.Uleb()); break; }
                case 0x0a:
                    if (_depth == _saved.Length) throw new DwarfFormatException();
                    _saved[_depth++] = row;
                    break;
                case 0x0b:
                    if (_depth == 0) throw new DwarfFormatException();
                    row = _saved[--_depth];
                    break;
                case 0x0c: row.CfaRegister = (int)c.Uleb(); row.CfaOffset = (long)c.Uleb(); row.CfaExpressionLength = 0; break;
                case 0x0d: row.CfaRegister = (int)c.Uleb(); row.CfaExpressionLength = 0; break;
                case 0x0e: row.CfaOffset = (long)c.Uleb(); break;
                case 0x0f:
                    {
                        int length = checked((int)c.Uleb());
                        row.CfaOffset = c.Position;
                        row.CfaExpressionLength = length;
                        c.Bytes(length);
                        break;
                    }
                case 0x10 or 0x16:
                    {
                        int r = (int)c.Uleb();
                        int length = checked((int)c.Uleb());
                        Set(ref row, r, op == 0x10 ? RuleKind.Expression : RuleKind.ValExpression, c.Position, length);
                        c.Bytes(length);
                        break;
                    }
                case 0x11: { int r = (int)c.Uleb(); Set(ref row, r, RuleKind.Offset, c.Sleb() * cie.DataAlign); break; }
                case 0x12: row.CfaRegister = (int)c.Uleb(); row.CfaOffset = c.Sleb() * cie.DataAlign; row.CfaExpressionLength = 0; break;
                case 0x13: row.CfaOffset = c.Sleb() * cie.DataAlign; break;
                case 0x14: { int r = (int)c.Uleb(); Set(ref row, r, RuleKind.ValOffset, (long)c.Uleb() * cie.DataAlign); break; }
                case 0x15: { int r = (int)c.Uleb(); Set(ref row, r, RuleKind.ValOffset, c.Sleb() * cie.DataAlign); break; }
                case 0x2e: c.Uleb(); break;   // DW_CFA_GNU_args_size: only for landing pads
                case 0x2f: { int r = (int)c.Uleb(); Set(ref row, r, RuleKind.Offset, -(long)c.Uleb() * cie.DataAlign); break; }
                default: throw new DwarfFormatException();
            }
        }
    }

    private static bool Advance(ref ulong loc, ulong delta, in CommonInformation cie, ulong target)
    {
        loc += delta * cie.CodeAlign;
        return loc > target;
    }

    private static void Set(ref FrameRow row, int register, RuleKind kind, long value, int length = 0)
    {
        if ((uint)register >= RegisterRules.Count) return;
        row.Rules[register] = new RegisterRule { Kind = kind, Value = value, Length = length };
    }

    private static void Restore(ref FrameRow row, int register, in FrameRow initial)
    {
        if ((uint)register < RegisterRules.Count) row.Rules[register] = initial.Rules[register];
    }
}
