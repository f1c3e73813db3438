namespace Syscope.Decoding.Families;

/// <summary>Calls that take file names.</summary>
internal static class FileDecoders
{
    public static void Register(Dictionary<string, SyscallDecoder> d)
    {
    }
}
