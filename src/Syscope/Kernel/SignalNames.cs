using System.Text;

namespace Syscope.Kernel;

/// <summary>x86_64 signal numbers (&lt;asm/signal.h&gt;) and the names tracers print for them.
/// glibc reserves 32 and 33, so real-time signals are named from SIGRTMIN (32) on, as strace does.</summary>
internal static class SignalNames
{
    public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7;
    public const int SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13;
    public const int SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20;
    public const int SIGTTIN = 21, SIGTTOU = 22, SIGSYS = 31, SIGRTMIN = 32, MaxSignal = 64;

    private static readonly string[] s_classic =
    [
        "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    private static readonly string[] s_names = BuildNames();
    private static readonly byte[][] s_utf8 = Array.ConvertAll(s_names, n => Encoding.ASCII.GetBytes(n));

    private static string[] BuildNames()
    {
        var names = new string[MaxSignal + 1];
        for (int i = 0; i <= MaxSignal; i++)
            names[i] = i < s_classic.Length ? s_classic[i] : i == SIGRTMIN ? "SIGRTMIN" : $"SIGRT_{i - SIGRTMIN}";
        return names;
    }

    /// <summary>"SIGINT", or the bare number for values outside 1..64.</summary>
    public static string Name(int sig) => sig > 0 && sig <= MaxSignal ? s_names[sig] : sig.ToString();

    public static ReadOnlySpan<byte> NameUtf8(int sig) => sig > 0 && sig <= MaxSignal ? s_utf8[sig] : default;

    public static bool IsStopSignal(int sig) => sig is SIGSTOP or SIGTSTP or SIGTTIN or SIGTTOU;

    /// <summary>Accepts "SIGINT", "INT", "int" or "2".</summary>
    public static int Parse(string text)
    {
        if (int.TryParse(text, out int n)) return n is > 0 and <= MaxSignal ? n : -1;
        string up = text.ToUpperInvariant();
        if (!up.StartsWith("SIG")) up = "SIG" + up;
        return Array.IndexOf(s_names, up) is var i and > 0 ? i : -1;
    }
}
