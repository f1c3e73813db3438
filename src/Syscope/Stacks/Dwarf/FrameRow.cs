using System.Runtime.CompilerServices;

namespace Syscope.Stacks.Dwarf;

/// <summary>How to find a register's value in the caller (DWARF's register rules).</summary>
internal enum RuleKind : byte
{
    /// <summary>Unchanged (what x86_64 code assumes of a register no rule mentions).</summary>
    SameValue,
    Undefined,
    /// <summary>Saved at CFA + Value.</summary>
    Offset,
    /// <summary>Is CFA + Value.</summary>
    ValOffset,
    /// <summary>Is in register Value.</summary>
    Register,
    /// <summary>Saved at the address the expression computes (CFA pushed first).</summary>
    Expression,
    /// <summary>Is the value the expression computes.</summary>
    ValExpression,
}

/// <summary>A register's rule; for expressions, Value is the expression's offset in the image and Length its size.</summary>
internal struct RegisterRule
{
    public RuleKind Kind;
    public int Length;
    public long Value;
}

/// <summary>The DWARF registers of x86_64 that unwinding follows: 0-15 the general registers in
/// DWARF's order (rax rdx rcx rbx rsi rdi rbp rsp r8-r15), 16 the return address.</summary>
[InlineArray(Count)]
internal struct RegisterRules
{
    public const int Count = 17;
    private RegisterRule _element0;
}

/// <summary>One row of the call-frame table: the CFA's rule and every register's.</summary>
internal struct FrameRow
{
    /// <summary>CFA = register + offset, or (when CfaExpressionLength > 0) the expression at CfaOffset.</summary>
    public int CfaRegister;
    public long CfaOffset;
    public int CfaExpressionLength;
    public RegisterRules Rules;
}
