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

    // pthread_sigmask returns the error number instead of setting errno.
    [LibraryImport("libc", EntryPoint = "pthread_sigmask")]
    private static partial int PthreadSigmask(int how, Sigset* set, Sigset* old);

    private const int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

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

    /// <summary>The signals blocked when syscope started (the runtime keeps the main thread's mask):
    /// a started command inherits them blocked, as it would without syscope in between (strace's
    /// child inherits strace's mask).</summary>
    public static Sigset BlockedAtStart { get; private set; }

    /// <summary>Remembers the calling (main) thread's mask as <see cref="BlockedAtStart"/>.</summary>
    public static void RememberStartMask()
    {
        Sigset mask;
        int error = PthreadSigmask(SIG_BLOCK, null, &mask);
        if (error != 0) throw new SyscallException("pthread_sigmask", error);
        BlockedAtStart = mask;
    }

    /// <summary>Sets the calling thread's mask.</summary>
    public static void SetMask(Sigset mask)
    {
        int error = PthreadSigmask(SIG_SETMASK, &mask, null);
        if (error != 0) throw new SyscallException("pthread_sigmask", error);
    }

    /// <summary>Unblocks one signal in the calling thread (to die of it: it may have been blocked
    /// since syscope started).</summary>
    public static void Unblock(int sig)
    {
        Sigset one = default;
        one.Add(sig);
        int error = PthreadSigmask(SIG_UNBLOCK, &one, null);
        if (error != 0) throw new SyscallException("pthread_sigmask", error);
    }

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
