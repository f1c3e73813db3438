using System.Runtime.InteropServices;
using System.Text;

namespace Syscope.Interop;

/// <summary>posix_spawn(3) and memfd_create(2): the runtime-safe way to start a child (no managed fork).</summary>
public static unsafe partial class Spawn
{
    private const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    public const uint MFD_CLOEXEC = 1;

    [LibraryImport("libc", EntryPoint = "posix_spawn")]
    private static partial int PosixSpawn(out int pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static partial int AttrInit(void* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int AttrDestroy(void* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int AttrSetFlags(void* attr, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static partial int AttrSetSigMask(void* attr, void* mask);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static partial int AttrSetSigDefault(void* attr, void* mask);

    [LibraryImport("libc", EntryPoint = "memfd_create", SetLastError = true)]
    private static partial int MemfdCreate(byte* name, uint flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteRaw(int fd, byte* buf, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2Raw(int* fds, int flags);

    /// <summary>The C library's own environment block: the one the user gave us, byte for byte.</summary>
    public static byte** Environ => *(byte***)NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "environ");

    public static int CreateMemfd(string name, uint flags)
    {
        byte[] n = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = n)
        {
            int fd = MemfdCreate(p, flags);
            if (fd < 0) throw SyscallException.FromLast("memfd_create");
            return fd;
        }
    }

    public static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = WriteRaw(fd, p + done, (nuint)(data.Length - done));
                if (n < 0)
                {
                    int e = SyscallException.LastErrno();
                    if (e == 4) continue;
                    throw new SyscallException("write", e);
                }
                done += (int)n;
            }
        }
    }

    public static (int Read, int Write) Pipe(int flags)
    {
        int* fds = stackalloc int[2];
        if (Pipe2Raw(fds, flags) != 0) throw SyscallException.FromLast("pipe2");
        return (fds[0], fds[1]);
    }

    /// <summary>Starts path with argv and the C library's environment, every signal unblocked and
    /// the signals listed reset to their default action (the runtime ignores SIGPIPE, a child must not).</summary>
    public static int Start(string path, IReadOnlyList<string> argv, ReadOnlySpan<int> defaultSignals)
    {
        byte[] pathBytes = Encoding.UTF8.GetBytes(path + "\0");
        var args = new byte[argv.Count][];
        var handles = new GCHandle[argv.Count];
        byte** argvPtr = stackalloc byte*[argv.Count + 1];
        byte* attr = stackalloc byte[512];      // posix_spawnattr_t is 336 bytes in glibc
        ulong* mask = stackalloc ulong[16];     // sigset_t is 128 bytes
        ulong* defaults = stackalloc ulong[16];
        try
        {
            for (int i = 0; i < argv.Count; i++)
            {
                args[i] = Encoding.UTF8.GetBytes(argv[i] + "\0");
                handles[i] = GCHandle.Alloc(args[i], GCHandleType.Pinned);
                argvPtr[i] = (byte*)handles[i].AddrOfPinnedObject();
            }
            argvPtr[argv.Count] = null;
            for (int i = 0; i < 16; i++) { mask[i] = 0; defaults[i] = 0; }
            foreach (int sig in defaultSignals) defaults[(sig - 1) / 64] |= 1UL << ((sig - 1) % 64);
            AttrInit(attr);
            AttrSetFlags(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
            AttrSetSigMask(attr, mask);
            AttrSetSigDefault(attr, defaults);
            int rc;
            int pid;
            fixed (byte* p = pathBytes) rc = PosixSpawn(out pid, p, null, attr, argvPtr, Environ);
            AttrDestroy(attr);
            if (rc != 0) throw new SyscallException("posix_spawn", rc);
            return pid;
        }
        finally
        {
            foreach (var h in handles) if (h.IsAllocated) h.Free();
        }
    }
}
