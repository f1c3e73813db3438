using System.Runtime.InteropServices;

namespace Syscope.Interop;

/// <summary>
/// glibc's POSIX regular expressions (regcomp/regexec/regerror/regfree), the engine pgrep
/// matches with: using it rather than translating ERE into .NET's dialect keeps every corner of
/// the syntax (bracket expressions, [[:classes:]], \&lt; \&gt;, back references, what is an error) and
/// the error words exactly as pgrep has them.  Like pgrep (setlocale(LC_ALL, "")), patterns are
/// compiled and matched in the user's locale (LC_ALL, LC_CTYPE, LANG), switched to on this thread
/// only for the call: in C.UTF-8 '.' is one character of a UTF-8 name, in C one byte.
/// </summary>
internal sealed unsafe partial class PosixRegex : IDisposable
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

    [LibraryImport("libc", EntryPoint = "newlocale")]
    private static partial nint NewLocale(int categoryMask, byte* name, nint base_);

    [LibraryImport("libc", EntryPoint = "uselocale")]
    private static partial nint UseLocale(nint locale);

    private const int LC_CTYPE_MASK = 1 << 0, LC_COLLATE_MASK = 1 << 3;

    /// <summary>The user's character classes and collation, or 0 (the C locale) when the
    /// environment names a locale that is not installed.</summary>
    private static readonly nint s_userLocale = UserLocale();

    private static nint UserLocale()
    {
        byte empty = 0;
        return NewLocale(LC_CTYPE_MASK | LC_COLLATE_MASK, &empty, 0);
    }

    /// <summary>Switches this thread to the user's locale; returns the locale to restore.</summary>
    private static nint EnterUserLocale() => s_userLocale == 0 ? 0 : UseLocale(s_userLocale);

    private static void Leave(nint previous)
    {
        if (previous != 0) UseLocale(previous);
    }

    private byte* _compiled;

    private PosixRegex(byte* compiled) => _compiled = compiled;

    /// <summary>The compiled pattern (its bytes), or null with regerror's message.</summary>
    public static PosixRegex? TryCompile(ReadOnlySpan<byte> pattern, int flags, out string problem)
    {
        problem = "";
        byte* preg = (byte*)NativeMemory.AllocZeroed(RegexTSize);
        byte[] text = Terminated(pattern);
        int rc;
        nint previous = EnterUserLocale();
        try
        {
            fixed (byte* p = text) rc = RegComp(preg, p, flags);
        }
        finally { Leave(previous); }
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
        nint previous = EnterUserLocale();
        try
        {
            fixed (byte* t = terminated) return RegExec(_compiled, t, 0, 0, 0) == 0;
        }
        finally { Leave(previous); }
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
