namespace Syscope.Decoding.Constants;

/// <summary>&lt;mtd/ubi-user.h&gt;: volume types, flags and properties, and the obsolete data types.</summary>
internal static class UbiConstants
{
    public static readonly ValueSet VolumeTypes = new("UBI_???_VOLUME", false,
        new(3, "UBI_DYNAMIC_VOLUME"), new(4, "UBI_STATIC_VOLUME"));

    public static readonly FlagSet VolumeFlags = new("UBI_VOL_???", null, new Named(0x1, "UBI_VOL_SKIP_CRC_CHECK_FLG"));

    public static readonly ValueSet VolumeProperties = new("UBI_VOL_PROP_???", false, new Named(1, "UBI_VOL_PROP_DIRECT_WRITE"));

    /// <summary>The data types older kernels took with eraseblock changes and maps.</summary>
    public static readonly ValueSet DataTypes = new("UBI_???", false,
        new(1, "UBI_LONGTERM"), new(2, "UBI_SHORTTERM"), new(3, "UBI_UNKNOWN"));
}
