using System.Runtime.InteropServices;
using System.Text;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>The parts of stat(2) that lsof shows (device, inode, mode, size, owner), and the
/// modification time (ns since the epoch) that tells a file rewritten in place.</summary>
internal readonly record struct FileStat(ulong Device, ulong Inode, uint Mode, uint Uid, ulong RDevice, long Size, ulong Links = 0, long ModifiedNs = 0)
{
    public const uint S_IFMT = 0xF000, S_IFSOCK = 0xC000, S_IFLNK = 0xA000, S_IFREG = 0x8000, S_IFBLK = 0x6000;
    public const uint S_IFDIR = 0x4000, S_IFCHR = 0x2000, S_IFIFO = 0x1000;

    public uint Type => Mode & S_IFMT;

    /// <summary>glibc's gnu_dev_major/minor: the kernel's dev_t split as userspace sees it.</summary>
    public static uint Major(ulong dev) => (uint)(((dev >> 32) & 0xfffff000) | ((dev >> 8) & 0xfff));

    public static uint Minor(ulong dev) => (uint)(((dev >> 12) & 0xffffff00) | (dev & 0xff));
}

/// <summary>stat, lstat, readlink and getxattr: the per-file calls behind `files`.  Each returns
/// 0 or the negated Linux errno, because a process may close a file between two calls.</summary>
internal static unsafe partial class FileStatus
{
    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static partial int StatRaw(byte* path, Stat* buf);

    [LibraryImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static partial int LstatRaw(byte* path, Stat* buf);

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true)]
    private static partial nint ReadlinkRaw(byte* path, byte* buf, nuint size);

    [LibraryImport("libc", EntryPoint = "getxattr", SetLastError = true)]
    private static partial nint GetXattrRaw(byte* path, byte* name, byte* value, nuint size);

    public static int Stat(string path, out FileStat st) => Call(path, follow: true, out st);

    /// <summary>stat of a path given as bytes (no terminating NUL needed), without allocating.</summary>
    public static int Stat(ReadOnlySpan<byte> path, out FileStat st) => Call(path, follow: true, out st);

    /// <summary>lstat of a path given as bytes (no terminating NUL needed), without allocating.</summary>
    public static int Lstat(ReadOnlySpan<byte> path, out FileStat st) => Call(path, follow: false, out st);

    private static int Call(ReadOnlySpan<byte> path, bool follow, out FileStat st)
    {
        st = default;
        if (path.Length > 4095) return -36;   // ENAMETOOLONG
        Span<byte> p = stackalloc byte[path.Length + 1];
        path.CopyTo(p);
        p[path.Length] = 0;
        Stat b;
        int rc;
        fixed (byte* pp = p) rc = follow ? StatRaw(pp, &b) : LstatRaw(pp, &b);
        if (rc != 0) return -SyscallException.LastErrno();
        st = From(b);
        return 0;
    }

    public static int Lstat(string path, out FileStat st) => Call(path, follow: false, out st);

    private static FileStat From(in Stat b) => new(b.Dev, b.Ino, b.Mode, b.Uid, b.Rdev, b.Size, b.Nlink, b.Mtime * 1_000_000_000 + b.MtimeNsec);

    private static int Call(string path, bool follow, out FileStat st)
    {
        Span<byte> p = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        p[Encoding.UTF8.GetBytes(path, p)] = 0;
        Stat b;
        int rc;
        fixed (byte* pp = p) rc = follow ? StatRaw(pp, &b) : LstatRaw(pp, &b);
        if (rc != 0) { st = default; return -SyscallException.LastErrno(); }
        st = From(b);
        return 0;
    }

    /// <summary>What realpath(3) gives, as the kernel resolves it (every symlink followed): the
    /// /proc/self/fd link of an O_PATH descriptor; null when the path does not resolve.</summary>
    public static string? RealPath(string path)
    {
        byte[] p = Encoding.UTF8.GetBytes(path + "\0");
        using var fd = Descriptors.Open(p, Descriptors.O_PATH | Descriptors.O_CLOEXEC);
        return fd.IsOpen ? Readlink($"/proc/self/fd/{fd.Value}", out _) : null;
    }

    /// <summary>The link's target, or null with the errno when it vanished or may not be read.
    /// Every byte is kept (see UntrustedText.Decode): targets are file names anyone may choose.</summary>
    public static string? Readlink(string path, out int errno)
    {
        Span<byte> p = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        p[Encoding.UTF8.GetBytes(path, p)] = 0;
        Span<byte> target = stackalloc byte[4097];
        int n = Readlink(p, target);
        errno = n < 0 ? -n : 0;
        return n < 0 ? null : Text.UntrustedText.Decode(target[..n]);
    }

    /// <summary>The target of the NUL-terminated link path in destination (cut to its length, no
    /// NUL added), without allocating; its length, or the negated errno.</summary>
    public static int Readlink(ReadOnlySpan<byte> pathZ, Span<byte> destination)
    {
        nint n;
        fixed (byte* pp = pathZ) fixed (byte* dp = destination) n = ReadlinkRaw(pp, dp, (nuint)destination.Length);
        return n < 0 ? -SyscallException.LastErrno() : (int)n;
    }

    /// <summary>An extended attribute into value, both names NUL-terminated; its length or the
    /// negated errno.  No allocation.</summary>
    public static int GetXattr(ReadOnlySpan<byte> pathZ, ReadOnlySpan<byte> nameZ, Span<byte> value)
    {
        nint n;
        fixed (byte* pp = pathZ) fixed (byte* np = nameZ) fixed (byte* vp = value)
            n = GetXattrRaw(pp, np, vp, (nuint)value.Length);
        return n < 0 ? -SyscallException.LastErrno() : (int)n;
    }

    /// <summary>An extended attribute as text (e.g. system.sockprotoname of a socket), or null.</summary>
    public static string? GetXattr(string path, string name)
    {
        Span<byte> p = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        p[Encoding.UTF8.GetBytes(path, p)] = 0;
        Span<byte> nm = stackalloc byte[name.Length + 1];
        nm[Encoding.ASCII.GetBytes(name, nm)] = 0;
        Span<byte> value = stackalloc byte[256];
        nint n;
        fixed (byte* pp = p) fixed (byte* np = nm) fixed (byte* vp = value)
            n = GetXattrRaw(pp, np, vp, (nuint)value.Length);
        if (n <= 0) return null;
        return Encoding.UTF8.GetString(value[..(int)n]).TrimEnd('\0');
    }
}
