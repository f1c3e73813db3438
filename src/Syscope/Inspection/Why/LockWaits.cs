using Syscope.Events;
using Syscope.Inspection.Procfs;
using Syscope.Interop;
using Syscope.Syscalls;
using Syscope.Text;

namespace Syscope.Inspection.Why;

/// <summary>A thread blocked in flock() or fcntl(F_SETLKW / F_OFD_SETLKW) (lockf is the latter):
/// the file, the range asked for, and from /proc/locks who holds a lock on it that conflicts.</summary>
internal static class LockWaits
{
    private const int F_SETLKW = 7, F_OFD_SETLKW = 38;
    private const short F_RDLCK = 0;

    /// <summary>The purpose of the wait, or null when the call is not a blocking lock request.</summary>
    public static string? Describe(int pid, SyscallInfo info, ulong[] a, ITraceeMemory m, WhySession session, List<Lead> leads)
    {
        bool flock = info.Number == Sys.flock;
        if (!flock && (info.Number != Sys.fcntl || (int)a[1] is not (F_SETLKW or F_OFD_SETLKW))) return null;
        int fd = (int)a[0];
        string link = $"/proc/{pid}/fd/{fd}";
        if (FileStatus.Readlink(link, out _) is not { } target || FileStatus.Stat(link, out var st) != 0) return null;
        string path = UntrustedText.Escape(target);
        var range = flock ? default : Requested(pid, fd, a[2], m, st.Size);
        var holders = session.Locks.Where(l => l.Inode == st.Inode && l.DevMajor == FileStat.Major(st.Device) && l.DevMinor == FileStat.Minor(st.Device)
            && (flock ? l.Kind == "FLOCK" : l.Kind != "FLOCK" && Overlaps(l, range.Start, range.End) && (range.Write || l.Write))).ToList();
        string what = flock ? $"a lock on {path}" : $"a {(range.Write ? "write" : "read")} lock on {path} ({RangeText(range.Start, range.End)})";
        var named = new List<string>();
        foreach (var h in holders.Where(h => h.Pid > 0).DistinctBy(h => h.Pid))
        {
            string command = WhySession.CommandOf(h.Pid);
            named.Add($"{command} (PID {h.Pid}, {h.RangeText})");
            if (h.Pid != pid) leads.Add(new Lead(h.Pid, command, -1, $"file lock on {path}", $"holding the lock on {path}"));
        }
        if (named.Count > 0) return $"for {what}, held by {string.Join(", ", named)}";
        return holders.Count > 0 ? $"for {what}, held through an open file description whose process /proc/locks does not name"
            : $"for {what}, which no process holds now (it was being released)";
    }

    /// <summary>struct flock { short l_type; short l_whence; off_t l_start; off_t l_len; pid_t l_pid; }:
    /// the byte range asked for, made absolute (l_whence SEEK_CUR and SEEK_END); l_len 0 means to the end.</summary>
    private static (ulong Start, ulong? End, bool Write) Requested(int pid, int fd, ulong addr, ITraceeMemory m, long size)
    {
        Span<byte> buf = stackalloc byte[32];
        if (m.Read(addr, buf) < 24) return (0, null, true);
        short type = BitConverter.ToInt16(buf), whence = BitConverter.ToInt16(buf[2..]);
        long start = BitConverter.ToInt64(buf[8..]), len = BitConverter.ToInt64(buf[16..]);
        long origin = whence switch { 1 => OpenFileReaderPosition(pid, fd), 2 => size, _ => 0 };
        start += origin;
        if (len < 0) { start += len; len = -len; }
        return ((ulong)Math.Max(0, start), len == 0 ? null : (ulong)(start + len - 1), type != F_RDLCK);
    }

    private static long OpenFileReaderPosition(int pid, int fd) => Files.OpenFileReader.TryReadFdInfo(pid, fd)?.Position ?? 0;

    private static bool Overlaps(FileLock l, ulong start, ulong? end) =>
        (end is not ulong e || l.Start <= e) && (l.End is not ulong le || start <= le);

    private static string RangeText(ulong start, ulong? end) =>
        start == 0 && end == null ? "the whole file" : end is ulong e ? $"bytes {start}-{e}" : $"bytes from {start} to the end";
}
