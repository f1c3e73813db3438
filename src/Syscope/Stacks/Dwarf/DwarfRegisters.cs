using System.Runtime.CompilerServices;

namespace Syscope.Stacks.Dwarf;

/// <summary>x86_64 registers by DWARF number (0-15 rax rdx rcx rbx rsi rdi rbp rsp r8-r15, 16 the
/// return address / rip), with which of them are known in the frame being unwound.</summary>
internal struct DwarfRegisters
{
    public const int Rbp = 6, Rsp = 7, Rip = 16;

    [InlineArray(RegisterRules.Count)]
    private struct Values { private ulong _element0; }

    private Values _values;
    private uint _known;

    public readonly bool TryGet(int register, out ulong value)
    {
        value = 0;
        if ((uint)register >= RegisterRules.Count || (_known & (1u << register)) == 0) return false;
        value = _values[register];
        return true;
    }

    public void Set(int register, ulong value)
    {
        _values[register] = value;
        _known |= 1u << register;
    }

    public void Forget(int register) => _known &= ~(1u << register);
}

/// <summary>From ptrace's register block to DWARF's numbering.</summary>
internal static class UserRegsDwarf
{
    public static DwarfRegisters ToDwarf(in Syscope.Kernel.Abi.UserRegs u)
    {
        var r = new DwarfRegisters();
        r.Set(0, u.Rax); r.Set(1, u.Rdx); r.Set(2, u.Rcx); r.Set(3, u.Rbx);
        r.Set(4, u.Rsi); r.Set(5, u.Rdi); r.Set(6, u.Rbp); r.Set(7, u.Rsp);
        r.Set(8, u.R8); r.Set(9, u.R9); r.Set(10, u.R10); r.Set(11, u.R11);
        r.Set(12, u.R12); r.Set(13, u.R13); r.Set(14, u.R14); r.Set(15, u.R15);
        r.Set(DwarfRegisters.Rip, u.Rip);
        return r;
    }
}
