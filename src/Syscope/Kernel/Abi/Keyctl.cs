using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <linux/keyctl.h>: the structures keyctl's Diffie-Hellman and public-key commands take.

[CLayout("struct keyctl_dh_params", "linux/keyctl.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KeyctlDhParams
{
    [CField("priv")] public int Private;
    [CField("prime")] public int Prime;
    [CField("base")] public int Base;
}

[CLayout("struct keyctl_kdf_params", "linux/keyctl.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KeyctlKdfParams
{
    [CField("hashname")] public ulong HashName;
    [CField("otherinfo")] public ulong OtherInfo;
    [CField("otherinfolen")] public uint OtherInfoLen;
    [CField("__spare")] public fixed uint Spare[8];
}

/// <summary>PKEY_ENCRYPT, DECRYPT, SIGN and VERIFY's parameters; OutLen is in2_len for VERIFY.</summary>
[CLayout("struct keyctl_pkey_params", "linux/keyctl.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KeyctlPkeyParams
{
    [CField("key_id")] public int KeyId;
    [CField("in_len")] public uint InLen;
    [CField("out_len")] public uint OutLen;
    [CField("__spare")] public fixed uint Spare[7];
}
