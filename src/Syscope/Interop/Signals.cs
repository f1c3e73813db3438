using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>Signal sending and disposition calls of libc.</summary>
internal static unsafe partial class Signals
{
    private const nint SIG_IGN = 1;

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static partial int SigactionRaw(int sig, LibcSigaction* action, LibcSigaction* old);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillRaw(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static partial nint SignalRaw(int sig, nint handler);

    [LibraryImport("libc", EntryPoint = "sigqueue", SetLastError = true)]
    private static partial int SigqueueRaw(int pid, int sig, nint value);

    [LibraryImport("libc", EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport("libc", EntryPoint = "gettid")]
    public static partial int GetTid();

    /// <summary>Returns 0 or the negated errno.</summary>
    public static int Kill(int pid, int sig) => KillRaw(pid, sig) == 0 ? 0 : -SyscallException.LastErrno();

    /// <summary>Puts a signal back to its default action (SIG_DFL is 0); 0 or the negated errno.</summary>
    public static int SetDefault(int sig) => SignalRaw(sig, 0) == -1 ? -SyscallException.LastErrno() : 0;

    /// <summary>sigqueue(3) with an integer value (pkill -q); returns 0 or the negated errno.
    /// union sigval is passed in one register, its int in the low half.</summary>
    public static int Queue(int pid, int sig, int value) => SigqueueRaw(pid, sig, (nint)(uint)value) == 0 ? 0 : -SyscallException.LastErrno();

    /// <summary>Signals that were ignored when syscope started and that <see cref="UnignoreAtStart"/>
    /// set back to their default, as a bit mask (bit sig-1).</summary>
    public static ulong IgnoredAtStart { get; private set; }

    /// <summary>Sets each of these signals that syscope inherited as ignored back to its default
    /// action, and remembers which they were.  Must run before the runtime looks at them: it leaves
    /// an inherited SIG_IGN alone, and would then never deliver them to a PosixSignalRegistration.</summary>
    public static void UnignoreAtStart(ReadOnlySpan<int> signals)
    {
        foreach (int sig in signals)
        {
            LibcSigaction old;
            if (SigactionRaw(sig, null, &old) != 0) throw SyscallException.FromLast("sigaction");
            if (old.Handler != SIG_IGN) continue;
            LibcSigaction dfl = default;   // SIG_DFL
            if (SigactionRaw(sig, &dfl, null) != 0) throw SyscallException.FromLast("sigaction");
            IgnoredAtStart |= 1UL << (sig - 1);
        }
    }

    /// <summary>Ignores the signals of <see cref="IgnoredAtStart"/> again until disposed, so that a
    /// child spawned meanwhile inherits them ignored, as it would have without syscope in between;
    /// disposing puts syscope's own handlers back exactly.</summary>
    public static IDisposable IgnoreAsAtStart() => new StartIgnores(IgnoredAtStart);

    private sealed class StartIgnores : IDisposable
    {
        private readonly ulong _mask;
        private readonly LibcSigaction[] _saved = new LibcSigaction[64];

        public StartIgnores(ulong mask)
        {
            _mask = mask;
            LibcSigaction ignore = default;
            ignore.Handler = SIG_IGN;
            fixed (LibcSigaction* saved = _saved)
                for (int sig = 1; sig <= 64; sig++)
                    if ((mask & (1UL << (sig - 1))) != 0 && SigactionRaw(sig, &ignore, &saved[sig - 1]) != 0)
                        throw SyscallException.FromLast("sigaction");
        }

        public void Dispose()
        {
            fixed (LibcSigaction* saved = _saved)
                for (int sig = 1; sig <= 64; sig++)
                    if ((_mask & (1UL << (sig - 1))) != 0) SigactionRaw(sig, &saved[sig - 1], null);
        }
    }
}
