namespace Syscope.Decoding.Constants;

/// <summary>seccomp(2) (&lt;linux/seccomp.h&gt;) and classic BPF (&lt;linux/filter.h&gt;) constants:
/// the operations, the filter flags, the actions a filter returns, and the parts of a classic
/// instruction's code strace names (the sizes and operand sources are eBPF's, in BpfConstants).</summary>
internal static class SeccompConstants
{
    public const uint SetModeStrict = 0, SetModeFilter = 1, GetActionAvail = 2, GetNotifSizes = 3;

    public static readonly ValueSet Operations = new("SECCOMP_SET_MODE_???", false,
        new(SetModeStrict, "SECCOMP_SET_MODE_STRICT"), new(SetModeFilter, "SECCOMP_SET_MODE_FILTER"),
        new(GetActionAvail, "SECCOMP_GET_ACTION_AVAIL"), new(GetNotifSizes, "SECCOMP_GET_NOTIF_SIZES"));

    public static readonly FlagSet FilterFlags = new("SECCOMP_FILTER_FLAG_???", null,
        new(0x1, "SECCOMP_FILTER_FLAG_TSYNC"), new(0x2, "SECCOMP_FILTER_FLAG_LOG"), new(0x4, "SECCOMP_FILTER_FLAG_SPEC_ALLOW"),
        new(0x8, "SECCOMP_FILTER_FLAG_NEW_LISTENER"), new(0x10, "SECCOMP_FILTER_FLAG_TSYNC_ESRCH"),
        new(0x20, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"));

    /// <summary>The action in a filter's return value (SECCOMP_RET_ACTION_FULL); the rest is its data.</summary>
    public const uint ActionMask = 0xffff0000;

    public static readonly ValueSet Actions = new("SECCOMP_RET_???", false,
        new(0x80000000, "SECCOMP_RET_KILL_PROCESS"), new(0, "SECCOMP_RET_KILL_THREAD"), new(0x30000, "SECCOMP_RET_TRAP"),
        new(0x50000, "SECCOMP_RET_ERRNO"), new(0x7fc00000, "SECCOMP_RET_USER_NOTIF"), new(0x7ff00000, "SECCOMP_RET_TRACE"),
        new(0x7ffc0000, "SECCOMP_RET_LOG"), new(0x7fff0000, "SECCOMP_RET_ALLOW"));

    /// <summary>BPF_MAXINSNS: strace prints no more instructions of a program than the kernel takes.</summary>
    public const int MaxInstructions = 4096;

    public const int ClassLd = 0, ClassLdx = 1, ClassSt = 2, ClassStx = 3, ClassAlu = 4, ClassJmp = 5, ClassRet = 6, ClassMisc = 7;

    public static readonly ValueSet Classes = new("BPF_???", false,
        new(ClassLd, "BPF_LD"), new(ClassLdx, "BPF_LDX"), new(ClassSt, "BPF_ST"), new(ClassStx, "BPF_STX"), new(ClassAlu, "BPF_ALU"),
        new(ClassJmp, "BPF_JMP"), new(ClassRet, "BPF_RET"), new(ClassMisc, "BPF_MISC"));

    /// <summary>Addressing modes (code &amp; 0xe0).</summary>
    public static readonly ValueSet Modes = new("BPF_???", false,
        new(0x00, "BPF_IMM"), new(0x20, "BPF_ABS"), new(0x40, "BPF_IND"), new(0x60, "BPF_MEM"), new(0x80, "BPF_LEN"), new(0xa0, "BPF_MSH"));

    /// <summary>ALU operations (code &amp; 0xf0).</summary>
    public static readonly ValueSet AluOps = new("BPF_???", false,
        new(0x00, "BPF_ADD"), new(0x10, "BPF_SUB"), new(0x20, "BPF_MUL"), new(0x30, "BPF_DIV"), new(0x40, "BPF_OR"), new(0x50, "BPF_AND"),
        new(0x60, "BPF_LSH"), new(0x70, "BPF_RSH"), new(0x80, "BPF_NEG"), new(0x90, "BPF_MOD"), new(0xa0, "BPF_XOR"));

    /// <summary>Jump operations (code &amp; 0xf0); BPF_JA jumps by k and prints as a statement.</summary>
    public const int JumpAlways = 0x00;

    public static readonly ValueSet JmpOps = new("BPF_???", false,
        new(JumpAlways, "BPF_JA"), new(0x10, "BPF_JEQ"), new(0x20, "BPF_JGT"), new(0x30, "BPF_JGE"), new(0x40, "BPF_JSET"));

    /// <summary>What BPF_RET returns (code &amp; 0x18).</summary>
    public static readonly ValueSet ReturnValues = new("BPF_???", false, new(0x00, "BPF_K"), new(0x08, "BPF_X"), new(0x10, "BPF_A"));

    /// <summary>BPF_MISC operations (code &amp; 0xf8).</summary>
    public static readonly ValueSet MiscOps = new("BPF_???", false, new(0x00, "BPF_TAX"), new(0x80, "BPF_TXA"));
}
