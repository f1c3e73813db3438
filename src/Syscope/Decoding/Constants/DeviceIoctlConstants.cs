namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets inside the arguments of device ioctls: infrared remotes
/// (&lt;linux/lirc.h&gt;) and the console's keyboard and display (&lt;linux/kd.h&gt;, &lt;linux/keyboard.h&gt;).</summary>
internal static class DeviceIoctlConstants
{
    /// <summary>&lt;linux/lirc.h&gt; LIRC_CAN_* (LIRC_GET_FEATURES), in strace's order.</summary>
    public static readonly FlagSet LircFeatures = new("LIRC_CAN_???", null,
        new(0x2, "LIRC_CAN_SEND_PULSE"), new(0x10, "LIRC_CAN_SEND_LIRCCODE"), new(0x100, "LIRC_CAN_SET_SEND_CARRIER"),
        new(0x200, "LIRC_CAN_SET_SEND_DUTY_CYCLE"), new(0x400, "LIRC_CAN_SET_TRANSMITTER_MASK"),
        new(0x40000, "LIRC_CAN_REC_MODE2"), new(0x80000, "LIRC_CAN_REC_SCANCODE"), new(0x100000, "LIRC_CAN_REC_LIRCCODE"),
        new(0x1000000, "LIRC_CAN_SET_REC_CARRIER"), new(0x2000000, "LIRC_CAN_MEASURE_CARRIER"),
        new(0x4000000, "LIRC_CAN_USE_WIDEBAND_RECEIVER"), new(0x10000000, "LIRC_CAN_SET_REC_TIMEOUT"),
        new(0x20000000, "LIRC_CAN_GET_REC_RESOLUTION"), new(0x80000000, "LIRC_CAN_SET_REC_CARRIER_RANGE"));

    /// <summary>&lt;linux/lirc.h&gt; LIRC_MODE_*.</summary>
    public static readonly ValueSet LircModes = new("LIRC_MODE_???", false,
        new(0x1, "LIRC_MODE_RAW"), new(0x2, "LIRC_MODE_PULSE"), new(0x4, "LIRC_MODE_MODE2"), new(0x8, "LIRC_MODE_SCANCODE"),
        new(0x10, "LIRC_MODE_LIRCCODE"));

    /// <summary>&lt;linux/kd.h&gt; LED_* (KDGETLED/KDSETLED).</summary>
    public static readonly FlagSet Leds = new("LED_???", null, new(0x1, "LED_SCR"), new(0x2, "LED_NUM"), new(0x4, "LED_CAP"));

    /// <summary>The keyboard's default LED flags (KDGKBLED/KDSKBLED): LED_* and the same shifted by 4.</summary>
    public static readonly FlagSet DefaultLeds = new("LED_???", null,
        new(0x1, "LED_SCR"), new(0x2, "LED_NUM"), new(0x4, "LED_CAP"),
        new(0x10, "LED_SCR<<4"), new(0x20, "LED_NUM<<4"), new(0x40, "LED_CAP<<4"));

    /// <summary>&lt;linux/kd.h&gt; KB_* keyboard types (KDGKBTYPE).</summary>
    public static readonly ValueSet KeyboardTypes = new("KB_???", false, new(0x1, "KB_84"), new(0x2, "KB_101"), new(0x3, "KB_OTHER"));

    /// <summary>&lt;linux/kd.h&gt; KD_* display modes (KDSETMODE/KDGETMODE).</summary>
    public static readonly ValueSet DisplayModes = new("KD_???", false,
        new(0x0, "KD_TEXT"), new(0x1, "KD_GRAPHICS"), new(0x2, "KD_TEXT0"), new(0x3, "KD_TEXT1"));

    /// <summary>&lt;linux/kd.h&gt; K_* keyboard modes (KDGKBMODE/KDSKBMODE), numbered in decimal.</summary>
    public static readonly ValueSet KeyboardModes = new("K_???", true,
        new(0, "K_RAW"), new(1, "K_XLATE"), new(2, "K_MEDIUMRAW"), new(3, "K_UNICODE"), new(4, "K_OFF"));

    /// <summary>&lt;linux/kd.h&gt; K_METABIT, K_ESCPREFIX (KDGKBMETA/KDSKBMETA).</summary>
    public static readonly ValueSet MetaModes = new("K_???", false, new(0x3, "K_METABIT"), new(0x4, "K_ESCPREFIX"));

    /// <summary>&lt;linux/kd.h&gt; the four keymaps strace names by table (kbentry's kb_table).</summary>
    public static readonly ValueSet KeyTables = new("K_???", false,
        new(0, "K_NORMTAB"), new(1, "K_SHIFTTAB"), new(2, "K_ALTTAB"), new(3, "K_ALTSHIFTTAB"));

    /// <summary>&lt;linux/keyboard.h&gt; KG_* modifiers: the other keymaps, by the modifiers selecting them.</summary>
    public static readonly FlagSet KeymapModifiers = new("K_???", null,
        new(1 << 0, "1<<KG_SHIFT"), new(1 << 1, "1<<KG_ALTGR"), new(1 << 2, "1<<KG_CTRL"), new(1 << 3, "1<<KG_ALT"),
        new(1 << 4, "1<<KG_SHIFTL"), new(1 << 5, "1<<KG_SHIFTR"), new(1 << 6, "1<<KG_CTRLL"), new(1 << 7, "1<<KG_CTRLR"));

    /// <summary>&lt;linux/kd.h&gt; KD_FONT_OP_* (KDFONTOP).</summary>
    public static readonly ValueSet FontOps = new("KD_FONT_OP_???", false,
        new(0, "KD_FONT_OP_SET"), new(1, "KD_FONT_OP_GET"), new(2, "KD_FONT_OP_SET_DEFAULT"), new(3, "KD_FONT_OP_COPY"));

    /// <summary>&lt;linux/kd.h&gt; KD_FONT_FLAG_* (KDFONTOP).</summary>
    public static readonly FlagSet FontFlags = new("KD_FONT_FLAG_???", null,
        new(0x1, "KD_FONT_FLAG_DONT_RECALC"), new(0x80000000, "KD_FONT_FLAG_OLD"));
}
