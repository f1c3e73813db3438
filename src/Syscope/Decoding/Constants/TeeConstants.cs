namespace Syscope.Decoding.Constants;

/// <summary>&lt;linux/tee.h&gt;: the values TEE requests carry (the shared memory flags and result
/// origins are the kernel's and the GlobalPlatform client API's, not in the UAPI header).</summary>
internal static class TeeConstants
{
    public const uint ImplOptee = 1;
    public const ulong AttrMeta = 0x100;
    public const ulong AttrNone = 0, AttrMemrefInput = 5, AttrMemrefOutput = 6, AttrMemrefInout = 7;
    public const uint LoginGroup = 2, LoginGroupApplication = 6;

    public static readonly ValueSet ImplIds = new("TEE_IMPL_ID_???", false,
        new(ImplOptee, "TEE_IMPL_ID_OPTEE"), new(2, "TEE_IMPL_ID_AMDTEE"));

    public static readonly FlagSet GenCaps = new("TEE_GEN_CAP_???", null,
        new(1, "TEE_GEN_CAP_GP"), new(2, "TEE_GEN_CAP_PRIVILEGED"), new(4, "TEE_GEN_CAP_REG_MEM"), new(8, "TEE_GEN_CAP_MEMREF_NULL"));

    public static readonly FlagSet OpteeCaps = new("TEE_OPTEE_CAP_???", null, new Named(1, "TEE_OPTEE_CAP_TZ"));

    public static readonly ValueSet LoginTypes = new("TEE_IOCTL_LOGIN_???", false,
        new(0, "TEE_IOCTL_LOGIN_PUBLIC"), new(1, "TEE_IOCTL_LOGIN_USER"), new(LoginGroup, "TEE_IOCTL_LOGIN_GROUP"),
        new(4, "TEE_IOCTL_LOGIN_APPLICATION"), new(5, "TEE_IOCTL_LOGIN_USER_APPLICATION"),
        new(LoginGroupApplication, "TEE_IOCTL_LOGIN_GROUP_APPLICATION"));

    public static readonly ValueSet Origins = new("TEEC_ORIGIN_???", false,
        new(1, "TEEC_ORIGIN_API"), new(2, "TEEC_ORIGIN_COMMS"), new(3, "TEEC_ORIGIN_TEE"), new(4, "TEEC_ORIGIN_TRUSTED_APP"));

    /// <summary>A parameter's type (its attr without TEE_IOCTL_PARAM_ATTR_META); strace's word for
    /// an unknown one is the prefix alone.</summary>
    public static readonly ValueSet ParamTypes = new("TEE_IOCTL_PARAM_ATTR_", false,
        new(AttrNone, "TEE_IOCTL_PARAM_ATTR_TYPE_NONE"), new(1, "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT"),
        new(2, "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT"), new(3, "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT"),
        new(AttrMemrefInput, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT"), new(AttrMemrefOutput, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT"),
        new(AttrMemrefInout, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT"), new(AttrMeta, "TEE_IOCTL_PARAM_ATTR_META"));

    public static readonly FlagSet ShmFlags = new("TEE_IOCTL_SHM_???", null,
        new(0x1, "TEE_IOCTL_SHM_MAPPED"), new(0x2, "TEE_IOCTL_SHM_DMA_BUF"), new(0x4, "TEE_IOCTL_SHM_EXT_DMA_BUF"),
        new(0x8, "TEE_IOCTL_SHM_REGISTER"), new(0x10, "TEE_IOCTL_SHM_USER_MAPPED"), new(0x20, "TEE_IOCTL_SHM_POOL"),
        new(0x40, "TEE_IOCTL_SHM_KERNEL_MAPPED"));
}
