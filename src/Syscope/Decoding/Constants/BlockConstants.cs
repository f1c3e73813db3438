namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets of block device requests: partitions (&lt;linux/blkpg.h&gt;), loop
/// devices (&lt;linux/loop.h&gt;) and network block devices (&lt;linux/nbd.h&gt;).</summary>
internal static class BlockConstants
{
    /// <summary>BLKPG_* operations.</summary>
    public static readonly ValueSet BlkpgOps = new("BLKPG_???", false,
        new(1, "BLKPG_ADD_PARTITION"), new(2, "BLKPG_DEL_PARTITION"), new(3, "BLKPG_RESIZE_PARTITION"));

    /// <summary>LO_CRYPT_* (the obsolete encryption types).</summary>
    public static readonly ValueSet LoopCryptTypes = new("LO_CRYPT_???", false,
        new(0, "LO_CRYPT_NONE"), new(1, "LO_CRYPT_XOR"), new(2, "LO_CRYPT_DES"), new(3, "LO_CRYPT_FISH2"),
        new(4, "LO_CRYPT_BLOW"), new(5, "LO_CRYPT_CAST128"), new(6, "LO_CRYPT_IDEA"), new(9, "LO_CRYPT_DUMMY"),
        new(10, "LO_CRYPT_SKIPJACK"), new(18, "LO_CRYPT_CRYPTOAPI"));

    /// <summary>LO_FLAGS_*.</summary>
    public static readonly FlagSet LoopFlags = new("LO_FLAGS_???", null,
        new(1, "LO_FLAGS_READ_ONLY"), new(4, "LO_FLAGS_AUTOCLEAR"), new(8, "LO_FLAGS_PARTSCAN"), new(16, "LO_FLAGS_DIRECT_IO"));

    /// <summary>NBD_FLAG_* (NBD_SET_FLAGS), the bits strace 6.1 names.</summary>
    public static readonly FlagSet NbdFlags = new("NBD_FLAG_???", null,
        new(1 << 0, "NBD_FLAG_HAS_FLAGS"), new(1 << 1, "NBD_FLAG_READ_ONLY"), new(1 << 2, "NBD_FLAG_SEND_FLUSH"),
        new(1 << 3, "NBD_FLAG_SEND_FUA"), new(1 << 4, "NBD_FLAG_ROTATIONAL"), new(1 << 5, "NBD_FLAG_SEND_TRIM"), new(1 << 6, "NBD_FLAG_SEND_WRITE_ZEROES"),
        new(1 << 7, "NBD_FLAG_SEND_DF"), new(1 << 8, "NBD_FLAG_CAN_MULTI_CONN"), new(1 << 9, "NBD_FLAG_SEND_RESIZE"),
        new(1 << 10, "NBD_FLAG_SEND_CACHE"));
}
