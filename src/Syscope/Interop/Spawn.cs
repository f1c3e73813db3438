using System.Runtime.InteropServices;
using System.Text;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>posix_spawn(3): the runtime-safe way to start a child (no managed fork).</summary>
internal static unsafe partial class Spawn
{
    private const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;

    // posix_spawn and its attribute calls return the error number instead of setting errno.
    [LibraryImport("libc", EntryPoint = "posix_spawn")]
    private static partial int PosixSpawn(out int pid, byte* path, void* fileActions, PosixSpawnAttr* attr, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int FileActionsInit(PosixSpawnFileActions* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static partial int FileActionsAddDup2(PosixSpawnFileActions* actions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int FileActionsDestroy(PosixSpawnFileActions* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static partial int AttrInit(PosixSpawnAttr* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int AttrDestroy(PosixSpawnAttr* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int AttrSetFlags(PosixSpawnAttr* attr, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static partial int AttrSetSigMask(PosixSpawnAttr* attr, Sigset* mask);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static partial int AttrSetSigDefault(PosixSpawnAttr* attr, Sigset* mask);

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static partial int ExecveRaw(byte* path, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int UnsetEnv(string name);

    /// <summary>Sets (or with a null value removes) a variable in the C library's environment, the
    /// one a started command inherits (strace's -E): the runtime's Environment keeps a copy of
    /// its own that posix_spawn never sees.</summary>
    public static void SetEnvironment(string name, string? value)
    {
        int rc = value == null ? UnsetEnv(name) : SetEnv(name, value, 1);
        if (rc != 0) throw new SyscallException(value == null ? "unsetenv" : "setenv", Marshal.GetLastPInvokeError());
    }

    private static nint s_environ;

    /// <summary>The C library's own environment block: the one the user gave us, byte for byte.</summary>
    private static byte** Environ
    {
        get
        {
            if (s_environ == 0) s_environ = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "environ");
            return *(byte***)s_environ;
        }
    }

    /// <summary>Starts path with argv and the C library's environment, the signals blocked at
    /// syscope's start blocked (no others) and the signals listed reset to their default action
    /// (the runtime ignores SIGPIPE, a child must not).</summary>
    /// <param name="stdin">A descriptor to be the child's standard input; -1 leaves syscope's.</param>
    /// <param name="inherit">A close-on-exec descriptor the child keeps, at the same number; -1 for none.</param>
    /// <param name="stdout">A descriptor to be the child's standard output; -1 leaves syscope's.</param>
    public static int Start(string path, IReadOnlyList<string> argv, ReadOnlySpan<int> defaultSignals, int stdin = -1, int inherit = -1, int stdout = -1)
    {
        byte[] pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        var handles = new GCHandle[argv.Count];
        byte** argvPtr = stackalloc byte*[argv.Count + 1];
        Sigset mask = Signals.BlockedAtStart, defaults = default;
        foreach (int sig in defaultSignals) defaults.Add(sig);
        PosixSpawnAttr attr;
        PosixSpawnFileActions actions = default;
        Check(FileActionsInit(&actions), "posix_spawn_file_actions_init");
        if (stdin >= 0) Check(FileActionsAddDup2(&actions, stdin, 0), "posix_spawn_file_actions_adddup2");
        if (stdout >= 0) Check(FileActionsAddDup2(&actions, stdout, 1), "posix_spawn_file_actions_adddup2");
        // glibc's dup2 onto itself clears close-on-exec, as POSIX now says it must.
        if (inherit >= 0) Check(FileActionsAddDup2(&actions, inherit, inherit), "posix_spawn_file_actions_adddup2");
        Check(AttrInit(&attr), "posix_spawnattr_init");
        try
        {
            for (int i = 0; i < argv.Count; i++)
            {
                handles[i] = GCHandle.Alloc(Encoding.UTF8.GetBytes(argv[i] + "\0"), GCHandleType.Pinned);
                argvPtr[i] = (byte*)handles[i].AddrOfPinnedObject();
            }
            argvPtr[argv.Count] = null;
            Check(AttrSetFlags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK), "posix_spawnattr_setflags");
            Check(AttrSetSigMask(&attr, &mask), "posix_spawnattr_setsigmask");
            Check(AttrSetSigDefault(&attr, &defaults), "posix_spawnattr_setsigdefault");
            int pid;
            // Signals the shell had syscope ignore (a background job's SIGINT, nohup's SIGHUP) are
            // ignored in the child too, as if syscope were not in between.
            using (Signals.IgnoreAsAtStart())
                fixed (byte* p = pathBytes) Check(PosixSpawn(out pid, p, &actions, &attr, argvPtr, Environ), "posix_spawn");
            return pid;
        }
        finally
        {
            foreach (var h in handles) if (h.IsAllocated) h.Free();
            // glibc's destroy frees nothing and cannot fail; a failure would be a bug here.
            Check(AttrDestroy(&attr), "posix_spawnattr_destroy");
            Check(FileActionsDestroy(&actions), "posix_spawn_file_actions_destroy");
        }
    }

    /// <summary>
    /// Replaces this process with path (trace -D: syscope's own process becomes the traced command,
    /// so the command stays the caller's child).  As for <see cref="Start"/>: the C library's
    /// environment, the signals blocked at syscope's start blocked, the signals listed at their
    /// default and those the shell had ignored ignored again.  execve ends the runtime's other threads with the old
    /// image; no managed code runs in between.  Returns only by throwing, when execve failed.
    /// </summary>
    public static void Exec(string path, IReadOnlyList<string> argv, ReadOnlySpan<int> defaultSignals)
    {
        byte[] pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        var handles = new GCHandle[argv.Count];
        byte** argvPtr = stackalloc byte*[argv.Count + 1];
        try
        {
            for (int i = 0; i < argv.Count; i++)
            {
                handles[i] = GCHandle.Alloc(Encoding.UTF8.GetBytes(argv[i] + "\0"), GCHandleType.Pinned);
                argvPtr[i] = (byte*)handles[i].AddrOfPinnedObject();
            }
            argvPtr[argv.Count] = null;
            foreach (int sig in defaultSignals) Signals.SetDefault(sig);
            Signals.SetMask(Signals.BlockedAtStart);
            using (Signals.IgnoreAsAtStart())
                fixed (byte* p = pathBytes) ExecveRaw(p, argvPtr, Environ);
            throw SyscallException.FromLast("execve");
        }
        finally
        {
            foreach (var h in handles) if (h.IsAllocated) h.Free();
        }
    }

    private static void Check(int error, string call)
    {
        if (error != 0) throw new SyscallException(call, error);
    }
}
