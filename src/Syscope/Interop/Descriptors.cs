using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Syscope.Interop;

/// <summary>open, read, write, close, isatty, ioctl(TIOCGWINSZ) and memfd_create: the descriptor calls, each imported once.
/// Every descriptor opened here has an owner that closes it: <see cref="OwnedFd"/> for one used
/// within a call (no allocation: the /proc readers open one per fd they look at), a
/// SafeFileHandle for one that outlives it.</summary>
internal static unsafe partial class Descriptors
{
    public const int O_RDONLY = 0, O_RDWR = 2, O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    private const int O_WRONLY = 1, O_CREAT = 0x40, O_TRUNC = 0x200, O_APPEND = 0x400;
    private const uint MFD_CLOEXEC = 1;
    private const int EINTR = 4;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int OpenRaw(byte* path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadRaw(int fd, byte* buf, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteRaw(int fd, byte* buf, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseRaw(int fd);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2Raw(int* fds, int flags);

    /// <summary>A pipe, both ends close-on-exec (strace's -o '|command' writes into it).</summary>
    public static (SafeFileHandle Read, SafeFileHandle Write) Pipe()
    {
        int* fds = stackalloc int[2];
        if (Pipe2Raw(fds, O_CLOEXEC) != 0) throw SyscallException.FromLast("pipe2");
        return (new SafeFileHandle(fds[0], ownsHandle: true), new SafeFileHandle(fds[1], ownsHandle: true));
    }

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsattyRaw(int fd);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlRaw(int fd, nuint request, void* argument);

    private const uint TIOCGWINSZ = 0x5413;

    [LibraryImport("libc", EntryPoint = "memfd_create", SetLastError = true)]
    private static partial int MemfdCreate(byte* name, uint flags);

    [LibraryImport("libc", EntryPoint = "dup3", SetLastError = true)]
    private static partial int Dup3Raw(int oldFd, int newFd, int flags);

    /// <summary>Points descriptors of ours (0 and 1) at /dev/null, so that our copy of a pipe end no
    /// longer keeps the pipe open for the process at its other end.  Best effort: an error leaves it.</summary>
    public static void PointAtNull(params ReadOnlySpan<int> fds)
    {
        using var devNull = Open("/dev/null\0"u8, O_RDWR | O_CLOEXEC);
        if (devNull.IsOpen) foreach (int fd in fds) Dup3Raw(devNull.Value, fd, 0);
    }

    /// <summary>Opens a NUL-terminated path; the owned descriptor, or one holding the negated errno.</summary>
    public static OwnedFd Open(ReadOnlySpan<byte> pathZ, int flags)
    {
        int fd;
        fixed (byte* p = pathZ) fd = OpenRaw(p, flags, 0);
        return new OwnedFd(fd < 0 ? -SyscallException.LastErrno() : fd);
    }

    /// <summary>Creates or truncates path for writing as fopen(path, "w") does (mode 0666 less the
    /// umask), or with append as fopen(path, "a") does (strace -A), for a trace file; null and the
    /// errno when it cannot, to be said in strace's words.</summary>
    public static SafeFileHandle? CreateForWriting(string path, out int errno, bool append = false)
    {
        byte[] p = Encoding.UTF8.GetBytes(path + "\0");
        int fd;
        fixed (byte* pp = p) fd = OpenRaw(pp, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC) | O_CLOEXEC, 0x1b6);
        errno = fd < 0 ? SyscallException.LastErrno() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Opens path for reading (a recording); null and the errno when it cannot.</summary>
    public static SafeFileHandle? OpenForReading(string path, out int errno)
    {
        byte[] p = Encoding.UTF8.GetBytes(path + "\0");
        int fd;
        fixed (byte* pp = p) fd = OpenRaw(pp, O_RDONLY | O_CLOEXEC, 0);
        errno = fd < 0 ? SyscallException.LastErrno() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Whether fd is a terminal (isatty(3); its only failures, EBADF and ENOTTY, both mean no).</summary>
    public static bool IsTerminal(SafeFileHandle fd) => IsattyRaw((int)fd.DangerousGetHandle()) == 1;

    /// <summary>The size of the terminal fd is (TIOCGWINSZ); zeros when it is not one (ENOTTY) or
    /// was never given a size (a bare pseudo-terminal).</summary>
    public static Kernel.Abi.Winsize TerminalSize(SafeFileHandle fd)
    {
        Kernel.Abi.Winsize size;
        return IoctlRaw((int)fd.DangerousGetHandle(), TIOCGWINSZ, &size) == 0 ? size : default;
    }

    /// <summary>One read(2); the byte count or the negated errno.</summary>
    public static int Read(in OwnedFd fd, Span<byte> buffer)
    {
        nint n;
        fixed (byte* b = buffer) n = ReadRaw(fd.Value, b, (nuint)buffer.Length);
        return n < 0 ? -SyscallException.LastErrno() : (int)n;
    }

    /// <summary>Writes all of data, resuming after short writes and EINTR; throws on failure.</summary>
    public static void WriteAll(SafeFileHandle fd, ReadOnlySpan<byte> data)
    {
        int raw = (int)fd.DangerousGetHandle();
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = WriteRaw(raw, p + done, (nuint)(data.Length - done));
                if (n < 0)
                {
                    int e = SyscallException.LastErrno();
                    if (e == EINTR) continue;
                    throw new SyscallException("write", e);
                }
                done += (int)n;
            }
        }
    }

    /// <summary>An anonymous close-on-exec file (memfd_create(2)) holding data, owned by the caller.</summary>
    public static SafeFileHandle Memfd(string name, ReadOnlySpan<byte> data)
    {
        byte[] n = Encoding.UTF8.GetBytes(name + "\0");
        int fd;
        fixed (byte* p = n) fd = MemfdCreate(p, MFD_CLOEXEC);
        if (fd < 0) throw SyscallException.FromLast("memfd_create");
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try { WriteAll(handle, data); }
        catch { handle.Dispose(); throw; }
        return handle;
    }

    /// <summary>Closes fd; 0 or the negated errno.  Linux releases the descriptor even when close
    /// reports an error (EINTR, EIO), so a caller never closes twice.</summary>
    internal static int Close(int fd) => CloseRaw(fd) == 0 ? 0 : -SyscallException.LastErrno();
}

/// <summary>A descriptor opened within one call and closed when it ends (`using var fd = ...`),
/// on every path.  Value is the descriptor, or the negated errno of the call that failed to open it.</summary>
internal ref struct OwnedFd(int value)
{
    public int Value { get; private set; } = value;

    public readonly bool IsOpen => Value >= 0;

    public void Dispose()
    {
        // A read-only /proc file or a query socket has nothing to lose if close reports an error.
        if (Value >= 0) _ = Descriptors.Close(Value);
        Value = -1;
    }
}
