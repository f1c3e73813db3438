namespace Syscope.Decoding.Constants;

/// <summary>&lt;linux/ptp_clock.h&gt;: the flags and pin functions of PTP hardware clock requests.</summary>
internal static class PtpConstants
{
    /// <summary>PTP_EXTTS_REQUEST's flags.</summary>
    public static readonly FlagSet ExttsFlags = new("PTP_???", null,
        new(0x1, "PTP_ENABLE_FEATURE"), new(0x2, "PTP_RISING_EDGE"), new(0x4, "PTP_FALLING_EDGE"), new(0x8, "PTP_STRICT_FLAGS"));

    public const uint PeroutDutyCycle = 0x2, PeroutPhase = 0x4;

    /// <summary>PTP_PEROUT_REQUEST's flags.</summary>
    public static readonly FlagSet PeroutFlags = new("PTP_PEROUT_???", null,
        new(0x1, "PTP_PEROUT_ONE_SHOT"), new(PeroutDutyCycle, "PTP_PEROUT_DUTY_CYCLE"), new(PeroutPhase, "PTP_PEROUT_PHASE"));

    /// <summary>enum ptp_pin_function.</summary>
    public static readonly ValueSet PinFunctions = new("PTP_PF_???", false,
        new(0, "PTP_PF_NONE"), new(1, "PTP_PF_EXTTS"), new(2, "PTP_PF_PEROUT"), new(3, "PTP_PF_PHYSYNC"));
}
