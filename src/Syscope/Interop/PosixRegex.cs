using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>
/// glibc's POSIX regular expressions (regcomp/regexec/regerror/regfree), the engine pgrep
/// matches with: using it rather than translating ERE into .NET's dialect keeps every corner of
/// the syntax (bracket expressions, [[:classes:]], \&lt; \&gt;, back references, what is an error) and
/// the error words exactly as pgrep has them.  Matching works on bytes, in the C locale.
/// </summary>
public sealed unsafe partial class PosixRegex : IDisposable
{
    public const int REG_EXTENDED = 1, REG_ICASE = 2, REG_NOSUB = 8;

    // sizeof(regex_t) on x86_64 glibc is 64; the buffer is larger so a wider layout cannot overrun.
    private const int RegexTSize = 128;

    [LibraryImport("libc", EntryPoint = "regcomp")]
    private static partial int RegComp(byte* preg, byte* pattern, int cflags);

    [LibraryImport("libc", EntryPoint = "regexec")]
    private static partial int RegExec(byte* preg, byte* text, nuint nmatch, nint pmatch, int eflags);

    [LibraryImport("libc", EntryPoint = "regerror")]
    private static partial nuint RegError(int errcode, byte* preg, byte* buffer, nuint size);

    [LibraryImport("libc", EntryPoint = "regfree")]
    private static partial void RegFree(byte* preg);

    private byte* _compiled;

    private PosixRegex(byte* compiled) => _compiled = compiled;

    /// <summary>The compiled pattern (its bytes), or null with regerror's message.</summary>
    public static PosixRegex? TryCompile(ReadOnlySpan<byte> pattern, int flags, out string problem)
    {
        problem = "";
        byte* preg = (byte*)NativeMemory.AllocZeroed(RegexTSize);
        byte[] text = Terminated(pattern);
        int rc;
        fixed (byte* p = text) rc = RegComp(preg, p, flags);
        if (rc == 0) return new PosixRegex(preg);
        byte* buffer = stackalloc byte[256];
        RegError(rc, preg, buffer, 256);
        problem = Marshal.PtrToStringUTF8((nint)buffer) ?? "";
        NativeMemory.Free(preg);
        return null;
    }

    /// <summary>Whether the pattern matches somewhere in the text (its bytes; a NUL ends it).</summary>
    public bool IsMatch(ReadOnlySpan<byte> text)
    {
        ObjectDisposedException.ThrowIf(_compiled == null, this);
        byte[] terminated = Terminated(text);
        fixed (byte* t = terminated) return RegExec(_compiled, t, 0, 0, 0) == 0;
    }

    private static byte[] Terminated(ReadOnlySpan<byte> bytes)
    {
        var copy = new byte[bytes.Length + 1];
        bytes.CopyTo(copy);
        return copy;
    }

    public void Dispose()
    {
        if (_compiled == null) return;
        RegFree(_compiled);
        NativeMemory.Free(_compiled);
        _compiled = null;
    }
}
