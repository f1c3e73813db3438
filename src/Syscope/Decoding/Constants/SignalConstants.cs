namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets of signal calls (&lt;asm/signal.h&gt;, &lt;asm-generic/signal-defs.h&gt;).</summary>
internal static class SignalConstants
{
    /// <summary>sa_flags in strace's order.</summary>
    public static readonly FlagSet SaFlags = new("SA_???", null,
        new(0x04000000, "SA_RESTORER"), new(0x08000000, "SA_ONSTACK"), new(0x10000000, "SA_RESTART"),
        new(0x20000000, "SA_INTERRUPT"), new(0x40000000, "SA_NODEFER"), new(0x80000000, "SA_RESETHAND"),
        new(4, "SA_SIGINFO"), new(1, "SA_NOCLDSTOP"), new(2, "SA_NOCLDWAIT"));

    public const ulong SA_RESTORER = 0x04000000;

    public static readonly ValueSet Handlers = new("SIG_???", false,
        new(0, "SIG_DFL"), new(1, "SIG_IGN"), new(ulong.MaxValue, "SIG_ERR"));

    public static readonly ValueSet MaskHow = new("SIG_???", false,
        new(0, "SIG_BLOCK"), new(1, "SIG_UNBLOCK"), new(2, "SIG_SETMASK"));

    /// <summary>sigaltstack ss_flags.</summary>
    public static readonly FlagSet StackFlags = new("SS_???", null,
        new(1, "SS_ONSTACK"), new(2, "SS_DISABLE"), new(0x80000000, "SS_AUTODISARM"));
}
