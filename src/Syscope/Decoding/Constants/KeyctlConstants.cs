namespace Syscope.Decoding.Constants;

/// <summary>keyctl commands, special key ids and permission bits (&lt;linux/keyctl.h&gt;).</summary>
internal static class KeyctlConstants
{
    public static readonly ValueSet Commands = new("KEYCTL_???", false,
        new(0, "KEYCTL_GET_KEYRING_ID"), new(1, "KEYCTL_JOIN_SESSION_KEYRING"), new(2, "KEYCTL_UPDATE"),
        new(3, "KEYCTL_REVOKE"), new(4, "KEYCTL_CHOWN"), new(5, "KEYCTL_SETPERM"), new(6, "KEYCTL_DESCRIBE"),
        new(7, "KEYCTL_CLEAR"), new(8, "KEYCTL_LINK"), new(9, "KEYCTL_UNLINK"), new(10, "KEYCTL_SEARCH"),
        new(11, "KEYCTL_READ"), new(12, "KEYCTL_INSTANTIATE"), new(13, "KEYCTL_NEGATE"),
        new(14, "KEYCTL_SET_REQKEY_KEYRING"), new(15, "KEYCTL_SET_TIMEOUT"), new(16, "KEYCTL_ASSUME_AUTHORITY"),
        new(17, "KEYCTL_GET_SECURITY"), new(18, "KEYCTL_SESSION_TO_PARENT"), new(19, "KEYCTL_REJECT"),
        new(20, "KEYCTL_INSTANTIATE_IOV"), new(21, "KEYCTL_INVALIDATE"), new(22, "KEYCTL_GET_PERSISTENT"),
        new(23, "KEYCTL_DH_COMPUTE"), new(24, "KEYCTL_PKEY_QUERY"), new(25, "KEYCTL_PKEY_ENCRYPT"),
        new(26, "KEYCTL_PKEY_DECRYPT"), new(27, "KEYCTL_PKEY_SIGN"), new(28, "KEYCTL_PKEY_VERIFY"),
        new(29, "KEYCTL_RESTRICT_KEYRING"), new(30, "KEYCTL_MOVE"), new(31, "KEYCTL_CAPABILITIES"),
        new(32, "KEYCTL_WATCH_KEY"));

    /// <summary>Key ids below zero name the caller's own keyrings.</summary>
    public static readonly ValueSet SpecialKeys = new("KEY_SPEC_???", true,
        new(unchecked((uint)-1), "KEY_SPEC_THREAD_KEYRING"), new(unchecked((uint)-2), "KEY_SPEC_PROCESS_KEYRING"),
        new(unchecked((uint)-3), "KEY_SPEC_SESSION_KEYRING"), new(unchecked((uint)-4), "KEY_SPEC_USER_KEYRING"),
        new(unchecked((uint)-5), "KEY_SPEC_USER_SESSION_KEYRING"), new(unchecked((uint)-6), "KEY_SPEC_GROUP_KEYRING"),
        new(unchecked((uint)-7), "KEY_SPEC_REQKEY_AUTH_KEY"), new(unchecked((uint)-8), "KEY_SPEC_REQUESTOR_KEYRING"));

    public static readonly ValueSet ReqkeyDefaults = new("KEY_REQKEY_DEFL_???", true,
        new(unchecked((uint)-1), "KEY_REQKEY_DEFL_NO_CHANGE"), new(0, "KEY_REQKEY_DEFL_DEFAULT"),
        new(1, "KEY_REQKEY_DEFL_THREAD_KEYRING"), new(2, "KEY_REQKEY_DEFL_PROCESS_KEYRING"),
        new(3, "KEY_REQKEY_DEFL_SESSION_KEYRING"), new(4, "KEY_REQKEY_DEFL_USER_KEYRING"),
        new(5, "KEY_REQKEY_DEFL_USER_SESSION_KEYRING"), new(6, "KEY_REQKEY_DEFL_GROUP_KEYRING"),
        new(7, "KEY_REQKEY_DEFL_REQUESTOR_KEYRING"));

    public static readonly FlagSet MoveFlags = new("KEYCTL_MOVE_???", null, new Named(1, "KEYCTL_MOVE_EXCL"));

    /// <summary>KEYCTL_CAPABILITIES' first and second bytes.</summary>
    public static readonly FlagSet Caps0 = new("KEYCTL_CAPS0_???", null,
        new(0x01, "KEYCTL_CAPS0_CAPABILITIES"), new(0x02, "KEYCTL_CAPS0_PERSISTENT_KEYRINGS"), new(0x04, "KEYCTL_CAPS0_DIFFIE_HELLMAN"),
        new(0x08, "KEYCTL_CAPS0_PUBLIC_KEY"), new(0x10, "KEYCTL_CAPS0_BIG_KEY"), new(0x20, "KEYCTL_CAPS0_INVALIDATE"),
        new(0x40, "KEYCTL_CAPS0_RESTRICT_KEYRING"), new(0x80, "KEYCTL_CAPS0_MOVE"));

    public static readonly FlagSet Caps1 = new("KEYCTL_CAPS1_???", null,
        new(0x01, "KEYCTL_CAPS1_NS_KEYRING_NAME"), new(0x02, "KEYCTL_CAPS1_NS_KEY_TAG"), new(0x04, "KEYCTL_CAPS1_NOTIFICATIONS"));

    public static readonly FlagSet Perms = new("KEY_???", null,
        new(0x01000000, "KEY_POS_VIEW"), new(0x02000000, "KEY_POS_READ"), new(0x04000000, "KEY_POS_WRITE"),
        new(0x08000000, "KEY_POS_SEARCH"), new(0x10000000, "KEY_POS_LINK"), new(0x20000000, "KEY_POS_SETATTR"),
        new(0x00010000, "KEY_USR_VIEW"), new(0x00020000, "KEY_USR_READ"), new(0x00040000, "KEY_USR_WRITE"),
        new(0x00080000, "KEY_USR_SEARCH"), new(0x00100000, "KEY_USR_LINK"), new(0x00200000, "KEY_USR_SETATTR"),
        new(0x00000100, "KEY_GRP_VIEW"), new(0x00000200, "KEY_GRP_READ"), new(0x00000400, "KEY_GRP_WRITE"),
        new(0x00000800, "KEY_GRP_SEARCH"), new(0x00001000, "KEY_GRP_LINK"), new(0x00002000, "KEY_GRP_SETATTR"),
        new(0x00000001, "KEY_OTH_VIEW"), new(0x00000002, "KEY_OTH_READ"), new(0x00000004, "KEY_OTH_WRITE"),
        new(0x00000008, "KEY_OTH_SEARCH"), new(0x00000010, "KEY_OTH_LINK"), new(0x00000020, "KEY_OTH_SETATTR"));
}
