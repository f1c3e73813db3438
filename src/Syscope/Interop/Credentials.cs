using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>The caller's identity, for choices that depend on privilege.</summary>
internal static partial class Credentials
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUid();
}
