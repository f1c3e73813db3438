namespace Syscope.Decoding.Constants;

/// <summary>struct termios fields (&lt;asm-generic/termbits.h&gt;), in strace's order.</summary>
internal static class TermiosConstants
{
    public static readonly FlagSet InputFlags = new("I???", null,
        new(0x1, "IGNBRK"), new(0x2, "BRKINT"), new(0x4, "IGNPAR"), new(0x8, "PARMRK"), new(0x10, "INPCK"),
        new(0x20, "ISTRIP"), new(0x40, "INLCR"), new(0x80, "IGNCR"), new(0x100, "ICRNL"), new(0x200, "IUCLC"),
        new(0x400, "IXON"), new(0x800, "IXANY"), new(0x1000, "IXOFF"), new(0x2000, "IMAXBEL"), new(0x4000, "IUTF8"));

    public static readonly FlagSet OutputFlags = new("O???", null,
        new(0x1, "OPOST"), new(0x2, "OLCUC"), new(0x4, "ONLCR"), new(0x8, "OCRNL"), new(0x10, "ONOCR"),
        new(0x20, "ONLRET"), new(0x40, "OFILL"), new(0x80, "OFDEL"));

    /// <summary>The output delay fields, each a small number under its mask, printed before the flags.</summary>
    public static readonly (ulong Mask, int Shift, string[] Names)[] OutputDelays =
    [
        (0x100, 8, ["NL0", "NL1"]),
        (0x600, 9, ["CR0", "CR1", "CR2", "CR3"]),
        (0x1800, 11, ["TAB0", "TAB1", "TAB2", "XTABS"]),
        (0x2000, 13, ["BS0", "BS1"]),
        (0x4000, 14, ["VT0", "VT1"]),
        (0x8000, 15, ["FF0", "FF1"]),
    ];

    public const ulong OutputDelayMask = 0xff00, BaudMask = 0x100f, SizeMask = 0x30;
    public const int InputBaudShift = 16;

    public static readonly ValueSet Speeds = new("B???", false,
        new(0, "B0"), new(1, "B50"), new(2, "B75"), new(3, "B110"), new(4, "B134"), new(5, "B150"), new(6, "B200"),
        new(7, "B300"), new(8, "B600"), new(9, "B1200"), new(10, "B1800"), new(11, "B2400"), new(12, "B4800"),
        new(13, "B9600"), new(14, "B19200"), new(15, "B38400"), new(0x1001, "B57600"), new(0x1002, "B115200"),
        new(0x1003, "B230400"), new(0x1004, "B460800"), new(0x1005, "B500000"), new(0x1006, "B576000"),
        new(0x1007, "B921600"), new(0x1008, "B1000000"), new(0x1009, "B1152000"), new(0x100a, "B1500000"),
        new(0x100b, "B2000000"), new(0x100c, "B2500000"), new(0x100d, "B3000000"), new(0x100e, "B3500000"),
        new(0x100f, "B4000000"));

    public static readonly ValueSet CharSizes = new("CS???", false,
        new(0x0, "CS5"), new(0x10, "CS6"), new(0x20, "CS7"), new(0x30, "CS8"));

    public static readonly FlagSet ControlFlags = new("C???", null,
        new(0x40, "CSTOPB"), new(0x80, "CREAD"), new(0x100, "PARENB"), new(0x200, "PARODD"), new(0x400, "HUPCL"),
        new(0x800, "CLOCAL"), new(0x40000000, "CMSPAR"), new(0x80000000, "CRTSCTS"));

    public static readonly FlagSet LocalFlags = new("???", null,
        new(0x1, "ISIG"), new(0x2, "ICANON"), new(0x4, "XCASE"), new(0x8, "ECHO"), new(0x10, "ECHOE"),
        new(0x20, "ECHOK"), new(0x40, "ECHONL"), new(0x80, "NOFLSH"), new(0x8000, "IEXTEN"), new(0x200, "ECHOCTL"),
        new(0x400, "ECHOPRT"), new(0x800, "ECHOKE"), new(0x1000, "FLUSHO"), new(0x4000, "PENDIN"),
        new(0x100, "TOSTOP"), new(0x10000, "EXTPROC"));

    /// <summary>TIOCM_* modem lines (TIOCMGET/TIOCMSET).</summary>
    public static readonly FlagSet ModemLines = new("TIOCM_???", null,
        new(0x1, "TIOCM_LE"), new(0x2, "TIOCM_DTR"), new(0x4, "TIOCM_RTS"), new(0x8, "TIOCM_ST"), new(0x10, "TIOCM_SR"),
        new(0x20, "TIOCM_CTS"), new(0x40, "TIOCM_CAR"), new(0x80, "TIOCM_RNG"), new(0x100, "TIOCM_DSR"),
        new(0x2000, "TIOCM_OUT1"), new(0x4000, "TIOCM_OUT2"), new(0x8000, "TIOCM_LOOP"));

    /// <summary>&lt;linux/tty.h&gt; line disciplines.</summary>
    public static readonly ValueSet LineDisciplines = new("N_???", false,
        new(0, "N_TTY"), new(1, "N_SLIP"), new(2, "N_MOUSE"), new(3, "N_PPP"), new(4, "N_STRIP"), new(5, "N_AX25"),
        new(6, "N_X25"), new(7, "N_6PACK"), new(8, "N_MASC"), new(9, "N_R3964"), new(10, "N_PROFIBUS_FDL"),
        new(11, "N_IRDA"), new(12, "N_SMSBLOCK"), new(13, "N_HDLC"), new(14, "N_SYNC_PPP"), new(15, "N_HCI"),
        new(16, "N_GIGASET_M101"), new(17, "N_SLCAN"), new(18, "N_PPS"), new(19, "N_V253"), new(20, "N_CAIF"),
        new(21, "N_GSM0710"), new(22, "N_TI_WL"), new(23, "N_TRACESINK"), new(24, "N_TRACEROUTER"),
        new(25, "N_NCI"), new(26, "N_SPEAKUP"), new(27, "N_NULL"), new(28, "N_MCTP"), new(29, "N_DEVELOPMENT"),
        new(30, "N_CAN327"));

    /// <summary>c_cc indexes; the kernel's array has 19 slots, the last two unnamed.</summary>
    public static readonly string[] ControlChars =
    [
        "VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART", "VSTOP", "VSUSP",
        "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
    ];
}
