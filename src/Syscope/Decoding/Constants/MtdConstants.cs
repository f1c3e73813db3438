namespace Syscope.Decoding.Constants;

/// <summary>&lt;mtd/mtd-abi.h&gt;: the values MTD requests carry.</summary>
internal static class MtdConstants
{
    public static readonly ValueSet FileModes = new("MTD_FILE_MODE_???", false,
        new(0, "MTD_FILE_MODE_NORMAL"), new(1, "MTD_FILE_MODE_OTP_FACTORY"), new(2, "MTD_FILE_MODE_OTP_USER"),
        new(3, "MTD_FILE_MODE_RAW"));

    public static readonly ValueSet Types = new("MTD_???", false,
        new(0, "MTD_ABSENT"), new(1, "MTD_RAM"), new(2, "MTD_ROM"), new(3, "MTD_NORFLASH"), new(4, "MTD_NANDFLASH"),
        new(6, "MTD_DATAFLASH"), new(7, "MTD_UBIVOLUME"), new(8, "MTD_MLCNANDFLASH"));

    public static readonly FlagSet Flags = new("MTD_???", null,
        new(0x400, "MTD_WRITEABLE"), new(0x800, "MTD_BIT_WRITEABLE"), new(0x1000, "MTD_NO_ERASE"),
        new(0x2000, "MTD_POWERUP_LOCK"), new(0x4000, "MTD_SLC_ON_MLC_EMULATION"));

    public static readonly ValueSet OobModes = new("MTD_OPS_???", false,
        new(0, "MTD_OPS_PLACE_OOB"), new(1, "MTD_OPS_AUTO_OOB"), new(2, "MTD_OPS_RAW"));

    public static readonly ValueSet NandEcc = new("MTD_NANDECC_???", false,
        new(0, "MTD_NANDECC_OFF"), new(1, "MTD_NANDECC_PLACE"), new(2, "MTD_NANDECC_AUTOPLACE"),
        new(3, "MTD_NANDECC_PLACEONLY"), new(4, "MTD_NANDECC_AUTOPL_USR"));

    public static readonly ValueSet OtpModes = new("MTD_OTP_???", false,
        new(0, "MTD_OTP_OFF"), new(1, "MTD_OTP_FACTORY"), new(2, "MTD_OTP_USER"));
}
